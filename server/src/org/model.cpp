#include "org/model.hpp"

namespace xinhuo::org {

int age_on(const std::string& birth, const std::string& today) {
  if (birth.size() < 10 || today.size() < 10) return 0;
  int age = std::stoi(today.substr(0, 4)) - std::stoi(birth.substr(0, 4));
  if (today.substr(5, 5) < birth.substr(5, 5)) --age;  // birthday not reached yet this year
  return age;
}

}  // namespace xinhuo::org
