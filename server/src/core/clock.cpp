#include "core/clock.hpp"

#include <chrono>
#include <stdexcept>

namespace xinhuo {

namespace {
// "YYYY-MM-DDTHH:MM:SS" into out (19 characters). Written by hand: it runs several times on every request (the
// access log, the session check) and fmt's chrono formatting cost a few thousand instructions each time.
void put_date_time(char* out, std::chrono::sys_seconds t) {
  using namespace std::chrono;
  const auto day = floor<days>(t);
  const year_month_day ymd(day);
  const hh_mm_ss<seconds> hms(t - day);
  const auto put = [&](int at, int digits, long long v) {
    for (int i = digits - 1; i >= 0; --i, v /= 10) out[at + i] = static_cast<char>('0' + v % 10);
  };
  put(0, 4, static_cast<int>(ymd.year()));
  out[4] = '-';
  put(5, 2, static_cast<unsigned>(ymd.month()));
  out[7] = '-';
  put(8, 2, static_cast<unsigned>(ymd.day()));
  out[10] = 'T';
  put(11, 2, hms.hours().count());
  out[13] = ':';
  put(14, 2, hms.minutes().count());
  out[16] = ':';
  put(17, 2, hms.seconds().count());
}
}  // namespace

std::string iso_utc(TimePoint t) {
  char buf[20];
  put_date_time(buf, std::chrono::floor<std::chrono::seconds>(t));
  buf[19] = 'Z';
  return std::string(buf, 20);
}

std::string iso_utc_millis(TimePoint t) {
  const auto ms = (std::chrono::floor<std::chrono::milliseconds>(t).time_since_epoch().count() % 1000 + 1000) % 1000;
  char buf[24];
  put_date_time(buf, std::chrono::floor<std::chrono::seconds>(t));
  buf[19] = '.';
  buf[20] = static_cast<char>('0' + ms / 100);
  buf[21] = static_cast<char>('0' + ms / 10 % 10);
  buf[22] = static_cast<char>('0' + ms % 10);
  buf[23] = 'Z';
  return std::string(buf, 24);
}

// Read on every signed-in request (the session's last activity), so digits are read by position instead of sscanf.
// Fields out of range roll over as with timegm(); callers that need a real moment compare with iso_utc() again.
TimePoint parse_iso_utc(const std::string& text) {
  static constexpr std::string_view kShape = "dddd-dd-ddTdd:dd:ddZ";
  bool ok = text.size() == kShape.size();
  for (std::size_t i = 0; ok && i < kShape.size(); ++i)
    ok = kShape[i] == 'd' ? text[i] >= '0' && text[i] <= '9' : text[i] == kShape[i];
  if (!ok) throw std::invalid_argument("not an ISO-8601 UTC timestamp: " + text);
  const auto num = [&](std::size_t at, std::size_t n) {
    int v = 0;
    for (std::size_t i = at; i < at + n; ++i) v = v * 10 + (text[i] - '0');
    return v;
  };
  // Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil); day and month may overflow.
  long long y = num(0, 4);
  const int m = num(5, 2);
  y += (m - 1) / 12;
  const int mm = (m - 1) % 12 + 1;
  if (mm <= 2) --y;
  const long long era = (y >= 0 ? y : y - 399) / 400;
  const long long yoe = y - era * 400;
  const long long doy = (153 * (mm + (mm > 2 ? -3 : 9)) + 2) / 5 + num(8, 2) - 1;
  const long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  const long long days = era * 146097 + doe - 719468;
  const long long seconds = days * 86400 + num(11, 2) * 3600LL + num(14, 2) * 60LL + num(17, 2);
  return TimePoint(std::chrono::seconds(seconds));
}

}  // namespace xinhuo
