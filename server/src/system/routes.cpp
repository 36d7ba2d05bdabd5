#include "system/routes.hpp"

namespace xinhuo::system {

void add_routes(http::Router& router, SystemService& service) {
  router.add({.method = "GET", .pattern = "/healthz", .tag = "system",
              .summary = "Liveness: the process answers", .public_route = true, .ignores_session = true, .probe = true,
              .response_schema = {{"type", "object"}, {"properties", {{"status", {{"type", "string"}}}}}}},
             [](http::Request&) { return http::Response::json_text(200, R"({"status":"ok"})"); });

  router.add({.method = "GET", .pattern = "/readyz", .tag = "system",
              .summary = "Readiness: the database answers", .public_route = true},
             [&service](http::Request& req) {
               if (service.ready()) return http::Response::json(200, {{"status", "ready"}});
               return http::Response::error(Error::unavailable("database_unavailable", {"数据库不可用", "Database unavailable"}), req);
             });

  router.add({.method = "GET", .pattern = "/api/v1/system/info", .tag = "system",
              .summary = "Name, version, database and schema version of this server", .public_route = true,
              .response_schema = {{"type", "object"},
                                  {"properties",
                                   {{"name", {{"type", "string"}}}, {"version", {{"type", "string"}}},
                                    {"database", {{"type", "string"}, {"enum", {"sqlite", "postgresql"}}}},
                                    {"schema_version", {{"type", "integer"}}}, {"demo", {{"type", "boolean"}}},
                                    {"time", {{"type", "string"}, {"format", "date-time"}}}}}}},
             [&service](http::Request&) {
               const SystemInfo i = service.info();
               return http::Response::json(200, {{"name", i.name}, {"version", i.version}, {"database", i.database},
                                                 {"schema_version", i.schema_version}, {"demo", i.demo}, {"time", i.time}});
             });
}

}  // namespace xinhuo::system
