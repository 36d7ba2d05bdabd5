#include "party/routes.hpp"

#include <climits>

#include "core/date.hpp"

namespace xinhuo::party {

namespace {

Json opt_text(const std::string& v) { return v.empty() ? Json(nullptr) : Json(v); }

Json step_json(const StepRecord& s) {
  Json people = Json::array();
  for (const auto& p : s.people)
    people.push_back({{"role", p.role}, {"person_id", p.person_id ? Json(p.person_id) : Json(nullptr)}, {"name", p.name}});
  Json vote = nullptr;
  if (s.vote)
    vote = {{"eligible", s.vote->eligible}, {"present", s.vote->present}, {"yes", s.vote->yes}, {"no", s.vote->no},
            {"abstain", s.vote->abstain}};
  const auto& info = step_info(s.step_no);
  return {{"id", s.id}, {"step_no", s.step_no}, {"attempt", s.attempt}, {"code", info.code}, {"name", info.zh},
          {"stage", info.stage}, {"date", s.date}, {"people", people}, {"documents", s.documents}, {"vote", vote},
          {"outcome", opt_text(s.outcome)}, {"extension_months", s.extension_months ? Json(s.extension_months) : Json(nullptr)},
          {"training_days", s.training_days ? Json(s.training_days) : Json(nullptr)},
          {"training_hours", s.training_hours ? Json(s.training_hours) : Json(nullptr)},
          {"publicity_from", opt_text(s.publicity_from)}, {"publicity_to", opt_text(s.publicity_to)},
          {"note", opt_text(s.note)}, {"entered_by", s.entered_by_name}, {"entered_at", s.entered_at}};
}

Json report_json(const Report& r) {
  return {{"id", r.id}, {"case_id", r.case_id}, {"kind", r.kind}, {"date", r.date}, {"content", r.content},
          {"entered_by", r.entered_by_name}, {"entered_at", r.entered_at}};
}

Json warning_json(const Warning& w) {
  return {{"case_id", w.case_id}, {"person_id", w.person_id}, {"person_name", w.person_name}, {"unit_name", w.unit_name},
          {"branch_name", opt_text(w.branch_name)}, {"kind", w.kind}, {"level", w.level}, {"due", w.due},
          {"days_left", w.days_left}, {"step_no", w.step_no}, {"step_name", step_info(w.step_no).zh}};
}

Json next_json(const NextStep& n) {
  if (!n.step_no) return nullptr;
  const auto& info = step_info(n.step_no);
  return {{"step_no", n.step_no}, {"attempt", n.attempt}, {"code", info.code}, {"name", info.zh}, {"stage", info.stage},
          {"earliest", opt_text(n.earliest)}, {"due", opt_text(n.due)}};
}

// The header of a case as lists show it: who, where, stage, next step, and the worst warning.
Json case_summary(const DevelopmentCase& c, const std::string& today) {
  const auto warns = warnings(c, today);
  std::string level;
  for (const auto& w : warns) level = (w.level == "overdue" || level == "overdue") ? "overdue" : "due_soon";
  const StepRecord* first = find_step(c, 1);
  const int stage = c.stage;
  return {{"id", c.id}, {"person_id", c.person_id}, {"person_name", c.person_name}, {"gender", c.gender},
          {"party_status", c.party_status}, {"unit_id", c.unit_id}, {"unit_name", c.unit_name},
          {"branch_id", c.branch_id ? Json(c.branch_id) : Json(nullptr)}, {"branch_name", opt_text(c.branch_name)},
          {"status", c.status}, {"stage", stage}, {"stage_name", stage_name(stage)},
          {"applied_on", first ? Json(first->date) : Json(nullptr)}, {"next_step", next_json(next_step(c))},
          {"probation_end", opt_text(probation_end(c))}, {"warning_level", opt_text(level)},
          {"warning_count", warns.size()}};
}

Json case_json(const DevelopmentCase& c, const std::string& today) {
  Json out = case_summary(c, today);
  Json steps = Json::array(), reports = Json::array(), warns = Json::array();
  for (const auto& s : c.steps) steps.push_back(step_json(s));
  for (const auto& r : c.reports) reports.push_back(report_json(r));
  for (const auto& w : warnings(c, today)) warns.push_back(warning_json(w));
  out["birth_date"] = c.birth_date;
  out["steps"] = steps;
  out["reports"] = reports;
  out["warnings"] = warns;
  return out;
}

// A step from the request body; opening a case (person_id given) reads the person instead of the step number.
StepRecord step_input(const Json& body, long long* person_id = nullptr) {
  if (!body.is_object()) throw Error::validation("", {"请求体应为对象", "The body must be an object"});
  JsonFields f(body);
  StepRecord s;
  if (person_id) *person_id = f.required_int("person_id", 1, LLONG_MAX);
  else s.step_no = static_cast<int>(f.required_int("step_no", 1, 25));
  s.date = f.required_string("date", 10);
  if (!parse_date(s.date)) throw Error::validation("date", {"日期格式应为 YYYY-MM-DD", "Use the format YYYY-MM-DD"});
  if (body.contains("people")) {
    const Json& people = f.required_array("people");
    if (people.size() > 10) throw Error::validation("people", {"人数过多", "Too many people"});
    for (std::size_t i = 0; i < people.size(); ++i) {
      if (!people[i].is_object()) throw Error::validation("people", {"每人应为对象", "Each person is an object"});
      JsonFields p(people[i], "people[" + std::to_string(i) + "].");
      Participant x;
      x.role = p.required_string("role", 20);
      x.person_id = p.optional_int("person_id", 1, LLONG_MAX).value_or(0);
      x.name = p.optional_string("name", 50).value_or("");
      p.finish();
      s.people.push_back(std::move(x));
    }
  }
  s.documents = f.optional_id_list("documents", 20);
  if (body.contains("vote") && !body["vote"].is_null()) {
    JsonFields v(f.required_object("vote"), "vote.");
    Vote vote;
    vote.eligible = static_cast<int>(v.required_int("eligible", 0, 100000));
    vote.present = static_cast<int>(v.required_int("present", 0, 100000));
    vote.yes = static_cast<int>(v.required_int("yes", 0, 100000));
    vote.no = static_cast<int>(v.optional_int("no", 0, 100000).value_or(0));
    vote.abstain = static_cast<int>(v.optional_int("abstain", 0, 100000).value_or(0));
    v.finish();
    s.vote = vote;
  } else if (body.contains("vote")) {
    f.required_object("vote");  // null: reported as a wrong type
  }
  s.outcome = f.optional_string("outcome", 20).value_or("");
  s.extension_months = static_cast<int>(f.optional_int("extension_months", 1, 24).value_or(0));
  s.training_days = static_cast<int>(f.optional_int("training_days", 0, 365).value_or(0));
  s.training_hours = static_cast<int>(f.optional_int("training_hours", 0, 2000).value_or(0));
  s.publicity_from = f.optional_string("publicity_from", 10).value_or("");
  s.publicity_to = f.optional_string("publicity_to", 10).value_or("");
  s.note = f.optional_string("note", 500).value_or("");
  f.finish();
  return s;
}

}  // namespace

void add_routes(http::Router& router, PartyService& service) {
  router.add({.method = "GET", .pattern = "/api/v1/party/steps", .tag = "party",
              .summary = "The 25 steps of member development and their stages"},
             [](http::Request&) {
               Json items = Json::array();
               for (const auto& s : steps())
                 items.push_back({{"step_no", s.no}, {"stage", s.stage}, {"stage_name", stage_name(s.stage)},
                                  {"code", s.code}, {"name", s.zh}, {"name_en", s.en}});
               return http::Response::json(200, {{"items", items}});
             });
  router.add({.method = "GET", .pattern = "/api/v1/party/cases", .tag = "party",
              .summary = "Development cases in scope, a page at a time (node_id, status active|completed|disqualified|all, "
                         "stage, name, page, page_size)",
              .permission = kPermRead},
             [&service](http::Request& req) {
               CaseFilter f;
               f.node_id = req.query_int("node_id", 0, 0, 2000000000);
               f.status = req.query_param("status").value_or("active");
               if (f.status != "active" && f.status != "completed" && f.status != "disqualified" && f.status != "all")
                 throw Error::validation("status", {"状态不正确", "Unknown status"});
               f.name = req.query_param("name").value_or("");
               if (f.name.size() > 60) throw Error::validation("name", {"姓名过长", "Name too long"});
               f.stage = req.query_int("stage", 0, 0, 5);
               f.page = req.query_int("page", 1, 1, 100000);
               f.page_size = req.query_int("page_size", 50, 1, 200);
               const std::string day = service.today();
               long long total = 0;
               Json items = Json::array();
               for (const auto& c : service.cases(req.principal, f, &total)) items.push_back(case_summary(c, day));
               return http::Response::json(200, {{"items", items}, {"total", total}, {"page", f.page},
                                                 {"page_size", f.page_size}, {"today", day}});
             });
  router.add({.method = "POST", .pattern = "/api/v1/party/cases", .tag = "party",
              .summary = "Open a development case: a person's application (step 1)", .permission = kPermWrite, .creates = true},
             [&service](http::Request& req) {
               long long person = 0;
               StepRecord application = step_input(req.json(), &person);
               const auto c = service.open_case(req.principal, person, application);
               return http::Response::json(201, case_json(c, service.today()));
             });
  router.add({.method = "GET", .pattern = "/api/v1/party/cases/{id}", .tag = "party",
              .summary = "A development file: every step, report, the next step and the deadlines", .permission = kPermRead},
             [&service](http::Request& req) {
               return http::Response::json(200, case_json(service.development_case(req.principal, req.id_param("id")), service.today()));
             });
  router.add({.method = "POST", .pattern = "/api/v1/party/cases/{id}/steps", .tag = "party",
              .summary = "Record the next step (refused out of order, too early, or when a rule is not met)",
              .permission = kPermWrite, .creates = true},
             [&service](http::Request& req) {
               const auto c = service.record_step(req.principal, req.id_param("id"), step_input(req.json()));
               return http::Response::json(201, case_json(c, service.today()));
             });
  router.add({.method = "POST", .pattern = "/api/v1/party/cases/{id}/steps/{step_id}/revoke", .tag = "party",
              .summary = "Take back the latest step of an active case, recorded by mistake, with the reason; the "
                         "person's party status follows the remaining steps",
              .permission = kPermWrite},
             [&service](http::Request& req) {
               Json body = req.json();
               JsonFields f(body);
               const std::string reason = f.required_string("reason", 500);
               f.finish();
               const auto c = service.revoke_step(req.principal, req.id_param("id"), req.id_param("step_id"), reason);
               return http::Response::json(200, case_json(c, service.today()));
             });
  router.add({.method = "POST", .pattern = "/api/v1/party/cases/{id}/reports", .tag = "party",
              .summary = "Enter a thought report or the branch's assessment", .permission = kPermWrite, .creates = true},
             [&service](http::Request& req) {
               Json body = req.json();
               JsonFields f(body);
               Report r;
               r.kind = f.required_string("kind", 20);
               r.date = f.required_string("date", 10);
               r.content = f.required_string("content", 5000);
               f.finish();
               return http::Response::json(201, report_json(service.add_report(req.principal, req.id_param("id"), r)));
             });
  router.add({.method = "GET", .pattern = "/api/v1/party/warnings", .tag = "party",
              .summary = "Deadlines near (30 days) or missed, the most urgent first, a page at a time (node_id, page, "
                         "page_size), with the counts of each level: a branch secretary's to-do list",
              .permission = kPermRead},
             [&service](http::Request& req) {
               const int page = req.query_int("page", 1, 1, 100000), size = req.query_int("page_size", 100, 1, 500);
               const auto result = service.warnings(req.principal, req.query_int("node_id", 0, 0, 2000000000), page, size);
               Json items = Json::array();
               for (const auto& w : result.items) items.push_back(warning_json(w));
               return http::Response::json(200, {{"items", items}, {"total", result.overdue + result.due_soon},
                                                 {"overdue", result.overdue}, {"due_soon", result.due_soon},
                                                 {"page", page}, {"page_size", size}, {"today", service.today()}});
             });
  router.add({.method = "GET", .pattern = "/api/v1/party/pipeline", .tag = "party",
              .summary = "Active cases per stage with due and overdue counts", .permission = kPermRead},
             [&service](http::Request& req) {
               Json items = Json::array();
               for (const auto& s : service.pipeline(req.principal, req.query_int("node_id", 0, 0, 2000000000)))
                 items.push_back({{"stage", s.stage}, {"stage_name", stage_name(s.stage)}, {"cases", s.cases},
                                  {"due_soon", s.due_soon}, {"overdue", s.overdue}});
               return http::Response::json(200, {{"items", items}});
             });
  router.add({.method = "GET", .pattern = "/api/v1/me/party", .tag = "party",
              .summary = "My party development: stage, steps, the next step and its date, my thought reports"},
             [&service](http::Request& req) {
               const auto c = service.my_case(req.principal);
               return http::Response::json(200, {{"case", c ? case_json(*c, service.today()) : Json(nullptr)}});
             });
  router.add({.method = "POST", .pattern = "/api/v1/me/party/thought-reports", .tag = "party",
              .summary = "Submit my thought report (dated today)", .creates = true},
             [&service](http::Request& req) {
               Json body = req.json();
               JsonFields f(body);
               const std::string content = f.required_string("content", 5000);
               f.finish();
               if (utf8_length(content).value_or(0) < 10)
                 throw Error::validation("content", {"思想汇报内容至少 10 个字", "Write at least 10 characters"});
               return http::Response::json(201, report_json(service.submit_thought_report(req.principal, content)));
             });
}

}  // namespace xinhuo::party
