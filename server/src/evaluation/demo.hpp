#pragma once
// Demo evaluation for `seed --demo`: an open 双对双排 campaign of the demo unit in which cadre01 is the line leader
// of five colleagues (their ratings still to do) and the unit administrator, the unit head, has rated; and an
// earlier campaign, published, in which cadre01 was rated and sees the result on the phone.
#include "core/clock.hpp"
#include "db/database.hpp"

namespace xinhuo::evaluation {

struct DemoEvaluationReport {
  long long campaigns = 0, ratings = 0;
};

// Does nothing without the demo accounts, or when campaigns exist already.
DemoEvaluationReport seed_demo_evaluation(db::Database& db, const Clock& clock);

}  // namespace xinhuo::evaluation
