#pragma once
#include "http/router.hpp"
#include "system/service.hpp"

namespace xinhuo::system {

// /healthz, /readyz and /api/v1/system/info: public, no personal data.
void add_routes(http::Router& router, SystemService& service);

}  // namespace xinhuo::system
