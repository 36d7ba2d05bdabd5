#pragma once
// Demo lecture teams for `seed --demo`: the city's youth lecture team (潮涌青年宣讲团) with young lecturers from several
// units (the demo cadres among them) and a unit team, a season of confirmed lectures at unit, district and city level
// (booked as points through the lecture events), and one lecture reported from the phone awaiting confirmation.
#include <cstdint>

#include "core/clock.hpp"
#include "db/database.hpp"

namespace xinhuo::study {

struct DemoLecturesReport {
  long long teams = 0, lecturers = 0, lectures = 0;
};

// Does nothing without an account to record them as, or when lecture teams exist already.
DemoLecturesReport seed_demo_lectures(db::Database& db, const Clock& clock, std::uint64_t seed);

}  // namespace xinhuo::study
