#pragma once
// People, rules and bookings made directly for points tests (both databases).
#include "db/sql.hpp"
#include "db/transaction.hpp"
#include "org/events.hpp"
#include "points/service.hpp"
#include "support/test_server.hpp"

namespace xinhuo::test {

// A person of `unit` and `branch`, announced as the org module announces the people it creates (the rankings count
// them from then on).
inline long long add_person(TestServer& s, long long unit, long long branch, const std::string& name,
                            const std::string& party_status = "full") {
  db::Tx tx(s.app().database());
  long long id = 0;
  soci::indicator branch_ind = branch ? soci::i_ok : soci::i_null;
  tx.sql() << "INSERT INTO person (name, gender, ethnicity, birth_date, unit_id, branch_id, rank, party_status, "
              "created_at, updated_at) VALUES (:n, 'male', '汉族', '1990-01-01', :u, :b, 'clerk_1', :ps, 't', 't') "
              "RETURNING id",
      soci::use(name), soci::use(unit), soci::use(branch, branch_ind), soci::use(party_status), soci::into(id);
  tx.publish(org::person_placed(id, std::nullopt, org::PersonPlace{unit, branch, party_status}, "t"));
  tx.commit();
  return id;
}

// A party member of unit A, branch A1 (in scope of unitadmin and secretary).
inline long long add_member(TestServer& s, const TestServer::SmallCity& city, const std::string& name,
                            const std::string& party_status = "full") {
  return add_person(s, city.unit_a, city.branch_a1, name, party_status);
}

// A rule made for a test case, current from 2020.
inline points::Rule add_rule(TestServer& s, const std::string& code, const std::string& category, int points,
                             std::optional<int> cap_day = {}, std::optional<int> cap_month = {},
                             std::optional<int> cap_year = {}) {
  points::Rule r;
  r.code = code;
  r.version = 1;
  r.category_code = category;
  r.name = code;
  r.points = points;
  r.earn_mode = "automatic";
  r.cap_day = cap_day;
  r.cap_month = cap_month;
  r.cap_year = cap_year;
  r.valid_from = "2020-01-01";
  r.status = "current";
  db::Tx tx(s.app().database());
  r.id = points::PointsStore::insert_rule(tx, r, 0, "t");
  tx.commit();
  return r;
}

struct Booked {
  int points;
  std::string limited_by;
};

inline Booked book(TestServer& s, long long person, const points::Rule& rule, const std::string& date,
                   const std::string& key) {
  db::Tx tx(s.app().database());
  points::Booking b;
  b.person_id = person;
  b.rule = rule;
  b.requested = rule.points;
  b.activity_date = date;
  b.source_type = "event";
  b.source_key = key;
  const long long id = s.app().points().book(tx, b);
  tx.commit();
  auto lease = s.app().database().lease();
  const auto e = points::PointsStore::entry(lease.sql(), id);
  return {e->points, e->limited_by};
}

}  // namespace xinhuo::test
