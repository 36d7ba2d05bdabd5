// The anonymised case library: a tolerated case, once its result is notified, may be published as a redacted copy
// that names no one. The publisher edits a draft the server has already redacted; the server refuses any text still
// holding the applicant's name, their unit's name, an ID-card number or a mobile number. The library keeps only the
// text, and answers with nothing that leads back to the case, the person or the unit.
#include "audit/recorder.hpp"
#include "core/error.hpp"
#include "oversight/case_service.hpp"

namespace xinhuo::oversight {

namespace {

std::string trim(const std::string& s) {
  const auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return "";
  return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

// The names that must not appear: the person's, the unit of the application and the person's current unit.
std::vector<std::string> names_of(soci::session& sql, const ToleranceCase& c, std::vector<std::string>* units) {
  std::vector<std::string> people = {c.person_name};
  units->push_back(c.unit_name);
  if (auto p = CaseStore::person(sql, c.person_id); p && p->unit_name != c.unit_name) units->push_back(p->unit_name);
  return people;
}

}  // namespace

LibraryCase CaseService::draft(const Principal& caller, long long id) {
  const ToleranceCase c = get(caller, id);
  std::vector<std::string> units;
  std::vector<std::string> people;
  {
    auto lease = db_.lease();
    people = names_of(lease.sql(), c, &units);
  }
  const std::string body = "【基本情况】" + c.facts + "\n【所作决策】" + c.decision_taken + "\n【决策依据】" + c.basis +
                           "\n【损失情况】" + c.loss + "\n【补救措施】" + c.remedy + "\n【认定理由】" + c.decision_reasons;
  return {0, redact(c.title, people, units), redact(body, people, units), ""};
}

LibraryCase CaseService::publish(const Principal& caller, long long id, const std::string& title_in, const std::string& body_in) {
  if (!caller.can(kPermWrite)) throw Error::forbidden("forbidden", {"没有执行此操作的权限", "You are not allowed to do this"});
  const std::string title = trim(title_in), body = trim(body_in);
  if (title.size() < 4) throw Error::validation("title", {"请填写案例标题", "Give the case a title"});
  if (body.size() < 20) throw Error::validation("body", {"请填写案例正文", "Write the case text"});
  const auto now_tp = clock_.now();
  const std::string now = iso_utc(now_tp);
  db::Tx tx(db_);
  if (!CaseStore::visible(tx.sql(), caller, id)) throw Error::not_found({"容错纠错案件不存在", "No such fault-tolerance case"});
  const auto c = CaseStore::find(tx.sql(), id, today());
  if (!c) throw Error::not_found({"容错纠错案件不存在", "No such fault-tolerance case"});
  if (c->outcome != "tolerated" || (c->state != "notified" && c->state != "closed"))
    throw Error::conflict("case_state", {"只有结果已反馈且予以容错的案件可以公开为案例",
                                         "Only a tolerated case whose result was notified can be published"});
  std::vector<std::string> units;
  const auto people = names_of(tx.sql(), *c, &units);
  std::vector<std::string> all = people;
  all.insert(all.end(), units.begin(), units.end());
  for (const auto* field : {&title, &body}) {
    const std::string found = identifying_text(*field, all);
    if (!found.empty())
      throw Error::validation(field == &title ? "title" : "body",
                              {"公开文本仍含可识别信息（姓名、单位名称、身份证号或手机号），请脱敏后再发布",
                               "The text still identifies someone (a name, the unit, an ID or a phone number)"});
  }
  const long long lib = CaseStore::publish(tx, id, title, body, today());
  if (!lib) throw Error::conflict("case_published", {"该案件已公开为案例", "The case is in the library already"});
  CaseStore::add_history(tx, id, {.action = "published", .from_state = c->state, .to_state = c->state,
                                  .actor_name = caller.display_name.empty() ? caller.username : caller.display_name, .at = now},
                         caller.account_id);
  audit::record(tx, caller, {.action = "oversight.case_published", .target_type = "tolerance_case", .target_id = std::to_string(id),
                             .detail = {{"library_id", lib}}},
                now_tp);
  tx.commit();
  return {lib, title, body, today()};
}

std::vector<LibraryCase> CaseService::library(const Principal&, const std::string& q, int page, int page_size, long long* total) {
  auto lease = db_.lease();
  return CaseStore::library(lease.sql(), q, page, page_size, total);
}

LibraryCase CaseService::library_case(const Principal&, long long id) {
  auto lease = db_.lease();
  auto c = CaseStore::library_case(lease.sql(), id);
  if (!c) throw Error::not_found({"案例不存在", "No such case"});
  return *c;
}

}  // namespace xinhuo::oversight
