#include "oversight/routes.hpp"

#include <climits>

#include "core/xlsx.hpp"

namespace xinhuo::oversight {

namespace {

Json opt_text(const std::string& v) { return v.empty() ? Json(nullptr) : Json(v); }

Json accountability_json(const Accountability& a) {
  const auto* form = accountability_form(a.form);
  return {{"id", a.id}, {"person_id", a.person_id}, {"person_name", a.person_name}, {"unit_name", a.unit_name},
          {"form", a.form}, {"form_group", form ? form->group : ""}, {"reason", a.reason}, {"document_no", a.document_no},
          {"has_document", a.document_file != 0}, {"decided_on", a.decided_on}, {"effective_from", a.effective_from},
          {"promotion_until", opt_text(a.promotion_until)}, {"evaluation_year", opt_text(a.evaluation_year)},
          {"in_effect", a.in_effect}, {"created_at", a.created_at}};
}

Json form_json(const AccountabilityForm& f) {
  return {{"code", f.code}, {"name", f.zh}, {"group", f.group}, {"promotion_months", f.promotion_months},
          {"bars_excellent", f.bars_excellent}, {"basis", f.basis}, {"updated_at", opt_text(f.updated_at)}};
}

Json clarification_json(const Clarification& c) {
  return {{"id", c.id}, {"person_id", c.person_id}, {"person_name", c.person_name}, {"unit_name", c.unit_name},
          {"complaint", c.complaint}, {"finding", c.finding}, {"clarified_on", c.clarified_on},
          {"announcement_scope", c.announcement_scope}, {"show_in_record", c.show_in_record}, {"created_at", c.created_at}};
}

Json summary_json(const PersonSummary& s) {
  Json a = Json::array(), c = Json::array();
  for (const auto& x : s.accountability) a.push_back(accountability_json(x));
  for (const auto& x : s.clarifications) c.push_back(clarification_json(x));
  return {{"accountability", a}, {"clarifications", c}};
}

Json inspection_json(const Inspection& i) {
  Json nodes = Json::array();
  for (const auto& [id, name] : i.nodes) nodes.push_back({{"id", id}, {"name", name}});
  return {{"id", i.id}, {"topic", i.topic}, {"description", i.description}, {"start_date", i.start_date},
          {"end_date", opt_text(i.end_date)}, {"nodes", nodes}, {"findings", i.findings}, {"open_findings", i.open_findings},
          {"overdue_findings", i.overdue_findings}, {"created_at", i.created_at}};
}

Json finding_json(const Finding& f) {
  return {{"id", f.id}, {"inspection_id", f.inspection_id}, {"inspection_topic", f.inspection_topic}, {"unit_id", f.unit_id},
          {"unit_name", f.unit_name}, {"person_id", f.person_id ? Json(f.person_id) : Json(nullptr)},
          {"person_name", opt_text(f.person_name)}, {"content", f.content}, {"requirement", f.requirement},
          {"due_date", f.due_date}, {"state", f.state}, {"follow_up", f.follow_up}, {"rectified_at", opt_text(f.rectified_at)},
          {"overdue", f.overdue}};
}

Json policy_json(const PolicyDoc& d) {
  return {{"id", d.id}, {"title", d.title}, {"category", d.category}, {"issuer", d.issuer}, {"doc_number", d.doc_number},
          {"effective_from", d.effective_from}, {"effective_to", opt_text(d.effective_to)}, {"body", d.body},
          {"has_file", d.file_id != 0}, {"file_id", d.file_id ? Json(d.file_id) : Json(nullptr)}, {"version", d.version},
          {"updated_at", d.updated_at}};
}

PersonFilter person_filter_of(http::Request& req) {
  PersonFilter f;
  f.person_id = req.query_int("person_id", 0, 0, 2000000000);
  f.node_id = req.query_int("node_id", 0, 0, 2000000000);
  f.q = req.query_param("q").value_or("");
  if (f.q.size() > 100) throw Error::validation("q", {"查询内容过长", "The search text is too long"});
  f.page = req.query_int("page", 1, 1, 100000);
  f.page_size = req.query_int("page_size", 50, 1, 200);
  return f;
}

PolicyDoc policy_of(http::Request& req) {
  Json body = req.json();
  JsonFields f(body);
  PolicyDoc d;
  d.title = f.required_string("title", 200);
  d.category = f.required_string("category", 20);
  d.issuer = f.required_string("issuer", 100);
  d.doc_number = f.required_string("doc_number", 100);
  d.effective_from = f.required_string("effective_from", 10);
  d.effective_to = f.optional_string("effective_to", 10).value_or("");
  d.body = f.optional_string("body", 50000).value_or("");
  d.file_id = f.optional_int("file_id", 1, LLONG_MAX).value_or(0);
  d.version = static_cast<int>(f.optional_int("version", 0, 1000000).value_or(0));
  f.finish();
  return d;
}

http::Response xlsx(std::string bytes, const std::string& ascii, const std::string& encoded) {
  auto res = http::Response::text(200, std::move(bytes), kXlsxContentType);
  res.set_header("Content-Disposition", "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded);
  return res;
}

http::Response inline_file(std::pair<files::StoredFile, std::string> f) {
  auto res = http::Response::text(200, std::move(f.second), f.first.content_type);
  res.set_header("Content-Disposition", "inline");
  return res;
}

}  // namespace

void add_routes(http::Router& router, CaseService& cases, OversightService& oversight, PolicyService& policies) {
  add_case_routes(router, cases);

  router.add({.method = "GET", .pattern = "/api/v1/oversight/accountability/forms", .tag = "oversight",
              .summary = "The forms of accountability with the months they bar promotion and whether they bar an excellent grade",
              .permission = kPermRead},
             [&oversight](http::Request& req) {
               Json items = Json::array();
               for (const auto& f : oversight.forms(req.principal)) items.push_back(form_json(f));
               return http::Response::json(200, {{"items", items}});
             });
  router.add({.method = "PUT", .pattern = "/api/v1/oversight/accountability/forms/{code}", .tag = "oversight",
              .summary = "Change what a form bars as the regulations now say ({promotion_months, bars_excellent, basis}); "
                         "records made before keep their dates (audited)",
              .permission = kPermWrite},
             [&oversight](http::Request& req) {
               Json body = req.json();
               JsonFields f(body);
               const int months = static_cast<int>(f.required_int("promotion_months", 0, 120));
               const bool bars = f.optional_bool("bars_excellent", false);
               const std::string basis = f.required_string("basis", 100);
               f.finish();
               const auto form = oversight.set_period(req.principal, req.path_params.at("code"), months, bars, basis);
               return http::Response::json(200, form_json(form));
             });
  router.add({.method = "POST", .pattern = "/api/v1/oversight/accountability", .tag = "oversight",
              .summary = "Record an accountability decision about a person in scope ({person_id, form, reason, document_no, "
                         "document_file: an uploaded scan, decided_on, effective_from}); the effect period is computed from the form",
              .permission = kPermWrite, .creates = true},
             [&oversight](http::Request& req) {
               Json body = req.json();
               JsonFields f(body);
               AccountabilityInput in;
               in.person_id = f.required_int("person_id", 1, LLONG_MAX);
               in.form = f.required_string("form", 40);
               in.reason = f.required_string("reason", 2000);
               in.document_no = f.required_string("document_no", 100);
               in.document_file = f.optional_int("document_file", 1, LLONG_MAX).value_or(0);
               in.decided_on = f.required_string("decided_on", 10);
               in.effective_from = f.required_string("effective_from", 10);
               f.finish();
               return http::Response::json(201, accountability_json(oversight.record_accountability(req.principal, in)));
             });
  router.add({.method = "GET", .pattern = "/api/v1/oversight/accountability", .tag = "oversight",
              .summary = "Accountability records of people in scope (person_id, node_id, q, page, page_size)", .permission = kPermRead},
             [&oversight](http::Request& req) {
               const auto f = person_filter_of(req);
               long long total = 0;
               Json items = Json::array();
               for (const auto& a : oversight.accountability(req.principal, f, &total)) items.push_back(accountability_json(a));
               return http::Response::json(200, {{"items", items}, {"total", total}});
             });
  router.add({.method = "GET", .pattern = "/api/v1/oversight/accountability/export", .tag = "oversight",
              .summary = "The filtered accountability records as an .xlsx file (audited)", .permission = kPermRead},
             [&oversight](http::Request& req) {
               return xlsx(oversight.export_accountability(req.principal, person_filter_of(req)), "accountability.xlsx",
                           "%E9%97%AE%E8%B4%A3%E8%AE%B0%E5%BD%95.xlsx");
             });
  router.add({.method = "GET", .pattern = "/api/v1/oversight/accountability/{id}/document", .tag = "oversight",
              .summary = "The decision document of a record in scope", .permission = kPermRead},
             [&oversight](http::Request& req) { return inline_file(oversight.document(req.principal, req.id_param("id"), false)); });
  router.add({.method = "GET", .pattern = "/api/v1/me/oversight/accountability/{id}/document", .tag = "oversight",
              .summary = "The decision document of a record about me"},
             [&oversight](http::Request& req) { return inline_file(oversight.document(req.principal, req.id_param("id"), true)); });

  router.add({.method = "POST", .pattern = "/api/v1/oversight/clarifications", .tag = "oversight",
              .summary = "Record that a complaint about a person in scope was found untrue and clarified ({person_id, complaint, "
                         "finding, clarified_on, announcement_scope}); the person chooses whether it shows in their record",
              .permission = kPermWrite, .creates = true},
             [&oversight](http::Request& req) {
               Json body = req.json();
               JsonFields f(body);
               ClarificationInput in;
               in.person_id = f.required_int("person_id", 1, LLONG_MAX);
               in.complaint = f.required_string("complaint", 2000);
               in.finding = f.required_string("finding", 2000);
               in.clarified_on = f.required_string("clarified_on", 10);
               in.announcement_scope = f.required_string("announcement_scope", 200);
               f.finish();
               return http::Response::json(201, clarification_json(oversight.record_clarification(req.principal, in)));
             });
  router.add({.method = "GET", .pattern = "/api/v1/oversight/clarifications", .tag = "oversight",
              .summary = "Clarifications about people in scope (person_id, node_id, q, page, page_size)", .permission = kPermRead},
             [&oversight](http::Request& req) {
               const auto f = person_filter_of(req);
               long long total = 0;
               Json items = Json::array();
               for (const auto& c : oversight.clarifications(req.principal, f, &total)) items.push_back(clarification_json(c));
               return http::Response::json(200, {{"items", items}, {"total", total}});
             });
  router.add({.method = "PUT", .pattern = "/api/v1/me/oversight/clarifications/{id}/shown", .tag = "oversight",
              .summary = "Choose whether a clarification about me shows in my record ({shown})"},
             [&oversight](http::Request& req) {
               const long long id = req.id_param("id");
               Json body = req.json();
               JsonFields f(body);
               if (!body.contains("shown") || !body["shown"].is_boolean())
                 throw Error::validation("shown", {"请选择是否展示", "shown is true or false"});
               const bool shown = f.optional_bool("shown", false);
               f.finish();
               return http::Response::json(200, clarification_json(oversight.show_clarification(req.principal, id, shown)));
             });
  router.add({.method = "GET", .pattern = "/api/v1/oversight/people/{id}/summary", .tag = "oversight",
              .summary = "Accountability records and the clarifications the person chose to show, of a person in scope",
              .permission = kPermRead},
             [&oversight](http::Request& req) {
               return http::Response::json(200, summary_json(oversight.person_summary(req.principal, req.id_param("id"))));
             });
  router.add({.method = "GET", .pattern = "/api/v1/me/oversight/summary", .tag = "oversight",
              .summary = "Accountability records and clarifications about me"},
             [&oversight](http::Request& req) {
               if (!req.principal.person_id) throw Error::forbidden("no_person", {"账号未关联人员", "This account is not linked to a person"});
               return http::Response::json(200, summary_json(oversight.person_summary(req.principal, req.principal.person_id)));
             });

  router.add({.method = "POST", .pattern = "/api/v1/oversight/inspections", .tag = "oversight",
              .summary = "Open a special inspection ({topic, description, start_date, end_date, node_ids: the organisations inspected})",
              .permission = kPermWrite, .creates = true},
             [&oversight](http::Request& req) {
               Json body = req.json();
               JsonFields f(body);
               InspectionInput in;
               in.topic = f.required_string("topic", 100);
               in.description = f.required_string("description", 4000);
               in.start_date = f.required_string("start_date", 10);
               in.end_date = f.optional_string("end_date", 10).value_or("");
               in.node_ids = f.optional_id_list("node_ids", 100);
               f.finish();
               return http::Response::json(201, inspection_json(oversight.create_inspection(req.principal, in)));
             });
  router.add({.method = "GET", .pattern = "/api/v1/oversight/inspections", .tag = "oversight",
              .summary = "Inspections covering the caller's scope, with counts of open and overdue findings", .permission = kPermRead},
             [&oversight](http::Request& req) {
               Json items = Json::array();
               for (const auto& i : oversight.inspections(req.principal)) items.push_back(inspection_json(i));
               return http::Response::json(200, {{"items", items}});
             });
  router.add({.method = "GET", .pattern = "/api/v1/oversight/inspections/{id}", .tag = "oversight",
              .summary = "An inspection with its findings in scope", .permission = kPermRead},
             [&oversight](http::Request& req) {
               auto [i, findings] = oversight.inspection(req.principal, req.id_param("id"));
               Json out = inspection_json(i), items = Json::array();
               for (const auto& f : findings) items.push_back(finding_json(f));
               out["finding_items"] = items;
               return http::Response::json(200, out);
             });
  router.add({.method = "POST", .pattern = "/api/v1/oversight/inspections/{id}/findings", .tag = "oversight",
              .summary = "Record a finding of the inspection about a unit (and a person of it) with the rectification "
                         "required and its deadline ({unit_id, person_id, content, requirement, due_date})",
              .permission = kPermWrite, .creates = true},
             [&oversight](http::Request& req) {
               const long long id = req.id_param("id");
               Json body = req.json();
               JsonFields f(body);
               FindingInput in;
               in.unit_id = f.required_int("unit_id", 1, LLONG_MAX);
               in.person_id = f.optional_int("person_id", 1, LLONG_MAX).value_or(0);
               in.content = f.required_string("content", 2000);
               in.requirement = f.required_string("requirement", 2000);
               in.due_date = f.required_string("due_date", 10);
               f.finish();
               return http::Response::json(201, finding_json(oversight.add_finding(req.principal, id, in)));
             });
  router.add({.method = "POST", .pattern = "/api/v1/oversight/findings/{id}/follow-up", .tag = "oversight",
              .summary = "Follow up a finding ({note, rectified}); rectified closes it; 409 finding_state once rectified",
              .permission = kPermWrite},
             [&oversight](http::Request& req) {
               const long long id = req.id_param("id");
               Json body = req.json();
               JsonFields f(body);
               const std::string note = f.required_string("note", 1000);
               const bool rectified = f.optional_bool("rectified", false);
               f.finish();
               return http::Response::json(200, finding_json(oversight.follow_up(req.principal, id, note, rectified)));
             });
  router.add({.method = "GET", .pattern = "/api/v1/oversight/findings/overdue", .tag = "oversight",
              .summary = "Findings in scope still open past their rectification deadline", .permission = kPermRead},
             [&oversight](http::Request& req) {
               Json items = Json::array();
               for (const auto& f : oversight.overdue_findings(req.principal)) items.push_back(finding_json(f));
               return http::Response::json(200, {{"items", items}});
             });
  router.add({.method = "GET", .pattern = "/api/v1/oversight/findings/export", .tag = "oversight",
              .summary = "Findings in scope (of one inspection with inspection_id) as an .xlsx file (audited)", .permission = kPermRead},
             [&oversight](http::Request& req) {
               return xlsx(oversight.export_findings(req.principal, req.query_int("inspection_id", 0, 0, 2000000000)),
                           "findings.xlsx", "%E7%9D%A3%E6%9F%A5%E9%97%AE%E9%A2%98.xlsx");
             });

  router.add({.method = "GET", .pattern = "/api/v1/policies", .tag = "oversight",
              .summary = "The incentive policy library (q, category, on: in force on that date, page, page_size)"},
             [&policies](http::Request& req) {
               PolicyFilter f;
               f.q = req.query_param("q").value_or("");
               if (f.q.size() > 100) throw Error::validation("q", {"查询内容过长", "The search text is too long"});
               f.category = req.query_param("category").value_or("");
               f.on = req.query_param("on").value_or("");
               f.page = req.query_int("page", 1, 1, 100000);
               f.page_size = req.query_int("page_size", 50, 1, 200);
               long long total = 0;
               Json items = Json::array();
               for (const auto& d : policies.list(req.principal, f, &total)) items.push_back(policy_json(d));
               return http::Response::json(200, {{"items", items}, {"total", total}});
             });
  router.add({.method = "GET", .pattern = "/api/v1/policies/{id}", .tag = "oversight", .summary = "One policy document"},
             [&policies](http::Request& req) { return http::Response::json(200, policy_json(policies.get(req.principal, req.id_param("id")))); });
  router.add({.method = "GET", .pattern = "/api/v1/policies/{id}/file", .tag = "oversight",
              .summary = "The scanned page attached to a policy document"},
             [&policies](http::Request& req) { return inline_file(policies.file(req.principal, req.id_param("id"))); });
  router.add({.method = "POST", .pattern = "/api/v1/policies", .tag = "oversight",
              .summary = "Add a policy document ({title, category, issuer, doc_number, effective_from, effective_to, body, file_id})",
              .permission = kPermWrite, .creates = true},
             [&policies](http::Request& req) { return http::Response::json(201, policy_json(policies.create(req.principal, policy_of(req)))); });
  router.add({.method = "PUT", .pattern = "/api/v1/policies/{id}", .tag = "oversight",
              .summary = "Edit a policy document (the fields of a new one and version: the version edited; 409 policy_version)",
              .permission = kPermWrite},
             [&policies](http::Request& req) {
               const long long id = req.id_param("id");
               return http::Response::json(200, policy_json(policies.update(req.principal, id, policy_of(req))));
             });
}

}  // namespace xinhuo::oversight
