#include "practice/assignment_routes.hpp"

#include <climits>
#include <tuple>

#include "core/xlsx.hpp"

namespace xinhuo::practice {

namespace {

Json opt_text(const std::string& v) { return v.empty() ? Json(nullptr) : Json(v); }

Json assignment_json(const Assignment& a) {
  return {{"id", a.id}, {"person_id", a.person_id}, {"person_name", a.person_name}, {"unit_id", a.unit_id},
          {"unit_name", a.unit_name}, {"assignment_type", a.assignment_type}, {"urgent_kind", opt_text(a.urgent_kind)},
          {"host_place", a.host_place}, {"task", opt_text(a.task)}, {"starts_on", a.starts_on}, {"planned_end", a.planned_end},
          {"started_on", opt_text(a.started_on)}, {"actual_end", opt_text(a.actual_end)},
          {"supervisor_person_id", a.supervisor_person_id ? Json(a.supervisor_person_id) : Json(nullptr)},
          {"supervisor_name", opt_text(a.supervisor_name)}, {"supervisor_phone", opt_text(a.supervisor_phone)},
          {"state", a.state}, {"mid_term_grade", opt_text(a.mid_term_grade)}, {"mid_term_note", opt_text(a.mid_term_note)},
          {"mid_term_on", opt_text(a.mid_term_on)}, {"final_grade", opt_text(a.final_grade)}, {"outcome", opt_text(a.outcome)},
          {"termination_reason", opt_text(a.termination_reason)}, {"completion_event", opt_text(a.completion_event)},
          {"created_by", a.created_by_name}, {"created_at", a.created_at}, {"updated_at", a.updated_at}};
}

AssignmentFilter filter_of(http::Request& req) {
  AssignmentFilter f;
  f.node_id = req.query_int("node_id", 0, 0, 2000000000);
  f.assignment_type = req.query_param("assignment_type").value_or("");
  f.state = req.query_param("state").value_or("");
  f.year = req.query_int("year", 0, 0, 2100);
  f.q = req.query_param("q").value_or("");
  if (f.q.size() > 100) throw Error::validation("q", {"查询内容过长", "The search text is too long"});
  f.page = req.query_int("page", 1, 1, 100000);
  f.page_size = req.query_int("page_size", 50, 1, 200);
  return f;
}

Json plan_row_json(const PlanRow& r) {
  return {{"node_id", r.node_id}, {"node_name", r.node_name}, {"node_type", r.node_type},
          {"planned", r.planned < 0 ? Json(nullptr) : Json(r.planned)}, {"started", r.started}, {"completed", r.completed}};
}

// A transition's body: only the fields the action takes.
Transition transition_of(http::Request& req, const std::string& action) {
  Json body = req.body.empty() ? Json::object() : req.json();
  JsonFields f(body);
  Transition t;
  if (action == "start") {
    t.date = f.optional_string("started_on", 10).value_or("");
  } else if (action == "mid_term") {
    t.date = f.required_string("evaluated_on", 10);
    t.grade = f.required_string("grade", 20);
    t.text = f.optional_string("note", 2000).value_or("");
  } else if (action == "complete") {
    t.date = f.required_string("actual_end", 10);
    t.grade = f.required_string("grade", 20);
    t.text = f.required_string("outcome", 4000);
  } else {
    t.date = f.optional_string("actual_end", 10).value_or("");
    t.text = f.required_string("reason", 1000);
  }
  f.finish();
  return t;
}

}  // namespace

void add_assignment_routes(http::Router& router, AssignmentService& service) {
  router.add({.method = "POST", .pattern = "/api/v1/practice/assignments", .tag = "practice",
              .summary = "Record a front-line assignment of a person in scope (assignment_type frontline | secondment | east_west | "
                         "counterpart | mountain_sea | urgent with urgent_kind epidemic | emergency | flood | safety | other); "
                         "it starts planned",
              .permission = kPermWrite, .creates = true},
             [&service](http::Request& req) {
               Json body = req.json();
               JsonFields f(body);
               AssignmentInput in;
               in.person_id = f.required_int("person_id", 1, LLONG_MAX);
               in.assignment_type = f.required_string("assignment_type", 20);
               in.urgent_kind = f.optional_string("urgent_kind", 20).value_or("");
               in.host_place = f.required_string("host_place", 100);
               in.task = f.optional_string("task", 2000).value_or("");
               in.starts_on = f.required_string("starts_on", 10);
               in.planned_end = f.required_string("planned_end", 10);
               in.supervisor_person_id = f.optional_int("supervisor_person_id", 1, LLONG_MAX).value_or(0);
               in.supervisor_name = f.optional_string("supervisor_name", 50).value_or("");
               in.supervisor_phone = f.optional_string("supervisor_phone", 20).value_or("");
               f.finish();
               return http::Response::json(201, assignment_json(service.create(req.principal, in)));
             });
  router.add({.method = "GET", .pattern = "/api/v1/practice/assignments", .tag = "practice",
              .summary = "Assignments in scope, latest start first (node_id, assignment_type, state, year: running in that year, "
                         "q: name or host place, page, page_size)",
              .permission = kPermRead},
             [&service](http::Request& req) {
               const AssignmentFilter f = filter_of(req);
               long long total = 0;
               Json items = Json::array();
               for (const auto& a : service.list(req.principal, f, &total)) items.push_back(assignment_json(a));
               return http::Response::json(200, {{"items", items}, {"total", total}, {"page", f.page}, {"page_size", f.page_size}});
             });
  router.add({.method = "GET", .pattern = "/api/v1/practice/assignments/export", .tag = "practice",
              .summary = "The filtered assignments as an .xlsx file (phones masked; audited)", .permission = kPermRead},
             [&service](http::Request& req) {
               auto res = http::Response::text(200, service.export_xlsx(req.principal, filter_of(req)), kXlsxContentType);
               res.set_header("Content-Disposition",
                              "attachment; filename=\"assignments.xlsx\"; filename*=UTF-8''%E4%B8%80%E7%BA%BF%E5%8E%86%E7%BB%83.xlsx");
               return res;
             });
  router.add({.method = "GET", .pattern = "/api/v1/practice/assignments/{id}", .tag = "practice",
              .summary = "One assignment", .permission = kPermRead},
             [&service](http::Request& req) {
               return http::Response::json(200, assignment_json(service.get(req.principal, req.id_param("id"))));
             });
  const std::vector<std::tuple<std::string, std::string, std::string>> transitions = {
      {"start", "start", "Start a planned assignment (started_on, default the planned start; not later than today)"},
      {"mid-term", "mid_term", "Record the mid-term evaluation of an active assignment (evaluated_on, grade excellent | good | "
                               "qualified | unqualified, note)"},
      {"complete", "complete", "Complete an active assignment (actual_end, grade, outcome): publishes "
                               "practice.assignment_completed_short or _long by its length"},
      {"terminate", "terminate", "End an assignment early (reason; actual_end once started)"},
  };
  for (const auto& [segment, action, summary] : transitions) {
    router.add({.method = "POST", .pattern = "/api/v1/practice/assignments/{id}/" + segment, .tag = "practice",
                .summary = summary + "; 409 when the assignment is no longer in a state this step starts from",
                .permission = kPermWrite},
               [&service, action](http::Request& req) {
                 const long long id = req.id_param("id");
                 return http::Response::json(200, assignment_json(service.transition(req.principal, id, action, transition_of(req, action))));
               });
  }
  router.add({.method = "GET", .pattern = "/api/v1/me/practice/assignments", .tag = "practice",
              .summary = "My assignments, latest first"},
             [&service](http::Request& req) {
               Json items = Json::array();
               for (const auto& a : service.mine(req.principal)) items.push_back(assignment_json(a));
               return http::Response::json(200, {{"items", items}});
             });
  router.add({.method = "PUT", .pattern = "/api/v1/practice/plans", .tag = "practice",
              .summary = "Set how many assignments an org node in scope plans for a year ({node_id, year, planned})",
              .permission = kPermWrite},
             [&service](http::Request& req) {
               Json body = req.json();
               JsonFields f(body);
               const long long node = f.required_int("node_id", 1, LLONG_MAX);
               const int year = static_cast<int>(f.required_int("year", 2000, 2100));
               const int planned = static_cast<int>(f.required_int("planned", 0, 100000));
               f.finish();
               service.set_plan(req.principal, node, year, planned);
               return http::Response::json(200, {{"node_id", node}, {"year", year}, {"planned", planned}});
             });
  router.add({.method = "GET", .pattern = "/api/v1/practice/plan-report", .tag = "practice",
              .summary = "A year's plan against the assignments started and completed, for a node in scope and each unit under "
                         "it (node_id, year)",
              .permission = kPermRead},
             [&service](http::Request& req) {
               const long long node = req.query_int("node_id", 0, 0, 2000000000);
               if (!node) throw Error::validation("node_id", {"请指定组织", "Choose an organisation"});
               const int year = req.query_int("year", std::stoi(service.today().substr(0, 4)), 2000, 2100);
               const PlanReport r = service.plan_report(req.principal, node, year);
               Json units = Json::array();
               for (const auto& u : r.units) units.push_back(plan_row_json(u));
               return http::Response::json(200, {{"year", r.year}, {"node", plan_row_json(r.node)}, {"units", units}});
             });
}

}  // namespace xinhuo::practice
