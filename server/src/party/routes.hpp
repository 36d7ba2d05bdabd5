#pragma once
#include "http/router.hpp"
#include "party/service.hpp"

namespace xinhuo::party {

// /api/v1/party/… (development cases, steps, reports, warnings, pipeline) and /api/v1/me/party… (a person's own).
void add_routes(http::Router& router, PartyService& service);

}  // namespace xinhuo::party
