#pragma once
#include "http/router.hpp"
#include "study/lecture_service.hpp"

namespace xinhuo::study {

void add_lecture_routes(http::Router& router, LectureService& service);

}  // namespace xinhuo::study
