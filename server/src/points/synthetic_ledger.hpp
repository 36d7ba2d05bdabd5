#pragma once
// A synthetic year of points at benchmark scale: millions of ledger entries for the party members of a generated
// database, with the caps, floor and ceiling applied as bookings would, their balances, and the rank counts — written
// in bulk (many rows per statement, one transaction per few thousand people) instead of booking one by one.
#include <cstdint>
#include <functional>

#include "db/database.hpp"

namespace xinhuo::points {

// Roughly what a member's year looks like, shared by the demo seed and the synthetic ledger: the event types and how
// many of each a member has in a month (meetings and study most months, the rest now and then).
struct DemoActivity {
  const char* type;
  double per_month;
};
inline constexpr DemoActivity kDemoActivities[] = {
    {"party.meeting_attended", 0.45},
    {"study.checkin", 0.35},
    {"study.course_hour", 0.15},
    {"mass.household_visited", 0.1},
    {"party.life_meeting_attended", 0.08},
    {"study.lecture_given", 0.03},
    {"practice.assignment_completed_short", 0.02},
    {"mass.micro_project_completed", 0.03},
    {"party.absence_recorded", 0.02},
    {"party.dues_overdue", 0.005},
};

struct SyntheticLedgerOptions {
  long long entries = 0;       // spread evenly over the active party members
  std::uint64_t seed = 20261129;
  std::string today;           // YYYY-MM-DD: activity dates run from 1 January of its year to this day
  std::function<void(long long entries_written)> progress;  // called after each transaction
};

struct SyntheticLedgerReport {
  long long members = 0, entries = 0, balances = 0, rank_rows = 0;
};

// Needs the default catalog and an empty ledger; throws std::runtime_error otherwise.
SyntheticLedgerReport generate_ledger(db::Database& db, const SyntheticLedgerOptions& options);

}  // namespace xinhuo::points
