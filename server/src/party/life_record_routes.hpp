#pragma once
#include "http/router.hpp"
#include "party/life_record_service.hpp"

namespace xinhuo::party {

// /api/v1/party/appraisals…, /api/v1/party/rewards-punishments, /api/v1/party/people/{id}/timeline and my timeline.
void add_life_record_routes(http::Router& router, LifeRecordService& service);

}  // namespace xinhuo::party
