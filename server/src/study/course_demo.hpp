#pragma once
// Demo online courses and a reading activity for `seed --demo`: a few city-wide courses (videos and a document) and one
// of the demo unit (市教育局), with the unit's people part way through them — cadre01 has one in progress, one
// completed and one still to start — and a reading activity of the unit with some notes.
#include <cstdint>

#include "core/clock.hpp"
#include "db/database.hpp"

namespace xinhuo::study {

struct DemoCoursesReport {
  long long courses = 0, progress = 0, readings = 0, notes = 0;
};

// Does nothing without an account to record them as, without the demo unit, or when courses exist already.
DemoCoursesReport seed_demo_courses(db::Database& db, TimePoint now, std::uint64_t seed);

}  // namespace xinhuo::study
