#pragma once
#include "http/router.hpp"
#include "study/group_service.hpp"

namespace xinhuo::study {

void add_group_routes(http::Router& router, GroupService& service);

}  // namespace xinhuo::study
