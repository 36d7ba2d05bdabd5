#pragma once
// Demo practice for `seed --demo`: a handful of assignments of the demo unit (市教育局) in every state — cadre01's
// completed ones earn their points — a few in other units, the year's plans of the city and the unit, a closed
// training class with results, an open one, and a published competition with a tie. Recorded through the services
// as the first account, with dates relative to today, so the pages are not empty on a fresh database.
#include "core/clock.hpp"
#include "core/field_cipher.hpp"
#include "db/database.hpp"

namespace xinhuo::practice {

struct DemoPracticeReport {
  long long assignments = 0, trainings = 0, competitions = 0;
};

// Does nothing without the demo unit and an account, or when assignments exist already.
DemoPracticeReport seed_demo_practice(db::Database& db, const Clock& clock, const FieldCipher& cipher);

}  // namespace xinhuo::practice
