#pragma once
#include "auth/admin_service.hpp"
#include "http/router.hpp"

namespace xinhuo::auth {

// /api/v1/accounts… and /api/v1/roles: the security administrator's pages.
void add_admin_routes(http::Router& router, AdminService& service);

}  // namespace xinhuo::auth
