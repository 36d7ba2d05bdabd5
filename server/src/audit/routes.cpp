#include "audit/routes.hpp"

namespace xinhuo::audit {

void add_routes(http::Router& router, AuditService& service) {
  router.add({.method = "GET", .pattern = "/api/v1/audit/logs", .tag = "audit",
              .summary = "Audit log rows, newest first (filters: from, to, username, action prefix, result)",
              .permission = kPermRead},
             [&service](http::Request& req) {
               AuditFilter f;
               f.from = req.query_param("from").value_or("");
               f.to = req.query_param("to").value_or("");
               f.username = req.query_param("username").value_or("");
               f.action = req.query_param("action").value_or("");
               f.result = req.query_param("result").value_or("");
               if (!f.result.empty() && f.result != "success" && f.result != "failure" && f.result != "denied")
                 throw Error::validation("result", {"结果只能是 success、failure 或 denied", "result must be success, failure or denied"});
               f.page = req.query_int("page", 1, 1, 100000);
               f.page_size = req.query_int("page_size", 50, 1, 500);
               long long total = 0;
               auto rows = service.list(req.principal, f, &total);
               Json items = Json::array();
               for (const auto& r : rows)
                 items.push_back({{"id", r.id}, {"at", r.at}, {"account_id", r.account_id}, {"username", r.username},
                                  {"action", r.action}, {"target_type", r.target_type}, {"target_id", r.target_id},
                                  {"result", r.result}, {"ip", r.ip}, {"request_id", r.request_id},
                                  {"detail", Json::parse(r.detail, nullptr, false)}});
               return http::Response::json(200, {{"items", items}, {"total", total}, {"page", f.page}, {"page_size", f.page_size}});
             });
}

}  // namespace xinhuo::audit
