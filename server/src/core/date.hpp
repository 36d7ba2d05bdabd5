#pragma once
// Calendar dates as the platform writes them ("YYYY-MM-DD"): parsing, month arithmetic that clamps to the end
// of the month (31 January + 1 month = 28 or 29 February), working days, and today's date in Beijing.
#include <chrono>
#include <optional>
#include <string>

#include "core/clock.hpp"

namespace xinhuo {

using Date = std::chrono::sys_days;

// nullopt unless the text is a real date written as YYYY-MM-DD.
std::optional<Date> parse_date(const std::string& text);
std::string format_date(Date d);
// The same day `months` later (or earlier), clamped to the last day of a shorter month.
Date add_months(Date d, int months);
inline Date add_years(Date d, int years) { return add_months(d, 12 * years); }
// Monday to Friday from `from` to `to`, both included (public holidays are not known here).
int working_days(Date from, Date to);
// Whole days from `from` to `to` (negative when `to` is earlier).
inline int days_between(Date from, Date to) { return static_cast<int>((to - from).count()); }
// The calendar date in China (UTC+8) at `t`: the date users mean when they say "today".
std::string beijing_date(TimePoint t);
// Full years of age on `on` for someone born on `birth`.
int years_between(Date birth, Date on);

}  // namespace xinhuo
