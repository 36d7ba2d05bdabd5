#pragma once
// Dashboards (数据看板): the metrics kept in the rollups, the filters every dashboard takes, and the warning rules
// with their thresholds.
#include <map>
#include <string>
#include <vector>

#include "core/json_input.hpp"

namespace xinhuo::analytics {

// Metrics of analytics_daily (docs/architecture.md#dashboards lists who adds each).
inline constexpr const char* kMetricCheckins = "study.checkins";          // check-ins on the day
inline constexpr const char* kMetricParticipants = "study.participants";  // distinct people of the month (day: the 1st)
inline constexpr const char* kMetricMeetings = "meetings.held";           // closed meetings by type (dimension)
inline constexpr const char* kMetricPoints = "points.net";                // booked points by category (dimension)

// Summed nodes: the city, district, system and unit nodes. analytics_tree keeps each one's subtree summed by month, so
// that a dashboard reads such a child as a few rows (the branches below a unit are read node by node).
inline bool is_summed(const std::string& node_type) {
  return node_type == "city" || node_type == "district" || node_type == "system" || node_type == "unit";
}
inline constexpr const char* kSummedTypes = "('city', 'district', 'system', 'unit')";

struct Filter {
  long long node_id = 0;   // 0: the caller's widest node
  std::string from, to;    // YYYY-MM-DD, inclusive (default: this year up to today)
  bool young_only = false; // 只看年轻干部
};

// A warning rule: "below" rules (rates in %) warn when the value falls under a bound, "above" rules (counts) when it
// reaches one.
struct RuleInfo {
  std::string code, zh, en;
  bool below = true;
  long long max = 100;  // highest allowed bound
};
const std::vector<RuleInfo>& rules();
const RuleInfo* find_rule(const std::string& code);

struct Threshold {
  std::string rule;
  long long yellow = 0, red = 0;
  std::string updated_by, updated_at;
};
// Throws a 400 naming the field unless the bounds fit the rule (0 ≤ red < yellow ≤ 100 for rates; 1 ≤ yellow < red
// for counts).
void check_threshold(const RuleInfo& rule, long long yellow, long long red);
// green | yellow | red for a value under the rule's thresholds.
std::string light_of(const RuleInfo& rule, const Threshold& t, double value);

// Age bands of the people charts (age on the period's last day).
struct AgeBand {
  std::string label;
  int min_age, max_age;
};
const std::vector<AgeBand>& age_bands();

}  // namespace xinhuo::analytics
