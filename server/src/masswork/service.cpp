#include "masswork/service.hpp"

#include <algorithm>

#include "audit/recorder.hpp"
#include "core/date.hpp"
#include "core/error.hpp"
#include "core/xlsx.hpp"
#include "org/facts.hpp"

namespace xinhuo::masswork {

namespace {

const Text kNoPoint{"联系点不存在", "No such contact point"};
const Text kNoHousehold{"结对户不存在", "No such household"};
const Text kNoVisit{"走访记录不存在", "No such visit"};

std::string trim(const std::string& s) {
  const auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return "";
  return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

bool printable_key(const std::string& key) {
  return !key.empty() && key.size() <= 64 &&
         std::all_of(key.begin(), key.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_'; });
}

}  // namespace

std::string MassService::today() const { return beijing_date(clock_.now()); }

void MassService::require(const Principal& caller, const char* permission) const {
  if (!caller.can(permission)) throw Error::forbidden("forbidden", {"没有执行此操作的权限", "You are not allowed to do this"});
}

long long MassService::self_person(soci::session& sql, const Principal& caller) const {
  if (!caller.person_id || !MassStore::active_person(sql, caller.person_id))
    throw Error::forbidden("no_person", {"账号未关联在册人员", "This account is not linked to a person on the roster"});
  return caller.person_id;
}

ContactPoint MassService::create_point(const Principal& caller, const ContactPoint& in) {
  require(caller, kPermWrite);
  if (trim(in.name).empty()) throw Error::validation("name", {"请填写联系点名称", "Name the contact point"});
  if (trim(in.area).empty()) throw Error::validation("area", {"请填写联系点覆盖的社区或村", "Give the area it covers"});
  const std::string now = iso_utc(clock_.now());
  db::Tx tx(db_);
  if (!org::node_in_scope(tx.sql(), caller, in.org_node_id))
    throw Error::validation("org_node_id", {"所属单位不存在或不在管理范围内", "The unit is not one you manage"});
  ContactPoint p = in;
  p.name = trim(in.name);
  p.area = trim(in.area);
  p.note = trim(in.note);
  const long long id = MassStore::insert_point(tx, p, now);
  audit::record(tx, caller, {.action = "mass.contact_point_created", .target_type = "mass_contact_point",
                             .target_id = std::to_string(id), .detail = {{"org_node_id", in.org_node_id}, {"name", p.name}}},
                clock_.now());
  auto out = MassStore::point(tx.sql(), caller, id);
  tx.commit();
  return *out;
}

ContactPoint MassService::update_point(const Principal& caller, long long id, const ContactPoint& in) {
  require(caller, kPermWrite);
  if (trim(in.name).empty()) throw Error::validation("name", {"请填写联系点名称", "Name the contact point"});
  if (trim(in.area).empty()) throw Error::validation("area", {"请填写联系点覆盖的社区或村", "Give the area it covers"});
  if (in.status != "active" && in.status != "closed") throw Error::validation("status", {"状态应为启用或停用", "status is active or closed"});
  const std::string now = iso_utc(clock_.now());
  db::Tx tx(db_);
  if (!MassStore::point(tx.sql(), caller, id)) throw Error::not_found(kNoPoint);
  ContactPoint p = in;
  p.id = id;
  p.name = trim(in.name);
  p.area = trim(in.area);
  p.note = trim(in.note);
  MassStore::update_point(tx, p, now);
  audit::record(tx, caller, {.action = "mass.contact_point_updated", .target_type = "mass_contact_point",
                             .target_id = std::to_string(id), .detail = {{"status", p.status}}},
                clock_.now());
  auto out = MassStore::point(tx.sql(), caller, id);
  tx.commit();
  return *out;
}

std::vector<ContactPoint> MassService::points(const Principal& caller, long long node_id, const std::string& q, int page,
                                              int page_size, long long* total) {
  require(caller, kPermRead);
  auto lease = db_.lease();
  return MassStore::points(lease.sql(), caller, node_id, q, page, page_size, total);
}

void MassService::check_household(soci::session& sql, const Principal& caller, const HouseholdInput& in) const {
  if (trim(in.head_name).empty()) throw Error::validation("head_name", {"请填写户主姓名", "Give the name of the head of household"});
  if (trim(in.area).empty()) throw Error::validation("area", {"请填写住址（小区、楼栋等文字）", "Give the address as text"});
  if (!in.phone.empty() && !valid_phone(in.phone))
    throw Error::validation("phone", {"电话应为 11 位手机号或带区号的固定电话", "phone is a mobile number or a landline with its area code"});
  if (in.status != "active" && in.status != "closed") throw Error::validation("status", {"状态应为结对中或已结束", "status is active or closed"});
  if (in.cadre_ids.empty()) throw Error::validation("cadre_ids", {"请至少选择一名结对干部", "Pair at least one cadre"});
  for (auto id : in.cadre_ids)
    if (!MassStore::person_in_scope(sql, caller, id))
      throw Error::validation("cadre_ids", {"结对干部不存在或不在管理范围内", "A paired cadre is not someone you manage"});
}

void MassService::reveal(Household& h, bool whole) const {
  if (h.phone.empty()) return;
  std::string phone;
  try {
    phone = cipher_.open(h.phone);
  } catch (const std::exception&) {
    phone.clear();  // unreadable with this key: shown as none
  }
  h.phone = whole ? phone : mask_phone(phone);
}

Household MassService::create_household(const Principal& caller, const HouseholdInput& in) {
  require(caller, kPermWrite);
  const std::string now = iso_utc(clock_.now());
  db::Tx tx(db_);
  const auto point = MassStore::point(tx.sql(), caller, in.contact_point_id);
  if (!point) throw Error::validation("contact_point_id", {"联系点不存在或不在管理范围内", "The contact point is not one you manage"});
  if (point->status != "active") throw Error::validation("contact_point_id", {"联系点已停用", "The contact point is closed"});
  HouseholdInput h = in;
  h.status = "active";
  check_household(tx.sql(), caller, h);
  Household row{.contact_point_id = in.contact_point_id, .head_name = trim(in.head_name), .area = trim(in.area),
                .needs = trim(in.needs), .status = "active"};
  const long long id = MassStore::insert_household(tx, row, in.phone.empty() ? "" : cipher_.seal(in.phone), now);
  MassStore::set_cadres(tx, id, in.cadre_ids);
  audit::record(tx, caller, {.action = "mass.household_created", .target_type = "mass_household", .target_id = std::to_string(id),
                             .detail = {{"contact_point_id", in.contact_point_id}, {"cadre_ids", in.cadre_ids}}},
                clock_.now());
  auto out = MassStore::household(tx.sql(), caller, id);
  tx.commit();
  reveal(*out, true);
  return *out;
}

Household MassService::update_household(const Principal& caller, long long id, const HouseholdInput& in) {
  require(caller, kPermWrite);
  const std::string now = iso_utc(clock_.now());
  db::Tx tx(db_);
  const auto before = MassStore::household(tx.sql(), caller, id);
  if (!before) throw Error::not_found(kNoHousehold);
  check_household(tx.sql(), caller, in);
  Household row{.id = id, .head_name = trim(in.head_name), .area = trim(in.area), .needs = trim(in.needs), .status = in.status};
  std::optional<std::string> sealed;
  if (in.phone_given) sealed = in.phone.empty() ? "" : cipher_.seal(in.phone);
  MassStore::update_household(tx, row, sealed, now);
  MassStore::set_cadres(tx, id, in.cadre_ids);
  audit::record(tx, caller, {.action = "mass.household_updated", .target_type = "mass_household", .target_id = std::to_string(id),
                             .detail = {{"status", in.status}, {"cadre_ids", in.cadre_ids}}},
                clock_.now());
  auto out = MassStore::household(tx.sql(), caller, id);
  tx.commit();
  reveal(*out, true);
  return *out;
}

Household MassService::household(const Principal& caller, long long id) {
  require(caller, kPermRead);
  auto lease = db_.lease();
  auto h = MassStore::household(lease.sql(), caller, id);
  if (!h) throw Error::not_found(kNoHousehold);
  reveal(*h, caller.can(kPermWrite));  // the whole number for those who keep the household, masked otherwise
  return *h;
}

std::vector<Household> MassService::households(const Principal& caller, const HouseholdFilter& f, long long* total) {
  require(caller, kPermRead);
  if (!f.status.empty() && f.status != "active" && f.status != "closed")
    throw Error::validation("status", {"状态应为结对中或已结束", "status is active or closed"});
  auto lease = db_.lease();
  auto list = MassStore::households(lease.sql(), caller, f, total);
  for (auto& h : list) reveal(h, false);
  return list;
}

std::string MassService::export_households(const Principal& caller, HouseholdFilter f) {
  f.page = 1;
  f.page_size = 50000;
  long long total = 0;
  const auto rows = households(caller, f, &total);
  Sheet sheet{.name = "结对户", .header = {"户主", "住址", "电话", "诉求", "联系点", "所属单位", "结对干部", "走访次数", "最近走访", "状态"},
              .widths = {10, 30, 14, 40, 20, 20, 20, 10, 12, 8}, .rows = {}};
  for (const auto& h : rows) {
    std::string cadres;
    for (const auto& c : h.cadres) cadres += (cadres.empty() ? "" : "、") + c.name;
    sheet.rows.push_back({h.head_name, h.area, h.phone, h.needs, h.contact_point_name, h.org_node_name, cadres,
                          std::to_string(h.visits), h.last_visit, h.status == "active" ? "结对中" : "已结束"});
  }
  std::string bytes = write_xlsx(sheet);
  db::Tx tx(db_);
  audit::record(tx, caller, {.action = "mass.households_exported", .target_type = "org_node", .target_id = std::to_string(f.node_id),
                             .detail = {{"contact_point_id", f.contact_point_id}, {"rows", rows.size()}}},
                clock_.now());
  tx.commit();
  return bytes;
}

std::vector<Visit> MassService::visits(const Principal& caller, const VisitFilter& f, long long* total) {
  require(caller, kPermRead);
  if (!f.from.empty() && !parse_date(f.from)) throw Error::validation("from", {"日期格式应为 YYYY-MM-DD", "Use the format YYYY-MM-DD"});
  if (!f.to.empty() && !parse_date(f.to)) throw Error::validation("to", {"日期格式应为 YYYY-MM-DD", "Use the format YYYY-MM-DD"});
  auto lease = db_.lease();
  return MassStore::visits(lease.sql(), caller, f, total);
}

std::string MassService::export_visits(const Principal& caller, VisitFilter f) {
  f.page = 1;
  f.page_size = 50000;
  long long total = 0;
  const auto rows = visits(caller, f, &total);
  Sheet sheet{.name = "走访记录", .header = {"日期", "走访人", "单位", "结对户或地点", "了解情况", "帮办事项", "照片数"},
              .widths = {12, 10, 20, 20, 48, 48, 8}, .rows = {}};
  for (const auto& v : rows)
    sheet.rows.push_back({v.visit_date, v.person_name, v.unit_name, v.household_id ? v.household_name : v.place, v.learned, v.done,
                          std::to_string(v.photos.size())});
  std::string bytes = write_xlsx(sheet);
  db::Tx tx(db_);
  audit::record(tx, caller, {.action = "mass.visits_exported", .target_type = "org_node", .target_id = std::to_string(f.node_id),
                             .detail = {{"person_id", f.person_id}, {"from", f.from}, {"to", f.to}, {"rows", rows.size()}}},
                clock_.now());
  tx.commit();
  return bytes;
}

std::pair<files::StoredFile, std::string> MassService::visit_photo(const Principal& caller, long long visit_id, long long file_id,
                                                                   bool mine) {
  std::optional<Visit> v;
  {
    auto lease = db_.lease();
    if (mine) {
      const long long me = self_person(lease.sql(), caller);
      v = MassStore::visit(lease.sql(), visit_id);
      if (v && v->person_id != me) v.reset();
    } else {
      require(caller, kPermRead);
      if (MassStore::visit_in_scope(lease.sql(), caller, visit_id)) v = MassStore::visit(lease.sql(), visit_id);
    }
  }
  if (!v) throw Error::not_found(kNoVisit);
  if (!files_ || std::find(v->photos.begin(), v->photos.end(), file_id) == v->photos.end()) throw Error::not_found();
  Principal reader;  // the visit grants the reading: the file is read as its uploader would read it
  {
    auto lease = db_.lease();
    const auto f = files::FilesStore::file(lease.sql(), file_id);
    if (!f) throw Error::not_found();
    reader.account_id = f->owner_account_id;
  }
  return files_->read(reader, file_id);
}

std::vector<Household> MassService::my_households(const Principal& caller) {
  auto lease = db_.lease();
  const long long me = self_person(lease.sql(), caller);
  auto list = MassStore::paired_with(lease.sql(), me);
  for (auto& h : list) reveal(h, true);  // the paired cadre calls them
  return list;
}

std::pair<Visit, bool> MassService::log_visit(const Principal& caller, const VisitInput& in) {
  if (!printable_key(in.client_key))
    throw Error::validation("client_key", {"缺少或无效的提交标识", "client_key is 1 to 64 letters, digits, - or _"});
  const auto date = parse_date(in.visit_date);
  if (!date) throw Error::validation("visit_date", {"日期格式应为 YYYY-MM-DD", "Use the format YYYY-MM-DD"});
  if (in.visit_date > today()) throw Error::validation("visit_date", {"走访日期不能晚于今天", "The visit cannot be in the future"});
  if (in.visit_date < format_date(*parse_date(today()) - std::chrono::days(90)))
    throw Error::validation("visit_date", {"只能补记 90 天内的走访", "Visits are logged within 90 days"});
  if (!in.household_id && trim(in.place).empty())
    throw Error::validation("household_id", {"请选择结对户或填写走访地点", "Choose a household or name the place"});
  if (trim(in.learned).size() < 4) throw Error::validation("learned", {"请填写了解到的情况", "Write what you learned"});
  const std::string now = iso_utc(clock_.now());
  db::Tx tx(db_);
  const long long me = self_person(tx.sql(), caller);
  if (in.household_id && !MassStore::paired(tx.sql(), in.household_id, me))
    throw Error::validation("household_id", {"只能记录与本人结对的住户", "The household is not paired with you"});
  files::FilesService::require_owned(tx.sql(), caller, in.photos, "photos", files::FileKind::image);
  Visit v;
  v.person_id = me;
  v.household_id = in.household_id;
  v.place = in.household_id ? "" : trim(in.place);
  v.visit_date = in.visit_date;
  v.learned = trim(in.learned);
  v.done = trim(in.done);
  v.photos = in.photos;
  v.client_key = in.client_key;
  const auto [id, created] = MassStore::insert_visit(tx, v, caller.account_id, now);
  if (created) {
    // Points for visiting a paired household (docs/events.md); a visit elsewhere is recorded but earns none.
    if (in.household_id)
      tx.publish({.type = "mass.household_visited", .subject_id = id, .person_id = me, .occurred_at = in.visit_date + "T02:00:00Z",
                  .payload = {{"activity_date", in.visit_date}, {"household_id", in.household_id}}});
    audit::record(tx, caller, {.action = "mass.visit_logged", .target_type = "mass_visit", .target_id = std::to_string(id),
                               .detail = {{"household_id", in.household_id}, {"visit_date", in.visit_date}}},
                  clock_.now());
  }
  auto out = MassStore::visit(tx.sql(), id);
  tx.commit();
  if (out->person_id != me) throw Error::not_found(kNoVisit);
  return {*out, created};
}

std::vector<Visit> MassService::my_visits(const Principal& caller) {
  auto lease = db_.lease();
  return MassStore::visits_of(lease.sql(), self_person(lease.sql(), caller));
}

std::pair<Lecture, bool> MassService::log_lecture(const Principal& caller, const LectureInput& in) {
  if (!printable_key(in.client_key))
    throw Error::validation("client_key", {"缺少或无效的提交标识", "client_key is 1 to 64 letters, digits, - or _"});
  if (!parse_date(in.lecture_date)) throw Error::validation("lecture_date", {"日期格式应为 YYYY-MM-DD", "Use the format YYYY-MM-DD"});
  if (in.lecture_date > today()) throw Error::validation("lecture_date", {"宣讲日期不能晚于今天", "The lecture cannot be in the future"});
  if (trim(in.place).empty()) throw Error::validation("place", {"请填写宣讲地点", "Name the place"});
  if (trim(in.topic).empty()) throw Error::validation("topic", {"请填写宣讲主题", "Give the topic"});
  if (in.audience < 1) throw Error::validation("audience", {"听众人数至少为 1", "audience is at least 1"});
  const std::string now = iso_utc(clock_.now());
  db::Tx tx(db_);
  const long long me = self_person(tx.sql(), caller);
  files::FilesService::require_owned(tx.sql(), caller, in.photos, "photos", files::FileKind::image);
  Lecture l{.person_id = me, .lecture_date = in.lecture_date, .place = trim(in.place), .topic = trim(in.topic),
            .audience = in.audience, .photos = in.photos};
  const auto [id, created] = MassStore::insert_lecture(tx, l, in.client_key, now);
  if (created)
    audit::record(tx, caller, {.action = "mass.lecture_logged", .target_type = "mass_lecture", .target_id = std::to_string(id),
                               .detail = {{"lecture_date", in.lecture_date}, {"audience", in.audience}}},
                  clock_.now());
  Lecture out;
  for (const auto& x : MassStore::lectures(tx.sql(), nullptr, me, 1, 200, nullptr))
    if (x.id == id) out = x;
  tx.commit();
  return {out, created};
}

std::vector<Lecture> MassService::my_lectures(const Principal& caller) {
  auto lease = db_.lease();
  return MassStore::lectures(lease.sql(), nullptr, self_person(lease.sql(), caller), 1, 200, nullptr);
}

std::vector<Lecture> MassService::lectures(const Principal& caller, int page, int page_size, long long* total) {
  require(caller, kPermRead);
  auto lease = db_.lease();
  return MassStore::lectures(lease.sql(), &caller, 0, page, page_size, total);
}

}  // namespace xinhuo::masswork
