#pragma once
#include "http/router.hpp"
#include "party/dues_service.hpp"

namespace xinhuo::party {

// /api/v1/party/dues… (bases, payments, bank-statement rows, the members' list) and /api/v1/me/party/dues.
void add_dues_routes(http::Router& router, DuesService& service);

}  // namespace xinhuo::party
