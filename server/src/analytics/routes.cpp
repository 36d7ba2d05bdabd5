#include "analytics/routes.hpp"

#include "core/xlsx.hpp"

namespace xinhuo::analytics {

namespace {

Filter filter_of(http::Request& req) {
  Filter f;
  f.node_id = req.query_int("node_id", 0, 0, 2000000000);
  f.from = req.query_param("from").value_or("");
  f.to = req.query_param("to").value_or("");
  const std::string young = req.query_param("young").value_or("");
  if (!young.empty() && young != "true" && young != "false" && young != "1" && young != "0")
    throw Error::validation("young", {"只能是 true 或 false", "Must be true or false"});
  f.young_only = young == "true" || young == "1";
  return f;
}

Json threshold_json(const Threshold& t) {
  const RuleInfo* r = find_rule(t.rule);
  return {{"rule", t.rule}, {"name", r ? r->zh : t.rule}, {"name_en", r ? r->en : t.rule}, {"below", r ? r->below : true},
          {"max", r ? r->max : 100}, {"yellow", t.yellow}, {"red", t.red},
          {"updated_by", t.updated_by.empty() ? Json(nullptr) : Json(t.updated_by)}, {"updated_at", t.updated_at}};
}

}  // namespace

void add_routes(http::Router& router, AnalyticsService& service) {
  router.add({.method = "GET", .pattern = "/api/v1/analytics/dashboard", .tag = "analytics",
              .summary = "The dashboard of a node in scope (node_id, default the widest; from, to YYYY-MM-DD, default this "
                         "year; young=true: young cadres only): totals, children for the drill-down, charts and warnings",
              .permission = kPermRead},
             [&service](http::Request& req) { return http::Response::json(200, service.dashboard(req.principal, filter_of(req))); });
  router.add({.method = "GET", .pattern = "/api/v1/analytics/warnings", .tag = "analytics",
              .summary = "Red and yellow warnings of a node's children (same filters as the dashboard), each with its rule, "
                         "value, thresholds and the console link to the records behind it",
              .permission = kPermRead},
             [&service](http::Request& req) { return http::Response::json(200, service.warnings(req.principal, filter_of(req))); });
  router.add({.method = "GET", .pattern = "/api/v1/analytics/export", .tag = "analytics",
              .summary = "One chart's data as .xlsx (chart: people | children | study | meetings | development | dues | "
                         "points | assignments | evaluation | projects | cases | warnings; same filters as the dashboard); audited",
              .permission = kPermRead},
             [&service](http::Request& req) {
               std::string name;
               const std::string chart = req.query_param("chart").value_or("");
               auto res = http::Response::text(200, service.export_xlsx(req.principal, filter_of(req), chart, &name), kXlsxContentType);
               res.set_header("Content-Disposition", "attachment; filename=\"" + name + "\"");
               return res;
             });
  router.add({.method = "GET", .pattern = "/api/v1/analytics/thresholds", .tag = "analytics",
              .summary = "The warning rules with their yellow and red thresholds", .permission = kPermRead},
             [&service](http::Request& req) {
               Json items = Json::array();
               for (const auto& t : service.thresholds(req.principal)) items.push_back(threshold_json(t));
               return http::Response::json(200, {{"items", items}});
             });
  router.add({.method = "PUT", .pattern = "/api/v1/analytics/thresholds/{rule}", .tag = "analytics",
              .summary = "Set a rule's thresholds ({yellow, red}: rates 0 ≤ red < yellow ≤ 100, counts 1 ≤ yellow < red); "
                         "organisation department (scope 全部) only; audited",
              .permission = kPermRead},
             [&service](http::Request& req) {
               Json body = req.json();
               JsonFields f(body);
               const long long yellow = f.required_int("yellow", -1000000, 1000000);
               const long long red = f.required_int("red", -1000000, 1000000);
               f.finish();
               return http::Response::json(
                   200, threshold_json(service.set_threshold(req.principal, req.path_params.at("rule"), yellow, red)));
             });
}

}  // namespace xinhuo::analytics
