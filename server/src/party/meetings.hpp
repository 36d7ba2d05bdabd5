#pragma once
// Organisational life (三会一课 and related): the meeting types, how often each must be held (the cadence of
// shared/reference/party-development.md), and the red / yellow / green light of a branch for each type. Pure
// functions of dates, so the rules are tested without a database.
#include <string>
#include <vector>

namespace xinhuo::party {

// branch_general 支部党员大会 (quarterly) · branch_committee 支部委员会会议 (monthly) · party_group 党小组会 (monthly,
// held by a party group) · party_lecture 党课 (quarterly; the secretary gives one a year) · theme_day 主题党日
// (monthly) · life_meeting 组织生活会 and 民主评议党员 (yearly).
const std::vector<std::string>& meeting_types();
bool valid_meeting_type(const std::string& meeting_type);
// The types a branch is checked for (all but party_group, which each party group is checked for).
const std::vector<std::string>& branch_meeting_types();
// Months in one period of the type: 1, 3 or 12.
int cadence_months(const std::string& meeting_type);
// The event a present member earns: party.life_meeting_attended for life_meeting, party.meeting_attended otherwise.
const char* attended_event(const std::string& meeting_type);

inline constexpr const char* kEventMeetingAttended = "party.meeting_attended";
inline constexpr const char* kEventLifeMeetingAttended = "party.life_meeting_attended";
inline constexpr const char* kEventAbsenceRecorded = "party.absence_recorded";
// A meeting closed (once; person_id 0): payload activity_date (held on), meeting_type, node_id, branch_id, unit_id.
inline constexpr const char* kEventMeetingClosed = "party.meeting_closed";
// A member's dues of a month recorded (person_id, subject: the payment) and a development case opened, moved on or
// closed (subject: the case): the dashboards' figures of the day follow them.
inline constexpr const char* kEventDuesPaid = "party.dues_paid";
inline constexpr const char* kEventDevelopmentChanged = "party.development_changed";

struct Period {
  std::string first, last;  // dates YYYY-MM-DD, inclusive
};
// The period of the type that holds `date` (calendar months, quarters or years).
Period period_of(const std::string& meeting_type, const std::string& date);
// The period just before `p`.
Period previous_period(const std::string& meeting_type, const Period& p);
// Days before the end of a period within which a period still without a meeting shows yellow: 7 for a month, 30 for
// a quarter, 60 for a year.
int warn_days(const std::string& meeting_type);

// The state of one type of meeting for one branch (or party group) on `today`, from the dates of its closed
// meetings:
//  green  — held in the current period, or not yet but with more than warn_days left and the previous period held;
//  yellow — not yet held in the current period, which ends within warn_days (临近期限);
//  red    — the previous period passed without one and none is held yet in this one (超期未开展).
// Periods that began before `since` (when the branch came under the platform) are never counted as missed.
struct Cadence {
  std::string meeting_type, light;            // green | yellow | red
  std::string last_held_on;           // the latest closed meeting up to today, empty if none
  std::string period_first, period_last;
  bool held_this_period = false;
  int missed_this_year = 0;           // complete periods of this year (before the current one) without a meeting
};
Cadence cadence(const std::string& meeting_type, const std::vector<std::string>& held_dates, const std::string& today,
                const std::string& since);

// The light alone, for many branches on one day (the dashboards): the periods are worked out once. cadence() gives
// the same light.
class LightRule {
 public:
  LightRule(const std::string& meeting_type, const std::string& today, const std::string& since);
  // held_dates in any order; those after today do not count.
  const char* light(const std::vector<std::string>& held_dates) const;
  const Period& current() const { return current_; }

 private:
  std::string today_;
  Period current_, previous_;
  bool previous_counts_ = false, warn_ = false;
};

// The secretary's own party lecture, at least one a year: green when given this year; red when last year had none
// (and counted); yellow when not yet and the year ends within warn_days("life_meeting").
std::string secretary_lecture_light(const std::vector<std::string>& secretary_lecture_dates, const std::string& today,
                                    const std::string& since);

// The worst of lights (red > yellow > green).
std::string worst_light(const std::vector<std::string>& lights);

}  // namespace xinhuo::party
