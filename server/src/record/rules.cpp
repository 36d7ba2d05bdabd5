#include <algorithm>

#include "record/model.hpp"

namespace xinhuo::record {

const std::vector<std::string>& categories() {
  static const std::vector<std::string> v = {"work_result", "key_task",        "frontline",       "training",
                                             "conduct_work", "conduct_outside", "mass_evaluation", "shortcoming"};
  return v;
}

const std::vector<std::string>& source_kinds() {
  static const std::vector<std::string> v = {"self", "unit", "leader", "residents", "inspection", "module"};
  return v;
}

const std::vector<std::string>& entry_states() {
  static const std::vector<std::string> v = {"pending", "confirmed", "rejected", "contested", "withdrawn"};
  return v;
}

bool one_of(const std::vector<std::string>& list, const std::string& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

bool valid_period(const std::string& period) {
  if (period.size() != 4 && period.size() != 6) return false;
  if (!std::all_of(period.begin(), period.begin() + 4, [](char c) { return c >= '0' && c <= '9'; })) return false;
  const int year = std::stoi(period.substr(0, 4));
  if (year < 2000 || year > 2100) return false;
  return period.size() == 4 || period.substr(4) == "H1" || period.substr(4) == "H2";
}

}  // namespace xinhuo::record
