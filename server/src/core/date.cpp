#include "core/date.hpp"

#include <cctype>
#include <cstdio>

namespace xinhuo {

using namespace std::chrono;

std::optional<Date> parse_date(const std::string& text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u})
    if (!std::isdigit(static_cast<unsigned char>(text[i]))) return std::nullopt;
  const year_month_day ymd{year{std::stoi(text.substr(0, 4))}, month{static_cast<unsigned>(std::stoi(text.substr(5, 2)))},
                           day{static_cast<unsigned>(std::stoi(text.substr(8, 2)))}};
  if (!ymd.ok() || ymd.year() < year{1900} || ymd.year() > year{2100}) return std::nullopt;
  return sys_days{ymd};
}

std::string format_date(Date d) {
  const year_month_day ymd{d};
  char out[16];
  std::snprintf(out, sizeof out, "%04d-%02u-%02u", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                static_cast<unsigned>(ymd.day()));
  return out;
}

Date add_months(Date d, int n) {
  const year_month_day ymd{d};
  const year_month ym = year_month{ymd.year(), ymd.month()} + months{n};
  const day last = year_month_day_last{ym.year(), month_day_last{ym.month()}}.day();
  return sys_days{year_month_day{ym.year(), ym.month(), ymd.day() > last ? last : ymd.day()}};
}

int working_days(Date from, Date to) {
  int n = 0;
  for (Date d = from; d <= to; d += days{1}) {
    const weekday w{d};
    if (w != Saturday && w != Sunday) ++n;
  }
  return n;
}

std::string beijing_date(TimePoint t) { return format_date(floor<days>(t + hours(8))); }

int years_between(Date birth, Date on) {
  const year_month_day b{birth}, o{on};
  int years = static_cast<int>(o.year()) - static_cast<int>(b.year());
  if (month_day{o.month(), o.day()} < month_day{b.month(), b.day()}) --years;
  return years;
}

}  // namespace xinhuo
