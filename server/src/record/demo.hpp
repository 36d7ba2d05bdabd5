#pragma once
// Demo record for `seed --demo`: entries about the demo cadres (cadre01, cadre02) in every state — recorded by the
// unit, reported by the cadre and confirmed, pending, rejected, responded to, contested, a contest upheld, one
// withdrawn — and a leader's comment with an earlier version, recorded through the service as the demo unit
// administrator and the cadres themselves, dated relative to today.
#include "core/clock.hpp"
#include "db/database.hpp"

namespace xinhuo::record {

struct DemoRecordReport {
  long long entries = 0, comments = 0;
};

// Does nothing without the demo accounts, or when entries other than the modules' exist already.
DemoRecordReport seed_demo_record(db::Database& db, const Clock& clock);

}  // namespace xinhuo::record
