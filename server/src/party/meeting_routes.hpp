#pragma once
#include "http/router.hpp"
#include "party/meeting_service.hpp"

namespace xinhuo::party {

void add_meeting_routes(http::Router& router, MeetingService& service);

}  // namespace xinhuo::party
