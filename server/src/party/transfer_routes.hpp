#pragma once
#include "http/router.hpp"
#include "party/transfer_service.hpp"

namespace xinhuo::party {

// /api/v1/party/transfers… (organisational relationship transfers: issue, confirm, cancel, list).
void add_transfer_routes(http::Router& router, TransferService& service);

}  // namespace xinhuo::party
