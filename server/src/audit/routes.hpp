#pragma once
#include "audit/service.hpp"
#include "http/router.hpp"

namespace xinhuo::audit {

// GET /api/v1/audit/logs: the audit administrator's view (filters, paging).
void add_routes(http::Router& router, AuditService& service);

}  // namespace xinhuo::audit
