#pragma once
#include "evaluation/survey_service.hpp"
#include "http/router.hpp"

namespace xinhuo::evaluation::survey {

void add_routes(http::Router& router, SurveyService& service);

}  // namespace xinhuo::evaluation::survey
