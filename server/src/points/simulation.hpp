#pragma once
// What-if simulation of draft rule changes over a past period (nothing is written).
#include <optional>
#include <string>
#include <vector>

#include "db/sql.hpp"

namespace xinhuo::points {

// A draft change to one rule (by code); unset fields stay as the current version has them.
struct RuleChange {
  std::string rule_code;
  std::optional<int> points, cap_day, cap_month, cap_year;
  bool retire = false;
};

struct SimulationInput {
  std::string from, to;  // activity dates, inclusive
  long long node_id = 0;
  std::vector<RuleChange> changes;
  int base_score = 60, floor_score = 0;
  std::optional<int> ceiling;
};

struct Mover {
  long long person_id = 0;
  std::string name;
  long long before = 0, after = 0;  // points earned in the period
  int rank_before = 0, rank_after = 0;
};

struct SimulationResult {
  long long people = 0, entries = 0;
  long long total_before = 0, total_after = 0;
  std::vector<Mover> movers;  // everyone whose points or rank change, biggest gain first
};

SimulationResult simulate(soci::session& sql, const SimulationInput& input, const std::string& node_path);

}  // namespace xinhuo::points
