// The security administrator's work: creating accounts with one-time passwords, unlocking, disabling,
// granting and revoking roles — 三员分立 and "not your own account" enforced, every change audited.
#include <gtest/gtest.h>

#include <set>

#include "support/test_server.hpp"

using namespace xinhuo;
using namespace xinhuo::test;

class Accounts : public ::testing::TestWithParam<Backend> {};

TEST_P(Accounts, SecurityAdministratorManagesAccounts) {
  auto holder = TestServer::start(GetParam());
  if (!holder) return;
  TestServer& s = *holder;
  const auto city = s.seed_small_city();
  const std::string sec = s.login("secadmin", TestServer::kPassword, s.totp_now());
  ASSERT_FALSE(sec.empty());

  // Create: a one-time password that must be changed at first sign-in.
  auto created = s.send_as(sec, "POST", "/api/v1/accounts",
                           Json{{"username", "zhangsan"}, {"display_name", "张三"},
                                {"grant", {{"role", "unit_admin"}, {"scope", "subtree"}, {"org_node_id", city.unit_b}}}}.dump());
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string otp = created.json()["one_time_password"];
  const long long id = created.json()["id"];
  EXPECT_EQ(created.json()["grants"][0]["role"], "unit_admin");
  const std::string first = s.login("zhangsan", otp);
  ASSERT_FALSE(first.empty());
  EXPECT_EQ(s.get_as(first, "/api/v1/auth/me").json()["must_change_password"], true);
  EXPECT_EQ(s.get_as(first, "/api/v1/people").status, 403);
  EXPECT_EQ(s.send_as(sec, "POST", "/api/v1/accounts",
                      Json{{"username", "zhangsan"}, {"display_name", "重复"}, {"grant", {{"role", "cadre"}, {"scope", "self"}}}}.dump())
                .status,
            409);
  EXPECT_EQ(s.send_as(sec, "POST", "/api/v1/accounts",
                      Json{{"username", "Bad Name"}, {"display_name", "x"}, {"grant", {{"role", "cadre"}, {"scope", "self"}}}}.dump())
                .json()["error"]["field"],
            "username");
  EXPECT_EQ(s.send_as(sec, "POST", "/api/v1/accounts",
                      Json{{"username", "lisi"}, {"display_name", "李四"}, {"grant", {{"role", "unit_admin"}, {"scope", "subtree"}}}}.dump())
                .json()["error"]["field"],
            "org_node_id");
  // A person number that does not exist is a wrong field, not a failure of the server.
  auto no_person = s.send_as(sec, "POST", "/api/v1/accounts",
                             Json{{"username", "wangwu"}, {"display_name", "王五"}, {"person_id", 999999},
                                  {"grant", {{"role", "cadre"}, {"scope", "self"}}}}.dump());
  EXPECT_EQ(no_person.status, 400) << no_person.body;
  EXPECT_EQ(no_person.json()["error"]["field"], "person_id");

  // Unlock after five failures.
  for (int i = 0; i < 5; ++i) s.login("cadre", "Wrong#2026x");
  EXPECT_TRUE(s.login("cadre").empty());
  EXPECT_EQ(s.send_as(sec, "POST", "/api/v1/accounts/" + std::to_string(s.account_id("cadre")) + "/unlock").status, 200);
  EXPECT_FALSE(s.login("cadre").empty());

  // Disable ends the sessions; enable lets the account sign in again.
  const std::string cadre = s.login("cadre");
  EXPECT_EQ(s.send_as(sec, "POST", "/api/v1/accounts/" + std::to_string(s.account_id("cadre")) + "/disable").status, 200);
  EXPECT_EQ(s.get_as(cadre, "/api/v1/auth/me").status, 401);
  EXPECT_TRUE(s.login("cadre").empty());
  EXPECT_EQ(s.send_as(sec, "POST", "/api/v1/accounts/" + std::to_string(s.account_id("cadre")) + "/enable").status, 200);
  EXPECT_FALSE(s.login("cadre").empty());

  // 三员分立 through the API, and nobody changes their own account.
  auto second_admin_role = s.send_as(sec, "POST", "/api/v1/accounts/" + std::to_string(s.account_id("auditor")) + "/grants",
                                     R"({"role":"system_admin","scope":"all"})");
  EXPECT_EQ(second_admin_role.status, 409);
  EXPECT_EQ(second_admin_role.json()["error"]["code"], "separation_of_duties");
  EXPECT_EQ(s.send_as(sec, "POST", "/api/v1/accounts/" + std::to_string(s.account_id("secadmin")) + "/grants",
                      R"({"role":"org_admin","scope":"all"})").json()["error"]["code"],
            "own_account");

  // Grant and revoke.
  auto granted = s.send_as(sec, "POST", "/api/v1/accounts/" + std::to_string(id) + "/grants", R"({"role":"rater","scope":"self"})");
  ASSERT_EQ(granted.status, 200);
  ASSERT_EQ(granted.json()["grants"].size(), 2u);
  const long long grant_id = granted.json()["grants"][1]["id"];
  auto revoked = s.send_as(sec, "DELETE", "/api/v1/accounts/" + std::to_string(id) + "/grants/" + std::to_string(grant_id));
  EXPECT_EQ(revoked.json()["grants"].size(), 1u);
  EXPECT_EQ(s.send_as(sec, "DELETE", "/api/v1/accounts/" + std::to_string(id) + "/grants/" + std::to_string(grant_id)).status, 404);

  for (const char* action : {"account.created", "account.unlocked", "account.disabled", "account.enabled", "role.granted", "role.revoked"})
    EXPECT_EQ(s.count(std::string("SELECT COUNT(*) FROM audit_log WHERE action = '") + action + "'"), 1) << action;
  // The organisation-department administrator cannot manage accounts.
  EXPECT_EQ(s.get_as(s.login("admin"), "/api/v1/accounts").status, 403);
}

// The list filters by state (as the console shows it) and by role, so a security administrator can find the
// locked accounts of a morning or everyone holding an administrator role.
TEST_P(Accounts, TheListFiltersByStateAndRole) {
  auto holder = TestServer::start(GetParam());
  if (!holder) return;
  TestServer& s = *holder;
  s.seed_small_city();
  std::string sec = s.login("secadmin", TestServer::kPassword, s.totp_now());
  ASSERT_FALSE(sec.empty());
  auto usernames = [&](const std::string& query) {
    std::set<std::string> out;
    auto r = s.get_as(sec, "/api/v1/accounts?page_size=200&" + query);
    EXPECT_EQ(r.status, 200) << r.body;
    const Json items = r.json()["items"];
    for (const auto& a : items) out.insert(a["username"].get<std::string>());
    EXPECT_EQ(r.json()["total"].get<std::size_t>(), out.size());
    return out;
  };
  const auto all = usernames("");
  ASSERT_TRUE(all.count("cadre") && all.count("unitadmin"));

  // cadre: five wrong passwords lock it; unitadmin: disabled.
  for (int i = 0; i < 5; ++i) s.login("cadre", "Wrong#2026x");
  ASSERT_EQ(s.send_as(sec, "POST", "/api/v1/accounts/" + std::to_string(s.account_id("unitadmin")) + "/disable").status, 200);

  EXPECT_EQ(usernames("state=locked"), std::set<std::string>{"cadre"});
  EXPECT_EQ(usernames("state=disabled"), std::set<std::string>{"unitadmin"});
  const auto active = usernames("state=active");
  EXPECT_EQ(active.size(), all.size() - 2);
  EXPECT_FALSE(active.count("cadre") || active.count("unitadmin"));
  // A lock that has run out is no lock (the security administrator signs in again after the idle time).
  s.clock().advance(std::chrono::minutes(31));
  sec = s.login("secadmin", TestServer::kPassword, s.totp_now());
  EXPECT_TRUE(usernames("state=locked").empty());
  EXPECT_TRUE(usernames("state=active").count("cadre"));

  EXPECT_EQ(usernames("role=audit_admin"), std::set<std::string>{"auditor"});
  EXPECT_EQ(usernames("role=unit_admin&state=disabled"), std::set<std::string>{"unitadmin"});
  EXPECT_TRUE(usernames("role=no_such_role").empty());
  auto bad = s.get_as(sec, "/api/v1/accounts?state=asleep");
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(bad.json()["error"]["field"], "state");
}

// 自定义 data scope: a role granted on a set of organisations, each of them only.
TEST_P(Accounts, ACustomScopeCoversTheChosenOrganisationsOnly) {
  auto holder = TestServer::start(GetParam());
  if (!holder) return;
  TestServer& s = *holder;
  const auto city = s.seed_small_city();
  const std::string sec = s.login("secadmin", TestServer::kPassword, s.totp_now());
  ASSERT_FALSE(sec.empty());
  const long long id = s.fresh_account("liaison");
  {
    auto lease = s.app().database().lease();
    lease.sql() << "UPDATE account SET password_hash = (SELECT password_hash FROM account WHERE username = 'admin') "
                   "WHERE username = 'liaison'";
  }
  const std::string path = "/api/v1/accounts/" + std::to_string(id) + "/grants";
  auto no_nodes = s.send_as(sec, "POST", path, R"({"role":"unit_admin","scope":"custom"})");
  EXPECT_EQ(no_nodes.status, 400);
  EXPECT_EQ(no_nodes.json()["error"]["field"], "org_node_ids");
  EXPECT_EQ(s.send_as(sec, "POST", path, R"({"role":"unit_admin","scope":"custom","org_node_ids":[987654]})").status, 400);
  auto stray = s.send_as(sec, "POST", path,
                         R"({"role":"unit_admin","scope":"subtree","org_node_id":)" + std::to_string(city.unit_a) +
                             R"(,"org_node_ids":[)" + std::to_string(city.unit_b) + "]}");
  EXPECT_EQ(stray.status, 400) << "a node list belongs to a custom scope only";

  auto granted = s.send_as(sec, "POST", path,
                           R"({"role":"unit_admin","scope":"custom","org_node_ids":[)" + std::to_string(city.unit_b) + "]}");
  ASSERT_EQ(granted.status, 200) << granted.body;
  EXPECT_EQ(granted.json()["grants"][0]["scope"], "custom");
  EXPECT_EQ(granted.json()["grants"][0]["org_node_ids"], Json::array({city.unit_b}));

  const std::string liaison = s.login("liaison");
  ASSERT_FALSE(liaison.empty());
  EXPECT_EQ(s.get_as(liaison, "/api/v1/people/" + std::to_string(city.person_b)).status, 200);
  EXPECT_EQ(s.get_as(liaison, "/api/v1/people/" + std::to_string(city.person_a)).status, 404) << "unit A is not in the set";
}

TEST_P(Accounts, CustomRolesHoldBusinessPermissionsOnly) {
  auto holder = TestServer::start(GetParam());
  if (!holder) return;
  TestServer& s = *holder;
  const auto city = s.seed_small_city();
  const std::string sec = s.login("secadmin", TestServer::kPassword, s.totp_now());
  auto role = [&](const Json& body) { return s.send_as(sec, "POST", "/api/v1/roles", body.dump()); };
  auto made = role({{"code", "points_clerk"}, {"name", "积分专员"}, {"permissions", {"points.read", "points.approve"}}});
  ASSERT_EQ(made.status, 201) << made.body;
  EXPECT_EQ(made.json()["builtin"], false);
  EXPECT_EQ(role({{"code", "points_clerk"}, {"name", "x"}, {"permissions", {"points.read"}}}).status, 409);
  auto admin_perm = role({{"code", "sneaky"}, {"name", "x"}, {"permissions", {"points.read", "audit.read"}}});
  EXPECT_EQ(admin_perm.status, 400);
  EXPECT_EQ(admin_perm.json()["error"]["field"], "permissions");
  EXPECT_EQ(role({{"code", "made_up"}, {"name", "x"}, {"permissions", {"points.everything"}}}).status, 400);
  EXPECT_EQ(role({{"code", "empty"}, {"name", "x"}, {"permissions", Json::array()}}).status, 400);
  EXPECT_EQ(s.count("SELECT COUNT(*) FROM audit_log WHERE action = 'role.created'"), 1);

  // Granted to an account, the role's permissions and scope apply like a built-in role's.
  const long long clerk = s.fresh_account("clerk");
  auto granted = s.send_as(sec, "POST", "/api/v1/accounts/" + std::to_string(clerk) + "/grants",
                           Json{{"role", "points_clerk"}, {"scope", "subtree"}, {"org_node_id", city.unit_a}}.dump());
  ASSERT_EQ(granted.status, 200) << granted.body;
  {
    auto lease = s.app().database().lease();
    lease.sql() << "UPDATE account SET password_hash = (SELECT password_hash FROM account WHERE username = 'admin'), "
                   "must_change_password = 0 WHERE username = 'clerk'";
  }
  const std::string clerk_session = s.login("clerk");
  ASSERT_FALSE(clerk_session.empty());
  EXPECT_EQ(s.get_as(clerk_session, "/api/v1/points/claims").status, 200);
  EXPECT_EQ(s.get_as(clerk_session, "/api/v1/people").status, 403) << "people.read was not given";
  EXPECT_EQ(s.get_as(clerk_session, "/api/v1/points/rankings?node_id=" + std::to_string(city.unit_b)).status, 404);
  EXPECT_EQ(s.send_as(s.login("admin"), "POST", "/api/v1/roles", R"({"code":"x1","name":"x","permissions":["points.read"]})").status, 403);
}

INSTANTIATE_TEST_SUITE_P(Db, Accounts, ::testing::Values(Backend::sqlite, Backend::postgresql), backend_name);
