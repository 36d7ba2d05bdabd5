#pragma once
// What the mass-work module lets the dashboards read: livelihood micro-projects (民生微项目) published in a period,
// counted per publishing node below a subtree and inside the caller's scope.
#include <map>
#include <string>

#include "core/principal.hpp"
#include "db/query.hpp"
#include "db/subtree.hpp"

namespace xinhuo::masswork {

struct ProjectCounts {
  long long published = 0;     // every project published in the period
  long long claimed = 0;       // claimed by someone (whatever happened next)
  long long done = 0;          // done, rated or closed
  long long rated = 0;         // rated by the publisher
  long long satisfaction = 0;  // the sum of the ratings (1–5)
  long long overdue = 0;       // not done by its deadline, as of today
};

inline std::map<long long, ProjectCounts> projects_by_node(soci::session& sql, const std::string& path, const Principal& caller,
                                                           const std::string& from, const std::string& to,
                                                           const std::string& today) {
  // created_at is UTC; its date part is the Beijing date but for projects published between 00:00 and 08:00.
  db::Query q("SELECT m.org_node_id, COUNT(*), SUM(CASE WHEN m.status <> 'published' THEN 1 ELSE 0 END), "
              "SUM(CASE WHEN m.status IN ('done', 'rated', 'closed') THEN 1 ELSE 0 END), COUNT(m.satisfaction), "
              "COALESCE(SUM(m.satisfaction), 0), SUM(CASE WHEN m.status IN ('published', 'claimed') AND m.deadline < ");
  q.value(today).add(" THEN 1 ELSE 0 END) FROM mass_project m JOIN org_node n ON n.id = m.org_node_id WHERE SUBSTR(m.created_at, 1, 10) >= ");
  q.value(from).add(" AND SUBSTR(m.created_at, 1, 10) <= ").value(to);
  q.add(" AND ");
  db::subtree_range(q, "n.path", path);
  db::restrict_to_scope(q, caller, "n.path", "", "m.org_node_id", "", "");
  q.add(" GROUP BY m.org_node_id");
  std::map<long long, ProjectCounts> out;
  q.each(sql, [&](const soci::row& r) {
    out[db::column_ll(r, 0)] = {db::column_ll(r, 1), db::column_ll(r, 2), db::column_ll(r, 3),
                                db::column_ll(r, 4), db::column_ll(r, 5), db::column_ll(r, 6)};
  });
  return out;
}

}  // namespace xinhuo::masswork
