#pragma once
#include "core/clock.hpp"
#include "db/database.hpp"
#include "http/router.hpp"

namespace xinhuo::app {

// GET /api/v1/me/data: the caller's own data as one JSON file. Register after every route it gathers.
void add_my_data_route(http::Router& router, db::Database& db, const Clock& clock);

}  // namespace xinhuo::app
