#pragma once
// Demo oversight data for `seed --demo`: fault-tolerance cases of the demo cadres in different states (one past its
// review deadline, one under investigation, one declined, one tolerated with a correction plan and published to the
// library), an accountability record, a clarification, a special inspection with findings, and the "1+X" policies —
// made through the services as the demo administrators and cadres, dated relative to today.
#include "core/clock.hpp"
#include "db/database.hpp"

namespace xinhuo::oversight {

struct DemoOversightReport {
  long long cases = 0, policies = 0, findings = 0;
};

// Does nothing without the demo accounts, or when cases exist already.
DemoOversightReport seed_demo_oversight(db::Database& db, const Clock& clock);

}  // namespace xinhuo::oversight
