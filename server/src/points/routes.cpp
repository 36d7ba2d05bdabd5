#include "points/routes.hpp"

#include <climits>

#include "core/xlsx.hpp"

namespace xinhuo::points {

namespace {

Json opt_int(const std::optional<int>& v) { return v ? Json(*v) : Json(nullptr); }
Json opt_id(long long v) { return v ? Json(v) : Json(nullptr); }
Json opt_text(const std::string& v) { return v.empty() ? Json(nullptr) : Json(v); }

Json category_json(const Category& c) {
  return {{"code", c.code}, {"name", c.name}, {"yearly_cap", opt_int(c.yearly_cap)}, {"sort_order", c.sort_order}};
}

Json rule_json(const Rule& r) {
  return {{"id", r.id}, {"code", r.code}, {"version", r.version}, {"category_code", r.category_code}, {"name", r.name},
          {"points", r.points}, {"earn_mode", r.earn_mode}, {"evidence_required", r.evidence_required},
          {"cap_day", opt_int(r.cap_day)}, {"cap_month", opt_int(r.cap_month)}, {"cap_year", opt_int(r.cap_year)},
          {"second_approver", r.second_approver}, {"applies_to", r.applies_to}, {"valid_from", r.valid_from},
          {"valid_to", opt_text(r.valid_to)}, {"status", r.status}, {"created_at", r.created_at}};
}

Json scheme_json(const Scheme& s) {
  return {{"year", s.year}, {"base_score", s.base_score}, {"floor_score", s.floor_score}, {"ceiling_score", opt_int(s.ceiling_score)}};
}

Json entry_json(const Entry& e) {
  return {{"id", e.id}, {"person_id", e.person_id}, {"rule_id", e.rule_id}, {"rule_version", e.rule_version},
          {"rule_code", e.rule_code}, {"rule_name", e.rule_name}, {"category_code", e.category_code},
          {"requested", e.requested}, {"points", e.points}, {"limited_by", opt_text(e.limited_by)},
          {"activity_date", e.activity_date}, {"year", e.year}, {"source_type", e.source_type},
          {"event_type", opt_text(e.event_type)}, {"claim_id", opt_id(e.claim_id)}, {"reverses_id", opt_id(e.reverses_id)},
          {"reversed_by", opt_id(e.reversed_by)}, {"note", opt_text(e.note)}, {"recorded_by", opt_text(e.recorded_by_name)},
          {"approved_by", opt_text(e.approved_by)}, {"claim_kind", opt_text(e.claim_kind)}, {"created_at", e.created_at}};
}

Json claim_json(const Claim& c) {
  return {{"id", c.id}, {"kind", c.kind}, {"person_id", c.person_id}, {"person_name", c.person_name},
          {"unit_id", c.unit_id}, {"unit_name", c.unit_name}, {"branch_id", opt_id(c.branch_id)}, {"rule_id", c.rule_id},
          {"rule_code", c.rule_code}, {"rule_name", c.rule_name}, {"category_code", c.category_code}, {"points", c.points},
          {"second_approver", c.second_approver}, {"activity_date", c.activity_date}, {"description", c.description},
          {"evidence", c.evidence}, {"possible_duplicate_of", opt_id(c.possible_duplicate_of)}, {"status", c.status},
          {"created_by", c.created_by_name}, {"created_at", c.created_at},
          {"first_approver", opt_text(c.first_approver_name)}, {"first_approved_at", opt_text(c.first_approved_at)},
          {"decided_by", opt_text(c.decided_by_name)}, {"decided_at", opt_text(c.decided_at)},
          {"decision_reason", opt_text(c.decision_reason)}, {"entry_id", opt_id(c.entry_id)}};
}

Json summary_json(const Summary& s) {
  Json categories = Json::array();
  for (const auto& c : s.categories)
    categories.push_back({{"code", c.code}, {"name", c.name}, {"points", c.points}, {"yearly_cap", opt_int(c.yearly_cap)}});
  return {{"person_id", s.person_id}, {"person_name", s.person_name}, {"year", s.year}, {"base_score", s.base_score},
          {"earned", s.earned}, {"score", s.score}, {"categories", categories}};
}

template <class T, class F>
Json items(const std::vector<T>& list, F to_json) {
  Json out = Json::array();
  for (const auto& x : list) out.push_back(to_json(x));
  return out;
}

RuleInput rule_input(const Json& body, bool with_code) {
  JsonFields f(body);
  RuleInput in;
  if (with_code) in.code = f.required_string("code", 40);
  in.category_code = f.required_string("category_code", 40);
  in.name = f.required_string("name", 100);
  in.points = static_cast<int>(f.required_int("points", -100, 100));
  in.earn_mode = f.required_string("earn_mode", 20);
  in.evidence_required = f.optional_bool("evidence_required", false);
  in.second_approver = f.optional_bool("second_approver", false);
  in.applies_to = f.optional_string("applies_to", 20).value_or("members");
  in.valid_from = f.required_string("valid_from", 10);
  in.valid_to = f.optional_string("valid_to", 10).value_or("");
  for (auto [name, slot] : {std::pair{"cap_day", &in.cap_day}, std::pair{"cap_month", &in.cap_month}, std::pair{"cap_year", &in.cap_year}})
    if (auto v = f.optional_int(name, 1, 1000)) *slot = static_cast<int>(*v);
  f.finish();
  return in;
}

std::vector<long long> id_array(const Json& array, const char* field, std::size_t max) {
  if (array.size() > max) throw Error::validation(field, {"数量过多", "Too many items"});
  std::vector<long long> out;
  for (const auto& v : array) {
    if (!v.is_number_integer() || v.get<long long>() < 1) throw Error::validation(field, {"应为编号列表", "Must be a list of ids"});
    out.push_back(v.get<long long>());
  }
  return out;
}

int year_param(const http::Request& req, const PointsService& service) {
  return static_cast<int>(req.query_int("year", service.current_year(), 2000, 2100));
}

std::string category_param(const http::Request& req) {
  const std::string c = req.query_param("category").value_or("");
  if (c.size() > 40) throw Error::validation("category", {"类别编码过长", "Category code too long"});
  return c;
}

}  // namespace

void add_routes(http::Router& router, PointsService& service) {
  // ---- catalog
  router.add({.method = "GET", .pattern = "/api/v1/points/categories", .tag = "points", .summary = "Point categories and their yearly caps"},
             [&service](http::Request& req) {
               return http::Response::json(200, {{"items", items(service.categories(req.principal), category_json)}});
             });
  router.add({.method = "GET", .pattern = "/api/v1/points/rules", .tag = "points",
              .summary = "The rule catalog: current versions, or every version with history=true (optionally of one code)"},
             [&service](http::Request& req) {
               const bool history = req.query_param("history").value_or("") == "true";
               const std::string code = req.query_param("code").value_or("");
               return http::Response::json(200, {{"items", items(service.rules(req.principal, history, code), rule_json)}});
             });
  router.add({.method = "POST", .pattern = "/api/v1/points/rules", .tag = "points", .summary = "Add a rule (version 1)",
              .permission = kPermRules, .creates = true},
             [&service](http::Request& req) {
               return http::Response::json(201, rule_json(service.create_rule(req.principal, rule_input(req.json(), true))));
             });
  router.add({.method = "PUT", .pattern = "/api/v1/points/rules/{id}", .tag = "points",
              .summary = "Change a rule: writes a new version and supersedes this one (entries keep their version)",
              .permission = kPermRules},
             [&service](http::Request& req) {
               return http::Response::json(200, rule_json(service.revise_rule(req.principal, req.id_param("id"), rule_input(req.json(), false))));
             });
  router.add({.method = "POST", .pattern = "/api/v1/points/rules/{id}/retire", .tag = "points",
              .summary = "Retire a rule's current version", .permission = kPermRules},
             [&service](http::Request& req) {
               return http::Response::json(200, rule_json(service.retire_rule(req.principal, req.id_param("id"))));
             });
  router.add({.method = "GET", .pattern = "/api/v1/points/schemes", .tag = "points", .summary = "The yearly schemes (base, floor, ceiling)"},
             [&service](http::Request& req) {
               return http::Response::json(200, {{"items", items(service.schemes(req.principal), scheme_json)}});
             });
  router.add({.method = "PUT", .pattern = "/api/v1/points/schemes/{year}", .tag = "points",
              .summary = "Set a year's scheme", .permission = kPermRules},
             [&service](http::Request& req) {
               Json body = req.json();
               JsonFields f(body);
               Scheme s;
               s.year = static_cast<int>(req.id_param("year"));
               s.base_score = static_cast<int>(f.required_int("base_score", 0, 1000));
               s.floor_score = static_cast<int>(f.optional_int("floor_score", 0, 1000).value_or(0));
               if (auto c = f.optional_int("ceiling_score", 0, 10000)) s.ceiling_score = static_cast<int>(*c);
               f.finish();
               return http::Response::json(200, scheme_json(service.set_scheme(req.principal, s)));
             });
  router.add({.method = "GET", .pattern = "/api/v1/points/event-rules", .tag = "points",
              .summary = "Which rule each event type earns, and the event types that can be mapped"},
             [&service](http::Request& req) {
               Json map = Json::array();
               for (const auto& [type, rule] : service.event_rules(req.principal)) map.push_back({{"event_type", type}, {"rule_code", rule}});
               return http::Response::json(200, {{"items", map}, {"event_types", event_types()}});
             });
  router.add({.method = "PUT", .pattern = "/api/v1/points/event-rules/{event_type}", .tag = "points",
              .summary = "Map an event type to an automatic rule", .permission = kPermRules},
             [&service](http::Request& req) {
               Json body = req.json();
               JsonFields f(body);
               const std::string rule = f.required_string("rule_code", 40);
               f.finish();
               const std::string type = req.path_params.at("event_type");
               service.set_event_rule(req.principal, type, rule);
               return http::Response::json(200, {{"event_type", type}, {"rule_code", rule}});
             });

  router.add({.method = "POST", .pattern = "/api/v1/points/simulations", .tag = "points",
              .summary = "What-if: a past period (from, to, node_id) scored under draft rule changes; nothing is written",
              .permission = kPermRules},
             [&service](http::Request& req) {
               Json body = req.json();
               JsonFields f(body);
               SimulationInput in;
               in.from = f.required_string("from", 10);
               in.to = f.required_string("to", 10);
               in.node_id = f.required_int("node_id", 1, LLONG_MAX);
               const Json& changes = f.required_array("changes");
               f.finish();
               for (std::size_t i = 0; i < changes.size() && i < 101; ++i) {
                 if (!changes[i].is_object()) throw Error::validation("changes", {"每项调整应为对象", "Each change is an object"});
                 JsonFields c(changes[i], "changes[" + std::to_string(i) + "].");
                 RuleChange rc;
                 rc.rule_code = c.required_string("rule_code", 40);
                 if (auto v = c.optional_int("points", -100, 100)) rc.points = static_cast<int>(*v);
                 if (auto v = c.optional_int("cap_day", 1, 1000)) rc.cap_day = static_cast<int>(*v);
                 if (auto v = c.optional_int("cap_month", 1, 1000)) rc.cap_month = static_cast<int>(*v);
                 if (auto v = c.optional_int("cap_year", 1, 1000)) rc.cap_year = static_cast<int>(*v);
                 rc.retire = c.optional_bool("retire", false);
                 c.finish();
                 in.changes.push_back(rc);
               }
               const auto r = service.simulate(req.principal, in);
               auto mover = [](const Mover& m) {
                 return Json{{"person_id", m.person_id}, {"name", m.name}, {"before", m.before}, {"after", m.after},
                             {"rank_before", m.rank_before}, {"rank_after", m.rank_after}};
               };
               Json up = Json::array(), down = Json::array();
               for (std::size_t i = 0; i < r.movers.size() && i < 20; ++i)
                 if (r.movers[i].after > r.movers[i].before) up.push_back(mover(r.movers[i]));
               for (std::size_t i = r.movers.size(); i-- > 0 && down.size() < 20;)
                 if (r.movers[i].after < r.movers[i].before) down.push_back(mover(r.movers[i]));
               return http::Response::json(200, {{"people", r.people}, {"entries", r.entries}, {"total_before", r.total_before},
                                                 {"total_after", r.total_after}, {"changed", r.movers.size()},
                                                 {"movers_up", up}, {"movers_down", down}});
             });

  // ---- claims and records
  router.add({.method = "POST", .pattern = "/api/v1/me/points/claims", .tag = "points",
              .summary = "Report an activity for points (self-report; goes to the branch for approval)", .creates = true},
             [&service](http::Request& req) {
               Json body = req.json();
               JsonFields f(body);
               ClaimInput in;
               in.rule_id = f.required_int("rule_id", 1, LLONG_MAX);
               in.activity_date = f.required_string("activity_date", 10);
               in.description = f.required_string("description", 1000);
               if (body.contains("evidence") && !body["evidence"].is_null()) in.evidence = id_array(f.required_array("evidence"), "evidence", 9);
               f.finish();
               return http::Response::json(201, claim_json(service.submit_claim(req.principal, in)));
             });
  router.add({.method = "GET", .pattern = "/api/v1/me/points/claims", .tag = "points", .summary = "My reports and their decisions"},
             [&service](http::Request& req) {
               return http::Response::json(200, {{"items", items(service.my_claims(req.principal), claim_json)}});
             });
  router.add({.method = "POST", .pattern = "/api/v1/me/points/claims/{id}/withdraw", .tag = "points",
              .summary = "Withdraw my report while it is pending"},
             [&service](http::Request& req) {
               return http::Response::json(200, claim_json(service.withdraw(req.principal, req.id_param("id"))));
             });
  router.add({.method = "GET", .pattern = "/api/v1/points/claims", .tag = "points",
              .summary = "The approval queue in scope: status (default open ones), unit_id, person_id, page, page_size",
              .permission = kPermApprove},
             [&service](http::Request& req) {
               ClaimFilter f;
               f.status = req.query_param("status").value_or("");
               if (!f.status.empty() && f.status != "pending" && f.status != "first_approved" && f.status != "approved" &&
                   f.status != "rejected" && f.status != "withdrawn")
                 throw Error::validation("status", {"状态不正确", "Unknown status"});
               f.unit_id = req.query_int("unit_id", 0, 0, 2000000000);
               f.person_id = req.query_int("person_id", 0, 0, 2000000000);
               f.page = static_cast<int>(req.query_int("page", 1, 1, 1000000));
               f.page_size = static_cast<int>(req.query_int("page_size", 50, 1, 200));
               long long total = 0;
               Json list = items(service.claims(req.principal, f, &total), claim_json);
               return http::Response::json(200, {{"items", list}, {"total", total}, {"page", f.page}, {"page_size", f.page_size}});
             });
  router.add({.method = "GET", .pattern = "/api/v1/points/claims/{id}", .tag = "points", .summary = "One claim",
              .permission = kPermApprove},
             [&service](http::Request& req) {
               return http::Response::json(200, claim_json(service.claim(req.principal, req.id_param("id"))));
             });
  router.add({.method = "POST", .pattern = "/api/v1/points/claims/{id}/approve", .tag = "points",
              .summary = "Approve a claim (the second approval of a two-approver rule books it)", .permission = kPermApprove},
             [&service](http::Request& req) {
               return http::Response::json(200, claim_json(service.approve(req.principal, req.id_param("id"))));
             });
  router.add({.method = "POST", .pattern = "/api/v1/points/claims/{id}/reject", .tag = "points",
              .summary = "Reject a claim with a reason", .permission = kPermApprove},
             [&service](http::Request& req) {
               Json body = req.json();
               JsonFields f(body);
               const std::string reason = f.required_string("reason", 1000);
               f.finish();
               return http::Response::json(200, claim_json(service.reject(req.principal, req.id_param("id"), reason)));
             });
  router.add({.method = "POST", .pattern = "/api/v1/points/claims/approve-batch", .tag = "points",
              .summary = "Approve several claims; each succeeds or fails on its own", .permission = kPermApprove},
             [&service](http::Request& req) {
               Json body = req.json();
               JsonFields f(body);
               const auto ids = id_array(f.required_array("ids"), "ids", 500);
               f.finish();
               const auto result = service.approve_batch(req.principal, ids);
               Json failed = Json::array();
               for (const auto& [id, code] : result.failed) failed.push_back({{"id", id}, {"code", code}});
               return http::Response::json(200, {{"approved", result.approved}, {"failed", failed}});
             });
  router.add({.method = "POST", .pattern = "/api/v1/points/records", .tag = "points",
              .summary = "Record a deduction or an award for a person, with a reason (audited)", .permission = kPermAdjust,
              .creates = true},
             [&service](http::Request& req) {
               Json body = req.json();
               JsonFields f(body);
               RecordInput in;
               in.person_id = f.required_int("person_id", 1, LLONG_MAX);
               in.rule_id = f.required_int("rule_id", 1, LLONG_MAX);
               if (auto p = f.optional_int("points", -100, 100)) in.points = static_cast<int>(*p);
               in.activity_date = f.required_string("activity_date", 10);
               in.reason = f.required_string("reason", 1000);
               f.finish();
               return http::Response::json(201, claim_json(service.record(req.principal, in)));
             });
  router.add({.method = "POST", .pattern = "/api/v1/points/entries/{id}/reverse", .tag = "points",
              .summary = "Correct an entry with a reversing entry (audited)", .permission = kPermAdjust},
             [&service](http::Request& req) {
               Json body = req.json();
               JsonFields f(body);
               const std::string reason = f.required_string("reason", 1000);
               f.finish();
               return http::Response::json(201, entry_json(service.reverse(req.principal, req.id_param("id"), reason)));
             });

  // ---- balances, explanations, rankings
  router.add({.method = "GET", .pattern = "/api/v1/points/people/{id}/summary", .tag = "points",
              .summary = "A person's score of a year by category", .permission = kPermRead},
             [&service](http::Request& req) {
               return http::Response::json(200, summary_json(service.summary(req.principal, req.id_param("id"), year_param(req, service))));
             });
  router.add({.method = "GET", .pattern = "/api/v1/points/people/{id}/entries", .tag = "points",
              .summary = "Every entry of a person's year with its rule version, source and approvers", .permission = kPermRead},
             [&service](http::Request& req) {
               return http::Response::json(200, {{"items", items(service.entries(req.principal, req.id_param("id"), year_param(req, service)), entry_json)}});
             });
  router.add({.method = "GET", .pattern = "/api/v1/me/points", .tag = "points", .summary = "My score of a year by category"},
             [&service](http::Request& req) {
               return http::Response::json(200, summary_json(service.my_summary(req.principal, year_param(req, service))));
             });
  router.add({.method = "GET", .pattern = "/api/v1/me/points/entries", .tag = "points",
              .summary = "Why I have my points: every entry with its rule, source and approvers"},
             [&service](http::Request& req) {
               return http::Response::json(200, {{"items", items(service.my_entries(req.principal, year_param(req, service)), entry_json)}});
             });
  router.add({.method = "GET", .pattern = "/api/v1/me/points/rank", .tag = "points",
              .summary = "My rank and percentile among the party members of my unit, branch or city (period, category, "
                         "within = unit | branch | city)"},
             [&service](http::Request& req) {
               const std::string period = req.query_param("period").value_or(std::to_string(service.current_year()));
               const std::string within = req.query_param("within").value_or("unit");
               const auto r = service.my_rank(req.principal, period, category_param(req), within);
               return http::Response::json(200, {{"rank", r.rank}, {"of", r.of}, {"percentile", r.percentile}, {"points", r.points},
                                                 {"period", period}, {"within", within}});
             });
  router.add({.method = "GET", .pattern = "/api/v1/points/rankings/export", .tag = "points",
              .summary = "The ranking (node_id, period, category) as an .xlsx file (audited)", .permission = kPermRead},
             [&service](http::Request& req) {
               const long long node = req.query_int("node_id", 0, 1, 2000000000);
               if (!node) throw Error::validation("node_id", {"请指定组织", "Choose an organisation"});
               const std::string period = req.query_param("period").value_or(std::to_string(service.current_year()));
               auto res = http::Response::text(200, service.export_ranking(req.principal, node, period, category_param(req)),
                                               kXlsxContentType);
               res.set_header("Content-Disposition",
                              "attachment; filename=\"ranking.xlsx\"; filename*=UTF-8''%E7%A7%AF%E5%88%86%E6%8E%92%E5%90%8D.xlsx");
               return res;
             });
  router.add({.method = "GET", .pattern = "/api/v1/points/rankings", .tag = "points",
              .summary = "Top of a unit, branch or the city: node_id, period (2026, 2026-Q4, 2026-11), category, limit",
              .permission = kPermRead},
             [&service](http::Request& req) {
               const long long node = req.query_int("node_id", 0, 1, 2000000000);
               if (!node) throw Error::validation("node_id", {"请指定组织", "Choose an organisation"});
               const std::string period = req.query_param("period").value_or(std::to_string(service.current_year()));
               const int limit = static_cast<int>(req.query_int("limit", 50, 1, 500));
               Json rows = Json::array();
               for (const auto& r : service.ranking(req.principal, node, period, category_param(req), limit))
                 rows.push_back({{"rank", r.rank}, {"person_id", r.person_id}, {"name", r.name}, {"unit_name", r.unit_name},
                                 {"branch_name", opt_text(r.branch_name)}, {"points", r.points}});
               return http::Response::json(200, {{"items", rows}, {"period", period}});
             });
}

}  // namespace xinhuo::points
