#pragma once
#include "http/router.hpp"
#include "practice/training_service.hpp"

namespace xinhuo::practice {

void add_training_routes(http::Router& router, TrainingService& trainings, CompetitionService& competitions);

}  // namespace xinhuo::practice
