#include "app/session_middleware.hpp"

#include <optional>

#include "auth/routes.hpp"

namespace xinhuo::app {

http::Middleware session_middleware(auth::AuthService& auth, db::Database& db, std::string cookie_name) {
  return [&auth, &db, cookie_name = std::move(cookie_name)](http::Request& req, const http::Next& next) {
    if (req.route->ignores_session) return next(req);
    const std::string token = auth::session_cookie(req, cookie_name);
    // A signed-in GET reads at least twice (the session, then the handler's rows): worth one read transaction. An
    // anonymous one usually reads once, and BEGIN and COMMIT would cost more than they save.
    std::optional<db::Database::ReadScope> reads;
    if (!token.empty() && (req.method == "GET" || req.method == "HEAD")) reads.emplace(db);
    bool expired = false;
    if (!token.empty()) {
      if (auto principal = auth.authenticate(token, req.remote_ip, req.request_id)) req.principal = std::move(*principal);
      else expired = true;
    }
    const http::RouteSpec& route = *req.route;
    if (!route.public_route) {
      if (!req.principal.authenticated()) {
        if (expired) throw Error(401, "session_expired", {"登录已过期，请重新登录", "Your session has ended; please sign in again"});
        throw Error::unauthenticated();
      }
      if (req.principal.must_change_password && !route.allow_restricted)
        throw Error::forbidden("password_change_required",
                               {"请先修改密码（或绑定动态口令）后再继续", "Change your password (or bind your authenticator) first"});
      if (!route.permission.empty() && !req.principal.can(route.permission))
        throw Error::forbidden("forbidden", {"没有执行此操作的权限", "You are not allowed to do this"});
    }
    http::Response response = next(req);
    if (reads) reads->end();
    return response;
  };
}

}  // namespace xinhuo::app
