#pragma once
#include "http/router.hpp"
#include "study/reading_service.hpp"

namespace xinhuo::study {

void add_reading_routes(http::Router& router, ReadingService& service);

}  // namespace xinhuo::study
