#pragma once
// What the evaluation module lets the dashboards read: the grades of annual assessments published in a period,
// counted per node (the person's branch, or unit when they have none) below a subtree and inside the caller's scope.
#include <map>
#include <string>

#include "core/principal.hpp"
#include "db/query.hpp"

namespace xinhuo::evaluation {

// node → grade (excellent | competent | basically_competent | incompetent) → people graded.
inline std::map<long long, std::map<std::string, long long>> grades_by_node(soci::session& sql, const std::string& path,
                                                                            const Principal& caller, const std::string& from,
                                                                            const std::string& to) {
  db::Query q("SELECT COALESCE(p.branch_id, p.unit_id), o.grade, COUNT(*) FROM evaluation_outcome o "
              "JOIN person p ON p.id = o.person_id JOIN org_node u ON u.id = p.unit_id LEFT JOIN org_node b ON b.id = p.branch_id "
              "WHERE o.kind = 'annual' AND o.grade IS NOT NULL AND o.published_on >= ");
  q.value(from).add(" AND o.published_on <= ").value(to);
  q.add(" AND COALESCE(b.path, u.path) LIKE ").value(path + "%");
  db::restrict_to_scope(q, caller, "u.path", "b.path", "p.unit_id", "p.branch_id", "p.id");
  q.add(" GROUP BY COALESCE(p.branch_id, p.unit_id), o.grade");
  std::map<long long, std::map<std::string, long long>> out;
  q.each(sql, [&](const soci::row& r) { out[db::column_ll(r, 0)][r.get<std::string>(1)] += db::column_ll(r, 2); });
  return out;
}

}  // namespace xinhuo::evaluation
