#pragma once
// Demo survey for `seed --demo`: one open, anonymous survey of cadre01's unit (satisfaction with the unit's youth
// study, with a skip), answered by a few of the unit's other people, so that the console shows results and cadre01
// has one to answer on the phone. Made through the service as the demo unit administrator.
#include "core/clock.hpp"
#include "db/database.hpp"

namespace xinhuo::evaluation::survey {

struct DemoSurveyReport {
  long long surveys = 0, responses = 0;
};

// Does nothing without the demo accounts, or when a survey exists already.
DemoSurveyReport seed_demo_surveys(db::Database& db, const Clock& clock);

}  // namespace xinhuo::evaluation::survey
