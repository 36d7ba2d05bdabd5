#pragma once
#include "analytics/service.hpp"
#include "http/router.hpp"

namespace xinhuo::analytics {

void add_routes(http::Router& router, AnalyticsService& service);

}  // namespace xinhuo::analytics
