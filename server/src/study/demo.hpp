#pragma once
// Demo study sessions for `seed --demo`: this year's history (every youth study group's fortnightly evening study and
// each unit's monthly study of all its staff, closed with their attendance), and for the groups of a few units (the
// demo accounts' unit first) last week's evening study, closed, and tonight's, open for check-in on the phone.
#include <cstdint>

#include "core/clock.hpp"
#include "db/database.hpp"

namespace xinhuo::study {

struct DemoSessionsReport {
  long long sessions = 0, checkins = 0;
};

// Does nothing without an account to record them as, or when sessions exist already.
DemoSessionsReport seed_demo_sessions(db::Database& db, TimePoint now, std::uint64_t seed);

}  // namespace xinhuo::study
