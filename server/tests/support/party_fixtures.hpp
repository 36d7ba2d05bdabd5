#pragma once
// What the party-life tests share: a small city started on the test's database at a fixed Beijing morning
// (2026-11-29 12:00), and people made directly in the roster.
#include <string>

#include "core/date.hpp"
#include "db/sql.hpp"
#include "support/test_server.hpp"

// Starts a TestServer for the test's backend (returns from the test when PostgreSQL is not available), sets its
// clock, seeds the small city as `city`.
#define START_CITY(s)                                      \
  auto s##_holder = TestServer::start(GetParam());         \
  if (!s##_holder) return;                                 \
  TestServer& s = *s##_holder;                             \
  s.clock().set(parse_iso_utc("2026-11-29T04:00:00Z"));    \
  const auto city = s.seed_small_city();                   \
  (void)city

namespace xinhuo::test {

// A person of `unit` (and `branch`, 0: none) with the given party status, made directly in the roster.
inline long long add_roster_person(TestServer& s, const std::string& name, long long unit, long long branch,
                                   const std::string& party_status, const std::string& gender = "female") {
  auto lease = s.app().database().lease();
  long long id = 0;
  soci::indicator bi = branch ? soci::i_ok : soci::i_null;
  std::string n = name, g = gender, status = party_status;
  lease.sql() << "INSERT INTO person (name, gender, ethnicity, birth_date, unit_id, branch_id, party_status, created_at, "
                 "updated_at) VALUES (:n, :g, '汉族', '1990-01-01', :u, :b, :s, 't', 't') RETURNING id",
      soci::use(n), soci::use(g), soci::use(unit), soci::use(branch, bi), soci::use(status), soci::into(id);
  return id;
}

}  // namespace xinhuo::test
