#include "auth/admin_routes.hpp"

#include <climits>

namespace xinhuo::auth {

namespace {

Json account_json(const AccountRow& row) {
  const Account& a = row.account;
  Json grants = Json::array();
  for (const auto& [id, g] : row.grants)
    grants.push_back({{"id", id}, {"role", g.role_code}, {"role_name", g.role_name}, {"org_node_id", g.org_node_id ? Json(g.org_node_id) : Json(nullptr)},
                      {"org_node_name", g.org_node_name}, {"scope", g.scope}, {"org_node_ids", g.custom_node_ids}});
  auto opt = [](const std::string& v) { return v.empty() ? Json(nullptr) : Json(v); };
  return {{"id", a.id}, {"username", a.username}, {"display_name", a.display_name},
          {"person_id", a.person_id ? Json(a.person_id) : Json(nullptr)}, {"status", a.status},
          {"locked_until", opt(a.locked_until)}, {"failed_logins", a.failed_logins}, {"totp_enabled", a.totp_enabled},
          {"must_change_password", a.must_change_password}, {"demo", a.is_demo}, {"grants", grants},
          {"created_at", row.created_at}, {"last_login_at", opt(row.last_login_at)}};
}

NewGrant grant_from(JsonFields& f) {
  NewGrant g;
  g.role = f.required_string("role", 40);
  g.scope = f.required_string("scope", 10);
  g.org_node_id = f.optional_int("org_node_id", 1, LLONG_MAX).value_or(0);
  g.node_ids = f.optional_id_list("org_node_ids", 100);
  return g;
}

}  // namespace

void add_admin_routes(http::Router& router, AdminService& service) {
  router.add({.method = "GET", .pattern = "/api/v1/accounts", .tag = "accounts",
              .summary = "Accounts with their role grants (search by username or name; state active / locked / disabled; "
                         "role code)",
              .permission = kPermAccountRead},
             [&service](http::Request& req) {
               const int page = req.query_int("page", 1, 1, 1000000), size = req.query_int("page_size", 20, 1, 200);
               AdminStore::AccountFilter filter;
               filter.search = req.query_param("search").value_or("");
               filter.state = req.query_param("state").value_or("");
               if (!filter.state.empty() && filter.state != "active" && filter.state != "locked" && filter.state != "disabled")
                 throw Error::validation("state", {"状态应为 active、locked 或 disabled", "state is active, locked or disabled"});
               filter.role = req.query_param("role").value_or("");
               if (filter.role.size() > 40) throw Error::validation("role", {"角色代码过长", "The role code is too long"});
               long long total = 0;
               Json items = Json::array();
               for (const auto& a : service.accounts(req.principal, filter, page, size, &total))
                 items.push_back(account_json(a));
               return http::Response::json(200, {{"items", items}, {"total", total}, {"page", page}, {"page_size", size}});
             });

  router.add({.method = "GET", .pattern = "/api/v1/accounts/{id}", .tag = "accounts", .summary = "One account",
              .permission = kPermAccountRead},
             [&service](http::Request& req) { return http::Response::json(200, account_json(service.account(req.principal, req.id_param("id")))); });

  router.add({.method = "GET", .pattern = "/api/v1/roles", .tag = "accounts", .summary = "Roles and their permissions",
              .permission = kPermAccountRead},
             [&service](http::Request& req) {
               Json items = Json::array();
               for (const auto& r : service.roles(req.principal))
                 items.push_back({{"id", r.id}, {"code", r.code}, {"name", r.name}, {"admin_kind", r.admin_kind.empty() ? Json(nullptr) : Json(r.admin_kind)},
                                  {"builtin", r.builtin}, {"permissions", r.permissions}});
               return http::Response::json(200, {{"items", items}});
             });

  router.add({.method = "POST", .pattern = "/api/v1/roles", .tag = "accounts",
              .summary = "Create a custom role from business permissions (security administrator; audited)",
              .permission = kPermRoleManage, .creates = true},
             [&service](http::Request& req) {
               Json body = req.json();
               JsonFields f(body);
               const std::string code = f.required_string("code", 40);
               const std::string name = f.required_string("name", 30);
               std::vector<std::string> permissions;
               for (const auto& p : f.required_array("permissions")) {
                 if (!p.is_string() || p.get<std::string>().size() > 40)
                   throw Error::validation("permissions", {"权限应为文字列表", "permissions is a list of names"});
                 permissions.push_back(p.get<std::string>());
               }
               f.finish();
               const auto r = service.create_role(req.principal, code, name, permissions);
               return http::Response::json(201, {{"id", r.id}, {"code", r.code}, {"name", r.name}, {"admin_kind", nullptr},
                                                 {"builtin", false}, {"permissions", r.permissions}});
             });

  router.add({.method = "POST", .pattern = "/api/v1/accounts", .tag = "accounts",
              .summary = "Create an account with one role grant; answers a one-time password (shown once)",
              .permission = kPermAccountManage, .creates = true},
             [&service](http::Request& req) {
               Json body = req.json();
               JsonFields f(body);
               NewAccount a;
               a.username = f.required_string("username", 32);
               a.display_name = f.required_string("display_name", 50);
               a.person_id = f.optional_int("person_id", 1, LLONG_MAX).value_or(0);
               JsonFields g(f.required_object("grant"), "grant.");
               const NewGrant grant = grant_from(g);
               g.finish();
               f.finish();
               auto [row, password] = service.create(req.principal, a, grant);
               Json out = account_json(row);
               out["one_time_password"] = password;
               return http::Response::json(201, out);
             });

  router.add({.method = "POST", .pattern = "/api/v1/accounts/{id}/grants", .tag = "accounts",
              .summary = "Grant a role on an org node with a data scope (三员分立 enforced)", .permission = kPermRoleManage},
             [&service](http::Request& req) {
               Json body = req.json();
               JsonFields f(body);
               const NewGrant g = grant_from(f);
               f.finish();
               return http::Response::json(200, account_json(service.grant(req.principal, req.id_param("id"), g)));
             });

  router.add({.method = "DELETE", .pattern = "/api/v1/accounts/{id}/grants/{grant_id}", .tag = "accounts",
              .summary = "Revoke a role grant", .permission = kPermRoleManage},
             [&service](http::Request& req) {
               return http::Response::json(200, account_json(service.revoke(req.principal, req.id_param("id"), req.id_param("grant_id"))));
             });

  router.add({.method = "POST", .pattern = "/api/v1/accounts/{id}/unlock", .tag = "accounts",
              .summary = "Unlock an account locked by failed sign-ins", .permission = kPermAccountUnlock},
             [&service](http::Request& req) { return http::Response::json(200, account_json(service.unlock(req.principal, req.id_param("id")))); });

  router.add({.method = "POST", .pattern = "/api/v1/accounts/{id}/disable", .tag = "accounts",
              .summary = "Disable an account and end its sessions", .permission = kPermAccountManage},
             [&service](http::Request& req) { return http::Response::json(200, account_json(service.set_enabled(req.principal, req.id_param("id"), false))); });

  router.add({.method = "POST", .pattern = "/api/v1/accounts/{id}/enable", .tag = "accounts",
              .summary = "Enable a disabled account", .permission = kPermAccountManage},
             [&service](http::Request& req) { return http::Response::json(200, account_json(service.set_enabled(req.principal, req.id_param("id"), true))); });

  router.add({.method = "POST", .pattern = "/api/v1/accounts/{id}/reset-password", .tag = "accounts",
              .summary = "Reset the password to a one-time password (must be changed; sessions end)", .permission = kPermAccountManage},
             [&service](http::Request& req) {
               auto [row, password] = service.reset_password(req.principal, req.id_param("id"));
               Json out = account_json(row);
               out["one_time_password"] = password;
               return http::Response::json(200, out);
             });
}

}  // namespace xinhuo::auth
