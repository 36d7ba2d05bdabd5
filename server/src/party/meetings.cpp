#include "party/meetings.hpp"

#include <algorithm>
#include <chrono>

#include "core/date.hpp"

namespace xinhuo::party {

namespace {

bool held_within(const std::vector<std::string>& dates, const Period& p) {
  return std::any_of(dates.begin(), dates.end(), [&](const std::string& d) { return d >= p.first && d <= p.last; });
}

// A period counts (can be missed) only when the branch existed for all of it.
bool counts(const Period& p, const std::string& since) { return !since.empty() && since <= p.first; }

int rank(const std::string& light) { return light == "red" ? 2 : light == "yellow" ? 1 : 0; }

}  // namespace

const std::vector<std::string>& meeting_types() {
  static const std::vector<std::string> all = {"branch_general", "branch_committee", "party_group",
                                                 "party_lecture",  "theme_day",        "life_meeting"};
  return all;
}

bool valid_meeting_type(const std::string& meeting_type) {
  const auto& k = meeting_types();
  return std::find(k.begin(), k.end(), meeting_type) != k.end();
}

const std::vector<std::string>& branch_meeting_types() {
  static const std::vector<std::string> held_by_branches = {"branch_general", "branch_committee", "party_lecture", "theme_day",
                                                 "life_meeting"};
  return held_by_branches;
}

int cadence_months(const std::string& meeting_type) {
  if (meeting_type == "branch_general" || meeting_type == "party_lecture") return 3;
  if (meeting_type == "life_meeting") return 12;
  return 1;
}

const char* attended_event(const std::string& meeting_type) {
  return meeting_type == "life_meeting" ? kEventLifeMeetingAttended : kEventMeetingAttended;
}

int warn_days(const std::string& meeting_type) {
  const int months = cadence_months(meeting_type);
  return months == 1 ? 7 : months == 3 ? 30 : 60;
}

Period period_of(const std::string& meeting_type, const std::string& date) {
  const auto d = parse_date(date);
  if (!d) return {};
  const std::chrono::year_month_day ymd{*d};
  const int months = cadence_months(meeting_type);
  const unsigned first_month = (static_cast<unsigned>(ymd.month()) - 1) / months * months + 1;
  const Date first = std::chrono::sys_days{ymd.year() / std::chrono::month{first_month} / 1};
  return {format_date(first), format_date(add_months(first, months) - std::chrono::days{1})};
}

Period previous_period(const std::string& meeting_type, const Period& p) {
  const auto first = parse_date(p.first);
  if (!first) return {};
  return period_of(meeting_type, format_date(*first - std::chrono::days{1}));
}

LightRule::LightRule(const std::string& meeting_type, const std::string& today, const std::string& since)
    : today_(today), current_(period_of(meeting_type, today)), previous_(previous_period(meeting_type, current_)),
      previous_counts_(counts(previous_, since)),
      warn_(days_between(*parse_date(today), *parse_date(current_.last)) < warn_days(meeting_type)) {}

const char* LightRule::light(const std::vector<std::string>& held_dates) const {
  bool held_now = false, held_before = false;
  for (const auto& d : held_dates) {
    if (d > today_) continue;  // a meeting dated later than today is not held yet
    held_now = held_now || (d >= current_.first && d <= current_.last);
    held_before = held_before || (d >= previous_.first && d <= previous_.last);
  }
  if (held_now) return "green";
  if (previous_counts_ && !held_before) return "red";
  return warn_ ? "yellow" : "green";
}

Cadence cadence(const std::string& meeting_type, const std::vector<std::string>& held_dates, const std::string& today,
                const std::string& since) {
  Cadence c;
  c.meeting_type = meeting_type;
  std::vector<std::string> held;  // a meeting dated later than today is not held yet
  for (const auto& d : held_dates)
    if (d <= today) held.push_back(d);
  for (const auto& d : held)
    if (d > c.last_held_on) c.last_held_on = d;
  const Period current = period_of(meeting_type, today);
  c.period_first = current.first;
  c.period_last = current.last;
  c.held_this_period = held_within(held, current);
  c.light = LightRule(meeting_type, today, since).light(held);
  for (Period p = period_of(meeting_type, today.substr(0, 4) + "-01-01"); p.first < current.first;
       p = period_of(meeting_type, format_date(*parse_date(p.last) + std::chrono::days{1})))
    if (counts(p, since) && !held_within(held, p)) ++c.missed_this_year;
  return c;
}

std::string secretary_lecture_light(const std::vector<std::string>& dates, const std::string& today,
                                    const std::string& since) {
  const Period year = period_of("life_meeting", today);
  if (held_within(dates, year)) return "green";
  const Period last_year = previous_period("life_meeting", year);
  if (counts(last_year, since) && !held_within(dates, last_year)) return "red";
  return days_between(*parse_date(today), *parse_date(year.last)) < warn_days("life_meeting") ? "yellow" : "green";
}

std::string worst_light(const std::vector<std::string>& lights) {
  std::string worst = "green";
  for (const auto& l : lights)
    if (rank(l) > rank(worst)) worst = l;
  return worst;
}

}  // namespace xinhuo::party
