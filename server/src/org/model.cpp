#include "org/model.hpp"

#include <utility>

namespace xinhuo::org {

int age_on(const std::string& birth, const std::string& today) {
  if (birth.size() < 10 || today.size() < 10) return 0;
  int age = std::stoi(today.substr(0, 4)) - std::stoi(birth.substr(0, 4));
  if (today.substr(5, 5) < birth.substr(5, 5)) --age;  // birthday not reached yet this year
  return age;
}

std::string_view party_status_name(std::string_view code) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 6> names = {{
      {"masses", "群众"}, {"applicant", "入党申请人"}, {"activist", "入党积极分子"},
      {"candidate", "发展对象"}, {"probationary", "预备党员"}, {"full", "正式党员"}}};
  for (const auto& [c, n] : names)
    if (c == code) return n;
  return code;
}

}  // namespace xinhuo::org
