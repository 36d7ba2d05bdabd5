#pragma once
#include "files/service.hpp"
#include "http/router.hpp"

namespace xinhuo::files {

// POST /api/v1/files (the image as the body) and GET /api/v1/files/{id}.
void add_routes(http::Router& router, FilesService& service);

}  // namespace xinhuo::files
