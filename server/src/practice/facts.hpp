#pragma once
// What the practice module lets other modules read for their dashboards: front-line assignments starting in a
// period, counted per node (the person's branch, or the sending unit) below a subtree and inside the caller's scope.
#include <map>
#include <string>

#include "core/principal.hpp"
#include "db/query.hpp"

namespace xinhuo::practice {

struct AssignmentCounts {
  long long planned = 0;    // every assignment starting in the period (the plan)
  long long completed = 0;  // completed
  long long overdue = 0;    // neither completed nor terminated, planned end before today
  long long terminated = 0;
};

inline std::map<long long, AssignmentCounts> assignments_by_node(soci::session& sql, const std::string& path,
                                                                 const Principal& caller, const std::string& from,
                                                                 const std::string& to, const std::string& today) {
  db::Query q("SELECT COALESCE(a.branch_id, a.unit_id), COUNT(*), "
              "SUM(CASE WHEN a.state = 'completed' THEN 1 ELSE 0 END), "
              "SUM(CASE WHEN a.state NOT IN ('completed', 'terminated') AND a.planned_end < ");
  q.value(today).add(" THEN 1 ELSE 0 END), SUM(CASE WHEN a.state = 'terminated' THEN 1 ELSE 0 END) "
                     "FROM practice_assignment a JOIN org_node u ON u.id = a.unit_id "
                     "LEFT JOIN org_node b ON b.id = a.branch_id WHERE a.starts_on >= ");
  q.value(from).add(" AND a.starts_on <= ").value(to);
  q.add(" AND COALESCE(b.path, u.path) LIKE ").value(path + "%");
  db::restrict_to_scope(q, caller, "u.path", "b.path", "a.unit_id", "a.branch_id", "a.person_id");
  q.add(" GROUP BY COALESCE(a.branch_id, a.unit_id)");
  std::map<long long, AssignmentCounts> out;
  q.each(sql, [&](const soci::row& r) {
    out[db::column_ll(r, 0)] = {db::column_ll(r, 1), db::column_ll(r, 2), db::column_ll(r, 3), db::column_ll(r, 4)};
  });
  return out;
}

}  // namespace xinhuo::practice
