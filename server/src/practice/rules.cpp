#include "practice/rules.hpp"

#include <algorithm>

#include "core/date.hpp"

namespace xinhuo::practice {

const std::vector<std::string>& assignment_types() {
  static const std::vector<std::string> list = {"frontline", "secondment", "east_west", "counterpart", "mountain_sea", "urgent"};
  return list;
}
const std::vector<std::string>& urgent_kinds() {
  static const std::vector<std::string> list = {"epidemic", "emergency", "flood", "safety", "other"};
  return list;
}
const std::vector<std::string>& grades() {
  static const std::vector<std::string> list = {"excellent", "good", "qualified", "unqualified"};
  return list;
}
const std::vector<std::string>& training_kinds() {
  static const std::vector<std::string> list = {"party_spirit", "theory", "skill", "young_cadre", "other"};
  return list;
}
const std::vector<std::string>& training_results() {
  static const std::vector<std::string> list = {"excellent", "qualified", "unqualified"};
  return list;
}
const std::vector<std::string>& competition_levels() {
  static const std::vector<std::string> list = {"unit", "district", "city", "province"};
  return list;
}
bool one_of(const std::vector<std::string>& list, const std::string& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

std::vector<std::string> transition_from(const std::string& action) {
  if (action == "start") return {"planned"};
  if (action == "mid_term") return {"active"};
  if (action == "complete") return {"active", "mid_term"};
  if (action == "terminate") return {"planned", "active", "mid_term"};
  return {};
}

std::string length_class(const std::string& starts_on, const std::string& actual_end) {
  const auto from = parse_date(starts_on), to = parse_date(actual_end);
  if (!from || !to || *to < *from) return "none";
  if (*to >= add_months(*from, 2)) return "long";
  if (days_between(*from, *to) + 1 >= 7) return "short";
  return "none";
}

const char* completion_event(const std::string& length_class) {
  if (length_class == "long") return kEventCompletedLong;
  if (length_class == "short") return kEventCompletedShort;
  return nullptr;
}

std::vector<int> ranks(const std::vector<double>& scores) {
  std::vector<int> out(scores.size(), 0);
  for (std::size_t i = 0; i < scores.size(); ++i) {
    int higher = 0;
    for (double s : scores)
      if (s > scores[i]) ++higher;
    out[i] = higher + 1;
  }
  return out;
}

}  // namespace xinhuo::practice
