#pragma once
#include "http/router.hpp"
#include "record/archive_service.hpp"

namespace xinhuo::record {

void add_archive_routes(http::Router& router, ArchiveService& service);

}  // namespace xinhuo::record
