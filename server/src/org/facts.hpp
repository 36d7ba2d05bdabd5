#pragma once
// What the org module lets other modules read about people: a person's place, birth date and rank for their own
// rollups (the dashboards), one at a time inside a transaction or every active person in id order; and whether a
// person lies in a caller's data scope, for every module that acts on people.
#include <functional>
#include <optional>
#include <string>

#include "db/query.hpp"

namespace xinhuo::org {

struct PersonFacts {
  long long id = 0, unit_id = 0, branch_id = 0;
  std::string birth_date, rank, party_status, status;
};

namespace facts_detail {
inline constexpr const char* kColumns =
    "SELECT id, unit_id, COALESCE(branch_id, 0), birth_date, COALESCE(rank, ''), party_status, status FROM person";
inline PersonFacts from_row(const db::Row& r) { return {r.ll(0), r.ll(1), r.ll(2), r.text(3), r.text(4), r.text(5), r.text(6)}; }
}  // namespace facts_detail

inline std::optional<PersonFacts> person_facts(soci::session& sql, long long person_id) {
  std::optional<PersonFacts> out;
  db::Query(std::string(facts_detail::kColumns) + " WHERE id = ").value(person_id).rows(sql, [&](const db::Row& r) {
    out = facts_detail::from_row(r);
  });
  return out;
}

inline void each_active_person(soci::session& sql, const std::function<void(const PersonFacts&)>& fn) {
  db::Query(std::string(facts_detail::kColumns) + " WHERE status = 'active' ORDER BY id").rows(sql, [&](const db::Row& r) {
    fn(facts_detail::from_row(r));
  });
}

// Whether the person (by unit, branch, or 仅本人 the caller themselves) is in the caller's data scope. Callers answer
// 404 when not, as for a person who does not exist.
inline bool person_in_scope(soci::session& sql, const Principal& caller, long long person_id) {
  db::Query q("SELECT COUNT(*) FROM person p JOIN org_node u ON u.id = p.unit_id LEFT JOIN org_node b ON b.id = p.branch_id "
              "WHERE p.id = ");
  q.value(person_id);
  db::restrict_to_scope(q, caller, "u.path", "b.path", "p.unit_id", "p.branch_id", "p.id");
  return q.count(sql) > 0;
}

// What node_in_scope also requires of the node.
struct NodeCheck {
  bool active_only = false;  // closed nodes answer as absent (new records attach to open ones)
  bool unit_only = false;    // the node must be a unit
};

// Whether an org node lies in the caller's data scope (a granted subtree or node; 仅本人 covers no node).
inline bool node_in_scope(soci::session& sql, const Principal& caller, long long node_id, NodeCheck check = {}) {
  db::Query q("SELECT COUNT(*) FROM org_node n WHERE n.id = ");
  q.value(node_id);
  if (check.active_only) q.add(" AND n.status = 'active'");
  if (check.unit_only) q.add(" AND n.node_type = 'unit'");
  db::restrict_to_scope(q, caller, "n.path", "", "n.id", "", "");
  return q.count(sql) > 0;
}

}  // namespace xinhuo::org
