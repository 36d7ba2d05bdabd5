#pragma once
// Demo party dues for `seed --demo`: every active member's declared income for this year and their payments from
// January (or the month they joined) to this month, deterministic from the seed number. Most members are paid up,
// this month's are paid with the salary on the 10th, and a few members have stopped paying, so the dues pages, the arrears
// warnings and the dashboards' payment rate show what a real city does.
#include <cstdint>
#include <string>

#include "db/database.hpp"

namespace xinhuo::party {

struct DemoDuesReport {
  long long bases = 0, payments = 0, behind = 0;  // behind: members three or more months in arrears
};

// Does nothing without an account to record them as, or when payments exist already.
DemoDuesReport seed_demo_dues(db::Database& db, const std::string& today, std::uint64_t seed);

}  // namespace xinhuo::party
