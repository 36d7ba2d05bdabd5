#pragma once
// The default catalog seeded into an empty database, and the event types the ledger listens to.
#include <string>
#include <vector>

#include "points/model.hpp"

namespace xinhuo::points {

// The rule whose amount the recording manager sets (人工调整).
inline constexpr const char* kAdjustmentRule = "adjustment";

struct DefaultRule {
  Rule rule;
  std::string event_type;  // "" when the rule is not earned from an event
};

const std::vector<Category>& default_categories();
const std::vector<DefaultRule>& default_rules();
// The event types other modules publish and this module turns into points (docs/events.md).
const std::vector<std::string>& event_types();

}  // namespace xinhuo::points
