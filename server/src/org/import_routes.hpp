#pragma once
#include "http/router.hpp"
#include "org/import_service.hpp"

namespace xinhuo::org {

// /api/v1/people/imports…: template, preview, commit, undo.
void add_import_routes(http::Router& router, ImportService& service);

}  // namespace xinhuo::org
