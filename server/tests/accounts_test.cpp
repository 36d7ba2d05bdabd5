// The security administrator's work: creating accounts with one-time passwords, unlocking, disabling,
// granting and revoking roles — 三员分立 and "not your own account" enforced, every change audited.
#include <gtest/gtest.h>

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

INSTANTIATE_TEST_SUITE_P(Db, Accounts, ::testing::Values(Backend::sqlite, Backend::postgresql), backend_name);
