#include "study/lecture_service.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "audit/recorder.hpp"
#include "core/date.hpp"
#include "core/error.hpp"
#include "core/xlsx.hpp"
#include "files/service.hpp"
#include "org/store.hpp"
#include "study/group_service.hpp"
#include "study/group_store.hpp"

namespace xinhuo::study {

namespace {

const Text kNoTeam{"宣讲团不存在", "No such lecture team"};
const Text kTeamClosed{"宣讲团已撤销", "The lecture team is closed"};
const Text kNoLecture{"宣讲记录不存在", "No such lecture"};
const Text kDecided{"该宣讲已被处理（确认、退回或撤销），请刷新", "The lecture has been decided already: reload it"};

const char* level_zh(const std::string& level) {
  return level == "city" ? "市级" : level == "district" ? "区级" : "单位";
}

void check_team_name(const std::string& name) {
  if (name.empty()) throw Error::validation("name", {"请填写宣讲团名称", "Give the team's name"});
}

std::string checked_date(const std::string& field, const std::string& text, const std::string& today) {
  auto d = parse_date(text);
  if (!d || format_date(*d) != text) throw Error::validation(field, {"日期格式应为 YYYY-MM-DD", "Use the format YYYY-MM-DD"});
  if (text > today) throw Error::validation(field, {"日期不能晚于今天", "The date is not after today"});
  return text;
}

}  // namespace

LectureTeam LectureService::managed_team(db::Tx& tx, const Principal& caller, long long id, bool must_be_active) const {
  require(caller, kPermWrite);
  auto t = LectureStore::team(tx.sql(), id);
  if (!t || !GroupStore::unit_in_scope(tx.sql(), caller, t->node_id)) throw Error::not_found(kNoTeam);
  if (must_be_active && t->status != "active") throw Error::conflict("team_closed", kTeamClosed);
  return *t;
}

LectureTeam LectureService::create_team(const Principal& caller, const TeamInput& in) {
  require(caller, kPermWrite);
  check_team_name(in.name);
  long long id = 0;
  {
    db::Tx tx(db_);
    auto node = org::OrgStore::node_in(tx, in.node_id);
    if (!node || node->status != "active" ||
        (node->node_type != "unit" && node->node_type != "district" && node->node_type != "city"))
      throw Error::validation("node_id", {"宣讲团属于一个未撤销的单位、区县或全市", "A lecture team belongs to an open unit, district or the city"});
    if (!GroupStore::unit_in_scope(tx.sql(), caller, in.node_id))
      throw Error::validation("node_id", {"只能在本人管理范围内建立宣讲团", "Create teams in the organisations you manage"});
    if (LectureStore::team_name_taken(tx.sql(), in.node_id, in.name, 0))
      throw Error::conflict("duplicate_name", {"该组织已有同名的宣讲团", "The organisation has a team of this name"});
    LectureTeam t;
    t.node_id = in.node_id;
    t.name = in.name;
    t.description = in.description;
    id = LectureStore::insert_team(tx, t, caller.account_id, iso_utc(clock_.now()));
    audit::record(tx, caller, {.action = "study.lecture_team_created", .target_type = "lecture_team", .target_id = std::to_string(id),
                               .detail = {{"node_id", in.node_id}, {"name", in.name}}},
                  clock_.now());
    tx.commit();
  }
  return team(caller, id);
}

LectureTeam LectureService::update_team(const Principal& caller, long long id, const TeamInput& in) {
  check_team_name(in.name);
  {
    db::Tx tx(db_);
    const LectureTeam t = managed_team(tx, caller, id, true);
    if (LectureStore::team_name_taken(tx.sql(), t.node_id, in.name, id))
      throw Error::conflict("duplicate_name", {"该组织已有同名的宣讲团", "The organisation has a team of this name"});
    if (!LectureStore::update_team(tx, id, in.name, in.description, iso_utc(clock_.now())))
      throw Error::conflict("team_closed", kTeamClosed);
    audit::record(tx, caller, {.action = "study.lecture_team_updated", .target_type = "lecture_team", .target_id = std::to_string(id),
                               .detail = {{"name", {t.name, in.name}}}},
                  clock_.now());
    tx.commit();
  }
  return team(caller, id);
}

LectureTeam LectureService::close_team(const Principal& caller, long long id) {
  {
    db::Tx tx(db_);
    const LectureTeam t = managed_team(tx, caller, id, true);
    if (t.pending_count > 0)
      throw Error::conflict("has_pending", {"还有待确认的宣讲，请先确认或退回", "Confirm or reject the reported lectures first"});
    if (!LectureStore::close_team(tx, id, iso_utc(clock_.now()))) throw Error::conflict("team_closed", kTeamClosed);
    audit::record(tx, caller, {.action = "study.lecture_team_closed", .target_type = "lecture_team", .target_id = std::to_string(id),
                               .detail = {{"name", t.name}}},
                  clock_.now());
    tx.commit();
  }
  return team(caller, id);
}

LectureTeam LectureService::add_lecturer(const Principal& caller, long long team_id, const LecturerInput& in) {
  const std::string today = beijing_date(clock_.now());
  const std::string joined = in.joined_on.empty() ? today : checked_date("joined_on", in.joined_on, today);
  {
    db::Tx tx(db_);
    const LectureTeam t = managed_team(tx, caller, team_id, true);
    if (!LectureStore::person_under(tx.sql(), in.person_id, t.node_id) ||
        !GroupStore::unit_in_scope(tx.sql(), caller, org::OrgStore::person_in(tx, in.person_id)->unit_id))
      throw Error::validation("person_id", {"宣讲员应为本组织在册人员", "A lecturer is a person of the team's organisation"});
    if (LectureStore::member_status(tx.sql(), team_id, in.person_id) == "active")
      throw Error::conflict("already_lecturer", {"该人员已是本宣讲团的宣讲员", "The person lectures for the team already"});
    LectureStore::join(tx, team_id, in.person_id, in.topics, joined);
    audit::record(tx, caller, {.action = "study.lecturer_added", .target_type = "lecture_team", .target_id = std::to_string(team_id),
                               .detail = {{"person_id", in.person_id}, {"joined_on", joined}}},
                  clock_.now());
    tx.commit();
  }
  return team(caller, team_id);
}

LectureTeam LectureService::update_lecturer(const Principal& caller, long long team_id, const LecturerInput& in) {
  {
    db::Tx tx(db_);
    managed_team(tx, caller, team_id, true);
    if (!LectureStore::update_topics(tx, team_id, in.person_id, in.topics))
      throw Error::not_found({"该人员不是本宣讲团的在团宣讲员", "The person is not an active lecturer of the team"});
    tx.commit();
  }
  return team(caller, team_id);
}

LectureTeam LectureService::remove_lecturer(const Principal& caller, long long team_id, long long person_id) {
  {
    db::Tx tx(db_);
    managed_team(tx, caller, team_id, true);
    if (!LectureStore::leave(tx, team_id, person_id, beijing_date(clock_.now())))
      throw Error::conflict("not_lecturer", {"该人员不是本宣讲团的在团宣讲员", "The person is not an active lecturer of the team"});
    audit::record(tx, caller, {.action = "study.lecturer_left", .target_type = "lecture_team", .target_id = std::to_string(team_id),
                               .detail = {{"person_id", person_id}}},
                  clock_.now());
    tx.commit();
  }
  return team(caller, team_id);
}

LectureTeam LectureService::team(const Principal& caller, long long id) {
  require(caller, kPermRead);
  auto lease = db_.lease();
  auto t = LectureStore::team(lease.sql(), id);
  if (!t || !GroupStore::unit_in_scope(lease.sql(), caller, t->node_id)) throw Error::not_found(kNoTeam);
  t->lecturers = LectureStore::lecturers(lease.sql(), id);
  return *t;
}

std::vector<LectureTeam> LectureService::teams(const Principal& caller, const TeamFilter& f, long long* total) {
  require(caller, kPermRead);
  if (!f.status.empty() && f.status != "active" && f.status != "closed")
    throw Error::validation("status", {"状态应为 active 或 closed", "status is active or closed"});
  auto lease = db_.lease();
  return LectureStore::teams(lease.sql(), caller, f, total);
}

Lecture LectureService::checked_lecture(db::Tx& tx, const Principal& caller, const LectureInput& in) const {
  const std::string today = beijing_date(clock_.now());
  if (in.topic.empty()) throw Error::validation("topic", {"请填写宣讲主题", "Give the lecture's topic"});
  checked_date("held_on", in.held_on, today);
  if (in.held_on < format_date(*parse_date(today) - std::chrono::days(366)))
    throw Error::validation("held_on", {"只能登记一年以内的宣讲", "A lecture can be recorded up to a year later"});
  if (in.place.empty()) throw Error::validation("place", {"请填写宣讲地点", "Give the place"});
  if (in.audience_kind != "cadres" && in.audience_kind != "public")
    throw Error::validation("audience_kind", {"宣讲对象应为干部职工或群众", "audience_kind is cadres or public"});
  if (in.audience_size < 1 || in.audience_size > kMaxAudience)
    throw Error::validation("audience_size", {"听众人数应为 1 到 100000 之间的整数", "The audience is a whole number from 1 to 100000"});
  if (in.level != "unit" && in.level != "district" && in.level != "city")
    throw Error::validation("level", {"宣讲层级应为单位、区级或市级", "level is unit, district or city"});
  if (in.lecturer_ids.empty()) throw Error::validation("lecturer_ids", {"请选择宣讲人", "Choose who gave the lecture"});
  if (static_cast<int>(in.lecturer_ids.size()) > kMaxLecturers)
    throw Error::validation("lecturer_ids", {"宣讲人最多 10 位", "At most 10 lecturers"});
  if (static_cast<int>(in.photos.size()) > kMaxLecturePhotos)
    throw Error::validation("photos", {"照片最多 9 张", "At most 9 photos"});
  Lecture l;
  std::set<long long> seen;
  for (std::size_t i = 0; i < in.lecturer_ids.size(); ++i) {
    const std::string field = "lecturer_ids[" + std::to_string(i) + "]";
    const long long person = in.lecturer_ids[i];
    if (!seen.insert(person).second) throw Error::validation(field, {"宣讲人重复", "A lecturer is listed twice"});
    if (LectureStore::member_status(tx.sql(), in.team_id, person) != "active")
      throw Error::validation(field, {"宣讲人应为本宣讲团的在团宣讲员", "Each lecturer is an active lecturer of the team"});
    l.lecturers.push_back({.person_id = person, .name = {}});
  }
  files::FilesService::require_owned(tx.sql(), caller, in.photos, "photos", files::FileKind::image);
  l.team_id = in.team_id;
  l.topic = in.topic;
  l.held_on = in.held_on;
  l.place = in.place;
  l.audience_kind = in.audience_kind;
  l.audience_size = static_cast<int>(in.audience_size);
  l.level = in.level;
  l.notes = in.notes;
  l.photos = in.photos;
  return l;
}

void LectureService::publish_points(db::Tx& tx, const Lecture& l) const {
  // Noon in Beijing on the day it was held; the activity date is that day.
  const std::string at = iso_utc(TimePoint(*parse_date(l.held_on)) + std::chrono::hours(4));
  for (const auto& p : l.lecturers)
    tx.publish({.type = l.level == "city" ? kEventLectureCity : kEventLecture, .subject_id = l.id, .person_id = p.person_id,
                .occurred_at = at, .payload = {{"activity_date", l.held_on}, {"level", l.level}}});
}

Lecture LectureService::insert(const Principal& caller, const LectureInput& in, bool confirmed) {
  long long id = 0;
  {
    db::Tx tx(db_);
    if (confirmed) {
      managed_team(tx, caller, in.team_id, true);
    } else {
      auto t = LectureStore::team(tx.sql(), in.team_id);
      if (!t || LectureStore::member_status(tx.sql(), in.team_id, caller.person_id) != "active")
        throw Error::validation("team_id", {"你不是该宣讲团的在团宣讲员", "You are not an active lecturer of this team"});
      if (t->status != "active") throw Error::conflict("team_closed", kTeamClosed);
    }
    Lecture l = checked_lecture(tx, caller, in);
    l.reported_by = confirmed ? 0 : caller.person_id;
    const std::string now = iso_utc(clock_.now());
    id = LectureStore::insert_lecture(tx, l, confirmed ? "confirmed" : "pending", caller.account_id, now);
    l.id = id;
    if (confirmed) publish_points(tx, l);
    audit::record(tx, caller, {.action = confirmed ? "study.lecture_recorded" : "study.lecture_reported", .target_type = "lecture",
                               .target_id = std::to_string(id),
                               .detail = {{"team_id", l.team_id}, {"held_on", l.held_on}, {"level", l.level},
                                          {"lecturers", in.lecturer_ids}}},
                  clock_.now());
    tx.commit();
  }
  auto lease = db_.lease();
  return *LectureStore::lecture(lease.sql(), id);
}

Lecture LectureService::record(const Principal& caller, const LectureInput& in) {
  require(caller, kPermWrite);
  return insert(caller, in, true);
}

Lecture LectureService::report(const Principal& caller, const LectureInput& in) {
  if (!caller.person_id)
    throw Error::forbidden("no_person", {"此账号未关联人员档案，不能登记宣讲", "This account is not linked to a person"});
  LectureInput mine = in;
  // The lecturer reporting gave the lecture: they are among its lecturers even when the form left them out.
  if (std::find(mine.lecturer_ids.begin(), mine.lecturer_ids.end(), caller.person_id) == mine.lecturer_ids.end())
    mine.lecturer_ids.insert(mine.lecturer_ids.begin(), caller.person_id);
  return insert(caller, mine, false);
}

Lecture LectureService::confirm(const Principal& caller, long long id) {
  require(caller, kPermWrite);
  {
    db::Tx tx(db_);
    auto l = LectureStore::lecture(tx.sql(), id);
    if (!l) throw Error::not_found(kNoLecture);
    managed_team(tx, caller, l->team_id, false);
    // Compare-and-set: a second click (or a second administrator) finds it decided and books nothing.
    if (!LectureStore::decide(tx, id, "pending", "confirmed", caller.account_id, "", iso_utc(clock_.now())))
      throw Error::conflict("lecture_decided", kDecided);
    publish_points(tx, *l);
    audit::record(tx, caller, {.action = "study.lecture_confirmed", .target_type = "lecture", .target_id = std::to_string(id),
                               .detail = {{"level", l->level}, {"lecturers", l->lecturers.size()}}},
                  clock_.now());
    tx.commit();
  }
  return lecture(caller, id);
}

Lecture LectureService::reject(const Principal& caller, long long id, const std::string& reason) {
  require(caller, kPermWrite);
  if (reason.empty()) throw Error::validation("reason", {"请填写退回理由", "Give the reason for rejecting it"});
  {
    db::Tx tx(db_);
    auto l = LectureStore::lecture(tx.sql(), id);
    if (!l) throw Error::not_found(kNoLecture);
    managed_team(tx, caller, l->team_id, false);
    if (!LectureStore::decide(tx, id, "pending", "rejected", caller.account_id, reason, iso_utc(clock_.now())))
      throw Error::conflict("lecture_decided", kDecided);
    audit::record(tx, caller, {.action = "study.lecture_rejected", .target_type = "lecture", .target_id = std::to_string(id),
                               .detail = {{"reason", reason}}},
                  clock_.now());
    tx.commit();
  }
  return lecture(caller, id);
}

Lecture LectureService::cancel(const Principal& caller, long long id, bool as_reporter) {
  {
    db::Tx tx(db_);
    auto l = LectureStore::lecture(tx.sql(), id);
    const bool reporter = as_reporter;
    if (as_reporter) {
      if (!caller.person_id)
        throw Error::forbidden("no_person", {"此账号未关联人员档案", "This account is not linked to a person"});
      if (!l || l->reported_by != caller.person_id) throw Error::not_found(kNoLecture);
    } else {
      require(caller, kPermWrite);
      if (!l) throw Error::not_found(kNoLecture);
      managed_team(tx, caller, l->team_id, false);
    }
    if (l->status == "confirmed")
      throw Error::conflict("lecture_confirmed", {"已确认的宣讲已计入积分，不能撤销；如需更正请由积分管理员冲正相应积分",
                                                  "A confirmed lecture has earned its points and cannot be cancelled; a points "
                                                  "administrator corrects the points by reversing the entries"});
    if (!LectureStore::decide(tx, id, "pending", "cancelled", caller.account_id, "", iso_utc(clock_.now())))
      throw Error::conflict("lecture_decided", kDecided);
    audit::record(tx, caller, {.action = "study.lecture_cancelled", .target_type = "lecture", .target_id = std::to_string(id),
                               .detail = {{"by_reporter", reporter}}},
                  clock_.now());
    tx.commit();
  }
  auto lease = db_.lease();
  return *LectureStore::lecture(lease.sql(), id);
}

Lecture LectureService::lecture(const Principal& caller, long long id) {
  auto lease = db_.lease();
  auto l = LectureStore::lecture(lease.sql(), id);
  if (l && caller.person_id) {  // a lecturer sees the lectures they gave or reported
    if (l->reported_by == caller.person_id) return *l;
    for (const auto& p : l->lecturers)
      if (p.person_id == caller.person_id) return *l;
  }
  require(caller, kPermRead);
  if (!l) throw Error::not_found(kNoLecture);
  auto t = LectureStore::team(lease.sql(), l->team_id);
  if (!GroupStore::unit_in_scope(lease.sql(), caller, t->node_id)) throw Error::not_found(kNoLecture);
  return *l;
}

LectureFilter LectureService::checked_filter(LectureFilter f) const {
  if (!f.status.empty() && f.status != "pending" && f.status != "confirmed" && f.status != "rejected" && f.status != "cancelled")
    throw Error::validation("status", {"状态应为 pending、confirmed、rejected 或 cancelled", "status is pending, confirmed, rejected or cancelled"});
  if (!f.level.empty() && f.level != "unit" && f.level != "district" && f.level != "city")
    throw Error::validation("level", {"层级应为 unit、district 或 city", "level is unit, district or city"});
  if (!f.audience_kind.empty() && f.audience_kind != "cadres" && f.audience_kind != "public")
    throw Error::validation("audience_kind", {"宣讲对象应为 cadres 或 public", "audience_kind is cadres or public"});
  for (auto* d : {&f.from, &f.to})
    if (!d->empty() && !parse_date(*d))
      throw Error::validation(d == &f.from ? "from" : "to", {"日期格式应为 YYYY-MM-DD", "Use the format YYYY-MM-DD"});
  return f;
}

std::vector<Lecture> LectureService::lectures(const Principal& caller, LectureFilter f, long long* total) {
  require(caller, kPermRead);
  f = checked_filter(f);
  auto lease = db_.lease();
  return LectureStore::lectures(lease.sql(), &caller, f, total);
}

LectureStats LectureService::stats(const Principal& caller, LectureFilter f) {
  require(caller, kPermRead);
  f = checked_filter(f);
  auto lease = db_.lease();
  return LectureStore::stats(lease.sql(), &caller, f);
}

std::string LectureService::export_xlsx(const Principal& caller, LectureFilter f) {
  f.page = 1;
  f.page_size = 50000;
  long long total = 0;
  const auto rows = lectures(caller, f, &total);
  static const std::map<std::string, std::string> status = {
      {"pending", "待确认"}, {"confirmed", "已确认"}, {"rejected", "已退回"}, {"cancelled", "已撤销"}};
  Sheet sheet{.name = "宣讲记录",
              .header = {"日期", "宣讲团", "主题", "宣讲人", "地点", "宣讲对象", "听众人数", "层级", "状态", "备注"},
              .widths = {12, 24, 36, 20, 24, 10, 10, 8, 8, 30},
              .rows = {}};
  for (const auto& l : rows) {
    std::string names;
    for (const auto& p : l.lecturers) names += (names.empty() ? "" : "、") + p.name;
    sheet.rows.push_back({l.held_on, l.team_name, l.topic, names, l.place, l.audience_kind == "public" ? "群众" : "干部职工",
                          std::to_string(l.audience_size), level_zh(l.level), status.at(l.status), l.notes});
  }
  std::string bytes = write_xlsx(sheet);
  db::Tx tx(db_);
  audit::record(tx, caller, {.action = "study.lectures_exported", .target_type = "lecture_team", .target_id = std::to_string(f.team_id),
                             .detail = {{"from", f.from}, {"to", f.to}, {"rows", rows.size()}}},
                clock_.now());
  tx.commit();
  return bytes;
}

LecturerRecord LectureService::lecturer_record(const Principal& caller, long long person_id, int year) {
  require(caller, kPermRead);
  auto lease = db_.lease();
  if (!LectureStore::lecturer_in_scope(lease.sql(), caller, person_id))
    throw Error::not_found({"宣讲员不存在或不在管理范围内", "No such lecturer in your scope"});
  LecturerRecord r;
  r.person_id = person_id;
  r.name = LectureStore::person_name(lease.sql(), person_id);
  LectureFilter f{.person_id = person_id, .page = 1, .page_size = 500};
  if (year) {
    f.from = std::to_string(year) + "-01-01";
    f.to = std::to_string(year) + "-12-31";
  }
  long long total = 0;
  r.lectures = LectureStore::lectures(lease.sql(), &caller, f, &total);
  r.stats = LectureStore::stats(lease.sql(), &caller, f);
  return r;
}

LecturerRecord LectureService::my_record(const Principal& caller) {
  if (!caller.person_id)
    throw Error::forbidden("no_person", {"此账号未关联人员档案", "This account is not linked to a person"});
  return record_of(caller.person_id, 200);
}

LecturerRecord LectureService::record_of(long long person_id) { return record_of(person_id, 1000); }

LecturerRecord LectureService::record_of(long long person_id, int limit) {
  auto lease = db_.lease();
  LecturerRecord r;
  r.person_id = person_id;
  r.name = LectureStore::person_name(lease.sql(), person_id);
  r.teams = LectureStore::teams_of(lease.sql(), person_id);
  LectureFilter f{.person_id = person_id, .page = 1, .page_size = limit};
  long long total = 0;
  r.lectures = LectureStore::lectures(lease.sql(), nullptr, f, &total);
  r.stats = LectureStore::stats(lease.sql(), nullptr, f);
  return r;
}

}  // namespace xinhuo::study
