#include "seed/accounts.hpp"

#include <stdexcept>

#include "db/sql.hpp"

namespace xinhuo::seed {

namespace {
const char* const kCity = "SELECT id, name FROM org_node WHERE node_type = 'city' ORDER BY depth DESC, id LIMIT 1";
const char* const kUnit = "SELECT id, name, path FROM org_node WHERE node_type = 'unit' AND name = :n ORDER BY id LIMIT 1";
// The demo branch: one of the unit's branches with at least four full members, preferring one where somebody is on
// the way to membership (so member development shows on the secretary's console and cadre03's phone).
const char* const kBranch =
    "SELECT b.id, b.name FROM org_node b WHERE b.node_type = 'branch' AND b.path LIKE :p "
    "AND (SELECT COUNT(*) FROM person f WHERE f.branch_id = b.id AND f.party_status = 'full') >= 4 "
    "ORDER BY CASE WHEN EXISTS (SELECT 1 FROM person d WHERE d.branch_id = b.id "
    "AND d.party_status IN ('activist', 'applicant', 'candidate')) THEN 0 ELSE 1 END, b.id LIMIT 1";
const char* const kPeople =
    "SELECT id, name FROM person WHERE branch_id = :b AND party_status = 'full' ORDER BY id LIMIT 4";
// A person of the demo branch on the way to membership, so the phone shows member development (cadre03).
const char* const kDeveloping =
    "SELECT id, name FROM person WHERE branch_id = :b AND party_status IN ('activist', 'applicant', 'candidate') "
    "ORDER BY CASE party_status WHEN 'activist' THEN 0 WHEN 'applicant' THEN 1 ELSE 2 END, id LIMIT 1";

struct Node {
  long long id = 0;
  std::string name, path;
};
}  // namespace

std::vector<DemoAccount> seed_demo_accounts(db::Database& db, auth::AuthService& auth, TimePoint now) {
  Node city, unit, branch;
  std::vector<std::pair<long long, std::string>> people;
  {
    auto lease = db.lease();
    lease.sql() << kCity, soci::into(city.id), soci::into(city.name);
    lease.sql() << kUnit, soci::use(std::string("市教育局")), soci::into(unit.id), soci::into(unit.name), soci::into(unit.path);
    if (!city.id || !unit.id) throw std::runtime_error("demo accounts need the demo city (seed it first)");
    lease.sql() << kBranch, soci::use(unit.path + "%"), soci::into(branch.id), soci::into(branch.name);
    soci::rowset<soci::row> rows = (lease.sql().prepare << kPeople, soci::use(branch.id));
    for (const auto& r : rows) {
      long long id = db::column_ll(r, 0);
      people.emplace_back(id, r.get<std::string>(1));
    }
  }
  if (people.size() < 4) throw std::runtime_error("the demo branch has too few members for demo accounts");
  std::pair<long long, std::string> developing;
  {
    auto lease = db.lease();
    soci::rowset<soci::row> rows = (lease.sql().prepare << kDeveloping, soci::use(branch.id));
    for (const auto& r : rows) developing = {db::column_ll(r, 0), r.get<std::string>(1)};
  }

  const std::string hash = auth.hasher().hash(kDemoPassword);
  const std::string at = iso_utc(now);
  struct Spec {
    std::string username, display_name, role;
    long long node;
    std::string scope;
    long long person = 0;
    bool totp = false;
  };
  std::vector<Spec> specs = {
      {"admin", "组织部管理员", "org_admin", city.id, "all"},
      {"sysadmin", "系统管理员", "system_admin", city.id, "all", 0, true},
      {"secadmin", "安全管理员", "security_admin", city.id, "all", 0, true},
      {"auditor", "审计管理员", "audit_admin", city.id, "all", 0, true},
      {"unitadmin", unit.name + "管理员", "unit_admin", unit.id, "subtree", people[3].first},
      {"secretary", people[0].second, "branch_secretary", branch.id, "subtree", people[0].first},
      {"cadre01", people[1].second, "cadre", unit.id, "self", people[1].first},
      {"cadre02", people[2].second, "cadre", unit.id, "self", people[2].first},
  };
  if (developing.first) specs.push_back({"cadre03", developing.second, "cadre", unit.id, "self", developing.first});
  std::vector<DemoAccount> created;
  db::Tx tx(db);
  for (const auto& s : specs) {
    auth::Account a;
    a.username = s.username;
    a.display_name = s.display_name;
    a.person_id = s.person;
    a.password_hash = hash;
    a.must_change_password = false;
    a.is_demo = true;
    if (s.totp) {
      a.totp_secret = kDemoTotpSecret;
      a.totp_enabled = true;
    }
    const long long id = auth::AuthService::create_account(tx, a, at);
    auth::AuthService::grant(tx, id, s.role, s.node, s.scope, 0, at);
    // A branch secretary is a cadre as well: their own record and phone pages come with the cadre role.
    if (s.role == "branch_secretary") auth::AuthService::grant(tx, id, "cadre", unit.id, "self", 0, at);
    const std::string where = s.scope == "all" ? city.name : (s.node == branch.id ? unit.name + branch.name : unit.name);
    created.push_back({s.username, s.display_name, s.role, where});
  }
  tx.commit();
  return created;
}

}  // namespace xinhuo::seed
