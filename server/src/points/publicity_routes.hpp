#pragma once
#include "http/router.hpp"
#include "points/publicity_service.hpp"

namespace xinhuo::points {

// /api/v1/points/publicities… and /api/v1/points/appeals… (managers), /api/v1/me/points/publicities… (members).
void add_publicity_routes(http::Router& router, PublicityService& service);

}  // namespace xinhuo::points
