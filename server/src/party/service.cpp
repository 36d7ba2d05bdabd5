#include "party/service.hpp"

#include <algorithm>
#include <tuple>

#include "audit/recorder.hpp"
#include "core/date.hpp"
#include "files/service.hpp"
#include "org/facts.hpp"
#include "org/service.hpp"

namespace xinhuo::party {

namespace {

const Text kNoPerson{"人员不存在", "No such person"};
const Text kNoCase{"发展档案不存在", "No such development case"};

Json step_detail(const StepRecord& s) {
  Json d = {{"step_no", s.step_no}, {"attempt", s.attempt}, {"date", s.date}};
  if (!s.outcome.empty()) d["outcome"] = s.outcome;
  return d;
}

}  // namespace

std::string PartyService::today() const { return beijing_date(clock_.now()); }

void PartyService::require(const Principal& caller, const char* permission) const {
  if (!caller.can(permission)) throw Error::forbidden("forbidden", {"没有执行此操作的权限", "You are not allowed to do this"});
}

void PartyService::check_node(soci::session& sql, const Principal& caller, long long node_id) {
  if (node_id && !org::node_in_scope(sql, caller, node_id)) throw Error::not_found({"组织不存在", "No such organisation"});
}

void PartyService::refresh(db::Tx& tx, long long case_id) {
  const auto c = PartyStore::load(tx.sql(), case_id);
  PartyStore::save_derived(tx, case_id, stage_of(*c), deadlines(*c));
}

std::vector<DevelopmentCase> PartyService::cases(const Principal& caller, const CaseFilter& filter, long long* total) {
  require(caller, kPermRead);
  auto lease = db_.lease();
  check_node(lease.sql(), caller, filter.node_id);
  return PartyStore::list(lease.sql(), caller, filter, total);
}

DevelopmentCase PartyService::development_case(const Principal& caller, long long case_id) {
  require(caller, kPermRead);
  auto lease = db_.lease();
  auto c = PartyStore::load(lease.sql(), case_id);
  if (!c || !org::person_in_scope(lease.sql(), caller, c->person_id)) throw Error::not_found(kNoCase);
  return std::move(*c);
}

void PartyService::check_people(soci::session& sql, StepRecord& step) const {
  for (std::size_t i = 0; i < step.people.size(); ++i) {
    auto& p = step.people[i];
    const std::string field = "people[" + std::to_string(i) + "]";
    if (p.role != "talker" && p.role != "contact" && p.role != "sponsor")
      throw Error::validation(field + ".role", {"角色应为谈话人、培养联系人或入党介绍人", "Role is talker, contact or sponsor"});
    if (p.person_id) {
      auto person = PartyStore::person(sql, p.person_id);
      if (!person) throw Error::validation(field + ".person_id", kNoPerson);
      p.name = person->name;
      const bool member = person->party_status == "full" && person->status == "active";
      if ((p.role == "contact" || p.role == "sponsor") && !member)
        throw Error::validation(field + ".person_id", {person->name + " 不是正式党员，不能担任培养联系人或入党介绍人",
                                                       person->name + " is not a full member"});
    } else if (p.role != "talker") {
      throw Error::validation(field + ".person_id", {"请从名册中选择正式党员", "Choose a full member from the roster"});
    }
    if (p.name.empty()) throw Error::validation(field + ".name", {"请填写姓名", "Enter the name"});
  }
  if (step.step_no == 9 && step.people.size() == 2 && step.people[0].person_id == step.people[1].person_id)
    throw Error::validation("people", {"两名入党介绍人不能是同一人", "The two sponsors must be different people"});
}

void PartyService::apply_outcome(db::Tx& tx, const Principal& caller, DevelopmentCase& c, const StepRecord& step) {
  const std::string now = iso_utc(clock_.now());
  c.steps.push_back(step);
  const std::string status = party_status_after(c);
  // 入党时间 is the day of the branch meeting that admitted the probationary member.
  const std::string joined = step.step_no == 17 ? find_step(c, 15)->date : "";
  org::OrgService::set_party_status(tx, c.person_id, status, joined, caller, now);
  if (step.step_no == 24) {
    const StepRecord* vote = find_step(c, 23, step.attempt);
    if (vote && vote->outcome == "disqualify") PartyStore::set_case_status(tx, c.id, "disqualified", now);
  }
  if (step.step_no == 25) PartyStore::set_case_status(tx, c.id, "completed", now);
}

DevelopmentCase PartyService::open_case(const Principal& caller, long long person_id, StepRecord application) {
  require(caller, kPermWrite);
  long long case_id = 0;
  {
    db::Tx tx(db_);
    auto person = PartyStore::person(tx.sql(), person_id);
    if (!person || !org::person_in_scope(tx.sql(), caller, person_id)) throw Error::not_found(kNoPerson);
    if (person->status != "active") throw Error::conflict("person_left", {"该人员已离开，不能建立发展档案", "This person has left"});
    if (PartyStore::active_case_of(tx.sql(), person_id))
      throw Error::conflict("case_exists", {"该同志已有进行中的发展档案", "This person already has an open development case"});
    if (person->party_status != "masses")
      throw Error::conflict("not_masses", {"只有政治面貌为群众的人员才能递交入党申请", "Only a person of the masses can apply"});
    DevelopmentCase c;
    c.person_id = person_id;
    c.person_name = person->name;
    c.birth_date = person->birth_date;
    c.status = "active";
    application.step_no = 1;
    application.attempt = 1;
    check_step(c, application, today());
    check_people(tx.sql(), application);
    files::FilesService::require_owned(tx.sql(), caller, application.documents, "documents");
    const std::string now = iso_utc(clock_.now());
    case_id = PartyStore::insert_case(tx, person_id, caller.account_id, now);
    c.id = case_id;
    application.case_id = case_id;
    application.entered_by = caller.account_id;
    PartyStore::insert_step(tx, application, now);
    apply_outcome(tx, caller, c, application);
    refresh(tx, case_id);
    audit::record(tx, caller, {.action = "party.case_opened", .target_type = "development_case", .target_id = std::to_string(case_id),
                               .detail = {{"person_id", person_id}, {"date", application.date}}},
                  clock_.now());
    tx.commit();
  }
  return development_case(caller, case_id);
}

DevelopmentCase PartyService::record_step(const Principal& caller, long long case_id, StepRecord step) {
  require(caller, kPermWrite);
  {
    db::Tx tx(db_);
    auto c = PartyStore::load(tx.sql(), case_id);
    if (!c || !org::person_in_scope(tx.sql(), caller, c->person_id)) throw Error::not_found(kNoCase);
    // Serialises writers of this case, then reads it again so the rules see what the lock protects.
    if (!PartyStore::lock_active_case(tx, case_id, iso_utc(clock_.now())))
      throw Error::conflict("case_closed", {"该发展档案已结束，不能再记录步骤", "This development case is closed"});
    c = PartyStore::load(tx.sql(), case_id);
    step.attempt = next_step(*c).attempt;
    check_step(*c, step, today());
    check_people(tx.sql(), step);
    files::FilesService::require_owned(tx.sql(), caller, step.documents, "documents");
    step.case_id = case_id;
    step.entered_by = caller.account_id;
    step.id = PartyStore::insert_step(tx, step, iso_utc(clock_.now()));
    apply_outcome(tx, caller, *c, step);
    refresh(tx, case_id);
    audit::record(tx, caller, {.action = "party.step_recorded", .target_type = "development_case",
                               .target_id = std::to_string(case_id), .detail = step_detail(step)},
                  clock_.now());
    tx.commit();
  }
  return development_case(caller, case_id);
}

DevelopmentCase PartyService::revoke_step(const Principal& caller, long long case_id, long long step_id,
                                          const std::string& reason) {
  require(caller, kPermWrite);
  if (reason.empty()) throw Error::validation("reason", {"请填写撤销原因", "Give the reason"});
  {
    db::Tx tx(db_);
    auto c = PartyStore::load(tx.sql(), case_id);
    if (!c || !org::person_in_scope(tx.sql(), caller, c->person_id)) throw Error::not_found(kNoCase);
    if (!PartyStore::lock_active_case(tx, case_id, iso_utc(clock_.now())))
      throw Error::conflict("case_closed", {"该发展档案已结束，不能再更正", "This development case is closed"});
    c = PartyStore::load(tx.sql(), case_id);
    const auto step = std::find_if(c->steps.begin(), c->steps.end(), [&](const StepRecord& s) { return s.id == step_id; });
    if (step == c->steps.end()) throw Error::not_found({"该步骤不存在", "No such step"});
    const auto latest = std::max_element(c->steps.begin(), c->steps.end(),
                                         [](const StepRecord& a, const StepRecord& b) { return a.id < b.id; });
    if (step->id != latest->id)
      throw Error::conflict("not_latest_step", {"只能撤销最近记录的一个步骤", "Only the latest recorded step can be taken back"});
    if (step->step_no == 1)
      throw Error::conflict("application_kept", {"入党申请不能撤销", "The application itself cannot be taken back"});
    const StepRecord revoked = *step;
    const std::string now = iso_utc(clock_.now());
    PartyStore::revoke_step(tx, revoked, caller.account_id, reason, now);
    c->steps.erase(step);
    org::OrgService::set_party_status(tx, c->person_id, party_status_after(*c), "", caller, now);
    // 入党时间 was written with the admission (step 17): it goes with it.
    if (revoked.step_no == 17) org::OrgService::clear_party_joined_date(tx, c->person_id, caller, now);
    refresh(tx, case_id);
    Json detail = step_detail(revoked);
    detail["reason"] = reason;
    audit::record(tx, caller, {.action = "party.step_revoked", .target_type = "development_case",
                               .target_id = std::to_string(case_id), .detail = detail},
                  clock_.now());
    tx.commit();
  }
  return development_case(caller, case_id);
}

Report PartyService::add_report(const Principal& caller, long long case_id, Report report) {
  require(caller, kPermWrite);
  if (report.kind != "thought_report" && report.kind != "assessment")
    throw Error::validation("kind", {"类型应为思想汇报或考察意见", "Kind is thought_report or assessment"});
  const auto date = parse_date(report.date);
  if (!date) throw Error::validation("date", {"日期格式应为 YYYY-MM-DD", "Use the format YYYY-MM-DD"});
  if (report.date > today()) throw Error::validation("date", {"日期不能晚于今天", "The date cannot be in the future"});
  db::Tx tx(db_);
  auto c = PartyStore::load(tx.sql(), case_id);
  if (!c || !org::person_in_scope(tx.sql(), caller, c->person_id)) throw Error::not_found(kNoCase);
  if (!PartyStore::lock_active_case(tx, case_id, iso_utc(clock_.now())))
    throw Error::conflict("case_closed", {"该发展档案已结束", "This development case is closed"});
  const StepRecord* first = find_step(*c, 1);
  if (first && report.date < first->date)
    throw Error::validation("date", {"日期不能早于入党申请日期 " + first->date, "The date cannot be before the application"});
  report.case_id = case_id;
  report.entered_by = caller.account_id;
  report.id = PartyStore::insert_report(tx, report, iso_utc(clock_.now()));
  refresh(tx, case_id);
  audit::record(tx, caller, {.action = "party.report_added", .target_type = "development_case", .target_id = std::to_string(case_id),
                             .detail = {{"kind", report.kind}, {"date", report.date}}},
                clock_.now());
  tx.commit();
  report.entered_by_name = caller.display_name;
  report.entered_at = iso_utc(clock_.now());
  return report;
}

WarningPage PartyService::warnings(const Principal& caller, long long node_id, int page, int page_size) {
  require(caller, kPermRead);
  const std::string day = today(), until = format_date(*parse_date(day) + std::chrono::days(kWarnDays));
  auto lease = db_.lease();
  check_node(lease.sql(), caller, node_id);
  WarningPage out;
  std::tie(out.overdue, out.due_soon) = PartyStore::deadline_counts(lease.sql(), caller, node_id, day, until);
  out.items = PartyStore::deadlines_until(lease.sql(), caller, node_id, until, page_size, (page - 1) * page_size);
  for (auto& w : out.items) w.level = warning_level(w.due, day, &w.days_left);
  return out;
}

std::vector<StageCount> PartyService::pipeline(const Principal& caller, long long node_id) {
  require(caller, kPermRead);
  const std::string day = today(), until = format_date(*parse_date(day) + std::chrono::days(kWarnDays));
  auto lease = db_.lease();
  check_node(lease.sql(), caller, node_id);
  return PartyStore::pipeline(lease.sql(), caller, node_id, day, until);
}

std::optional<DevelopmentCase> PartyService::my_case(const Principal& caller) {
  if (!caller.person_id) throw Error::forbidden("no_person", {"账号未关联人员", "This account is not linked to a person"});
  auto lease = db_.lease();
  const auto ids = PartyStore::cases_of(lease.sql(), caller.person_id);
  if (ids.empty()) return std::nullopt;
  return PartyStore::load(lease.sql(), ids.back());
}

Report PartyService::submit_thought_report(const Principal& caller, const std::string& content) {
  if (!caller.person_id) throw Error::forbidden("no_person", {"账号未关联人员", "This account is not linked to a person"});
  Report report;
  report.kind = "thought_report";
  report.date = today();
  report.content = content;
  report.entered_by = caller.account_id;
  db::Tx tx(db_);
  const long long case_id = PartyStore::active_case_of(tx.sql(), caller.person_id);
  if (!case_id)
    throw Error::conflict("no_case", {"您没有进行中的入党发展档案，无需提交思想汇报", "You have no open development case"});
  PartyStore::lock_active_case(tx, case_id, iso_utc(clock_.now()));
  report.case_id = case_id;
  report.id = PartyStore::insert_report(tx, report, iso_utc(clock_.now()));
  refresh(tx, case_id);
  audit::record(tx, caller, {.action = "party.thought_report_submitted", .target_type = "development_case",
                             .target_id = std::to_string(case_id)},
                clock_.now());
  tx.commit();
  report.entered_by_name = caller.display_name;
  report.entered_at = iso_utc(clock_.now());
  return report;
}

}  // namespace xinhuo::party
