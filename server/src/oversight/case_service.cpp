#include "oversight/case_service.hpp"

#include <map>

#include "audit/recorder.hpp"
#include "core/error.hpp"
#include "core/json_input.hpp"
#include "core/xlsx.hpp"
#include "db/query.hpp"
#include "org/facts.hpp"

namespace xinhuo::oversight {

namespace {

const Text kNoCase{"容错纠错案件不存在", "No such fault-tolerance case"};

std::string trim(const std::string& s) {
  const auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return "";
  return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

std::string state_zh(const std::string& s) {
  static const std::map<std::string, std::string> m = {{"submitted", "待初审"}, {"investigating", "调查核实"},
                                                       {"declined", "不予受理"}, {"decided", "已集体研究"},
                                                       {"notified", "已反馈结果"}, {"closed", "已办结"}};
  auto it = m.find(s);
  return it == m.end() ? s : it->second;
}

Error wrong_state(const std::string& state) {
  return Error::conflict("case_state", {"该案件当前为“" + state_zh(state) + "”，不能进行此操作，请刷新后重试",
                                        "The case is " + state + " now and cannot take this step; reload and try again"});
}

void require(const Principal& caller, const char* permission) {
  if (!caller.can(permission)) throw Error::forbidden("forbidden", {"没有执行此操作的权限", "You are not allowed to do this"});
}

long long self_person(const Principal& caller) {
  if (!caller.person_id) throw Error::forbidden("no_person", {"账号未关联人员", "This account is not linked to a person"});
  return caller.person_id;
}

std::string actor_of(const Principal& caller) { return caller.display_name.empty() ? caller.username : caller.display_name; }

void need_text(const std::string& value, const std::string& field, const char* zh, std::size_t min_bytes = 2) {
  if (trim(value).size() < min_bytes) throw Error::validation(field, {zh, "Fill in " + field});
}

}  // namespace

std::string CaseService::today() const { return beijing_date(clock_.now()); }

ToleranceCase CaseService::load(soci::session& sql, long long id) const {
  auto c = CaseStore::find(sql, id, today());
  if (!c) throw Error::not_found(kNoCase);
  c->corrections = CaseStore::corrections(sql, id, today());
  c->history = CaseStore::history(sql, id);
  return *c;
}

ToleranceCase CaseService::create(const Principal& caller, const CaseInput& in, long long person_id, const std::string& kind) {
  if (in.case_kind != "application" && in.case_kind != "advance_filing")
    throw Error::validation("case_kind", {"类型应为容错申请或容错报备", "case_kind is application or advance_filing"});
  need_text(in.title, "title", "请填写标题");
  need_text(in.facts, "facts", "请写明事实经过", 4);
  need_text(in.decision_taken, "decision_taken", "请写明所作决策或采取的措施", 4);
  need_text(in.basis, "basis", "请写明决策依据（政策、会议、请示等）", 4);
  // Filed in advance, nothing has gone wrong yet: the loss and the remedy are the foreseen ones.
  need_text(in.loss, "loss", "请写明造成或可能造成的损失");
  need_text(in.remedy, "remedy", "请写明已采取或拟采取的补救措施");
  const auto now_tp = clock_.now();
  const std::string now = iso_utc(now_tp);
  db::Tx tx(db_);
  auto person = CaseStore::person(tx.sql(), person_id);
  if (!person || person->status != "active") {
    if (kind == "self") throw Error::forbidden("no_person", {"账号未关联在册人员", "This account is not linked to a person on the roster"});
    throw Error::validation("person_id", {"人员不存在或不在管理范围内", "The person is not someone you manage"});
  }
  ToleranceCase c;
  c.person_id = person_id;
  c.unit_id = person->unit_id;
  c.applicant_kind = kind;
  c.case_kind = in.case_kind;
  c.title = trim(in.title);
  c.facts = trim(in.facts);
  c.decision_taken = trim(in.decision_taken);
  c.basis = trim(in.basis);
  c.loss = trim(in.loss);
  c.remedy = trim(in.remedy);
  c.review_due = format_date(review_due(*parse_date(beijing_date(now_tp))));
  const long long id = CaseStore::insert(tx, c, caller.account_id, now);
  CaseStore::add_history(tx, id, {.action = "submitted", .to_state = "submitted", .actor_name = actor_of(caller), .at = now},
                         caller.account_id);
  audit::record(tx, caller, {.action = "oversight.case_submitted", .target_type = "tolerance_case", .target_id = std::to_string(id),
                             .detail = {{"person_id", person_id}, {"applicant_kind", kind}, {"case_kind", in.case_kind}}},
                now_tp);
  ToleranceCase out = load(tx.sql(), id);
  tx.commit();
  return out;
}

ToleranceCase CaseService::apply(const Principal& caller, const CaseInput& in) {
  return create(caller, in, self_person(caller), "self");
}

ToleranceCase CaseService::apply_for(const Principal& caller, const CaseInput& in) {
  require(caller, kPermRead);
  {
    auto lease = db_.lease();
    if (!org::person_in_scope(lease.sql(), caller, in.person_id))
      throw Error::validation("person_id", {"人员不存在或不在管理范围内", "The person is not someone you manage"});
  }
  return create(caller, in, in.person_id, "unit");
}

// The applicant sees the result once it is notified; until then the decision and the investigation stay inside.
static ToleranceCase for_applicant(ToleranceCase c) {
  if (c.state == "submitted" || c.state == "investigating" || c.state == "decided") {
    c.outcome.clear();
    c.votes_for = c.votes_against = c.votes_abstain = 0;
    c.distinctions.clear();
    c.decision_reasons.clear();
    c.decided_at.clear();
    c.corrections.clear();
  }
  std::vector<HistoryItem> shown;
  for (auto& h : c.history) {
    if (h.action == "noted" || h.action == "published") continue;
    if (h.action == "decided") {
      if (c.outcome.empty()) continue;
      h.note.clear();
    }
    shown.push_back(h);
  }
  c.history = shown;
  c.review_overdue = false;
  return c;
}

std::vector<ToleranceCase> CaseService::mine(const Principal& caller) {
  const long long person = self_person(caller);
  auto lease = db_.lease();
  std::vector<ToleranceCase> out;
  for (auto& c : CaseStore::of_person(lease.sql(), person, today())) out.push_back(for_applicant(c));
  return out;
}

ToleranceCase CaseService::my_case(const Principal& caller, long long id) {
  const long long person = self_person(caller);
  auto lease = db_.lease();
  auto c = CaseStore::find(lease.sql(), id, today());
  if (!c || c->person_id != person) throw Error::not_found(kNoCase);
  return for_applicant(load(lease.sql(), id));
}

std::vector<ToleranceCase> CaseService::list(const Principal& caller, const CaseFilter& f, long long* total) {
  require(caller, kPermRead);
  if (!f.state.empty() && !one_of(case_states(), f.state)) throw Error::validation("state", {"状态不正确", "Unknown state"});
  auto lease = db_.lease();
  return CaseStore::list(lease.sql(), caller, f, today(), total);
}

std::string CaseService::export_xlsx(const Principal& caller, CaseFilter f) {
  f.page = 1;
  f.page_size = 50000;
  const auto rows = list(caller, f, nullptr);
  Sheet sheet{.name = "容错纠错", .header = {"编号", "姓名", "单位", "类型", "申请方式", "标题", "状态", "提交时间", "初审期限",
                                          "初审超期", "认定结果", "赞成", "反对", "弃权", "理由"},
              .widths = {8, 10, 24, 10, 10, 30, 12, 20, 12, 8, 10, 6, 6, 6, 40}, .rows = {}};
  for (const auto& c : rows)
    sheet.rows.push_back({std::to_string(c.id), c.person_name, c.unit_name, c.case_kind == "advance_filing" ? "容错报备" : "容错申请",
                          c.applicant_kind == "self" ? "本人申请" : "单位申请", c.title, state_zh(c.state), c.submitted_at,
                          c.review_due, c.review_overdue ? "是" : "", c.outcome.empty() ? "" : (c.outcome == "tolerated" ? "予以容错" : "不予容错"),
                          std::to_string(c.votes_for), std::to_string(c.votes_against), std::to_string(c.votes_abstain),
                          c.decision_reasons});
  std::string bytes = write_xlsx(sheet);
  db::Tx tx(db_);
  audit::record(tx, caller, {.action = "oversight.cases_exported", .target_type = "org_node", .target_id = std::to_string(f.node_id),
                             .detail = {{"state", f.state}, {"rows", rows.size()}}},
                clock_.now());
  tx.commit();
  return bytes;
}

CaseWarnings CaseService::warnings(const Principal& caller) {
  require(caller, kPermRead);
  auto lease = db_.lease();
  return {CaseStore::count_overdue_reviews(lease.sql(), caller, today()),
          CaseStore::count_overdue_corrections(lease.sql(), caller, today())};
}

ToleranceCase CaseService::get(const Principal& caller, long long id) {
  require(caller, kPermRead);
  auto lease = db_.lease();
  if (!CaseStore::visible(lease.sql(), caller, id)) throw Error::not_found(kNoCase);
  return load(lease.sql(), id);
}

ToleranceCase CaseService::writable(db::Tx& tx, const Principal& caller, long long id) const {
  require(caller, kPermWrite);
  if (!CaseStore::visible(tx.sql(), caller, id)) throw Error::not_found(kNoCase);
  auto c = CaseStore::find(tx.sql(), id, today());
  if (!c) throw Error::not_found(kNoCase);
  if (caller.person_id && c->person_id == caller.person_id)
    throw Error::forbidden("own_case", {"不能办理本人的容错纠错案件", "Your own case is handled by someone else"});
  return *c;
}

ToleranceCase CaseService::step(const Principal& caller, long long id, const std::string& from, const std::string& to,
                                const std::string& action, db::Query set, const std::string& note, const Json& detail) {
  const std::string now = iso_utc(clock_.now());
  db::Tx tx(db_);
  const ToleranceCase c = writable(tx, caller, id);
  if (c.state != from) throw wrong_state(c.state);
  if (action == "closed")
    for (const auto& k : CaseStore::corrections(tx.sql(), id, today()))
      if (k.done_at.empty())
        throw Error::conflict("corrections_open", {"还有未完成的纠错整改事项，不能办结", "Corrections are still open"});
  if (!CaseStore::transition(tx, id, from, to, std::move(set), now)) throw wrong_state(c.state);
  CaseStore::add_history(tx, id, {.action = action, .from_state = from, .to_state = to, .note = note,
                                  .actor_name = actor_of(caller), .at = now},
                         caller.account_id);
  Json d = detail;
  d["from"] = from;
  d["to"] = to;
  audit::record(tx, caller, {.action = "oversight.case_" + action, .target_type = "tolerance_case", .target_id = std::to_string(id),
                             .detail = d},
                clock_.now());
  ToleranceCase out = load(tx.sql(), id);
  tx.commit();
  return out;
}

ToleranceCase CaseService::review(const Principal& caller, long long id, bool accept, const std::string& note_in) {
  const std::string note = trim(note_in);
  if (!accept && note.empty()) throw Error::validation("note", {"请写明不予受理的理由", "Give the reason for declining"});
  db::Query set("review_note = ");
  note.empty() ? set.add("NULL") : set.value(note);
  set.add(", reviewed_at = ").value(iso_utc(clock_.now()));
  return step(caller, id, "submitted", accept ? "investigating" : "declined", accept ? "accepted" : "declined", std::move(set),
              note, Json::object());
}

ToleranceCase CaseService::note(const Principal& caller, long long id, const std::string& note_in) {
  const std::string note = trim(note_in);
  if (note.size() < 4) throw Error::validation("note", {"请填写调查核实情况", "Write the investigation note"});
  return step(caller, id, "investigating", "investigating", "noted", db::Query(), note, Json::object());
}

ToleranceCase CaseService::decide(const Principal& caller, long long id, const DecisionInput& in) {
  if (in.outcome != "tolerated" && in.outcome != "not_tolerated")
    throw Error::validation("outcome", {"认定结果应为予以容错或不予容错", "outcome is tolerated or not_tolerated"});
  const int cast = in.votes_for + in.votes_against + in.votes_abstain;
  if (in.votes_for < 0 || in.votes_against < 0 || in.votes_abstain < 0 || cast < 3)
    throw Error::validation("votes_for", {"集体研究的表决人数至少 3 人", "A collective decision takes at least 3 votes"});
  if (in.outcome == "tolerated" && in.votes_for * 2 <= cast)
    throw Error::validation("votes_for", {"予以容错须经过半数赞成", "Tolerance needs more than half of the votes in favour"});
  for (const auto& d : in.distinctions)
    if (!one_of(distinctions(), d))
      throw Error::validation("distinctions", {"“三个区分开来”的选项不正确", "distinctions are inexperience, experiment or public_interest"});
  if (in.outcome == "tolerated" && in.distinctions.empty())
    throw Error::validation("distinctions", {"予以容错须对照“三个区分开来”说明适用情形", "Say which of the three distinctions applies"});
  const std::string reasons = trim(in.reasons);
  if (reasons.size() < 4) throw Error::validation("reasons", {"请写明认定理由", "Give the reasons of the decision"});
  Json list = Json::array();
  for (const auto& d : in.distinctions) list.push_back(d);
  db::Query set("outcome = ");
  set.value(in.outcome).add(", votes_for = ").value(in.votes_for).add(", votes_against = ").value(in.votes_against);
  set.add(", votes_abstain = ").value(in.votes_abstain).add(", distinctions = ").value(list.dump());
  set.add(", decision_reasons = ").value(reasons).add(", decided_at = ").value(iso_utc(clock_.now()));
  return step(caller, id, "investigating", "decided", "decided", std::move(set), reasons,
              {{"outcome", in.outcome}, {"votes", {in.votes_for, in.votes_against, in.votes_abstain}}});
}

ToleranceCase CaseService::notify(const Principal& caller, long long id, const std::string& note_in) {
  const std::string note = trim(note_in);
  db::Query set("result_note = ");
  note.empty() ? set.add("NULL") : set.value(note);
  set.add(", notified_at = ").value(iso_utc(clock_.now()));
  return step(caller, id, "decided", "notified", "notified", std::move(set), note, Json::object());
}

ToleranceCase CaseService::add_correction(const Principal& caller, long long id, const std::string& content_in,
                                          const std::string& due) {
  const std::string content = trim(content_in);
  if (content.size() < 4) throw Error::validation("content", {"请写明纠错整改事项", "Describe the correction"});
  if (!parse_date(due)) throw Error::validation("due_date", {"日期格式应为 YYYY-MM-DD", "Use the format YYYY-MM-DD"});
  if (due < today()) throw Error::validation("due_date", {"整改期限不能早于今天", "The deadline cannot be in the past"});
  const std::string now = iso_utc(clock_.now());
  db::Tx tx(db_);
  const ToleranceCase c = writable(tx, caller, id);
  if (c.state != "decided" && c.state != "notified") throw wrong_state(c.state);
  // Holds the case in its state while the item is added: a close meanwhile makes this fail.
  if (!CaseStore::transition(tx, id, c.state, c.state, db::Query(), now)) throw wrong_state(c.state);
  const long long item = CaseStore::add_correction(tx, id, content, due, now);
  CaseStore::add_history(tx, id, {.action = "correction_added", .from_state = c.state, .to_state = c.state,
                                  .note = content + "（" + due + "）", .actor_name = actor_of(caller), .at = now},
                         caller.account_id);
  audit::record(tx, caller, {.action = "oversight.case_correction_added", .target_type = "tolerance_case",
                             .target_id = std::to_string(id), .detail = {{"item", item}, {"due_date", due}}},
                clock_.now());
  ToleranceCase out = load(tx.sql(), id);
  tx.commit();
  return out;
}

ToleranceCase CaseService::finish_correction(const Principal& caller, long long id, long long item, const std::string& note_in) {
  const std::string note = trim(note_in);
  if (note.empty()) throw Error::validation("note", {"请写明整改完成情况", "Say how it was done"});
  const std::string now = iso_utc(clock_.now());
  db::Tx tx(db_);
  const ToleranceCase c = writable(tx, caller, id);
  if (c.state != "decided" && c.state != "notified") throw wrong_state(c.state);
  if (!CaseStore::finish_correction(tx, id, item, note, now))
    throw Error::conflict("correction_state", {"该整改事项不存在或已完成", "The item does not exist or is done already"});
  CaseStore::add_history(tx, id, {.action = "correction_done", .from_state = c.state, .to_state = c.state, .note = note,
                                  .actor_name = actor_of(caller), .at = now},
                         caller.account_id);
  audit::record(tx, caller, {.action = "oversight.case_correction_done", .target_type = "tolerance_case",
                             .target_id = std::to_string(id), .detail = {{"item", item}}},
                clock_.now());
  ToleranceCase out = load(tx.sql(), id);
  tx.commit();
  return out;
}

ToleranceCase CaseService::close(const Principal& caller, long long id) {
  db::Query set("closed_at = ");
  set.value(iso_utc(clock_.now()));
  // Every correction item must be done (checked in the step's transaction, before the state changes).
  return step(caller, id, "notified", "closed", "closed", std::move(set), "", Json::object());
}

}  // namespace xinhuo::oversight
