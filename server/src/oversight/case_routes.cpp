#include <climits>

#include "core/xlsx.hpp"
#include "oversight/routes.hpp"

namespace xinhuo::oversight {

namespace {

Json opt_text(const std::string& v) { return v.empty() ? Json(nullptr) : Json(v); }

Json case_json(const ToleranceCase& c) {
  Json history = Json::array();
  for (const auto& h : c.history)
    history.push_back({{"action", h.action}, {"from_state", opt_text(h.from_state)}, {"to_state", h.to_state},
                       {"note", opt_text(h.note)}, {"actor_name", h.actor_name}, {"at", h.at}});
  Json corrections = Json::array();
  for (const auto& k : c.corrections)
    corrections.push_back({{"id", k.id}, {"content", k.content}, {"due_date", k.due_date}, {"done_at", opt_text(k.done_at)},
                           {"done_note", opt_text(k.done_note)}, {"overdue", k.overdue}});
  Json distinctions = Json::array();
  for (const auto& d : c.distinctions) distinctions.push_back(d);
  return {{"id", c.id}, {"person_id", c.person_id}, {"person_name", c.person_name}, {"unit_id", c.unit_id},
          {"unit_name", c.unit_name}, {"applicant_kind", c.applicant_kind}, {"case_kind", c.case_kind}, {"title", c.title},
          {"facts", c.facts}, {"decision_taken", c.decision_taken}, {"basis", c.basis}, {"loss", c.loss}, {"remedy", c.remedy},
          {"state", c.state}, {"submitted_at", c.submitted_at}, {"review_due", c.review_due},
          {"review_overdue", c.review_overdue}, {"review_note", opt_text(c.review_note)}, {"reviewed_at", opt_text(c.reviewed_at)},
          {"outcome", opt_text(c.outcome)}, {"votes", {{"for", c.votes_for}, {"against", c.votes_against}, {"abstain", c.votes_abstain}}},
          {"distinctions", distinctions}, {"decision_reasons", opt_text(c.decision_reasons)}, {"decided_at", opt_text(c.decided_at)},
          {"result_note", opt_text(c.result_note)}, {"notified_at", opt_text(c.notified_at)}, {"closed_at", opt_text(c.closed_at)},
          {"published", c.published}, {"created_at", c.created_at}, {"updated_at", c.updated_at},
          {"corrections", corrections}, {"history", history}};
}

// Nothing but the redacted text: no case, person or unit.
Json library_json(const LibraryCase& l) {
  return {{"id", l.id}, {"title", l.title}, {"body", l.body}, {"published_on", opt_text(l.published_on)}};
}

CaseInput case_of(http::Request& req, bool for_unit) {
  Json body = req.json();
  JsonFields f(body);
  CaseInput in;
  if (for_unit) in.person_id = f.required_int("person_id", 1, LLONG_MAX);
  in.case_kind = f.optional_string("case_kind", 20).value_or("application");
  in.title = f.required_string("title", 100);
  in.facts = f.required_string("facts", 4000);
  in.decision_taken = f.required_string("decision_taken", 2000);
  in.basis = f.required_string("basis", 2000);
  in.loss = f.required_string("loss", 2000);
  in.remedy = f.required_string("remedy", 2000);
  f.finish();
  return in;
}

CaseFilter filter_of(http::Request& req) {
  CaseFilter f;
  f.node_id = req.query_int("node_id", 0, 0, 2000000000);
  f.state = req.query_param("state").value_or("");
  f.q = req.query_param("q").value_or("");
  if (f.q.size() > 100) throw Error::validation("q", {"查询内容过长", "The search text is too long"});
  f.overdue_only = req.query_param("overdue").value_or("") == "true";
  f.page = req.query_int("page", 1, 1, 100000);
  f.page_size = req.query_int("page_size", 50, 1, 200);
  return f;
}

Json body_of(http::Request& req) { return req.body.empty() ? Json::object() : req.json(); }

}  // namespace

void add_case_routes(http::Router& router, CaseService& cases) {
  router.add({.method = "POST", .pattern = "/api/v1/me/oversight/cases", .tag = "oversight",
              .summary = "Apply for fault tolerance for myself ({case_kind: application | advance_filing, title, facts, "
                         "decision_taken, basis, loss, remedy}); the initial review is due by the end of the next working day",
              .creates = true},
             [&cases](http::Request& req) { return http::Response::json(201, case_json(cases.apply(req.principal, case_of(req, false)))); });
  router.add({.method = "GET", .pattern = "/api/v1/me/oversight/cases", .tag = "oversight",
              .summary = "My fault-tolerance cases and their state (the decision shows once it is notified)"},
             [&cases](http::Request& req) {
               Json items = Json::array();
               for (const auto& c : cases.mine(req.principal)) items.push_back(case_json(c));
               return http::Response::json(200, {{"items", items}});
             });
  router.add({.method = "GET", .pattern = "/api/v1/me/oversight/cases/{id}", .tag = "oversight", .summary = "One of my cases"},
             [&cases](http::Request& req) { return http::Response::json(200, case_json(cases.my_case(req.principal, req.id_param("id")))); });
  router.add({.method = "POST", .pattern = "/api/v1/oversight/cases", .tag = "oversight",
              .summary = "Apply on behalf of the unit for a person in scope (person_id and the fields of an application)",
              .permission = kPermRead, .creates = true},
             [&cases](http::Request& req) { return http::Response::json(201, case_json(cases.apply_for(req.principal, case_of(req, true)))); });
  router.add({.method = "GET", .pattern = "/api/v1/oversight/cases", .tag = "oversight",
              .summary = "Cases of people in scope, newest first (node_id, state, overdue=true, q, page, page_size); "
                         "review_overdue flags a case not reviewed by its due date",
              .permission = kPermRead},
             [&cases](http::Request& req) {
               const CaseFilter f = filter_of(req);
               long long total = 0;
               Json items = Json::array();
               for (const auto& c : cases.list(req.principal, f, &total)) items.push_back(case_json(c));
               return http::Response::json(200, {{"items", items}, {"total", total}, {"page", f.page}, {"page_size", f.page_size}});
             });
  router.add({.method = "GET", .pattern = "/api/v1/oversight/cases/export", .tag = "oversight",
              .summary = "The filtered cases as an .xlsx file (audited)", .permission = kPermRead},
             [&cases](http::Request& req) {
               auto res = http::Response::text(200, cases.export_xlsx(req.principal, filter_of(req)), kXlsxContentType);
               res.set_header("Content-Disposition",
                              "attachment; filename=\"tolerance-cases.xlsx\"; filename*=UTF-8''%E5%AE%B9%E9%94%99%E7%BA%A0%E9%94%99.xlsx");
               return res;
             });
  router.add({.method = "GET", .pattern = "/api/v1/oversight/cases/warnings", .tag = "oversight",
              .summary = "Counts in scope of cases past their initial-review deadline and of correction items past due",
              .permission = kPermRead},
             [&cases](http::Request& req) {
               const auto w = cases.warnings(req.principal);
               return http::Response::json(200, {{"overdue_reviews", w.overdue_reviews}, {"overdue_corrections", w.overdue_corrections}});
             });
  router.add({.method = "GET", .pattern = "/api/v1/oversight/cases/{id}", .tag = "oversight",
              .summary = "One case with its corrections and history", .permission = kPermRead},
             [&cases](http::Request& req) { return http::Response::json(200, case_json(cases.get(req.principal, req.id_param("id")))); });
  router.add({.method = "POST", .pattern = "/api/v1/oversight/cases/{id}/review", .tag = "oversight",
              .summary = "Initial review of a submitted case ({accept, note}: declining needs the reason); 409 case_state otherwise",
              .permission = kPermWrite},
             [&cases](http::Request& req) {
               const long long id = req.id_param("id");
               Json body = req.json();
               JsonFields f(body);
               const bool accept = f.optional_bool("accept", true);
               const std::string note = f.optional_string("note", 1000).value_or("");
               f.finish();
               return http::Response::json(200, case_json(cases.review(req.principal, id, accept, note)));
             });
  router.add({.method = "POST", .pattern = "/api/v1/oversight/cases/{id}/notes", .tag = "oversight",
              .summary = "Add an investigation note to a case under investigation ({note})", .permission = kPermWrite},
             [&cases](http::Request& req) {
               const long long id = req.id_param("id");
               Json body = req.json();
               JsonFields f(body);
               const std::string note = f.required_string("note", 4000);
               f.finish();
               return http::Response::json(200, case_json(cases.note(req.principal, id, note)));
             });
  router.add({.method = "POST", .pattern = "/api/v1/oversight/cases/{id}/decide", .tag = "oversight",
              .summary = "The collective decision ({outcome: tolerated | not_tolerated, votes_for, votes_against, votes_abstain, "
                         "distinctions: [inexperience | experiment | public_interest], reasons})",
              .permission = kPermWrite},
             [&cases](http::Request& req) {
               const long long id = req.id_param("id");
               Json body = req.json();
               JsonFields f(body);
               DecisionInput in;
               in.outcome = f.required_string("outcome", 20);
               in.votes_for = static_cast<int>(f.required_int("votes_for", 0, 1000));
               in.votes_against = static_cast<int>(f.required_int("votes_against", 0, 1000));
               in.votes_abstain = static_cast<int>(f.required_int("votes_abstain", 0, 1000));
               const Json& list = f.required_array("distinctions");
               for (const auto& d : list) {
                 if (!d.is_string()) throw Error::validation("distinctions", {"“三个区分开来”的选项不正确", "distinctions are strings"});
                 in.distinctions.push_back(d.get<std::string>());
               }
               in.reasons = f.required_string("reasons", 4000);
               f.finish();
               return http::Response::json(200, case_json(cases.decide(req.principal, id, in)));
             });
  router.add({.method = "POST", .pattern = "/api/v1/oversight/cases/{id}/notify", .tag = "oversight",
              .summary = "Notify the applicant of the decision ({note}); the applicant sees the result from now on",
              .permission = kPermWrite},
             [&cases](http::Request& req) {
               const long long id = req.id_param("id");
               Json body = body_of(req);
               JsonFields f(body);
               const std::string note = f.optional_string("note", 1000).value_or("");
               f.finish();
               return http::Response::json(200, case_json(cases.notify(req.principal, id, note)));
             });
  router.add({.method = "POST", .pattern = "/api/v1/oversight/cases/{id}/corrections", .tag = "oversight",
              .summary = "Add an item to the correction plan of a decided case ({content, due_date})", .permission = kPermWrite},
             [&cases](http::Request& req) {
               const long long id = req.id_param("id");
               Json body = req.json();
               JsonFields f(body);
               const std::string content = f.required_string("content", 1000);
               const std::string due = f.required_string("due_date", 10);
               f.finish();
               return http::Response::json(200, case_json(cases.add_correction(req.principal, id, content, due)));
             });
  router.add({.method = "POST", .pattern = "/api/v1/oversight/cases/{id}/corrections/{item}/done", .tag = "oversight",
              .summary = "Mark a correction item done ({note})", .permission = kPermWrite},
             [&cases](http::Request& req) {
               const long long id = req.id_param("id"), item = req.id_param("item");
               Json body = req.json();
               JsonFields f(body);
               const std::string note = f.required_string("note", 1000);
               f.finish();
               return http::Response::json(200, case_json(cases.finish_correction(req.principal, id, item, note)));
             });
  router.add({.method = "POST", .pattern = "/api/v1/oversight/cases/{id}/close", .tag = "oversight",
              .summary = "Close a notified case once every correction item is done (409 corrections_open)", .permission = kPermWrite},
             [&cases](http::Request& req) { return http::Response::json(200, case_json(cases.close(req.principal, req.id_param("id")))); });
  router.add({.method = "GET", .pattern = "/api/v1/oversight/cases/{id}/draft", .tag = "oversight",
              .summary = "A redacted first draft of the case for the library (names, units, ID and phone numbers replaced)",
              .permission = kPermWrite},
             [&cases](http::Request& req) { return http::Response::json(200, library_json(cases.draft(req.principal, req.id_param("id")))); });
  router.add({.method = "POST", .pattern = "/api/v1/oversight/cases/{id}/publish", .tag = "oversight",
              .summary = "Publish a tolerated, notified case to the library ({title, body}); 400 while the text still names "
                         "the applicant or the unit or holds an ID or phone number",
              .permission = kPermWrite},
             [&cases](http::Request& req) {
               const long long id = req.id_param("id");
               Json body = req.json();
               JsonFields f(body);
               const std::string title = f.required_string("title", 100);
               const std::string text = f.required_string("body", 8000);
               f.finish();
               return http::Response::json(201, library_json(cases.publish(req.principal, id, title, text)));
             });
  router.add({.method = "GET", .pattern = "/api/v1/oversight/library", .tag = "oversight",
              .summary = "The anonymised case library (q, page, page_size): titles and texts only"},
             [&cases](http::Request& req) {
               const std::string q = req.query_param("q").value_or("");
               if (q.size() > 100) throw Error::validation("q", {"查询内容过长", "The search text is too long"});
               const int page = req.query_int("page", 1, 1, 100000), size = req.query_int("page_size", 20, 1, 100);
               long long total = 0;
               Json items = Json::array();
               for (const auto& l : cases.library(req.principal, q, page, size, &total)) items.push_back(library_json(l));
               return http::Response::json(200, {{"items", items}, {"total", total}, {"page", page}, {"page_size", size}});
             });
  router.add({.method = "GET", .pattern = "/api/v1/oversight/library/{id}", .tag = "oversight", .summary = "One published case"},
             [&cases](http::Request& req) {
               return http::Response::json(200, library_json(cases.library_case(req.principal, req.id_param("id"))));
             });
}

}  // namespace xinhuo::oversight
