#pragma once
// Turns the session cookie into the caller's Principal and enforces each route's access rule: public routes
// are open; others need a session (401), an unrestricted one (403 until the password is changed or TOTP is
// bound), and the route's permission (403). Data scope is applied by the services in their queries.
#include "auth/service.hpp"
#include "db/database.hpp"
#include "http/middleware.hpp"

namespace xinhuo::app {

// A signed-in GET's reads (the session, the account, the handler's own) share one read transaction on SQLite.
http::Middleware session_middleware(auth::AuthService& auth, db::Database& db, std::string cookie_name);

}  // namespace xinhuo::app
