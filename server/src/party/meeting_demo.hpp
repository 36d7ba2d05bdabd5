#pragma once
// Demo organisational life for `seed --demo` and `gen`: thirteen months of closed meetings of every branch and party
// group with their attendance, deterministic from the seed number and today's date. Most periods are kept; a few are
// skipped and the current period is often still open, so the cadence board shows green, yellow and red.
#include <cstdint>
#include <string>

#include "db/database.hpp"

namespace xinhuo::party {

struct DemoMeetingsReport {
  long long meetings = 0, attendance = 0;
};

// Does nothing without an account to record them as, or when meetings exist already.
DemoMeetingsReport seed_demo_meetings(db::Database& db, const std::string& today, std::uint64_t seed);

}  // namespace xinhuo::party
