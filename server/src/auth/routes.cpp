#include "auth/routes.hpp"

#include "auth/totp.hpp"

namespace xinhuo::auth {

namespace {

Json grant_json(const Grant& g) {
  return {{"code", g.role_code}, {"name", g.role_name}, {"org_node_id", g.org_node_id},
          {"org_node_name", g.org_node_name}, {"scope", g.scope}};
}

Json me_json(const Me& m) {
  Json roles = Json::array();
  for (const auto& g : m.grants) roles.push_back(grant_json(g));
  return {{"id", m.account.id},
          {"username", m.account.username},
          {"display_name", m.account.display_name},
          {"person_id", m.account.person_id ? Json(m.account.person_id) : Json(nullptr)},
          {"roles", roles},
          {"permissions", m.permissions},
          {"must_change_password", m.account.must_change_password},
          {"password_expires_at", m.password_expires_at.empty() ? Json(nullptr) : Json(m.password_expires_at)},
          {"totp_enabled", m.account.totp_enabled},
          {"demo", m.account.is_demo}};
}

std::string cookie_header(const std::string& name, const std::string& value, bool secure, bool clear) {
  std::string c = name + "=" + value + "; Path=/; HttpOnly; SameSite=Strict";
  if (secure) c += "; Secure";
  if (clear) c += "; Max-Age=0";
  return c;
}

}  // namespace

std::string session_cookie(const http::Request& req, const std::string& cookie_name) {
  auto header = req.header("Cookie");
  if (!header) return {};
  std::string_view rest = *header;
  while (!rest.empty()) {
    auto semi = rest.find(';');
    std::string_view pair = rest.substr(0, semi);
    while (!pair.empty() && pair.front() == ' ') pair.remove_prefix(1);
    auto eq = pair.find('=');
    if (eq != std::string_view::npos && pair.substr(0, eq) == cookie_name) return std::string(pair.substr(eq + 1));
    if (semi == std::string_view::npos) break;
    rest.remove_prefix(semi + 1);
  }
  return {};
}

void add_routes(http::Router& router, AuthService& service, const std::string& cookie_name) {
  const bool secure = service.policy().secure_cookies;
  const Json me_schema = {{"type", "object"},
                          {"properties",
                           {{"id", {{"type", "integer"}}}, {"username", {{"type", "string"}}},
                            {"display_name", {{"type", "string"}}}, {"roles", {{"type", "array"}}},
                            {"permissions", {{"type", "array"}}}, {"must_change_password", {{"type", "boolean"}}}}}};

  router.add({.method = "POST", .pattern = "/api/v1/auth/login", .tag = "auth",
              .summary = "Sign in with username, password and (administrators) a TOTP code; sets the session cookie",
              .public_route = true, .max_body = 4096,
              .request_schema = {{"type", "object"},
                                 {"required", {"username", "password"}},
                                 {"properties", {{"username", {{"type", "string"}}}, {"password", {{"type", "string"}}},
                                                 {"totp", {{"type", "string"}}}}}},
              .response_schema = me_schema},
             [&service, cookie_name, secure](http::Request& req) {
               Json body = req.json();
               JsonFields f(body);
               LoginRequest login;
               login.username = f.required_string("username", 64);
               login.password = f.required_string("password", 128);
               login.totp = f.optional_string("totp", 6);
               f.finish();
               login.user_agent = req.header("User-Agent").value_or("");
               auto result = service.login(req.principal, login);
               auto res = http::Response::json(200, me_json(result.me));
               res.headers.emplace_back("Set-Cookie", cookie_header(cookie_name, result.token, secure, false));
               return res;
             });

  router.add({.method = "POST", .pattern = "/api/v1/auth/logout", .tag = "auth", .summary = "Sign out: ends this session",
              .allow_restricted = true},
             [&service, cookie_name, secure](http::Request& req) {
               service.logout(req.principal);
               auto res = http::Response::no_content();
               res.headers.emplace_back("Set-Cookie", cookie_header(cookie_name, "", secure, true));
               return res;
             });

  router.add({.method = "GET", .pattern = "/api/v1/auth/me", .tag = "auth",
              .summary = "The signed-in account: roles, permissions, password state", .allow_restricted = true,
              .response_schema = me_schema},
             [&service](http::Request& req) { return http::Response::json(200, me_json(service.me(req.principal))); });

  router.add({.method = "GET", .pattern = "/api/v1/auth/sessions", .tag = "auth",
              .summary = "The caller's open sessions", .allow_restricted = true},
             [&service](http::Request& req) {
               Json items = Json::array();
               for (const auto& s : service.sessions(req.principal))
                 items.push_back({{"id", s.id}, {"created_at", s.created_at}, {"last_seen_at", s.last_seen_at},
                                  {"ip", s.ip}, {"user_agent", s.user_agent}, {"current", s.id == req.principal.session_id}});
               return http::Response::json(200, {{"items", items}});
             });

  router.add({.method = "DELETE", .pattern = "/api/v1/auth/sessions/{id}", .tag = "auth",
              .summary = "End one of the caller's sessions", .allow_restricted = true},
             [&service](http::Request& req) {
               service.end_session(req.principal, req.id_param("id"));
               return http::Response::no_content();
             });

  router.add({.method = "POST", .pattern = "/api/v1/auth/password", .tag = "auth",
              .summary = "Change the caller's password (policy and history apply; other sessions end)",
              .allow_restricted = true, .max_body = 4096,
              .request_schema = {{"type", "object"},
                                 {"required", {"current_password", "new_password"}},
                                 {"properties", {{"current_password", {{"type", "string"}}}, {"new_password", {{"type", "string"}}}}}}},
             [&service](http::Request& req) {
               Json body = req.json();
               JsonFields f(body);
               auto current = f.required_string("current_password", 128);
               auto next = f.required_string("new_password", 128);
               f.finish();
               service.change_password(req.principal, current, next);
               return http::Response::no_content();
             });

  router.add({.method = "POST", .pattern = "/api/v1/auth/totp/enrol", .tag = "auth",
              .summary = "Start binding an authenticator app: returns the secret and the otpauth URI for the QR code",
              .allow_restricted = true},
             [&service](http::Request& req) {
               const std::string secret = service.begin_totp(req.principal);
               return http::Response::json(200, {{"secret", secret},
                                                 {"otpauth_uri", otpauth_uri("薪火", req.principal.username, secret)}});
             });

  router.add({.method = "POST", .pattern = "/api/v1/auth/totp/confirm", .tag = "auth",
              .summary = "Finish binding the authenticator app with a current code", .allow_restricted = true,
              .max_body = 1024},
             [&service](http::Request& req) {
               Json body = req.json();
               JsonFields f(body);
               auto code = f.required_string("code", 6);
               f.finish();
               service.confirm_totp(req.principal, code);
               return http::Response::no_content();
             });
}

}  // namespace xinhuo::auth
