#pragma once
#include "http/router.hpp"
#include "record/service.hpp"

namespace xinhuo::record {

void add_routes(http::Router& router, RecordService& service);

}  // namespace xinhuo::record
