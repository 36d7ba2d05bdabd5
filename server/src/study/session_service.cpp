#include "study/session_service.hpp"

#include <map>
#include <set>

#include "audit/recorder.hpp"
#include "core/date.hpp"
#include "core/error.hpp"
#include "core/random.hpp"
#include "org/store.hpp"
#include "study/group_service.hpp"
#include "study/group_store.hpp"
#include "study/qr_token.hpp"

namespace xinhuo::study {

namespace {

using std::chrono::hours;
using std::chrono::minutes;

const Text kNoSession{"学习活动不存在", "No such study session"};
const Text kSessionOver{"本次学习活动已结束或已取消", "The study session is closed or cancelled"};

// An ISO-8601 UTC timestamp that names a real moment ("2026-02-30T…" is refused, not rolled over).
TimePoint parse_time(const std::string& field, const std::string& text) {
  try {
    const TimePoint t = parse_iso_utc(text);
    if (iso_utc(t) == text) return t;
  } catch (const std::invalid_argument&) {
  }
  throw Error::validation(field, {"时间格式应为 YYYY-MM-DDTHH:MM:SSZ（UTC）", "Use an ISO-8601 UTC time, YYYY-MM-DDTHH:MM:SSZ"});
}

// The UTC moment a Beijing calendar day begins.
std::string beijing_day_start(const std::string& date) { return iso_utc(TimePoint(*parse_date(date)) - hours(8)); }

std::string beijing_date_of(const std::string& utc) { return beijing_date(parse_iso_utc(utc)); }

}  // namespace

// Whether the caller leads the open study group.
bool leads(soci::session& sql, const Principal& caller, long long group_id) {
  if (!caller.person_id || !group_id) return false;
  auto g = GroupStore::find(sql, group_id);
  return g && g->status == "active" && g->leader_person_id == caller.person_id;
}

void SessionService::check_details(db::Tx& tx, const Principal& caller, const SessionInput& in, long long leader_unit) const {
  if (in.title.empty()) throw Error::validation("title", {"请填写学习主题", "Give the session's title"});
  const TimePoint starts = parse_time("starts_at", in.starts_at), ends = parse_time("ends_at", in.ends_at);
  if (ends <= starts) throw Error::validation("ends_at", {"结束时间应晚于开始时间", "The end is after the start"});
  if (ends - starts > hours(24)) throw Error::validation("ends_at", {"一次学习活动不超过 24 小时", "A session lasts at most 24 hours"});
  const TimePoint now = clock_.now();
  if (starts < now - hours(24 * 90))
    throw Error::validation("starts_at", {"只能补录 90 天以内的学习活动", "A past session can be recorded up to 90 days later"});
  if (starts > now + hours(24 * 366))
    throw Error::validation("starts_at", {"开始时间不能晚于一年以后", "The start is at most a year ahead"});
  if (in.place.empty() && in.online_url.empty())
    throw Error::validation("place", {"请填写学习地点或线上链接", "Give the place or the online link"});
  if (!in.online_url.empty() && in.online_url.rfind("https://", 0) != 0 && in.online_url.rfind("http://", 0) != 0)
    throw Error::validation("online_url", {"线上链接应以 http:// 或 https:// 开头", "The link starts with http:// or https://"});
  if (in.late_after_minutes < 0 || in.late_after_minutes > 120)
    throw Error::validation("late_after_minutes", {"迟到判定应在 0 到 120 分钟之间", "Late after 0 to 120 minutes"});
  if (in.organiser_person_id) {
    auto p = org::OrgStore::person_in(tx, in.organiser_person_id);
    const bool ok = p && p->status == "active" &&
                    (leader_unit ? p->unit_id == leader_unit : GroupStore::unit_in_scope(tx.sql(), caller, p->unit_id));
    if (!ok)
      throw Error::validation("organiser_person_id", {"组织者不存在或不在管理范围内", "The organiser is not a person you manage"});
  }
}

SessionRow SessionService::organised(soci::session& sql, const Principal& caller, long long id, bool must_be_open) const {
  auto s = SessionStore::row(sql, id);
  const bool leader = s && s->audience == "group" && leads(sql, caller, s->group_id);
  if (!leader) {
    require(caller, kPermWrite);
    if (!s || !GroupStore::unit_in_scope(sql, caller, s->node_id)) throw Error::not_found(kNoSession);
  }
  if (must_be_open && s->status != "open") throw Error::conflict("session_closed", kSessionOver);
  return *s;
}

SessionRow SessionService::readable(soci::session& sql, const Principal& caller, long long id, bool* viewer_only) const {
  auto s = SessionStore::row(sql, id);
  *viewer_only = false;
  if (s && s->audience == "group" && leads(sql, caller, s->group_id)) return *s;
  require(caller, kPermRead);
  if (s && GroupStore::unit_in_scope(sql, caller, s->node_id)) return *s;
  if (s && SessionStore::reaches_scope(sql, caller, id)) {
    *viewer_only = true;
    return *s;
  }
  throw Error::not_found(kNoSession);
}

StudySession SessionService::create(const Principal& caller, const SessionInput& in) {
  long long id = 0;
  {
    db::Tx tx(db_);
    // A group's leader organises their own group's sessions; everything else needs study.write.
    const bool leader = in.audience == "group" && leads(tx.sql(), caller, in.group_id);
    if (!leader) require(caller, kPermWrite);
    long long leader_unit = 0;
    StudySession s;
    s.audience = in.audience;
    if (in.audience == "group") {
      if (!in.group_id) throw Error::validation("group_id", {"请选择学习小组", "Choose the study group"});
      auto group = GroupStore::find(tx.sql(), in.group_id);
      if (leader) leader_unit = group->unit_id;
      if (!group || group->status != "active" || (!leader && !GroupStore::unit_in_scope(tx.sql(), caller, group->unit_id)))
        throw Error::validation("group_id", {"学习小组不存在、已撤销或不在管理范围内", "No such open study group in your scope"});
      s.group_id = in.group_id;
      s.node_id = group->unit_id;
    } else if (in.audience == "unit" || in.audience == "city") {
      auto node = org::OrgStore::node_in(tx, in.node_id);
      const char* type = in.audience == "unit" ? "unit" : "city";
      if (!node || node->node_type != type || node->status != "active")
        throw Error::validation("node_id", {in.audience == "unit" ? "请选择一个未撤销的单位" : "请选择全市（市级节点）",
                                            in.audience == "unit" ? "Choose an open unit" : "Choose the city"});
      if (!GroupStore::unit_in_scope(tx.sql(), caller, in.node_id))
        throw Error::validation("node_id", {"只能为本人管理范围内的组织安排学习", "Organise sessions for the organisations you manage"});
      s.node_id = in.node_id;
    } else {
      throw Error::validation("audience", {"参加范围应为学习小组、单位或全市", "audience is group, unit or city"});
    }
    check_details(tx, caller, in, leader_unit);
    s.title = in.title;
    s.starts_at = in.starts_at;
    s.ends_at = in.ends_at;
    s.place = in.place;
    s.online_url = in.online_url;
    s.organiser_person_id = in.organiser_person_id;
    s.late_after_minutes = in.late_after_minutes;
    id = SessionStore::insert(tx, s, random_hex(32), caller.account_id, iso_utc(clock_.now()));
    audit::record(tx, caller, {.action = "study.session_created", .target_type = "study_session", .target_id = std::to_string(id),
                               .detail = {{"audience", s.audience}, {"node_id", s.node_id}, {"title", s.title},
                                          {"starts_at", s.starts_at}}},
                  clock_.now());
    tx.commit();
  }
  return get(caller, id);
}

StudySession SessionService::update(const Principal& caller, long long id, const SessionInput& in) {
  {
    db::Tx tx(db_);
    const SessionRow row = organised(tx.sql(), caller, id, true);
    const bool as_leader = !caller.can(kPermWrite) || !GroupStore::unit_in_scope(tx.sql(), caller, row.node_id);
    check_details(tx, caller, in, as_leader ? row.node_id : 0);
    StudySession s;
    s.id = id;
    s.title = in.title;
    s.starts_at = in.starts_at;
    s.ends_at = in.ends_at;
    s.place = in.place;
    s.online_url = in.online_url;
    s.organiser_person_id = in.organiser_person_id;
    s.late_after_minutes = in.late_after_minutes;
    if (!SessionStore::update_open(tx, s, iso_utc(clock_.now()))) throw Error::conflict("session_closed", kSessionOver);
    audit::record(tx, caller, {.action = "study.session_updated", .target_type = "study_session", .target_id = std::to_string(id),
                               .detail = {{"starts_at", {row.starts_at, in.starts_at}}, {"title", {row.title, in.title}}}},
                  clock_.now());
    tx.commit();
  }
  return get(caller, id);
}

StudySession SessionService::close(const Principal& caller, long long id) {
  {
    db::Tx tx(db_);
    const SessionRow s = organised(tx.sql(), caller, id, true);
    if (clock_.now() < parse_iso_utc(s.starts_at))
      throw Error::conflict("not_started", {"学习活动开始后才能结束", "Close the session once it has started"});
    const std::string now = iso_utc(clock_.now());
    if (!SessionStore::finish(tx, id, "closed", caller.account_id, now)) throw Error::conflict("session_closed", kSessionOver);
    // Whoever was expected and did not come is absent; the event lets the points ledger deduct if a rule is mapped.
    const auto absent = SessionStore::record_absences(tx, s);
    const std::string day = beijing_date_of(s.starts_at);
    for (long long person : absent)
      tx.publish({.type = kEventAbsence, .subject_id = id, .person_id = person, .occurred_at = s.starts_at,
                  .payload = {{"activity_date", day}}});
    audit::record(tx, caller, {.action = "study.session_closed", .target_type = "study_session", .target_id = std::to_string(id),
                               .detail = {{"checked_in", SessionStore::checked_in(tx.sql(), id)}, {"absent", absent.size()}}},
                  clock_.now());
    tx.commit();
  }
  return get(caller, id);
}

StudySession SessionService::cancel(const Principal& caller, long long id) {
  {
    db::Tx tx(db_);
    const SessionRow s = organised(tx.sql(), caller, id, true);
    if (SessionStore::checked_in(tx.sql(), id) > 0)
      throw Error::conflict("has_checkins", {"已有人员签到，不能取消；请结束本次学习", "People have checked in: close the session instead"});
    if (!SessionStore::finish(tx, id, "cancelled", caller.account_id, iso_utc(clock_.now())))
      throw Error::conflict("session_closed", kSessionOver);
    audit::record(tx, caller, {.action = "study.session_cancelled", .target_type = "study_session", .target_id = std::to_string(id),
                               .detail = {{"title", s.title}, {"starts_at", s.starts_at}}},
                  clock_.now());
    tx.commit();
  }
  return get(caller, id);
}

StudySession SessionService::mark(const Principal& caller, long long id, const std::vector<AttendanceMark>& marks) {
  if (marks.empty()) throw Error::validation("attendance", {"请至少登记一人", "Mark at least one person"});
  if (static_cast<int>(marks.size()) > kMaxMarksPerRequest)
    throw Error::validation("attendance", {"一次最多登记 500 人", "At most 500 people at a time"});
  {
    db::Tx tx(db_);
    const SessionRow s = organised(tx.sql(), caller, id, true);
    const std::string now = iso_utc(clock_.now());
    std::set<long long> seen;
    int changed = 0;
    for (std::size_t i = 0; i < marks.size(); ++i) {
      const auto& m = marks[i];
      const std::string field = "attendance[" + std::to_string(i) + "]";
      if (!seen.insert(m.person_id).second) throw Error::validation(field + ".person_id", {"名单中有重复的人员", "A person is listed twice"});
      if (m.status != "present" && m.status != "late" && m.status != "excused")
        throw Error::validation(field + ".status", {"签到情况应为出席、迟到或请假", "Status is present, late or excused"});
      if (m.status == "excused" && m.reason.empty())
        throw Error::validation(field + ".reason", {"请假须填写事由", "Give the reason for the excused absence"});
      if (!SessionStore::in_audience(tx.sql(), s, m.person_id))
        throw Error::validation(field + ".person_id", {"该人员不在本次学习的参加范围内", "The person is not in this session's audience"});
      const std::string before = SessionStore::checkin_status(tx.sql(), id, m.person_id);
      if (before == m.status) continue;
      const bool came_before = before == "present" || before == "late", comes = m.status != "excused";
      if (came_before && !comes)
        throw Error::conflict("already_checked_in", {"已签到的人员不能改为请假", "Someone who checked in cannot be marked excused"});
      Checkin c{.person_id = m.person_id, .status = m.status, .method = "organiser",
                .checked_in_at = comes ? now : "", .reason = comes ? "" : m.reason};
      if (before.empty())
        SessionStore::insert_checkin(tx, id, c, caller.account_id);
      else
        SessionStore::update_checkin(tx, id, c, caller.account_id);
      if (comes && !came_before)
        tx.publish({.type = kEventCheckin, .subject_id = id, .person_id = m.person_id, .occurred_at = now,
                    .payload = {{"activity_date", beijing_date(clock_.now())}}});
      ++changed;
    }
    audit::record(tx, caller, {.action = "study.attendance_marked", .target_type = "study_session", .target_id = std::to_string(id),
                               .detail = {{"marked", marks.size()}, {"changed", changed}}},
                  clock_.now());
    tx.commit();
  }
  return get(caller, id);
}

QrCode SessionService::qr(const Principal& caller, long long id) {
  QrCode out;
  {
    auto lease = db_.lease();
    const SessionRow s = organised(lease.sql(), caller, id, true);
    const long long period = qr_period(clock_.now());
    out.token = make_qr_token(id, period, s.qr_secret);
    out.session_id = id;
    out.period_seconds = kQrPeriodSeconds;
    out.valid_until = iso_utc(TimePoint(std::chrono::seconds((period + 2) * kQrPeriodSeconds)));
  }
  out.session = get(caller, id);
  return out;
}

CheckinResult SessionService::checkin(const Principal& caller, const std::string& token) {
  if (!caller.person_id)
    throw Error::forbidden("no_person", {"此账号未关联人员档案，不能签到", "This account is not linked to a person and cannot check in"});
  const Text invalid{"二维码无效，请扫描现场大屏上的签到二维码", "This is not a valid check-in code: scan the code on the organiser's screen"};
  auto parsed = parse_qr_token(token);
  if (!parsed) throw Error::bad_request("invalid_token", invalid);
  const TimePoint now = clock_.now();
  SessionRow s;
  {
    auto lease = db_.lease();
    auto row = SessionStore::row(lease.sql(), parsed->session_id);
    if (!row) throw Error::bad_request("invalid_token", invalid);
    s = *row;
    switch (check_qr_token(*parsed, s.qr_secret, qr_period(now))) {
      case QrCheck::forged: throw Error::bad_request("invalid_token", invalid);
      case QrCheck::expired:
        throw Error::bad_request("qr_expired", {"二维码已过期，请重新扫描现场大屏上的二维码", "The code has expired: scan the code on the screen again"});
      case QrCheck::valid: break;
    }
    if (s.status != "open") throw Error::conflict("session_closed", kSessionOver);
    if (now < parse_iso_utc(s.starts_at) - minutes(kCheckinOpensMinutesBefore))
      throw Error::conflict("not_started", {"签到尚未开始（开始前 30 分钟开放）", "Check-in opens 30 minutes before the start"});
    if (now > parse_iso_utc(s.ends_at)) throw Error::conflict("session_ended", {"本次学习已结束，不能再签到", "The session is over"});
    if (!SessionStore::in_audience(lease.sql(), s, caller.person_id))
      throw Error::forbidden("not_in_audience", {"你不在本次学习的参加范围内", "You are not in this session's audience"});
  }
  CheckinResult result;
  result.session.id = s.id;
  result.session.title = s.title;
  result.session.starts_at = s.starts_at;
  result.session.ends_at = s.ends_at;
  result.session.place = s.place;
  result.session.audience = s.audience;
  result.session.status = s.status;
  const std::string at = iso_utc(now);
  const std::string status = now > parse_iso_utc(s.starts_at) + minutes(s.late_after_minutes) ? "late" : "present";
  // Check-ins arriving together share one commit (see GroupCommit).
  checkins_.run([&](db::Tx& tx) {
    // Most scans are the first: the row is written straight away, and read only when it was there already.
    const Checkin c{.person_id = caller.person_id, .status = status, .method = "qr", .checked_in_at = at};
    if (!SessionStore::insert_checkin(tx, s.id, c, 0)) {
      const std::string before = SessionStore::checkin_status(tx.sql(), s.id, caller.person_id);
      if (before == "present" || before == "late") {  // scanned twice, or on another instance meanwhile
        result.already = true;
        result.status = before;
        return;
      }
      SessionStore::update_checkin(tx, s.id, c, 0);  // excused beforehand, came after all
    }
    tx.publish({.type = kEventCheckin, .subject_id = s.id, .person_id = caller.person_id, .occurred_at = at,
                .payload = {{"activity_date", beijing_date(now)}}});
    result.already = false;  // the work may run twice (see GroupCommit::run): it sets every field it reports
    result.status = status;
    result.checked_in_at = at;
  });
  if (result.already) {
    auto lease = db_.lease();
    db::Query("SELECT COALESCE(checked_in_at, '') FROM study_checkin WHERE session_id = ")
        .value(s.id)
        .add(" AND person_id = ")
        .value(caller.person_id)
        .each(lease.sql(), [&](const soci::row& r) { result.checked_in_at = r.get<std::string>(0); });
  }
  return result;
}

StudySession SessionService::get(const Principal& caller, long long id) {
  auto lease = db_.lease();
  bool viewer_only = false;
  const SessionRow row = readable(lease.sql(), caller, id, &viewer_only);
  auto s = SessionStore::find(lease.sql(), id);
  s->manageable = !viewer_only && ((caller.can(kPermWrite) && GroupStore::unit_in_scope(lease.sql(), caller, row.node_id)) ||
                                   (row.audience == "group" && leads(lease.sql(), caller, row.group_id)));
  return *s;
}

std::vector<StudySession> SessionService::list(const Principal& caller, const SessionFilter& filter, long long* total) {
  SessionFilter f = filter;
  if (!caller.can(kPermRead)) {  // a leader lists the sessions of the group they lead
    auto lease = db_.lease();
    if (!leads(lease.sql(), caller, f.group_id)) require(caller, kPermRead);
  }
  if (!f.audience.empty() && f.audience != "group" && f.audience != "unit" && f.audience != "city")
    throw Error::validation("audience", {"参加范围应为 group、unit 或 city", "audience is group, unit or city"});
  if (!f.status.empty() && f.status != "open" && f.status != "closed" && f.status != "cancelled")
    throw Error::validation("status", {"状态应为 open、closed 或 cancelled", "status is open, closed or cancelled"});
  for (auto* d : {&f.from, &f.to})
    if (!d->empty() && !parse_date(*d))
      throw Error::validation(d == &f.from ? "from" : "to", {"日期格式应为 YYYY-MM-DD", "Use the format YYYY-MM-DD"});
  if (!f.from.empty()) f.from = beijing_day_start(f.from);
  if (!f.to.empty()) f.to = beijing_day_start(format_date(*parse_date(f.to) + std::chrono::days(1)));
  auto lease = db_.lease();
  return SessionStore::list(lease.sql(), caller, f, total);
}

std::vector<Checkin> SessionService::attendance(const Principal& caller, long long id, const std::string& status, int page,
                                                int page_size, long long* total) {
  if (!status.empty() && status != "present" && status != "late" && status != "excused" && status != "absent" &&
      status != "pending")
    throw Error::validation("status", {"状态应为 present、late、excused、absent 或 pending", "status is present, late, excused, absent or pending"});
  auto lease = db_.lease();
  bool viewer_only = false;
  const SessionRow s = readable(lease.sql(), caller, id, &viewer_only);
  return SessionStore::attendance(lease.sql(), s, status, page, page_size, total, viewer_only ? &caller : nullptr);
}

std::vector<StudySession> SessionService::mine(const Principal& caller, bool past, int days) {
  if (!caller.person_id) return {};
  const std::string today = beijing_date(clock_.now());
  auto lease = db_.lease();
  if (past)
    return SessionStore::of_person(lease.sql(), caller.person_id, beijing_day_start(format_date(*parse_date(today) - std::chrono::days(366))),
                                   beijing_day_start(today), true, 100);
  return SessionStore::of_person(lease.sql(), caller.person_id, beijing_day_start(today),
                                 beijing_day_start(format_date(*parse_date(today) + std::chrono::days(days))), false, 100);
}

std::vector<YearAttendance> SessionService::attendance_by_year_of(long long person_id) {
  std::map<int, YearAttendance> years;
  auto lease = db_.lease();
  for (const auto& [starts_at, status] : SessionStore::statuses_of(lease.sql(), person_id)) {
    const int year = std::stoi(beijing_date(parse_iso_utc(starts_at)).substr(0, 4));
    auto& y = years[year];
    y.year = year;
    if (status == "present") ++y.present;
    else if (status == "late") ++y.late;
    else if (status == "excused") ++y.excused;
    else ++y.absent;
  }
  std::vector<YearAttendance> out;
  for (auto& [year, y] : years) out.push_back(y);
  return out;
}

}  // namespace xinhuo::study
