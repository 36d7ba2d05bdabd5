#pragma once
// What the party module lets other modules read for their rollups and dashboards: closed meetings, active
// development cases by stage (with those past a deadline) and the month's dues, counted per node (a person's branch,
// or unit when they have none) below a subtree and inside the caller's data scope.
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "core/principal.hpp"
#include "db/query.hpp"
#include "db/subtree.hpp"

namespace xinhuo::party {

struct ClosedMeeting {
  long long id = 0, node_id = 0, branch_id = 0, unit_id = 0;
  std::string meeting_type, held_on;
};

inline void each_closed_meeting(soci::session& sql, const std::function<void(const ClosedMeeting&)>& fn) {
  db::Query("SELECT id, node_id, branch_id, unit_id, meeting_type, held_on FROM party_meeting WHERE status = 'closed' "
            "ORDER BY id")
      .each(sql, [&](const soci::row& r) {
        fn({db::column_ll(r, 0), db::column_ll(r, 1), db::column_ll(r, 2), db::column_ll(r, 3), r.get<std::string>(4),
            r.get<std::string>(5)});
      });
}

// The person a development case is about (0: no such case).
inline long long development_case_person(soci::session& sql, long long case_id) {
  return db::Query("SELECT person_id FROM development_case WHERE id = ").value(case_id).count(sql);
}

namespace facts_detail {
// `narrow` (a subtree of few nodes) also names the people by their unit or branch ids, so that the read starts from
// the indexes on person instead of every row (the path test stays, and is what counts). `only` (not empty): the people
// whose unit or branch is one of these nodes (the caller keeps the rows of these nodes).
inline void below(db::Query& q, const std::string& path, const Principal& caller, bool narrow,
                  const std::vector<long long>& only) {
  if (!only.empty()) {
    q.add(" AND p.id IN (SELECT id FROM person WHERE ");
    db::in_ids(q, "unit_id", only).add(" OR ");
    db::in_ids(q, "branch_id", only).add(")");
  } else if (narrow) {
    q.add(" AND p.id IN (SELECT id FROM person WHERE unit_id IN (SELECT id FROM org_node WHERE ");
    db::subtree_range(q, "path", path).add(") OR branch_id IN (SELECT id FROM org_node WHERE ");
    db::subtree_range(q, "path", path).add("))");
  }
  q.add(" AND COALESCE(b.path, u.path) LIKE ").value(path + "%");
  db::restrict_to_scope(q, caller, "u.path", "b.path", "p.unit_id", "p.branch_id", "p.id");
}
}  // namespace facts_detail

struct DevelopmentCounts {
  std::map<int, long long> by_stage;  // stage 1–5 → active cases
  long long overdue = 0;              // active cases with a deadline before today
};

// Active development cases per node: node → counts.
inline std::map<long long, DevelopmentCounts> development_by_node(soci::session& sql, const std::string& path,
                                                                  const Principal& caller, const std::string& today,
                                                                  bool narrow = false,
                                                                  const std::vector<long long>& only = {}) {
  db::Query q("SELECT COALESCE(p.branch_id, p.unit_id), c.stage, COUNT(*), "
              "SUM(CASE WHEN c.next_due < ");
  q.value(today).add(" THEN 1 ELSE 0 END) FROM development_case c JOIN person p ON p.id = c.person_id "
                     "JOIN org_node u ON u.id = p.unit_id LEFT JOIN org_node b ON b.id = p.branch_id "
                     "WHERE c.status = 'active' AND p.status = 'active'");
  facts_detail::below(q, path, caller, narrow, only);
  q.add(" GROUP BY COALESCE(p.branch_id, p.unit_id), c.stage");
  std::map<long long, DevelopmentCounts> out;
  q.each(sql, [&](const soci::row& r) {
    auto& d = out[db::column_ll(r, 0)];
    d.by_stage[static_cast<int>(db::column_ll(r, 1))] += db::column_ll(r, 2);
    d.overdue += db::column_ll(r, 3);
  });
  return out;
}

struct DuesCounts {
  long long members = 0, paid = 0;
};

// Party members (full and probationary, active) per node and how many of them paid the dues of `month` (YYYY-MM).
inline std::map<long long, DuesCounts> dues_by_node(soci::session& sql, const std::string& path, const Principal& caller,
                                                    const std::string& month, bool narrow = false,
                                                    const std::vector<long long>& only = {}) {
  db::Query q("SELECT COALESCE(p.branch_id, p.unit_id), COUNT(*), COUNT(d.id) FROM person p "
              "JOIN org_node u ON u.id = p.unit_id LEFT JOIN org_node b ON b.id = p.branch_id "
              "LEFT JOIN dues_payment d ON d.person_id = p.id AND d.month = ");
  q.value(month).add(" WHERE p.status = 'active' AND p.party_status IN ('full', 'probationary')");
  facts_detail::below(q, path, caller, narrow, only);
  q.add(" GROUP BY COALESCE(p.branch_id, p.unit_id)");
  std::map<long long, DuesCounts> out;
  q.each(sql, [&](const soci::row& r) { out[db::column_ll(r, 0)] = {db::column_ll(r, 1), db::column_ll(r, 2)}; });
  return out;
}

}  // namespace xinhuo::party
