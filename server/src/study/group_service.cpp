#include "study/group_service.hpp"

#include <set>

#include "audit/recorder.hpp"
#include "core/date.hpp"
#include "core/error.hpp"
#include "org/store.hpp"

namespace xinhuo::study {

namespace {

const Text kNoGroup{"学习小组不存在", "No such study group"};
const Text kGroupClosed{"学习小组已撤销", "The study group is closed"};

void check_name(const std::string& name) {
  if (name.empty()) throw Error::validation("name", {"请填写小组名称", "Give the group's name"});
}

}  // namespace

void require(const Principal& caller, const char* permission) {
  if (!caller.can(permission)) throw Error::forbidden("forbidden", {"没有执行此操作的权限", "You are not allowed to do this"});
}

std::string GroupService::today() const { return beijing_date(clock_.now()); }

StudyGroup GroupService::active_group(db::Tx& tx, const Principal& caller, long long id) const {
  auto g = GroupStore::find(tx.sql(), id);
  if (!g || !GroupStore::unit_in_scope(tx.sql(), caller, g->unit_id)) throw Error::not_found(kNoGroup);
  if (g->status != "active") throw Error::conflict("group_closed", kGroupClosed);
  return *g;
}

void GroupService::check_leader(db::Tx& tx, long long unit_id, long long leader) const {
  if (!leader) return;
  auto p = org::OrgStore::person_in(tx, leader);
  if (!p || p->status != "active" || p->unit_id != unit_id)
    throw Error::validation("leader_person_id", {"组长应为本单位在册人员", "The leader is a person of this unit"});
}

StudyGroup GroupService::create(const Principal& caller, const GroupInput& in) {
  require(caller, kPermWrite);
  check_name(in.name);
  long long id = 0;
  {
    db::Tx tx(db_);
    auto unit = org::OrgStore::node_in(tx, in.unit_id);
    if (!unit || unit->node_type != "unit" || unit->status != "active")
      throw Error::validation("unit_id", {"学习小组建在单位下，请选择一个未撤销的单位", "A study group belongs to an open unit"});
    if (!GroupStore::unit_in_scope(tx.sql(), caller, in.unit_id))
      throw Error::validation("unit_id", {"只能在本人管理范围内的单位建立学习小组", "Create groups in units you manage"});
    check_leader(tx, in.unit_id, in.leader_person_id);
    if (GroupStore::name_taken(tx.sql(), in.unit_id, in.name))
      throw Error::conflict("duplicate_name", {"本单位已有同名的学习小组", "The unit already has a group of this name"});
    const std::string now = iso_utc(clock_.now());
    StudyGroup g;
    g.unit_id = in.unit_id;
    g.name = in.name;
    g.leader_person_id = in.leader_person_id;
    id = GroupStore::insert(tx, g, now);
    if (in.leader_person_id) GroupStore::add_member(tx, id, in.leader_person_id, now);
    audit::record(tx, caller, {.action = "study.group_created", .target_type = "study_group", .target_id = std::to_string(id),
                               .detail = {{"unit_id", in.unit_id}, {"name", in.name}}},
                  clock_.now());
    tx.commit();
  }
  return get(caller, id);
}

StudyGroup GroupService::update(const Principal& caller, long long id, const GroupInput& in) {
  require(caller, kPermWrite);
  check_name(in.name);
  {
    db::Tx tx(db_);
    StudyGroup g = active_group(tx, caller, id);
    check_leader(tx, g.unit_id, in.leader_person_id);
    const std::string now = iso_utc(clock_.now());
    Json detail = {{"name", {g.name, in.name}}, {"leader_person_id", {g.leader_person_id, in.leader_person_id}}};
    g.name = in.name;
    g.leader_person_id = in.leader_person_id;
    if (!GroupStore::update_active(tx, g, now)) throw Error::conflict("group_closed", kGroupClosed);
    if (in.leader_person_id) GroupStore::add_member(tx, id, in.leader_person_id, now);
    audit::record(tx, caller, {.action = "study.group_updated", .target_type = "study_group", .target_id = std::to_string(id),
                               .detail = detail},
                  clock_.now());
    tx.commit();
  }
  return get(caller, id);
}

StudyGroup GroupService::close(const Principal& caller, long long id) {
  require(caller, kPermWrite);
  {
    db::Tx tx(db_);
    const StudyGroup g = active_group(tx, caller, id);
    if (!GroupStore::close(tx, id, iso_utc(clock_.now()))) throw Error::conflict("group_closed", kGroupClosed);
    audit::record(tx, caller, {.action = "study.group_closed", .target_type = "study_group", .target_id = std::to_string(id),
                               .detail = {{"name", g.name}, {"members", g.member_count}}},
                  clock_.now());
    tx.commit();
  }
  return get(caller, id);
}

StudyGroup GroupService::add_members(const Principal& caller, long long id, const std::vector<long long>& person_ids) {
  require(caller, kPermWrite);
  if (person_ids.empty()) throw Error::validation("person_ids", {"请选择要加入的人员", "Choose the people to add"});
  if (static_cast<int>(person_ids.size()) > kMaxMembersPerRequest)
    throw Error::validation("person_ids", {"一次最多加入 200 人", "At most 200 people at a time"});
  {
    db::Tx tx(db_);
    const StudyGroup g = active_group(tx, caller, id);
    const std::string now = iso_utc(clock_.now());
    std::set<long long> seen;
    int added = 0;
    for (std::size_t i = 0; i < person_ids.size(); ++i) {
      const std::string field = "person_ids[" + std::to_string(i) + "]";
      if (!seen.insert(person_ids[i]).second)
        throw Error::validation(field, {"名单中有重复的人员", "A person is listed twice"});
      auto p = org::OrgStore::person_in(tx, person_ids[i]);
      if (!p || p->status != "active" || p->unit_id != g.unit_id)
        throw Error::validation(field, {"只能加入本单位的在册人员", "Only people of the group's unit can join"});
      if (GroupStore::add_member(tx, id, person_ids[i], now)) ++added;
    }
    audit::record(tx, caller, {.action = "study.group_members_added", .target_type = "study_group", .target_id = std::to_string(id),
                               .detail = {{"person_ids", person_ids}, {"added", added}}},
                  clock_.now());
    tx.commit();
  }
  return get(caller, id);
}

StudyGroup GroupService::remove_member(const Principal& caller, long long id, long long person_id) {
  require(caller, kPermWrite);
  {
    db::Tx tx(db_);
    const StudyGroup g = active_group(tx, caller, id);
    if (g.leader_person_id == person_id)
      throw Error::conflict("leader_member", {"组长不能移出小组，请先更换组长", "Change the leader before removing them"});
    if (!GroupStore::remove_member(tx, id, person_id))
      throw Error::not_found({"该人员不在此学习小组中", "The person is not in this group"});
    audit::record(tx, caller, {.action = "study.group_member_removed", .target_type = "study_group", .target_id = std::to_string(id),
                               .detail = {{"person_id", person_id}}},
                  clock_.now());
    tx.commit();
  }
  return get(caller, id);
}

StudyGroup GroupService::get(const Principal& caller, long long id) {
  require(caller, kPermRead);
  auto lease = db_.lease();
  auto g = GroupStore::find(lease.sql(), id);
  if (!g || !GroupStore::unit_in_scope(lease.sql(), caller, g->unit_id)) throw Error::not_found(kNoGroup);
  g->members = GroupStore::members(lease.sql(), id, today(), rule_);
  return *g;
}

std::vector<StudyGroup> GroupService::list(const Principal& caller, const GroupFilter& f, long long* total) {
  require(caller, kPermRead);
  if (!f.status.empty() && f.status != "active" && f.status != "closed")
    throw Error::validation("status", {"状态应为 active 或 closed", "status is active or closed"});
  auto lease = db_.lease();
  return GroupStore::list(lease.sql(), caller, f, total);
}

Coverage GroupService::coverage(const Principal& caller, long long node_id, int page, int page_size) {
  require(caller, kPermRead);
  auto lease = db_.lease();
  return GroupStore::coverage(lease.sql(), caller, node_id, today(), rule_, page, page_size);
}

std::vector<UncoveredPerson> GroupService::uncovered(const Principal& caller, long long node_id, int page, int page_size,
                                                     long long* total) {
  require(caller, kPermRead);
  auto lease = db_.lease();
  return GroupStore::uncovered(lease.sql(), caller, node_id, today(), rule_, page, page_size, total);
}

std::vector<StudyGroup> GroupService::mine(const Principal& caller) {
  if (!caller.person_id) return {};
  auto lease = db_.lease();
  return GroupStore::of_person(lease.sql(), caller.person_id);
}

}  // namespace xinhuo::study
