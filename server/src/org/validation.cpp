#include "org/validation.hpp"

#include <cctype>

#include "core/error.hpp"
#include "core/json_input.hpp"

namespace xinhuo::org {

bool valid_date(const std::string& d) {
  if (d.size() != 10 || d[4] != '-' || d[7] != '-') return false;
  for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u})
    if (!std::isdigit(static_cast<unsigned char>(d[i]))) return false;
  const int y = std::stoi(d.substr(0, 4)), m = std::stoi(d.substr(5, 2)), day = std::stoi(d.substr(8, 2));
  static const int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || day < 1 || day > days[m - 1]) return false;
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return !(m == 2 && day == 29 && !leap);
}

void check_text(const std::string& field, const std::string& value, std::size_t max, bool required) {
  auto length = utf8_length(value);
  if (!length) throw Error::validation(field, {"含有无效字符", "Contains invalid characters"});
  if (required && value.find_first_not_of(' ') == std::string::npos)
    throw Error::validation(field, {"必须填写", "Required"});
  if (*length > max)
    throw Error::validation(field, {"不能超过 " + std::to_string(max) + " 个字", "At most " + std::to_string(max) + " characters"});
}


}  // namespace xinhuo::org
