#pragma once
// Demo member development for `seed --demo` and `gen`: deterministic from the seed number and today's date.
#include <cstdint>
#include <string>

#include "db/database.hpp"

namespace xinhuo::party {

struct DemoDevelopmentReport {
  long long cases = 0, steps = 0, reports = 0, skipped = 0;
};

// Opens a case for every applicant, activist, candidate and probationary member of the roster, recorded as the
// first account (the demo administrator when there is one); does nothing without any account.
DemoDevelopmentReport seed_demo_development(db::Database& db, const std::string& today, std::uint64_t seed);

}  // namespace xinhuo::party
