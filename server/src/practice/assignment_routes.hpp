#pragma once
#include "http/router.hpp"
#include "practice/assignment_service.hpp"

namespace xinhuo::practice {

void add_assignment_routes(http::Router& router, AssignmentService& service);

}  // namespace xinhuo::practice
