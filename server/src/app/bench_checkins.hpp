#pragma once
// Set-up for the check-in benchmark (bench/checkin): a city-wide study session open now and `people` party members
// each with an account and a signed-in session, their cookies written one per line. Benchmarks only: the accounts
// get no usable password, and the sessions are written directly as a sign-in would write them.
#include <ostream>
#include <string>

#include "db/database.hpp"

namespace xinhuo::app {

struct CheckinBench {
  long long session_id = 0;
  long long people = 0;
};

CheckinBench prepare_checkin_bench(db::Database& db, long long people, const std::string& cookie_name, std::ostream& cookies);

}  // namespace xinhuo::app
