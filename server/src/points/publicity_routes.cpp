#include "points/publicity_routes.hpp"

#include <climits>

#include "points/model.hpp"

namespace xinhuo::points {

namespace {

Json appeal_json(const Appeal& a) {
  auto opt = [](const std::string& v) { return v.empty() ? Json(nullptr) : Json(v); };
  return {{"id", a.id}, {"publicity_id", a.publicity_id}, {"publicity_title", a.publicity_title}, {"person_id", a.person_id},
          {"person_name", a.person_name}, {"reason", a.reason}, {"status", a.status}, {"created_at", a.created_at},
          {"handled_by", opt(a.handled_by)}, {"handled_at", opt(a.handled_at)}, {"result", opt(a.result)}};
}

Json publicity_json(const Publicity& p, bool with_rows) {
  auto opt = [](const std::string& v) { return v.empty() ? Json(nullptr) : Json(v); };
  Json j = {{"id", p.id}, {"node_id", p.node_id}, {"node_name", p.node_name}, {"period", p.period}, {"title", p.title},
            {"starts_on", p.starts_on}, {"ends_on", p.ends_on}, {"status", p.status}, {"people", p.snapshot.size()},
            {"published_by", p.published_by}, {"published_at", p.published_at}, {"closed_by", opt(p.closed_by)},
            {"closed_at", opt(p.closed_at)}, {"closing_note", opt(p.closing_note)}, {"open_appeals", p.open_appeals}};
  if (with_rows) j["rows"] = p.snapshot;
  return j;
}

std::string reason_from(http::Request& req, const char* field) {
  Json body = req.json();
  JsonFields f(body);
  std::string text = f.required_string(field, 1000);
  f.finish();
  return text;
}

}  // namespace

void add_publicity_routes(http::Router& router, PublicityService& service) {
  router.add({.method = "POST", .pattern = "/api/v1/points/publicities", .tag = "points",
              .summary = "Publish a period's ranking of a unit or branch for N days (公示)", .permission = kPermApprove,
              .creates = true},
             [&service](http::Request& req) {
               Json body = req.json();
               JsonFields f(body);
               PublishInput in;
               in.node_id = f.required_int("node_id", 1, LLONG_MAX);
               in.period = f.required_string("period", 7);
               in.days = static_cast<int>(f.optional_int("days", 1, 30).value_or(7));
               in.title = f.optional_string("title", 100).value_or("");
               f.finish();
               return http::Response::json(201, publicity_json(service.publish(req.principal, in), true));
             });
  router.add({.method = "GET", .pattern = "/api/v1/points/publicities", .tag = "points",
              .summary = "Publicities of organisations in scope (node_id to choose one)", .permission = kPermRead},
             [&service](http::Request& req) {
               Json items = Json::array();
               for (const auto& p : service.list(req.principal, req.query_int("node_id", 0, 0, 2000000000)))
                 items.push_back(publicity_json(p, false));
               return http::Response::json(200, {{"items", items}});
             });
  router.add({.method = "GET", .pattern = "/api/v1/points/publicities/{id}", .tag = "points",
              .summary = "A publicity with its published list and appeals", .permission = kPermRead},
             [&service](http::Request& req) {
               auto [p, appeals] = service.detail(req.principal, req.id_param("id"));
               Json j = publicity_json(p, true);
               j["appeals"] = Json::array();
               for (const auto& a : appeals) j["appeals"].push_back(appeal_json(a));
               return http::Response::json(200, j);
             });
  router.add({.method = "POST", .pattern = "/api/v1/points/publicities/{id}/close", .tag = "points",
              .summary = "Close a publicity (every appeal handled first); the closing is recorded", .permission = kPermApprove},
             [&service](http::Request& req) {
               return http::Response::json(200, publicity_json(service.close(req.principal, req.id_param("id"), reason_from(req, "note")), false));
             });
  router.add({.method = "POST", .pattern = "/api/v1/points/appeals/{id}/handle", .tag = "points",
              .summary = "Answer an appeal in writing: decision upheld or dismissed, result", .permission = kPermApprove},
             [&service](http::Request& req) {
               Json body = req.json();
               JsonFields f(body);
               const std::string decision = f.required_string("decision", 20);
               const std::string result = f.required_string("result", 1000);
               f.finish();
               return http::Response::json(200, appeal_json(service.handle_appeal(req.principal, req.id_param("id"), decision, result)));
             });
  router.add({.method = "GET", .pattern = "/api/v1/me/points/publicities", .tag = "points",
              .summary = "Publicities of my unit and branch, with their lists"},
             [&service](http::Request& req) {
               Json items = Json::array();
               for (const auto& p : service.mine(req.principal)) items.push_back(publicity_json(p, true));
               return http::Response::json(200, {{"items", items}});
             });
  router.add({.method = "POST", .pattern = "/api/v1/me/points/publicities/{id}/appeals", .tag = "points",
              .summary = "Appeal during an open publicity", .creates = true},
             [&service](http::Request& req) {
               return http::Response::json(201, appeal_json(service.appeal(req.principal, req.id_param("id"), reason_from(req, "reason"))));
             });
  router.add({.method = "GET", .pattern = "/api/v1/me/points/appeals", .tag = "points", .summary = "My appeals and their results"},
             [&service](http::Request& req) {
               Json items = Json::array();
               for (const auto& a : service.my_appeals(req.principal)) items.push_back(appeal_json(a));
               return http::Response::json(200, {{"items", items}});
             });
}

}  // namespace xinhuo::points
