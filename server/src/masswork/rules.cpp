#include <algorithm>

#include "masswork/model.hpp"

namespace xinhuo::masswork {

const std::vector<std::string>& project_categories() {
  static const std::vector<std::string> v = {"wish", "elderly", "children", "environment", "employment", "other"};
  return v;
}

const std::vector<std::string>& project_states() {
  static const std::vector<std::string> v = {"published", "claimed", "done", "rated", "closed"};
  return v;
}

bool one_of(const std::vector<std::string>& list, const std::string& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

bool step_allowed(const std::string& state, const std::string& step) {
  if (step == "claim") return state == "published";
  if (step == "progress" || step == "done") return state == "claimed";
  if (step == "rate") return state == "done";
  // A project nobody claimed may be withdrawn by closing it; otherwise it closes once rated.
  if (step == "close") return state == "rated" || state == "published";
  return false;
}

}  // namespace xinhuo::masswork
