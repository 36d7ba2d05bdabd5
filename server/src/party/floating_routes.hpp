#pragma once
#include "http/router.hpp"
#include "party/floating_service.hpp"

namespace xinhuo::party {

// /api/v1/party/floating… (floating members: mark, mark returned, list).
void add_floating_routes(http::Router& router, FloatingService& service);

}  // namespace xinhuo::party
