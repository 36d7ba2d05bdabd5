#pragma once
// Field checks shared by the person form and the Excel import, so both refuse exactly the same values.
#include <string>

namespace xinhuo::org {

// A real calendar date written as YYYY-MM-DD (1900–2100).
bool valid_date(const std::string& date);
// Throws a 400 naming `field` when the text is not UTF-8, is empty while required, or is longer than `max`.
void check_text(const std::string& field, const std::string& value, std::size_t max, bool required);

}  // namespace xinhuo::org
