#include "practice/assignment_service.hpp"

#include "audit/recorder.hpp"
#include "core/date.hpp"
#include "core/error.hpp"
#include "core/xlsx.hpp"
#include "org/facts.hpp"
#include "practice/rules.hpp"

namespace xinhuo::practice {

namespace {

const Text kNoAssignment{"历练记录不存在", "No such assignment"};
const Text kBadDate{"日期格式应为 YYYY-MM-DD", "Use the format YYYY-MM-DD"};

std::string state_zh(const std::string& state) {
  if (state == "planned") return "计划中";
  if (state == "active") return "进行中";
  if (state == "mid_term") return "已中期考核";
  if (state == "completed") return "已完成";
  return "已提前终止";
}

Error wrong_state(const std::string& state) {
  return Error::conflict("assignment_state", {"该历练当前为“" + state_zh(state) + "”，不能进行此操作，请刷新后重试",
                                              "The assignment is " + state + " now and cannot take this step; reload and try again"});
}

void check_date(const std::string& field, const std::string& value) {
  if (!parse_date(value)) throw Error::validation(field, kBadDate);
  if (value < "2000-01-01") throw Error::validation(field, {"日期过早", "The date is too early"});
}

}  // namespace

std::string AssignmentService::today() const { return beijing_date(clock_.now()); }

void AssignmentService::require(const Principal& caller, const char* permission) const {
  if (!caller.can(permission)) throw Error::forbidden("forbidden", {"没有执行此操作的权限", "You are not allowed to do this"});
}

Assignment AssignmentService::readable(Assignment a) const {
  if (!a.supervisor_phone.empty()) {
    try {
      a.supervisor_phone = mask_phone(cipher_.open(a.supervisor_phone));
    } catch (const std::exception&) {
      a.supervisor_phone.clear();  // sealed with another key: say nothing rather than fail the read
    }
  }
  return a;
}

Assignment AssignmentService::create(const Principal& caller, const AssignmentInput& in) {
  require(caller, kPermWrite);
  if (!one_of(assignment_types(), in.assignment_type))
    throw Error::validation("assignment_type", {"历练类型不正确", "assignment_type is frontline, secondment, east_west, counterpart, "
                                                             "mountain_sea or urgent"});
  if (in.assignment_type == "urgent" && !one_of(urgent_kinds(), in.urgent_kind))
    throw Error::validation("urgent_kind", {"请选择急难险重任务的类别", "urgent_kind is epidemic, emergency, flood, safety or other"});
  if (in.assignment_type != "urgent" && !in.urgent_kind.empty())
    throw Error::validation("urgent_kind", {"只有急难险重任务填写任务类别", "Only an urgent task has an urgent_kind"});
  if (in.host_place.empty()) throw Error::validation("host_place", {"请填写历练地点或接收单位", "Give the host place"});
  check_date("starts_on", in.starts_on);
  check_date("planned_end", in.planned_end);
  if (in.planned_end <= in.starts_on)
    throw Error::validation("planned_end", {"计划结束日期应晚于开始日期", "The planned end is after the start"});
  if (!in.supervisor_person_id && in.supervisor_name.empty())
    throw Error::validation("supervisor_name", {"请填写指导人（选择人员或填写姓名）", "Name the supervisor or choose a person"});
  if (!in.supervisor_phone.empty() && !valid_phone(in.supervisor_phone))
    throw Error::validation("supervisor_phone", {"联系电话格式不正确", "Not a valid phone number"});
  long long id = 0;
  {
    db::Tx tx(db_);
    auto person = AssignmentStore::person(tx.sql(), in.person_id);
    if (!person || person->status != "active" || !org::person_in_scope(tx.sql(), caller, in.person_id))
      throw Error::validation("person_id", {"人员不存在或不在管理范围内", "The person is not someone you manage"});
    if (in.supervisor_person_id) {
      auto supervisor = AssignmentStore::person(tx.sql(), in.supervisor_person_id);
      if (!supervisor || supervisor->status != "active")
        throw Error::validation("supervisor_person_id", {"指导人不存在", "No such supervisor"});
      if (in.supervisor_person_id == in.person_id)
        throw Error::validation("supervisor_person_id", {"指导人不能是本人", "The supervisor is someone else"});
    }
    Assignment a;
    a.person_id = in.person_id;
    a.unit_id = person->unit_id;
    a.branch_id = person->branch_id;
    a.assignment_type = in.assignment_type;
    a.urgent_kind = in.urgent_kind;
    a.host_place = in.host_place;
    a.task = in.task;
    a.starts_on = in.starts_on;
    a.planned_end = in.planned_end;
    a.supervisor_person_id = in.supervisor_person_id;
    a.supervisor_name = in.supervisor_person_id ? "" : in.supervisor_name;
    a.supervisor_phone = in.supervisor_phone.empty() ? "" : cipher_.seal(in.supervisor_phone);
    id = AssignmentStore::insert(tx, a, caller.account_id, iso_utc(clock_.now()));
    audit::record(tx, caller, {.action = "practice.assignment_created", .target_type = "practice_assignment",
                               .target_id = std::to_string(id),
                               .detail = {{"person_id", in.person_id}, {"assignment_type", in.assignment_type},
                                          {"starts_on", in.starts_on}, {"planned_end", in.planned_end}}},
                  clock_.now());
    tx.commit();
  }
  return get(caller, id);
}

Assignment AssignmentService::transition(const Principal& caller, long long id, const std::string& action, const Transition& t) {
  require(caller, kPermWrite);
  const auto from = transition_from(action);
  if (from.empty()) throw Error::not_found();
  const std::string day = today();
  {
    db::Tx tx(db_);
    auto a = AssignmentStore::find(tx.sql(), id);
    if (!a || !AssignmentStore::visible(tx.sql(), caller, id)) throw Error::not_found(kNoAssignment);
    if (!one_of(from, a->state)) throw wrong_state(a->state);
    const std::string start = a->started_on.empty() ? a->starts_on : a->started_on;
    const std::string now = iso_utc(clock_.now());
    bool done = false;
    Json detail = {{"from", a->state}};
    if (action == "start") {
      const std::string started = t.date.empty() ? a->starts_on : t.date;
      check_date("started_on", started);
      if (started > day) throw Error::validation("started_on", {"开始日期不能晚于今天", "The start cannot be later than today"});
      if (started >= a->planned_end)
        throw Error::validation("started_on", {"开始日期应早于计划结束日期", "The start is before the planned end"});
      done = AssignmentStore::start(tx, id, a->state, started, now);
      detail["started_on"] = started;
    } else if (action == "mid_term") {
      check_date("evaluated_on", t.date);
      if (t.date > day) throw Error::validation("evaluated_on", {"考核日期不能晚于今天", "The evaluation cannot be later than today"});
      if (t.date < start) throw Error::validation("evaluated_on", {"考核日期不能早于开始日期", "The evaluation is not before the start"});
      if (!one_of(grades(), t.grade))
        throw Error::validation("grade", {"考核等次应为优秀、良好、合格或不合格", "grade is excellent, good, qualified or unqualified"});
      done = AssignmentStore::mid_term(tx, id, a->state, t.grade, t.text, t.date, now);
      detail["grade"] = t.grade;
    } else if (action == "complete") {
      check_date("actual_end", t.date);
      if (t.date > day) throw Error::validation("actual_end", {"实际结束日期不能晚于今天", "The actual end cannot be later than today"});
      if (t.date < start) throw Error::validation("actual_end", {"实际结束日期不能早于开始日期", "The actual end is not before the start"});
      if (!one_of(grades(), t.grade))
        throw Error::validation("grade", {"考核等次应为优秀、良好、合格或不合格", "grade is excellent, good, qualified or unqualified"});
      if (t.text.empty()) throw Error::validation("outcome", {"请填写历练成效", "Describe the outcome"});
      const std::string length = length_class(start, t.date);
      done = AssignmentStore::complete(tx, id, a->state, t.date, t.grade, t.text, length, now);
      // The points ledger books the mapped rule once per assignment and person (docs/events.md).
      if (done) {
        if (const char* type = completion_event(length))
          tx.publish({.type = type, .subject_id = id, .person_id = a->person_id, .occurred_at = t.date + "T02:00:00Z",
                      .payload = {{"activity_date", t.date}, {"assignment_type", a->assignment_type}}});
      }
      detail["actual_end"] = t.date;
      detail["grade"] = t.grade;
      detail["length"] = length;
    } else {
      if (t.text.empty()) throw Error::validation("reason", {"请填写提前终止的原因", "Give the reason for ending early"});
      if (a->state == "planned") {
        if (!t.date.empty()) throw Error::validation("actual_end", {"尚未开始的历练没有实际结束日期", "An assignment not started has no actual end"});
      } else {
        check_date("actual_end", t.date);
        if (t.date > day) throw Error::validation("actual_end", {"实际结束日期不能晚于今天", "The actual end cannot be later than today"});
        if (t.date < start) throw Error::validation("actual_end", {"实际结束日期不能早于开始日期", "The actual end is not before the start"});
      }
      done = AssignmentStore::terminate(tx, id, a->state, t.date, t.text, now);
      detail["actual_end"] = t.date;
    }
    if (!done) throw wrong_state(a->state);  // changed meanwhile by someone else
    audit::record(tx, caller, {.action = "practice.assignment_" + std::string(action == "mid_term" ? "evaluated" : action == "start" ? "started"
                                                                              : action == "complete" ? "completed" : "terminated"),
                               .target_type = "practice_assignment", .target_id = std::to_string(id), .detail = detail},
                  clock_.now());
    tx.commit();
  }
  return get(caller, id);
}

Assignment AssignmentService::get(const Principal& caller, long long id) {
  require(caller, kPermRead);
  auto lease = db_.lease();
  auto a = AssignmentStore::find(lease.sql(), id);
  if (!a || !AssignmentStore::visible(lease.sql(), caller, id)) throw Error::not_found(kNoAssignment);
  return readable(*a);
}

void AssignmentService::check_filter(const AssignmentFilter& f) const {
  if (!f.assignment_type.empty() && !one_of(assignment_types(), f.assignment_type))
    throw Error::validation("assignment_type", {"历练类型不正确", "Unknown assignment_type"});
  static const std::vector<std::string> states = {"planned", "active", "mid_term", "completed", "terminated"};
  if (!f.state.empty() && !one_of(states, f.state))
    throw Error::validation("state", {"状态不正确", "state is planned, active, mid_term, completed or terminated"});
}

std::vector<Assignment> AssignmentService::list(const Principal& caller, const AssignmentFilter& filter, long long* total) {
  require(caller, kPermRead);
  check_filter(filter);
  auto lease = db_.lease();
  auto rows = AssignmentStore::list(lease.sql(), caller, filter, total);
  for (auto& a : rows) a = readable(std::move(a));
  return rows;
}

std::string AssignmentService::export_xlsx(const Principal& caller, AssignmentFilter filter) {
  filter.page = 1;
  filter.page_size = 50000;
  long long total = 0;
  const auto rows = list(caller, filter, &total);
  static const std::map<std::string, std::string> types = {{"frontline", "一线历练"}, {"secondment", "挂职"},
                                                           {"east_west", "东西部协作"}, {"counterpart", "对口支援"},
                                                           {"mountain_sea", "山海协作"}, {"urgent", "急难险重任务"}};
  static const std::map<std::string, std::string> urgent = {{"epidemic", "疫情防控"}, {"emergency", "应急处置"}, {"flood", "防汛抗洪"},
                                                            {"safety", "安全生产"}, {"other", "其他"}};
  static const std::map<std::string, std::string> grade = {{"excellent", "优秀"}, {"good", "良好"}, {"qualified", "合格"},
                                                           {"unqualified", "不合格"}, {"", ""}};
  Sheet sheet{.name = "一线历练",
              .header = {"姓名", "单位", "类型", "任务类别", "历练地点", "开始日期", "计划结束", "实际结束", "指导人", "指导人电话",
                         "状态", "中期考核", "结业考核", "成效", "终止原因"},
              .widths = {10, 24, 12, 10, 24, 12, 12, 12, 10, 14, 10, 10, 10, 40, 24},
              .rows = {}};
  for (const auto& a : rows)
    sheet.rows.push_back({a.person_name, a.unit_name, types.at(a.assignment_type), a.urgent_kind.empty() ? "" : urgent.at(a.urgent_kind),
                          a.host_place, a.started_on.empty() ? a.starts_on : a.started_on, a.planned_end, a.actual_end,
                          a.supervisor_name, a.supervisor_phone, state_zh(a.state), grade.at(a.mid_term_grade),
                          grade.at(a.final_grade), a.outcome, a.termination_reason});
  std::string bytes = write_xlsx(sheet);
  db::Tx tx(db_);
  audit::record(tx, caller, {.action = "practice.assignments_exported", .target_type = "org_node",
                             .target_id = std::to_string(filter.node_id),
                             .detail = {{"assignment_type", filter.assignment_type}, {"state", filter.state},
                                        {"year", filter.year}, {"rows", rows.size()}}},
                clock_.now());
  tx.commit();
  return bytes;
}

std::vector<Assignment> AssignmentService::mine(const Principal& caller) {
  if (!caller.person_id) throw Error::forbidden("no_person", {"账号未关联人员", "This account is not linked to a person"});
  auto lease = db_.lease();
  auto rows = AssignmentStore::of_person(lease.sql(), caller.person_id);
  for (auto& a : rows) a = readable(std::move(a));
  return rows;
}

std::vector<Assignment> AssignmentService::of_person(long long person_id) {
  auto lease = db_.lease();
  auto rows = AssignmentStore::of_person(lease.sql(), person_id);
  for (auto& a : rows) a = readable(std::move(a));
  return rows;
}

void AssignmentService::set_plan(const Principal& caller, long long node_id, int year, int planned) {
  require(caller, kPermWrite);
  db::Tx tx(db_);
  if (!org::node_in_scope(tx.sql(), caller, node_id, {.active_only = true}))
    throw Error::validation("node_id", {"只能为本人管理范围内的组织制定计划", "Set plans for organisations you manage"});
  AssignmentStore::set_plan(tx, node_id, year, planned, caller.account_id, iso_utc(clock_.now()));
  audit::record(tx, caller, {.action = "practice.plan_set", .target_type = "org_node", .target_id = std::to_string(node_id),
                             .detail = {{"year", year}, {"planned", planned}}},
                clock_.now());
  tx.commit();
}

PlanReport AssignmentService::plan_report(const Principal& caller, long long node_id, int year) {
  require(caller, kPermRead);
  auto lease = db_.lease();
  if (!org::node_in_scope(lease.sql(), caller, node_id, {.active_only = true})) throw Error::not_found({"组织不存在", "No such organisation"});
  PlanReport report;
  report.year = year;
  report.node = AssignmentStore::plan_row(lease.sql(), node_id, year);
  for (const auto& u : AssignmentStore::units_below(lease.sql(), caller, node_id))
    report.units.push_back(AssignmentStore::plan_row(lease.sql(), u.node_id, year));
  return report;
}

}  // namespace xinhuo::practice
