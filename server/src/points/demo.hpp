#pragma once
// Demo points for `seed --demo`: deterministic from the seed number.
#include <cstdint>

#include "files/service.hpp"
#include "points/service.hpp"

namespace xinhuo::points {

struct DemoPointsReport {
  long long events = 0, entries = 0, claims = 0;
};

DemoPointsReport seed_demo_points(db::Database& db, PointsService& points, files::FilesService& files, std::uint64_t seed);

}  // namespace xinhuo::points
