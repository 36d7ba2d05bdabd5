#pragma once
// The events the org module publishes for other modules (docs/events.md): a person placed anew in the tree (created,
// moved to another unit or branch, party status changed, removed) and a node moved under another parent. The points
// rankings follow them.
#include <optional>

#include "core/json_input.hpp"
#include "db/events.hpp"

namespace xinhuo::org {

inline constexpr const char* kEventPersonPlaced = "org.person_placed";
inline constexpr const char* kEventNodeMoved = "org.node_moved";
// A person's rank or birth date changed (the dashboards' counts by rank and age follow it); no payload.
inline constexpr const char* kEventPersonChanged = "org.person_changed";

// Where a person sits, as the events carry it.
struct PersonPlace {
  long long unit_id = 0, branch_id = 0;
  std::string party_status, status = "active";
};

// `before` absent: the person was created; `after` absent: removed.
inline db::Event person_placed(long long person_id, const std::optional<PersonPlace>& before,
                               const std::optional<PersonPlace>& after, const std::string& at) {
  auto json = [](const std::optional<PersonPlace>& p) -> Json {
    if (!p) return nullptr;
    return {{"unit_id", p->unit_id}, {"branch_id", p->branch_id}, {"party_status", p->party_status}, {"status", p->status}};
  };
  return {.type = kEventPersonPlaced, .subject_id = person_id, .person_id = person_id, .occurred_at = at,
          .payload = {{"before", json(before)}, {"after", json(after)}}};
}

// The node's path was `from_path` and is now `to_path` (its subtree's paths moved with it).
inline db::Event node_moved(long long node_id, const std::string& from_path, const std::string& to_path, const std::string& at) {
  return {.type = kEventNodeMoved, .subject_id = node_id, .occurred_at = at,
          .payload = {{"from_path", from_path}, {"to_path", to_path}}};
}

}  // namespace xinhuo::org
