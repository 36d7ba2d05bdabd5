#pragma once
// What the study module lets other modules read for their rollups (the dashboards): every check-in that counts
// (present or late) with its Beijing date, and which units run a youth study group.
#include <functional>
#include <set>
#include <string>

#include "core/clock.hpp"
#include "core/date.hpp"
#include "db/query.hpp"

namespace xinhuo::study {

// fn(session_id, person_id, Beijing date of the check-in), in person order, earliest first.
inline void each_checkin(soci::session& sql, const std::function<void(long long, long long, const std::string&)>& fn) {
  db::Query("SELECT session_id, person_id, checked_in_at FROM study_checkin WHERE status IN ('present', 'late') "
            "AND checked_in_at IS NOT NULL ORDER BY person_id, checked_in_at")
      .each(sql, [&](const soci::row& r) {
        fn(db::column_ll(r, 0), db::column_ll(r, 1), beijing_date(parse_iso_utc(r.get<std::string>(2))));
      });
}

// Units with at least one active study group (a small table: a few groups per unit).
inline std::set<long long> units_with_study_group(soci::session& sql) {
  std::set<long long> out;
  db::Query("SELECT DISTINCT unit_id FROM study_group WHERE status = 'active'").each(sql, [&](const soci::row& r) {
    out.insert(db::column_ll(r, 0));
  });
  return out;
}

}  // namespace xinhuo::study
