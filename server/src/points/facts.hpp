#pragma once
// What the points module lets other modules read for their rollups (the dashboards): the event it publishes when an
// entry is booked, and the booked points per person, day and category, for a rebuild from the ledger.
#include <functional>
#include <string>

#include "db/query.hpp"

namespace xinhuo::points {

// An entry booked in the ledger (any source: event, claim, adjustment, reversal). subject_id = the entry; payload:
// activity_date, category, points (after caps; negative for deductions and reversals).
inline constexpr const char* kEventEntryBooked = "points.entry_booked";

// fn(person_id, activity_date, category_code, sum of points), for every person, day and category with entries.
inline void each_points_day(soci::session& sql,
                            const std::function<void(long long, const std::string&, const std::string&, long long)>& fn) {
  db::Query("SELECT person_id, activity_date, category_code, SUM(points) FROM ledger_entry "
            "GROUP BY person_id, activity_date, category_code ORDER BY person_id, activity_date, category_code")
      .each(sql, [&](const soci::row& r) {
        fn(db::column_ll(r, 0), r.get<std::string>(1), r.get<std::string>(2), db::column_ll(r, 3));
      });
}

}  // namespace xinhuo::points
