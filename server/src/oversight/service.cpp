#include "oversight/service.hpp"

#include <algorithm>

#include "audit/recorder.hpp"
#include "core/error.hpp"
#include "core/xlsx.hpp"
#include "org/facts.hpp"
#include "oversight/case_store.hpp"

namespace xinhuo::oversight {

namespace {

std::string trim(const std::string& s) {
  const auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return "";
  return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

void require(const Principal& caller, const char* permission) {
  if (!caller.can(permission)) throw Error::forbidden("forbidden", {"没有执行此操作的权限", "You are not allowed to do this"});
}

void need_date(const std::string& value, const std::string& field) {
  if (!parse_date(value) || value < "1980-01-01")
    throw Error::validation(field, {"日期格式应为 YYYY-MM-DD", "Use the format YYYY-MM-DD"});
}

void need_text(const std::string& value, const std::string& field, const char* zh, std::size_t min_bytes = 4) {
  if (trim(value).size() < min_bytes) throw Error::validation(field, {zh, "Fill in " + field});
}

// A person managed by the caller (oversight.write over them), for a record about them.
void managed_person(soci::session& sql, const Principal& caller, long long person_id) {
  auto p = CaseStore::person(sql, person_id);
  if (!p || !org::person_in_scope(sql, caller, person_id))
    throw Error::validation("person_id", {"人员不存在或不在管理范围内", "The person is not someone you manage"});
}

std::string form_zh(const std::string& code) {
  const auto* f = accountability_form(code);
  return f ? f->zh : code;
}

}  // namespace

std::string OversightService::today() const { return beijing_date(clock_.now()); }

namespace {

std::optional<AccountabilityForm> form_in_force(soci::session& sql, const std::string& code) {
  for (auto& f : OversightStore::forms(sql))
    if (f.code == code) return f;
  return std::nullopt;
}

}  // namespace

std::vector<AccountabilityForm> OversightService::forms(const Principal& caller) {
  require(caller, kPermRead);
  db::Database::Lease lease(db_);
  return OversightStore::forms(lease.sql());
}

AccountabilityForm OversightService::set_period(const Principal& caller, const std::string& code, int promotion_months,
                                                bool bars_excellent, const std::string& basis) {
  require(caller, kPermWrite);
  if (promotion_months < 0 || promotion_months > 120)
    throw Error::validation("promotion_months", {"影响提拔的期限应为 0–120 个月", "promotion_months is 0–120"});
  need_text(basis, "basis", "请写明依据的规定", 4);
  const auto now_tp = clock_.now();
  db::Tx tx(db_);
  auto before = form_in_force(tx.sql(), code);
  if (!before) throw Error::not_found({"问责方式不存在", "No such form of accountability"});
  AccountabilityForm after = *before;
  after.promotion_months = promotion_months;
  after.bars_excellent = bars_excellent;
  after.basis = trim(basis);
  after.updated_at = iso_utc(now_tp);
  OversightStore::set_period(tx, after, caller.account_id, after.updated_at);
  audit::record(tx, caller, {.action = "oversight.accountability_period_changed", .target_type = "accountability_form",
                             .target_id = code,
                             .detail = {{"before", {{"promotion_months", before->promotion_months},
                                                    {"bars_excellent", before->bars_excellent}, {"basis", before->basis}}},
                                        {"after", {{"promotion_months", promotion_months},
                                                   {"bars_excellent", bars_excellent}, {"basis", after.basis}}}}},
                now_tp);
  tx.commit();
  return after;
}

Accountability OversightService::record_accountability(const Principal& caller, const AccountabilityInput& in) {
  require(caller, kPermWrite);
  if (!accountability_form(in.form)) throw Error::validation("form", {"问责方式不正确", "Unknown form of accountability"});
  need_text(in.reason, "reason", "请写明问责事由");
  need_text(in.document_no, "document_no", "请填写决定文号", 2);
  need_date(in.decided_on, "decided_on");
  need_date(in.effective_from, "effective_from");
  if (in.decided_on > today()) throw Error::validation("decided_on", {"决定日期不能晚于今天", "The decision date is in the future"});
  if (in.effective_from < in.decided_on)
    throw Error::validation("effective_from", {"生效日期不能早于决定日期", "It cannot take effect before it was decided"});
  const auto now_tp = clock_.now();
  db::Tx tx(db_);
  managed_person(tx.sql(), caller, in.person_id);
  if (in.document_file) files::FilesService::require_owned(tx.sql(), caller, {in.document_file}, "document_file");
  const auto form = form_in_force(tx.sql(), in.form);
  Accountability a;
  a.person_id = in.person_id;
  a.form = in.form;
  a.reason = trim(in.reason);
  a.document_no = trim(in.document_no);
  a.document_file = in.document_file;
  a.decided_on = in.decided_on;
  a.effective_from = in.effective_from;
  if (auto until = promotion_until(*form, *parse_date(in.effective_from))) a.promotion_until = format_date(*until);
  if (form->bars_excellent) a.evaluation_year = in.effective_from.substr(0, 4);
  const long long id = OversightStore::insert_accountability(tx, a, caller.account_id, iso_utc(now_tp));
  audit::record(tx, caller, {.action = "oversight.accountability_recorded", .target_type = "accountability",
                             .target_id = std::to_string(id),
                             .detail = {{"person_id", in.person_id}, {"form", in.form}, {"effective_from", in.effective_from}}},
                now_tp);
  auto out = OversightStore::accountability_one(tx.sql(), nullptr, id, today());
  tx.commit();
  return *out;
}

std::vector<Accountability> OversightService::accountability(const Principal& caller, const PersonFilter& f, long long* total) {
  require(caller, kPermRead);
  auto lease = db_.lease();
  return OversightStore::accountability(lease.sql(), &caller, f, today(), total);
}

std::string OversightService::export_accountability(const Principal& caller, PersonFilter f) {
  f.page = 1;
  f.page_size = 50000;
  const auto rows = accountability(caller, f, nullptr);
  Sheet sheet{.name = "问责记录", .header = {"姓名", "单位", "问责方式", "事由", "决定文号", "决定日期", "生效日期", "不得提拔至",
                                          "年度考核不得评优", "影响期内"},
              .widths = {10, 24, 14, 40, 20, 12, 12, 12, 10, 8}, .rows = {}};
  for (const auto& a : rows)
    sheet.rows.push_back({a.person_name, a.unit_name, form_zh(a.form), a.reason, a.document_no, a.decided_on, a.effective_from,
                          a.promotion_until, a.evaluation_year, a.in_effect ? "是" : "否"});
  std::string bytes = write_xlsx(sheet);
  db::Tx tx(db_);
  audit::record(tx, caller, {.action = "oversight.accountability_exported", .target_type = "org_node",
                             .target_id = std::to_string(f.node_id), .detail = {{"rows", rows.size()}}},
                clock_.now());
  tx.commit();
  return bytes;
}

std::pair<files::StoredFile, std::string> OversightService::document(const Principal& caller, long long id, bool mine) {
  std::optional<Accountability> a;
  Principal reader;
  {
    auto lease = db_.lease();
    if (mine) {
      if (!caller.person_id) throw Error::forbidden("no_person", {"账号未关联人员", "This account is not linked to a person"});
      a = OversightStore::accountability_one(lease.sql(), nullptr, id, today());
      if (a && (!caller.person_id || a->person_id != caller.person_id)) a.reset();
    } else {
      require(caller, kPermRead);
      a = OversightStore::accountability_one(lease.sql(), &caller, id, today());
    }
    if (!a || !a->document_file || !files_) throw Error::not_found();
    const auto f = files::FilesStore::file(lease.sql(), a->document_file);
    if (!f) throw Error::not_found();
    reader.account_id = f->owner_account_id;  // the record grants the reading: read as its uploader would
  }
  return files_->read(reader, a->document_file);
}

Clarification OversightService::record_clarification(const Principal& caller, const ClarificationInput& in) {
  require(caller, kPermWrite);
  need_text(in.complaint, "complaint", "请写明信访反映的问题");
  need_text(in.finding, "finding", "请写明核查结论（反映不实的情况）");
  need_date(in.clarified_on, "clarified_on");
  if (in.clarified_on > today()) throw Error::validation("clarified_on", {"澄清日期不能晚于今天", "The date is in the future"});
  need_text(in.announcement_scope, "announcement_scope", "请写明澄清的范围（如：单位全体干部会议）");
  const auto now_tp = clock_.now();
  db::Tx tx(db_);
  managed_person(tx.sql(), caller, in.person_id);
  Clarification c{0, in.person_id, "", "", trim(in.complaint), trim(in.finding), in.clarified_on, trim(in.announcement_scope), "", false};
  const long long id = OversightStore::insert_clarification(tx, c, caller.account_id, iso_utc(now_tp));
  audit::record(tx, caller, {.action = "oversight.clarification_recorded", .target_type = "clarification",
                             .target_id = std::to_string(id), .detail = {{"person_id", in.person_id}}},
                now_tp);
  PersonFilter f;
  f.person_id = in.person_id;
  f.page_size = 1000;
  Clarification out;
  for (auto& x : OversightStore::clarifications(tx.sql(), nullptr, f, nullptr))
    if (x.id == id) out = x;
  tx.commit();
  return out;
}

std::vector<Clarification> OversightService::clarifications(const Principal& caller, const PersonFilter& f, long long* total) {
  require(caller, kPermRead);
  auto lease = db_.lease();
  return OversightStore::clarifications(lease.sql(), &caller, f, total);
}

Clarification OversightService::show_clarification(const Principal& caller, long long id, bool shown) {
  if (!caller.person_id) throw Error::forbidden("no_person", {"账号未关联人员", "This account is not linked to a person"});
  const auto now_tp = clock_.now();
  db::Tx tx(db_);
  if (!OversightStore::set_shown(tx, id, caller.person_id, shown)) throw Error::not_found({"澄清记录不存在", "No such clarification"});
  audit::record(tx, caller, {.action = "oversight.clarification_shown", .target_type = "clarification",
                             .target_id = std::to_string(id), .detail = {{"shown", shown}}},
                now_tp);
  PersonFilter f;
  f.person_id = caller.person_id;
  f.page_size = 1000;
  Clarification out;
  for (auto& x : OversightStore::clarifications(tx.sql(), nullptr, f, nullptr))
    if (x.id == id) out = x;
  tx.commit();
  return out;
}

PersonSummary OversightService::person_summary(const Principal& caller, long long person_id) {
  auto lease = db_.lease();
  const bool self = caller.person_id != 0 && caller.person_id == person_id;
  if (!self && (!caller.can(kPermRead) || !org::person_in_scope(lease.sql(), caller, person_id)))
    throw Error::not_found({"人员不存在", "No such person"});
  PersonFilter f;
  f.person_id = person_id;
  f.page_size = 1000;
  PersonSummary out;
  out.accountability = OversightStore::accountability(lease.sql(), nullptr, f, today(), nullptr);
  for (auto& c : OversightStore::clarifications(lease.sql(), nullptr, f, nullptr))
    if (self || c.show_in_record) out.clarifications.push_back(c);
  return out;
}

Inspection OversightService::create_inspection(const Principal& caller, const InspectionInput& in) {
  require(caller, kPermWrite);
  need_text(in.topic, "topic", "请填写督查主题");
  need_text(in.description, "description", "请写明督查内容和要求");
  need_date(in.start_date, "start_date");
  if (!in.end_date.empty()) {
    need_date(in.end_date, "end_date");
    if (in.end_date < in.start_date) throw Error::validation("end_date", {"结束日期不能早于开始日期", "It ends before it starts"});
  }
  if (in.node_ids.empty()) throw Error::validation("node_ids", {"请选择督查范围", "Choose the organisations inspected"});
  const auto now_tp = clock_.now();
  db::Tx tx(db_);
  for (long long node : in.node_ids)
    if (!org::node_in_scope(tx.sql(), caller, node))
      throw Error::validation("node_ids", {"督查范围含有不在管理范围内的组织", "An organisation is outside your scope"});
  Inspection i;
  i.topic = trim(in.topic);
  i.description = trim(in.description);
  i.start_date = in.start_date;
  i.end_date = in.end_date;
  const long long id = OversightStore::insert_inspection(tx, i, in.node_ids, caller.account_id, iso_utc(now_tp));
  audit::record(tx, caller, {.action = "oversight.inspection_created", .target_type = "inspection", .target_id = std::to_string(id),
                             .detail = {{"nodes", in.node_ids}}},
                now_tp);
  auto out = OversightStore::inspection(tx.sql(), caller, id, today());
  tx.commit();
  return *out;
}

std::vector<Inspection> OversightService::inspections(const Principal& caller) {
  require(caller, kPermRead);
  auto lease = db_.lease();
  return OversightStore::inspections(lease.sql(), caller, today());
}

std::pair<Inspection, std::vector<Finding>> OversightService::inspection(const Principal& caller, long long id) {
  require(caller, kPermRead);
  auto lease = db_.lease();
  auto i = OversightStore::inspection(lease.sql(), caller, id, today());
  if (!i) throw Error::not_found({"督查不存在", "No such inspection"});
  return {*i, OversightStore::findings(lease.sql(), caller, id, false, today())};
}

Finding OversightService::add_finding(const Principal& caller, long long inspection_id, const FindingInput& in) {
  require(caller, kPermWrite);
  need_text(in.content, "content", "请写明发现的问题");
  need_text(in.requirement, "requirement", "请写明整改要求");
  need_date(in.due_date, "due_date");
  if (in.due_date < today()) throw Error::validation("due_date", {"整改期限不能早于今天", "The deadline cannot be in the past"});
  const auto now_tp = clock_.now();
  db::Tx tx(db_);
  if (!OversightStore::inspection(tx.sql(), caller, inspection_id, today())) throw Error::not_found({"督查不存在", "No such inspection"});
  if (!org::node_in_scope(tx.sql(), caller, in.unit_id, {.unit_only = true}))
    throw Error::validation("unit_id", {"单位不存在或不在管理范围内", "The unit is not one you manage"});
  if (!OversightStore::unit_in_inspection(tx.sql(), inspection_id, in.unit_id))
    throw Error::validation("unit_id", {"该单位不在本次督查范围内", "The unit is outside this inspection's scope"});
  if (in.person_id) {
    auto p = CaseStore::person(tx.sql(), in.person_id);
    if (!p || p->unit_id != in.unit_id)
      throw Error::validation("person_id", {"该人员不属于所选单位", "The person is not of that unit"});
  }
  Finding f;
  f.inspection_id = inspection_id;
  f.unit_id = in.unit_id;
  f.person_id = in.person_id;
  f.content = trim(in.content);
  f.requirement = trim(in.requirement);
  f.due_date = in.due_date;
  const long long id = OversightStore::insert_finding(tx, f, iso_utc(now_tp));
  audit::record(tx, caller, {.action = "oversight.finding_recorded", .target_type = "inspection_finding",
                             .target_id = std::to_string(id),
                             .detail = {{"inspection_id", inspection_id}, {"unit_id", in.unit_id}, {"due_date", in.due_date}}},
                now_tp);
  auto out = OversightStore::finding(tx.sql(), caller, id, today());
  tx.commit();
  return *out;
}

Finding OversightService::follow_up(const Principal& caller, long long finding_id, const std::string& note, bool rectified) {
  require(caller, kPermWrite);
  need_text(note, "note", "请填写跟踪督办情况");
  const auto now_tp = clock_.now();
  const std::string now = iso_utc(now_tp);
  db::Tx tx(db_);
  auto f = OversightStore::finding(tx.sql(), caller, finding_id, today());
  if (!f) throw Error::not_found({"督查问题不存在", "No such finding"});
  if (f->state != "open") throw Error::conflict("finding_state", {"该问题已整改完成", "The finding is rectified already"});
  const std::string log = (f->follow_up.empty() ? "" : f->follow_up + "\n") + today() + " " + trim(note);
  if (!OversightStore::follow_up(tx, finding_id, log, rectified, now))
    throw Error::conflict("finding_state", {"该问题已整改完成", "The finding is rectified already"});
  audit::record(tx, caller, {.action = rectified ? "oversight.finding_rectified" : "oversight.finding_followed_up",
                             .target_type = "inspection_finding", .target_id = std::to_string(finding_id)},
                now_tp);
  auto out = OversightStore::finding(tx.sql(), caller, finding_id, today());
  tx.commit();
  return *out;
}

std::vector<Finding> OversightService::overdue_findings(const Principal& caller) {
  require(caller, kPermRead);
  auto lease = db_.lease();
  return OversightStore::findings(lease.sql(), caller, 0, true, today());
}

std::string OversightService::export_findings(const Principal& caller, long long inspection_id) {
  require(caller, kPermRead);
  std::vector<Finding> rows;
  {
    auto lease = db_.lease();
    rows = OversightStore::findings(lease.sql(), caller, inspection_id, false, today());
  }
  Sheet sheet{.name = "督查问题", .header = {"督查主题", "单位", "人员", "问题", "整改要求", "整改期限", "状态", "超期", "跟踪督办"},
              .widths = {24, 24, 10, 40, 30, 12, 8, 6, 40}, .rows = {}};
  for (const auto& f : rows)
    sheet.rows.push_back({f.inspection_topic, f.unit_name, f.person_name, f.content, f.requirement, f.due_date,
                          f.state == "open" ? "整改中" : "已整改", f.overdue ? "是" : "", f.follow_up});
  std::string bytes = write_xlsx(sheet);
  db::Tx tx(db_);
  audit::record(tx, caller, {.action = "oversight.findings_exported", .target_type = "inspection",
                             .target_id = std::to_string(inspection_id), .detail = {{"rows", rows.size()}}},
                clock_.now());
  tx.commit();
  return bytes;
}

}  // namespace xinhuo::oversight
