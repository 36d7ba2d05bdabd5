#pragma once
#include "http/router.hpp"
#include "points/service.hpp"

namespace xinhuo::points {

// /api/v1/points/… (catalog, approval queue, records, balances, rankings) and /api/v1/me/points… (a member's own).
void add_routes(http::Router& router, PointsService& service);

}  // namespace xinhuo::points
