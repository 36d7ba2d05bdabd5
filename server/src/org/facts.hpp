#pragma once
// What the org module lets other modules read about people for their own rollups (the dashboards): a person's
// place, birth date and rank, one at a time inside a transaction or every active person in id order.
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
inline PersonFacts from_row(const soci::row& r) {
  return {db::column_ll(r, 0), db::column_ll(r, 1), db::column_ll(r, 2), r.get<std::string>(3), r.get<std::string>(4),
          r.get<std::string>(5), r.get<std::string>(6)};
}
}  // namespace facts_detail

inline std::optional<PersonFacts> person_facts(soci::session& sql, long long person_id) {
  std::optional<PersonFacts> out;
  db::Query(std::string(facts_detail::kColumns) + " WHERE id = ").value(person_id).each(sql, [&](const soci::row& r) {
    out = facts_detail::from_row(r);
  });
  return out;
}

inline void each_active_person(soci::session& sql, const std::function<void(const PersonFacts&)>& fn) {
  db::Query(std::string(facts_detail::kColumns) + " WHERE status = 'active' ORDER BY id").each(sql, [&](const soci::row& r) {
    fn(facts_detail::from_row(r));
  });
}

}  // namespace xinhuo::org
