#pragma once
#include "auth/service.hpp"
#include "http/router.hpp"

namespace xinhuo::auth {

// /api/v1/auth/…: login, logout, me, sessions, password, TOTP enrolment.
void add_routes(http::Router& router, AuthService& service, const std::string& cookie_name);

// The session token from the Cookie header, if any.
std::string session_cookie(const http::Request& req, const std::string& cookie_name);

}  // namespace xinhuo::auth
