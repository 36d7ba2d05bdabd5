#pragma once
#include "evaluation/campaign_service.hpp"
#include "http/router.hpp"

namespace xinhuo::evaluation {

void add_campaign_routes(http::Router& router, CampaignService& service);

}  // namespace xinhuo::evaluation
