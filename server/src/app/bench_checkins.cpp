#include "app/bench_checkins.hpp"

#include <chrono>
#include <vector>

#include "auth/service.hpp"
#include "auth/store.hpp"
#include "core/error.hpp"
#include "core/random.hpp"
#include "db/query.hpp"
#include "db/transaction.hpp"
#include "study/session_store.hpp"

namespace xinhuo::app {

CheckinBench prepare_checkin_bench(db::Database& db, long long people, const std::string& cookie_name, std::ostream& cookies) {
  using std::chrono::hours;
  using std::chrono::minutes;
  const auto now = std::chrono::system_clock::now();
  const std::string at = iso_utc(now);
  db::Tx tx(db);
  const long long city = db::Query("SELECT id FROM org_node WHERE node_type = 'city' AND parent_id IS NULL ORDER BY id LIMIT 1").count(tx.sql());
  if (!city) throw std::runtime_error("no city in the database: run gen first");
  struct Member {
    long long person, unit;
  };
  std::vector<Member> members;
  db::Query("SELECT p.id, p.unit_id FROM person p JOIN org_node u ON u.id = p.unit_id WHERE p.status = 'active' "
            "AND p.party_status IN ('full', 'probationary') AND u.path LIKE (SELECT path FROM org_node WHERE id = ")
      .value(city)
      .add(") || '%' ORDER BY p.id LIMIT " + std::to_string(people))
      .each(tx.sql(), [&](const soci::row& r) { members.push_back({db::column_ll(r, 0), db::column_ll(r, 1)}); });
  if (static_cast<long long>(members.size()) < people)
    throw std::runtime_error("only " + std::to_string(members.size()) + " party members in the city: generate a larger --scale");

  // The organiser: the first account (the demo administrator of gen --accounts), else any.
  const long long organiser = db::Query("SELECT id FROM account ORDER BY id LIMIT 1").count(tx.sql());
  if (!organiser) throw std::runtime_error("no account in the database: run gen with --accounts");
  study::StudySession s;
  s.audience = "city";
  s.node_id = city;
  s.title = "全市青年干部集中学习（压测）";
  s.starts_at = iso_utc(now - minutes(5));
  s.ends_at = iso_utc(now + hours(2));
  s.place = "线上";
  CheckinBench out;
  out.session_id = study::SessionStore::insert(tx, s, random_hex(32), organiser, at);

  const std::string expires = iso_utc(now + hours(12));
  for (const auto& m : members) {
    const std::string username = "bench" + std::to_string(m.person);
    long long account = db::Query("SELECT id FROM account WHERE username = ").value(username).count(tx.sql());
    if (!account) {
      auth::Account a;
      a.username = username;
      a.display_name = username;
      a.person_id = m.person;
      a.password_hash = "!";  // no password signs in to this account
      account = auth::AuthService::create_account(tx, a, at);
      auth::AuthService::grant(tx, account, "cadre", m.unit, "self", 0, at);
    }
    const std::string token = random_hex(32);
    auth::AuthStore::insert_session(tx, sha256_hex(token), account, at, expires, "127.0.0.1", "bench");
    cookies << cookie_name << "=" << token << "\n";
    ++out.people;
  }
  tx.commit();
  return out;
}

}  // namespace xinhuo::app
