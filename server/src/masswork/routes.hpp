#pragma once
#include "http/router.hpp"
#include "masswork/project_service.hpp"
#include "masswork/service.hpp"

namespace xinhuo::masswork {

// Contact points, households, visits and lectures (routes.cpp); micro-projects and teams (project_routes.cpp).
void add_routes(http::Router& router, MassService& mass, ProjectService& projects);
void add_project_routes(http::Router& router, ProjectService& projects);

}  // namespace xinhuo::masswork
