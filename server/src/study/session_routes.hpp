#pragma once
#include "http/router.hpp"
#include "study/session_service.hpp"

namespace xinhuo::study {

void add_session_routes(http::Router& router, SessionService& service);

}  // namespace xinhuo::study
