#pragma once
#include "http/router.hpp"
#include "study/course_service.hpp"

namespace xinhuo::study {

void add_course_routes(http::Router& router, CourseService& service);

}  // namespace xinhuo::study
