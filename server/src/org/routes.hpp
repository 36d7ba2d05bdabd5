#pragma once
#include "http/router.hpp"
#include "org/service.hpp"

namespace xinhuo::org {

// /api/v1/org/nodes… (the tree) and /api/v1/people… (the roster).
void add_routes(http::Router& router, OrgService& service);

}  // namespace xinhuo::org
