#pragma once
// Set-up for the growth-archive benchmark (bench/archive): for `people` young party members of one unit, `years`
// years of activity written through the modules' own services with the clock set to each activity's day — study
// sessions twice a month with attendance, a training class, a competition and an annual assessment each year, a
// front-line assignment every other year, record entries and a leader's comment each year, and the points that
// the events earn. Benchmarks only.
#include <string>
#include <vector>

#include "core/field_cipher.hpp"
#include "db/database.hpp"

namespace xinhuo::app {

struct ArchiveBench {
  long long unit_id = 0;
  std::vector<long long> people;
  long long sessions = 0, entries = 0, trainings = 0, competitions = 0, assignments = 0, campaigns = 0;
};

ArchiveBench prepare_archive_bench(db::Database& db, int people, int years, const FieldCipher& cipher);

}  // namespace xinhuo::app
