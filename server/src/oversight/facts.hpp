#pragma once
// What the oversight module lets the dashboards read: fault-tolerance cases (容错纠错) submitted in a period, counted
// per unit (the person's unit when applying) below a subtree and inside the caller's scope. Counts only: who applied
// and why stay in the module.
#include <map>
#include <string>

#include "core/principal.hpp"
#include "db/query.hpp"
#include "db/subtree.hpp"

namespace xinhuo::oversight {

struct CaseCounts {
  long long submitted = 0;       // every case submitted in the period (applications and advance filings)
  long long tolerated = 0;       // decided: 予以容错
  long long not_tolerated = 0;   // decided: 不予容错
  long long declined = 0;        // not accepted at the initial review
  long long pending = 0;         // waiting for the initial review or under investigation
  long long review_overdue = 0;  // waiting for the initial review past its due day, as of today
};

inline std::map<long long, CaseCounts> cases_by_node(soci::session& sql, const std::string& path, const Principal& caller,
                                                     const std::string& from, const std::string& to, const std::string& today) {
  db::Query q("SELECT c.unit_id, COUNT(*), SUM(CASE WHEN c.outcome = 'tolerated' THEN 1 ELSE 0 END), "
              "SUM(CASE WHEN c.outcome = 'not_tolerated' THEN 1 ELSE 0 END), SUM(CASE WHEN c.state = 'declined' THEN 1 ELSE 0 END), "
              "SUM(CASE WHEN c.state IN ('submitted', 'investigating') THEN 1 ELSE 0 END), "
              "SUM(CASE WHEN c.state = 'submitted' AND c.review_due < ");
  q.value(today).add(" THEN 1 ELSE 0 END) FROM tolerance_case c JOIN org_node u ON u.id = c.unit_id "
                     "WHERE SUBSTR(c.submitted_at, 1, 10) >= ");
  q.value(from).add(" AND SUBSTR(c.submitted_at, 1, 10) <= ").value(to);
  q.add(" AND ");
  db::subtree_range(q, "u.path", path);
  db::restrict_to_scope(q, caller, "u.path", "", "c.unit_id", "", "c.person_id");
  q.add(" GROUP BY c.unit_id");
  std::map<long long, CaseCounts> out;
  q.each(sql, [&](const soci::row& r) {
    out[db::column_ll(r, 0)] = {db::column_ll(r, 1), db::column_ll(r, 2), db::column_ll(r, 3),
                                db::column_ll(r, 4), db::column_ll(r, 5), db::column_ll(r, 6)};
  });
  return out;
}

}  // namespace xinhuo::oversight
