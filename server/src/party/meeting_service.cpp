#include "party/meeting_service.hpp"

#include <algorithm>
#include <set>

#include "audit/recorder.hpp"
#include "core/date.hpp"
#include "core/error.hpp"
#include "files/service.hpp"
#include "org/facts.hpp"
#include "org/store.hpp"
#include "party/store.hpp"

namespace xinhuo::party {

namespace {

const Text kNoMeeting{"会议记录不存在", "No such meeting"};
const Text kClosed{"会议已结束归档，不能再修改", "The meeting is closed and can no longer be changed"};

std::string previous_year_start(const std::string& today) {
  return std::to_string(std::stoi(today.substr(0, 4)) - 1) + "-01-01";
}

}  // namespace

std::string MeetingService::today() const { return beijing_date(clock_.now()); }

void MeetingService::require(const Principal& caller, const char* permission) const {
  if (!caller.can(permission)) throw Error::forbidden("forbidden", {"没有执行此操作的权限", "You are not allowed to do this"});
}

void MeetingService::check_details(soci::session& sql, const Principal& caller, const MeetingInput& in,
                                   const Meeting* before) const {
  if (!parse_date(in.held_on)) throw Error::validation("held_on", {"日期格式应为 YYYY-MM-DD", "Use the format YYYY-MM-DD"});
  if (in.held_on < "2000-01-01") throw Error::validation("held_on", {"日期过早", "The date is too early"});
  if (in.topic.empty()) throw Error::validation("topic", {"请填写会议主题", "Give the topic"});
  const std::string meeting_type = before ? before->meeting_type : in.meeting_type;
  if (meeting_type == "party_lecture" && in.lecturer.empty())
    throw Error::validation("lecturer", {"党课须填写授课人", "Name who gave the party lecture"});
  if (meeting_type != "party_lecture" && (!in.lecturer.empty() || in.lecturer_is_secretary))
    throw Error::validation("lecturer", {"只有党课填写授课人", "Only a party lecture has a lecturer"});
  auto host = PartyStore::person(sql, in.host_person_id);
  if (!host || host->status != "active" || !org::person_in_scope(sql, caller, in.host_person_id))
    throw Error::validation("host_person_id", {"主持人不存在或不在管理范围内", "The host is not a person you manage"});
  if (static_cast<int>(in.photos.size()) > kMaxMeetingPhotos)
    throw Error::validation("photos", {"照片最多 9 张", "At most 9 photos"});
  // Photos already on the meeting were checked when they were added (perhaps by another recorder).
  std::vector<long long> added;
  for (long long p : in.photos)
    if (!before || std::find(before->photos.begin(), before->photos.end(), p) == before->photos.end()) added.push_back(p);
  files::FilesService::require_owned(sql, caller, added, "photos", files::FileKind::image);
}

Meeting MeetingService::open_meeting(db::Tx& tx, const Principal& caller, long long id) const {
  auto m = MeetingStore::find(tx.sql(), id);
  if (!m || !MeetingStore::visible(tx.sql(), caller, id)) throw Error::not_found(kNoMeeting);
  if (m->status != "open") throw Error::conflict("meeting_closed", kClosed);
  return *m;
}

Meeting MeetingService::create(const Principal& caller, const MeetingInput& in) {
  require(caller, kPermWrite);
  if (!valid_meeting_type(in.meeting_type))
    throw Error::validation("meeting_type", {"会议类型不正确", "Meeting type is branch_general, branch_committee, party_group, "
                                                        "party_lecture, theme_day or life_meeting"});
  long long id = 0;
  {
    db::Tx tx(db_);
    auto node = org::OrgStore::node_in(tx, in.node_id);
    if (!node || node->status != "active")
      throw Error::validation("node_id", {"组织不存在或已撤销", "No such active organisation"});
    const bool group = node->node_type == "party_group";
    if (in.meeting_type == "party_group" ? !group : (node->node_type != "branch" && node->node_type != "general_branch"))
      throw Error::validation("node_id", {in.meeting_type == "party_group" ? "党小组会由党小组召开" : "该会议由党支部召开",
                                          in.meeting_type == "party_group" ? "A party group holds a party group meeting"
                                                                   : "A branch holds this meeting"});
    Meeting m;
    m.node_id = in.node_id;
    m.branch_id = group ? node->parent_id : in.node_id;
    m.unit_id = org::OrgStore::unit_above(tx, m.branch_id);
    if (!m.unit_id) throw Error::validation("node_id", {"该组织不在任何单位之下", "The organisation is not under a unit"});
    if (!MeetingStore::branch_in_scope(tx.sql(), caller, m.unit_id, m.branch_id))
      throw Error::validation("node_id", {"只能记录本人管理范围内的组织的会议", "Record meetings of organisations you manage"});
    check_details(tx.sql(), caller, in, nullptr);
    m.meeting_type = in.meeting_type;
    m.held_on = in.held_on;
    m.topic = in.topic;
    m.host_person_id = in.host_person_id;
    m.lecturer = in.lecturer;
    m.lecturer_is_secretary = in.lecturer_is_secretary;
    m.location = in.location;
    m.minutes = in.minutes;
    m.photos = in.photos;
    const std::string now = iso_utc(clock_.now());
    id = MeetingStore::insert(tx, m, caller.account_id, now);
    MeetingStore::replace_attendance(tx, id, MeetingStore::branch_members(tx.sql(), m.branch_id));
    audit::record(tx, caller, {.action = "party.meeting_created", .target_type = "party_meeting", .target_id = std::to_string(id),
                               .detail = {{"node_id", in.node_id}, {"meeting_type", in.meeting_type}, {"held_on", in.held_on}}},
                  clock_.now());
    tx.commit();
  }
  return get(caller, id);
}

Meeting MeetingService::update(const Principal& caller, long long id, const MeetingInput& in) {
  require(caller, kPermWrite);
  {
    db::Tx tx(db_);
    Meeting m = open_meeting(tx, caller, id);
    check_details(tx.sql(), caller, in, &m);
    m.held_on = in.held_on;
    m.topic = in.topic;
    m.host_person_id = in.host_person_id;
    m.lecturer = in.lecturer;
    m.lecturer_is_secretary = in.lecturer_is_secretary;
    m.location = in.location;
    m.minutes = in.minutes;
    m.photos = in.photos;
    if (!MeetingStore::update_open(tx, m, iso_utc(clock_.now()))) throw Error::conflict("meeting_closed", kClosed);
    audit::record(tx, caller, {.action = "party.meeting_updated", .target_type = "party_meeting", .target_id = std::to_string(id)},
                  clock_.now());
    tx.commit();
  }
  return get(caller, id);
}

Meeting MeetingService::set_attendance(const Principal& caller, long long id, const std::vector<Attendance>& rows) {
  require(caller, kPermWrite);
  if (static_cast<int>(rows.size()) > kMaxAttendance)
    throw Error::validation("attendance", {"出席名单最多 500 人", "At most 500 people"});
  {
    db::Tx tx(db_);
    const Meeting m = open_meeting(tx, caller, id);
    std::set<long long> seen;
    for (std::size_t i = 0; i < rows.size(); ++i) {
      const auto& a = rows[i];
      const std::string field = "attendance[" + std::to_string(i) + "]";
      if (!seen.insert(a.person_id).second)
        throw Error::validation(field + ".person_id", {"名单中有重复的人员", "A person is listed twice"});
      if (a.status != "present" && a.status != "excused" && a.status != "absent")
        throw Error::validation(field + ".status", {"出席情况应为出席、请假或缺席", "Status is present, excused or absent"});
      if (a.status == "excused" && a.reason.empty())
        throw Error::validation(field + ".reason", {"请假须填写事由", "Give the reason for the excused absence"});
      auto p = PartyStore::person(tx.sql(), a.person_id);
      if (!p || p->status != "active" || p->branch_id != m.branch_id)
        throw Error::validation(field + ".person_id", {"该人员不是本支部的在册人员", "The person is not on this branch's roster"});
    }
    MeetingStore::replace_attendance(tx, id, rows);
    audit::record(tx, caller, {.action = "party.meeting_attendance", .target_type = "party_meeting", .target_id = std::to_string(id),
                               .detail = {{"people", rows.size()}}},
                  clock_.now());
    tx.commit();
  }
  return get(caller, id);
}

Meeting MeetingService::close(const Principal& caller, long long id) {
  require(caller, kPermWrite);
  {
    db::Tx tx(db_);
    const Meeting m = open_meeting(tx, caller, id);
    if (m.held_on > today())
      throw Error::validation("held_on", {"会议日期在今天之后，召开后才能结束归档", "The meeting is later than today: close it once held"});
    if (m.minutes.empty()) throw Error::validation("minutes", {"请先填写会议记录", "Write the minutes first"});
    const auto attendance = MeetingStore::attendance(tx.sql(), id);
    if (std::none_of(attendance.begin(), attendance.end(), [](const Attendance& a) { return a.status == "present"; }))
      throw Error::validation("attendance", {"出席名单中没有出席的人员", "Nobody is marked present"});
    const std::string now = iso_utc(clock_.now());
    if (!MeetingStore::close(tx, id, caller.account_id, now)) throw Error::conflict("meeting_closed", kClosed);
    // Each member's attendance as an event: the points ledger books the mapped rule (once per meeting and person).
    for (const auto& a : attendance) {
      if (a.status == "excused") continue;
      tx.publish({.type = a.status == "present" ? attended_event(m.meeting_type) : kEventAbsenceRecorded,
                  .subject_id = id,
                  .person_id = a.person_id,
                  .occurred_at = m.held_on + "T02:00:00Z",
                  .payload = {{"activity_date", m.held_on}, {"meeting_type", m.meeting_type}}});
    }
    tx.publish({.type = kEventMeetingClosed, .subject_id = id, .occurred_at = m.held_on + "T02:00:00Z",
                .payload = {{"activity_date", m.held_on}, {"meeting_type", m.meeting_type}, {"node_id", m.node_id},
                            {"branch_id", m.branch_id}, {"unit_id", m.unit_id}}});
    audit::record(tx, caller, {.action = "party.meeting_closed", .target_type = "party_meeting", .target_id = std::to_string(id),
                               .detail = {{"present", m.present}, {"excused", m.excused}, {"absent", m.absent}}},
                  clock_.now());
    tx.commit();
  }
  return get(caller, id);
}

void MeetingService::remove(const Principal& caller, long long id) {
  require(caller, kPermWrite);
  db::Tx tx(db_);
  const Meeting m = open_meeting(tx, caller, id);
  if (!MeetingStore::delete_open(tx, id)) throw Error::conflict("meeting_closed", kClosed);
  audit::record(tx, caller, {.action = "party.meeting_deleted", .target_type = "party_meeting", .target_id = std::to_string(id),
                             .detail = {{"meeting_type", m.meeting_type}, {"held_on", m.held_on}, {"topic", m.topic}}},
                clock_.now());
  tx.commit();
}

Meeting MeetingService::get(const Principal& caller, long long id) {
  require(caller, kPermRead);
  auto lease = db_.lease();
  auto m = MeetingStore::find(lease.sql(), id);
  if (!m || !MeetingStore::visible(lease.sql(), caller, id)) throw Error::not_found(kNoMeeting);
  m->attendance = MeetingStore::attendance(lease.sql(), id);
  return *m;
}

std::vector<Meeting> MeetingService::list(const Principal& caller, const MeetingFilter& filter, long long* total) {
  require(caller, kPermRead);
  if (!filter.meeting_type.empty() && !valid_meeting_type(filter.meeting_type)) throw Error::validation("meeting_type", {"会议类型不正确", "Unknown meeting_type"});
  if (!filter.status.empty() && filter.status != "open" && filter.status != "closed")
    throw Error::validation("status", {"状态应为 open 或 closed", "Status is open or closed"});
  for (const auto& [name, value] : {std::pair{"from", filter.from}, std::pair{"to", filter.to}})
    if (!value.empty() && !parse_date(value)) throw Error::validation(name, {"日期格式应为 YYYY-MM-DD", "Use the format YYYY-MM-DD"});
  auto lease = db_.lease();
  return MeetingStore::list(lease.sql(), caller, filter, total);
}

std::vector<BranchCadence> MeetingService::cadence(const Principal& caller, long long node_id, int page, int page_size,
                                                   long long* total) {
  require(caller, kPermRead);
  const std::string day = today();
  auto lease = db_.lease();
  const auto nodes = MeetingStore::nodes(lease.sql(), caller, node_id, page, page_size, total);
  std::vector<long long> ids;
  for (const auto& n : nodes) ids.push_back(n.id);
  const auto held = MeetingStore::held(lease.sql(), ids, previous_year_start(day));
  const auto first = MeetingStore::first_meetings(lease.sql(), ids);
  static const std::vector<std::string> none;
  std::vector<BranchCadence> out;
  for (const auto& n : nodes) {
    BranchCadence b{.node_id = n.id, .node_name = n.name, .node_type = n.node_type, .unit_name = n.unit_name};
    // Held to the cadence from when the branch was set up, or from its first meeting recorded here if earlier.
    std::string since = n.created_on;
    if (auto f = first.find(n.id); f != first.end() && f->second < since) since = f->second;
    const auto h = held.find(n.id);
    auto dates = [&](const std::string& meeting_type) -> const std::vector<std::string>& {
      if (h == held.end()) return none;
      auto k = h->second.find(meeting_type);
      return k == h->second.end() ? none : k->second;
    };
    std::vector<std::string> lights;
    const std::vector<std::string> group_kinds = {"party_group"};
    for (const auto& meeting_type : n.node_type == "party_group" ? group_kinds : branch_meeting_types()) {
      b.meeting_types.push_back(party::cadence(meeting_type, dates(meeting_type), day, since));
      lights.push_back(b.meeting_types.back().light);
    }
    if (n.node_type != "party_group") {
      b.secretary_lecture_light = secretary_lecture_light(dates("secretary_lecture"), day, since);
      lights.push_back(b.secretary_lecture_light);
    }
    b.light = worst_light(lights);
    out.push_back(std::move(b));
  }
  return out;
}

std::vector<Meeting> MeetingService::mine(const Principal& caller) {
  if (!caller.person_id)
    throw Error::forbidden("no_person", {"账号未关联人员", "This account is not linked to a person"});
  auto lease = db_.lease();
  return MeetingStore::of_person(lease.sql(), caller.person_id, 100);
}

}  // namespace xinhuo::party
