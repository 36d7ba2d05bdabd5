#pragma once
#include "http/router.hpp"
#include "oversight/case_service.hpp"
#include "oversight/policy_service.hpp"
#include "oversight/service.hpp"

namespace xinhuo::oversight {

void add_case_routes(http::Router& router, CaseService& cases);
void add_routes(http::Router& router, CaseService& cases, OversightService& oversight, PolicyService& policies);

}  // namespace xinhuo::oversight
