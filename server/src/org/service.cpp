#include "org/service.hpp"
#include "org/validation.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "audit/recorder.hpp"
#include "core/error.hpp"
#include "core/json_input.hpp"
#include "core/random.hpp"
#include "core/xlsx.hpp"
#include "org/events.hpp"

namespace xinhuo::org {

namespace {

Error not_found_node() { return Error::not_found({"组织不存在", "No such organisation"}); }
Error not_found_person() { return Error::not_found({"人员不存在", "No such person"}); }

}  // namespace

bool OrgService::child_allowed(const std::string& parent, const std::string& child) {
  static const std::map<std::string, std::set<std::string>> allowed = {
      {"city", {"district", "system", "unit"}},
      {"district", {"system", "unit"}},
      {"system", {"unit"}},
      {"unit", {"party_committee", "general_branch", "branch"}},
      {"party_committee", {"general_branch", "branch"}},
      {"general_branch", {"branch"}},
      {"branch", {"party_group"}},
      {"party_group", {}}};
  auto it = allowed.find(parent);
  return it != allowed.end() && it->second.count(child) > 0;
}

void OrgService::require(const Principal& caller, const char* permission) const {
  if (!caller.can(permission)) throw Error::forbidden("forbidden", {"没有执行此操作的权限", "You are not allowed to do this"});
}

std::string OrgService::today() const {
  // Ages count in Beijing time: a birthday starts at midnight there.
  return iso_utc(clock_.now() + std::chrono::hours(8)).substr(0, 10);
}

Person OrgService::with_computed(Person p) const {
  p.age = age_on(p.birth_date, today());
  p.young_cadre = rule_.applies(p.rank, p.age);
  if (!p.id_card_sealed.empty()) p.id_card_masked = mask_id_card(cipher_.open(p.id_card_sealed));
  if (!p.phone_sealed.empty()) p.phone_masked = mask_phone(cipher_.open(p.phone_sealed));
  return p;
}

SensitiveFields OrgService::sensitive(const Principal& caller, long long id) {
  require(caller, kPermPeopleSensitive);
  auto p = store_.person(caller, id);
  if (!p) throw not_found_person();
  SensitiveFields out;
  if (!p->id_card_sealed.empty()) out.id_card = cipher_.open(p->id_card_sealed);
  if (!p->phone_sealed.empty()) out.phone = cipher_.open(p->phone_sealed);
  db::Tx tx(db_);
  audit::record(tx, caller, {.action = "people.sensitive_read", .target_type = "person", .target_id = std::to_string(id),
                             .detail = {{"fields", {"id_card", "phone"}}}},
                clock_.now());
  tx.commit();
  return out;
}

std::vector<OrgNode> OrgService::tree(const Principal& caller) {
  require(caller, kPermOrgRead);
  return store_.nodes(caller);
}

OrgNode OrgService::node(const Principal& caller, long long id) {
  require(caller, kPermOrgRead);
  auto n = store_.node(caller, id);
  if (!n) throw not_found_node();
  return *n;
}

OrgNode OrgService::create_node(const Principal& caller, const NodeInput& in) {
  require(caller, kPermOrgWrite);
  auto parent = store_.node(caller, in.parent_id);
  if (!parent) throw Error::validation("parent_id", {"上级组织不存在或不在您的管理范围内", "No such parent organisation in your scope"});
  if (parent->status != "active") throw Error::conflict("parent_closed", {"上级组织已撤销", "The parent organisation is closed"});
  if (std::find(kNodeTypes.begin(), kNodeTypes.end(), in.node_type) == kNodeTypes.end())
    throw Error::validation("node_type", {"组织类型不正确", "Unknown organisation type"});
  if (!child_allowed(parent->node_type, in.node_type))
    throw Error::validation("node_type", {"该类型的组织不能设在此上级之下", "This type cannot sit under that parent"});
  check_text("name", in.name, 100, true);
  check_text("short_name", in.short_name, 30, false);
  check_text("code", in.code, 40, false);

  const auto now = clock_.now();
  OrgNode n;
  {
    db::Tx tx(db_);
    n.parent_id = parent->id;
    n.path = parent->path;
    n.depth = parent->depth + 1;
    n.node_type = in.node_type;
    n.name = in.name;
    n.short_name = in.short_name;
    n.sort_order = in.sort_order;
    n.code = in.code.empty() ? parent->code + "-" + random_hex(3) : in.code;
    if (OrgStore::code_taken(tx, n.code)) throw Error::conflict("code_taken", {"组织编码已被使用", "The code is already used"});
    n.id = OrgStore::insert_node(tx, n, iso_utc(now));
    audit::record(tx, caller, {.action = "org.node_created", .target_type = "org_node", .target_id = std::to_string(n.id),
                               .detail = {{"parent_id", parent->id}, {"name", n.name}}},
                  now);
    tx.commit();
  }
  return node(caller, n.id);
}

OrgNode OrgService::update_node(const Principal& caller, long long id, const NodeUpdate& u) {
  require(caller, kPermOrgWrite);
  auto n = store_.node(caller, id);
  if (!n) throw not_found_node();
  if (u.name) check_text("name", *u.name, 100, true), n->name = *u.name;
  if (u.short_name) check_text("short_name", *u.short_name, 30, false), n->short_name = *u.short_name;
  if (u.sort_order) n->sort_order = *u.sort_order;
  {
    db::Tx tx(db_);
    OrgStore::update_node(tx, *n, iso_utc(clock_.now()));
    tx.commit();
  }
  return node(caller, id);
}

OrgNode OrgService::move_node(const Principal& caller, long long id, long long new_parent_id) {
  require(caller, kPermOrgWrite);
  auto n = store_.node(caller, id);
  if (!n) throw not_found_node();
  auto parent = store_.node(caller, new_parent_id);
  if (!parent) throw Error::validation("parent_id", {"新的上级组织不存在或不在您的管理范围内", "No such new parent in your scope"});
  if (!n->parent_id) throw Error::conflict("root_fixed", {"根组织不能移动", "The root cannot be moved"});
  if (parent->path.rfind(n->path, 0) == 0)
    throw Error::conflict("move_into_own_subtree", {"不能移动到自己或自己的下级组织之下", "Cannot move a node under itself"});
  if (!child_allowed(parent->node_type, n->node_type))
    throw Error::validation("parent_id", {"该类型的组织不能设在此上级之下", "This type cannot sit under that parent"});
  const auto now = clock_.now();
  {
    db::Tx tx(db_);
    OrgStore::move_subtree(tx, *n, *parent, iso_utc(now));
    tx.publish(node_moved(id, n->path, parent->path + std::to_string(id) + "/", iso_utc(now)));
    audit::record(tx, caller, {.action = "org.node_moved", .target_type = "org_node", .target_id = std::to_string(id),
                               .detail = {{"from_parent_id", n->parent_id}, {"to_parent_id", parent->id}}},
                  now);
    tx.commit();
  }
  return node(caller, id);
}

OrgNode OrgService::close_node(const Principal& caller, long long id) {
  require(caller, kPermOrgWrite);
  auto n = store_.node(caller, id);
  if (!n) throw not_found_node();
  const auto now = clock_.now();
  {
    db::Tx tx(db_);
    if (!OrgStore::close_node(tx, id, iso_utc(now)))
      throw Error::conflict("already_closed", {"该组织已撤销", "Already closed"});
    audit::record(tx, caller, {.action = "org.node_closed", .target_type = "org_node", .target_id = std::to_string(id),
                               .detail = {{"people", n->people}}},
                  now);
    tx.commit();
  }
  return node(caller, id);
}

std::vector<Person> OrgService::people(const Principal& caller, const PersonFilter& filter, long long* total) {
  require(caller, kPermPeopleRead);
  if (filter.unit_id && !store_.node(caller, filter.unit_id) && !caller.scope.self)
    throw Error::validation("unit_id", {"组织不存在或不在您的管理范围内", "No such organisation in your scope"});
  PersonFilter f = filter;
  if (!f.id_card.empty()) {
    if (auto problem = id_card_problem(f.id_card); !problem.zh.empty()) throw Error::validation("id_card", problem);
    f.id_card_hash = cipher_.lookup_hash(f.id_card);
  }
  auto list = store_.people(caller, f, today(), rule_, total);
  for (auto& p : list) p = with_computed(std::move(p));
  return list;
}

Person OrgService::person(const Principal& caller, long long id) {
  if (!caller.can(kPermPeopleRead) && !(caller.scope.self && caller.person_id == id)) throw not_found_person();
  auto p = store_.person(caller, id);
  if (!p) throw not_found_person();
  return with_computed(std::move(*p));
}

Person OrgService::update_person(const Principal& caller, long long id, const PersonPatch& patch) {
  require(caller, kPermPeopleWrite);
  auto before = store_.person(caller, id);
  if (!before) throw not_found_person();
  Person after = *before;
  std::vector<PersonChange> changes;
  auto set = [&](const char* field, const std::optional<std::string>& value, std::string& target) {
    if (value && *value != target) {
      changes.push_back({field, target, *value});
      target = *value;
    }
  };
  if (patch.name) check_text("name", *patch.name, 50, true);
  if (patch.gender && *patch.gender != "male" && *patch.gender != "female")
    throw Error::validation("gender", {"性别只能是 male 或 female", "gender must be male or female"});
  if (patch.ethnicity) check_text("ethnicity", *patch.ethnicity, 20, true);
  for (const auto& [field, value] : {std::pair{"birth_date", &patch.birth_date}, std::pair{"work_start_date", &patch.work_start_date},
                                     std::pair{"party_joined_date", &patch.party_joined_date}})
    if (*value && !value->value().empty() && !valid_date(value->value()))
      throw Error::validation(field, {"日期格式应为 YYYY-MM-DD 且真实存在", "Use a real date as YYYY-MM-DD"});
  if (patch.birth_date && patch.birth_date->empty()) throw Error::validation("birth_date", {"必须填写", "Required"});
  if (patch.rank && !patch.rank->empty() && !find_rank(*patch.rank))
    throw Error::validation("rank", {"职级不正确", "Unknown rank"});
  if (patch.party_status && std::find(kPartyStatuses.begin(), kPartyStatuses.end(), *patch.party_status) == kPartyStatuses.end())
    throw Error::validation("party_status", {"政治面貌不正确", "Unknown party status"});
  for (const auto& [field, value, max] : {std::tuple{"native_place", &patch.native_place, 50}, std::tuple{"education", &patch.education, 20},
                                          std::tuple{"degree", &patch.degree, 20}, std::tuple{"position", &patch.position, 50}})
    if (*value) check_text(field, value->value(), static_cast<std::size_t>(max), false);

  set("name", patch.name, after.name);
  set("gender", patch.gender, after.gender);
  set("ethnicity", patch.ethnicity, after.ethnicity);
  set("birth_date", patch.birth_date, after.birth_date);
  set("native_place", patch.native_place, after.native_place);
  set("education", patch.education, after.education);
  set("degree", patch.degree, after.degree);
  set("position", patch.position, after.position);
  set("rank", patch.rank, after.rank);
  set("work_start_date", patch.work_start_date, after.work_start_date);
  set("party_status", patch.party_status, after.party_status);
  set("party_joined_date", patch.party_joined_date, after.party_joined_date);

  if (patch.unit_id && *patch.unit_id != after.unit_id) {
    auto unit = store_.node(caller, *patch.unit_id);
    if (!unit || unit->node_type != "unit")
      throw Error::validation("unit_id", {"单位不存在或不在您的管理范围内", "No such unit in your scope"});
    changes.push_back({"unit", after.unit_name, unit->name});
    after.unit_id = unit->id;
    after.unit_name = unit->name;
  }
  if (patch.branch_id && *patch.branch_id != after.branch_id) {
    std::string branch_name;
    if (*patch.branch_id) {
      auto branch = store_.node(caller, *patch.branch_id);
      auto unit = store_.node(caller, after.unit_id);
      if (!branch || branch->node_type != "branch" || !unit || branch->path.rfind(unit->path, 0) != 0)
        throw Error::validation("branch_id", {"党支部不存在或不属于该单位", "No such branch in the person's unit"});
      branch_name = branch->name;
    }
    changes.push_back({"branch", after.branch_name, branch_name});
    after.branch_id = *patch.branch_id;
    after.branch_name = branch_name;
  }
  // ID and phone: validated, sealed, and kept in the history only in masked form.
  const Person shown = with_computed(*before);
  OrgStore::SealedField id_card{before->id_card_sealed, ""}, phone{before->phone_sealed, ""};
  bool identity_changed = false;
  if (patch.id_card) {
    std::string id = *patch.id_card;
    for (auto& ch : id) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    if (!id.empty()) {
      if (auto problem = id_card_problem(id); !problem.zh.empty()) throw Error::validation("id_card", problem);
      if (id_card_birth_date(id) != after.birth_date)
        throw Error::validation("id_card", {"身份证号码中的出生日期与出生日期不一致", "The birth date in the ID number differs from the birth date"});
    }
    const std::string current = before->id_card_sealed.empty() ? "" : cipher_.open(before->id_card_sealed);
    if (id != current) {
      changes.push_back({"id_card", shown.id_card_masked, id.empty() ? "" : mask_id_card(id)});
      id_card = id.empty() ? OrgStore::SealedField{} : OrgStore::SealedField{cipher_.seal(id), cipher_.lookup_hash(id)};
      identity_changed = true;
    }
  }
  if (patch.phone) {
    const std::string phone_value = *patch.phone;
    if (!phone_value.empty() && !valid_phone(phone_value))
      throw Error::validation("phone", {"电话号码格式不正确（手机 11 位，或 区号-号码）", "Invalid phone number"});
    const std::string current = before->phone_sealed.empty() ? "" : cipher_.open(before->phone_sealed);
    if (phone_value != current) {
      changes.push_back({"phone", shown.phone_masked, phone_value.empty() ? "" : mask_phone(phone_value)});
      phone = phone_value.empty() ? OrgStore::SealedField{} : OrgStore::SealedField{cipher_.seal(phone_value), cipher_.lookup_hash(phone_value)};
      identity_changed = true;
    }
  }
  if (identity_changed && id_card.hash.empty() && !id_card.sealed.empty())
    id_card.hash = cipher_.lookup_hash(cipher_.open(id_card.sealed));
  if (identity_changed && phone.hash.empty() && !phone.sealed.empty()) phone.hash = cipher_.lookup_hash(cipher_.open(phone.sealed));

  if (changes.empty()) return with_computed(*before);
  const auto now = iso_utc(clock_.now());
  {
    db::Tx tx(db_);
    if (identity_changed && !id_card.hash.empty() && OrgStore::id_card_taken(tx, id_card.hash, id))
      throw Error::conflict("id_card_taken", {"该身份证号码已登记在另一人名下", "This ID number belongs to another person"});
    OrgStore::update_person(tx, after, now);
    if (after.unit_id != before->unit_id || after.branch_id != before->branch_id ||
        after.party_status != before->party_status || after.status != before->status)
      tx.publish(person_placed(id, PersonPlace{before->unit_id, before->branch_id, before->party_status, before->status},
                               PersonPlace{after.unit_id, after.branch_id, after.party_status, after.status}, now));
    if (after.rank != before->rank || after.birth_date != before->birth_date)
      tx.publish({.type = kEventPersonChanged, .subject_id = id, .person_id = id, .occurred_at = now});
    if (identity_changed) {
      OrgStore::update_identity(tx, id, id_card, phone);
      audit::record(tx, caller, {.action = "people.identity_changed", .target_type = "person", .target_id = std::to_string(id)},
                    clock_.now());
    }
    for (const auto& c : changes) OrgStore::add_history(tx, id, c, caller, now);
    tx.commit();
  }
  return person(caller, id);
}

void OrgService::set_party_status(db::Tx& tx, long long person_id, const std::string& status,
                                  const std::string& joined_date, const Principal& by, const std::string& now) {
  auto p = OrgStore::person_in(tx, person_id);
  if (!p) throw Error::not_found({"人员不存在", "No such person"});
  std::vector<PersonChange> changes;
  if (p->party_status != status) changes.push_back({"party_status", p->party_status, status});
  if (!joined_date.empty() && p->party_joined_date != joined_date)
    changes.push_back({"party_joined_date", p->party_joined_date, joined_date});
  if (changes.empty()) return;
  const PersonPlace before{p->unit_id, p->branch_id, p->party_status, p->status};
  p->party_status = status;
  if (!joined_date.empty()) p->party_joined_date = joined_date;
  OrgStore::update_person(tx, *p, now);
  if (before.party_status != status)
    tx.publish(person_placed(person_id, before, PersonPlace{p->unit_id, p->branch_id, p->party_status, p->status}, now));
  for (const auto& c : changes) OrgStore::add_history(tx, person_id, c, by, now);
}

void OrgService::clear_party_joined_date(db::Tx& tx, long long person_id, const Principal& by, const std::string& now) {
  auto p = OrgStore::person_in(tx, person_id);
  if (!p) throw Error::not_found({"人员不存在", "No such person"});
  if (p->party_joined_date.empty()) return;
  const std::string before = p->party_joined_date;
  p->party_joined_date.clear();
  OrgStore::update_person(tx, *p, now);
  OrgStore::add_history(tx, person_id, {"party_joined_date", before, ""}, by, now);
}

void OrgService::transfer_membership(db::Tx& tx, long long person_id, long long branch_id, const Principal& by,
                                     const std::string& now) {
  auto p = OrgStore::person_in(tx, person_id);
  if (!p) throw Error::not_found({"人员不存在", "No such person"});
  const PersonPlace before{p->unit_id, p->branch_id, p->party_status, p->status};
  if (!branch_id) {
    OrgStore::set_person_status(tx, person_id, "left", now);
    tx.publish(person_placed(person_id, before, PersonPlace{p->unit_id, p->branch_id, p->party_status, "left"}, now));
    OrgStore::add_history(tx, person_id, {"status", p->status, "left"}, by, now);
    return;
  }
  const long long unit = OrgStore::unit_above(tx, branch_id);
  if (!unit) throw Error::validation("to_branch_id", {"接收组织不在任何单位之下", "The receiving branch is not under a unit"});
  std::vector<PersonChange> changes;
  if (p->branch_id != branch_id) changes.push_back({"branch_id", std::to_string(p->branch_id), std::to_string(branch_id)});
  if (p->unit_id != unit) changes.push_back({"unit_id", std::to_string(p->unit_id), std::to_string(unit)});
  p->branch_id = branch_id;
  p->unit_id = unit;
  OrgStore::update_person(tx, *p, now);
  if (!changes.empty())
    tx.publish(person_placed(person_id, before, PersonPlace{p->unit_id, p->branch_id, p->party_status, p->status}, now));
  for (const auto& c : changes) OrgStore::add_history(tx, person_id, c, by, now);
}

std::vector<HistoryRow> OrgService::history(const Principal& caller, long long id) {
  person(caller, id);  // 404 outside the caller's scope
  return store_.history(id);
}

std::string OrgService::export_people(const Principal& caller, const PersonFilter& filter) {
  require(caller, kPermPeopleExport);
  PersonFilter all = filter;
  all.page = 1;
  all.page_size = kMaxExportRows + 1;
  long long total = 0;
  auto list = people(caller, all, &total);
  if (total > kMaxExportRows)
    throw Error::unprocessable("export_too_large", {"导出结果超过 " + std::to_string(kMaxExportRows) + " 行，请缩小筛选范围",
                                                    "More than " + std::to_string(kMaxExportRows) + " rows: narrow the filter"});
  Sheet sheet{.name = "人员名册",
              .header = {"姓名", "性别", "民族", "出生日期", "年龄", "单位", "党支部", "职务", "职级", "政治面貌",
                         "入党时间", "参加工作时间", "学历", "学位", "籍贯", "身份证号", "手机号码", "年轻干部"},
              .widths = {10, 6, 8, 12, 6, 24, 20, 12, 14, 12, 12, 14, 10, 8, 12, 22, 15, 10}};
  for (const auto& p : list) {
    const Rank* rank = find_rank(p.rank);
    sheet.rows.push_back({p.name, p.gender == "male" ? "男" : "女", p.ethnicity, p.birth_date, std::to_string(p.age),
                          p.unit_name, p.branch_name, p.position, rank ? std::string(rank->name) : p.rank,
                          std::string(party_status_name(p.party_status)), p.party_joined_date, p.work_start_date,
                          p.education, p.degree, p.native_place, p.id_card_masked, p.phone_masked,
                          p.young_cadre ? "是" : "否"});
  }
  std::string bytes = write_xlsx(sheet);
  db::Tx tx(db_);
  audit::record(tx, caller, {.action = "people.export", .target_type = "person", .target_id = "",
                             .detail = {{"rows", list.size()}, {"unit_id", filter.unit_id}, {"name", filter.name},
                                        {"rank", filter.rank}, {"party_status", filter.party_status}}},
                clock_.now());
  tx.commit();
  return bytes;
}

Person OrgService::my_person(const Principal& caller) {
  if (!caller.person_id) throw Error::not_found({"您的账号没有关联人员信息", "Your account is not linked to a person"});
  Principal self_only = caller;
  self_only.scope = DataScope{};
  self_only.scope.self = true;
  auto p = store_.person(self_only, caller.person_id);
  if (!p) throw not_found_person();
  return with_computed(std::move(*p));
}

Person OrgService::person_of(long long id) {
  Principal aggregator;  // the aggregator checked the caller's scope; this reads the one person asked for
  aggregator.scope.all = true;
  auto p = store_.person(aggregator, id);
  if (!p) throw not_found_person();
  return with_computed(std::move(*p));
}

std::vector<HistoryRow> OrgService::career_of(long long id) {
  static const std::set<std::string> fields = {"unit", "branch", "position", "rank"};
  std::vector<HistoryRow> out;
  for (auto& row : store_.history(id))
    if (fields.count(row.field)) out.push_back(std::move(row));
  std::stable_sort(out.begin(), out.end(), [](const HistoryRow& a, const HistoryRow& b) { return a.changed_at < b.changed_at; });
  return out;
}

}  // namespace xinhuo::org
