// Sign-in and sessions through the real server: cookies, lockout and its end, idle and absolute timeouts,
// logout, TOTP for administrators, restricted sessions, permissions and 三员分立.
#include <gtest/gtest.h>

#include "audit/service.hpp"
#include "auth/password.hpp"
#include "auth/service.hpp"
#include "auth/totp.hpp"
#include "db/sql.hpp"
#include "support/test_server.hpp"

using namespace xinhuo;
using namespace xinhuo::test;
using std::chrono::minutes;

class Auth : public ::testing::TestWithParam<Backend> {};

#define START_CITY(s)                              \
  auto s##_holder = TestServer::start(GetParam()); \
  if (!s##_holder) return;                         \
  TestServer& s = *s##_holder;                     \
  const auto city = s.seed_small_city();           \
  (void)city

namespace {
std::string code_of(const HttpResult& r) { return r.json()["error"]["code"]; }
}  // namespace

TEST_P(Auth, SignInSetsAnHttpOnlyStrictCookieAndMeAnswers) {
  START_CITY(s);
  EXPECT_EQ(code_of(s.get("/api/v1/auth/me")), "unauthenticated");
  HttpResult r;
  const std::string cookie = s.login("admin", TestServer::kPassword, "", &r);
  ASSERT_EQ(r.status, 200) << r.body;
  const std::string set_cookie = r.header("Set-Cookie");
  EXPECT_NE(set_cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(set_cookie.find("SameSite=Strict"), std::string::npos);
  EXPECT_EQ(cookie.size(), std::string("xinhuo_session=").size() + 64);

  auto me = s.get_as(cookie, "/api/v1/auth/me");
  ASSERT_EQ(me.status, 200);
  EXPECT_EQ(me.json()["username"], "admin");
  EXPECT_EQ(me.json()["roles"][0]["code"], "org_admin");
  EXPECT_EQ(me.json()["roles"][0]["scope"], "all");
  // The token itself is never stored: only its hash.
  EXPECT_EQ(s.count("SELECT COUNT(*) FROM auth_session WHERE token_hash = '" + cookie.substr(cookie.find('=') + 1) + "'"), 0);
}

TEST_P(Auth, WrongPasswordAndUnknownUserGetTheSameAnswer) {
  START_CITY(s);
  HttpResult wrong, unknown;
  s.login("admin", "Wrong#2026x", "", &wrong);
  s.login("nobody", "Wrong#2026x", "", &unknown);
  EXPECT_EQ(wrong.status, 401);
  EXPECT_EQ(unknown.status, 401);
  EXPECT_EQ(code_of(wrong), "invalid_credentials");
  EXPECT_EQ(wrong.json()["error"]["message"], unknown.json()["error"]["message"]);
  EXPECT_EQ(s.count("SELECT COUNT(*) FROM audit_log WHERE action = 'auth.login' AND result = 'failure'"), 2);
}

TEST_P(Auth, FiveFailuresLockTheAccountUntilThePeriodEnds) {
  START_CITY(s);
  HttpResult r;
  for (int i = 1; i <= 4; ++i) {
    s.login("cadre", "Wrong#2026x", "", &r);
    EXPECT_EQ(r.status, 401) << "attempt " << i;
  }
  s.login("cadre", "Wrong#2026x", "", &r);
  EXPECT_EQ(r.status, 423);
  EXPECT_EQ(code_of(r), "account_locked");
  const std::string until = r.json()["error"]["locked_until"];
  EXPECT_EQ(until, iso_utc(s.clock().now() + minutes(30)));

  // Even the right password is refused while locked.
  EXPECT_TRUE(s.login("cadre", TestServer::kPassword, "", &r).empty());
  EXPECT_EQ(r.status, 423);
  s.clock().advance(minutes(29));
  EXPECT_TRUE(s.login("cadre").empty());
  s.clock().advance(minutes(2));
  EXPECT_FALSE(s.login("cadre").empty()) << "unlocked after the period";
  EXPECT_EQ(s.count("SELECT COUNT(*) FROM audit_log WHERE action = 'auth.locked'"), 1);
  EXPECT_EQ(s.count("SELECT COUNT(*) FROM audit_log WHERE action = 'auth.login' AND result = 'denied'"), 2);
}

TEST_P(Auth, IdleSessionsEndAndActiveOnesSlide) {
  START_CITY(s);
  const std::string cookie = s.login("admin");
  s.clock().advance(minutes(20));
  EXPECT_EQ(s.get_as(cookie, "/api/v1/auth/me").status, 200);
  s.clock().advance(minutes(20));
  EXPECT_EQ(s.get_as(cookie, "/api/v1/auth/me").status, 200) << "activity keeps the session alive";
  s.clock().advance(minutes(31));
  auto r = s.get_as(cookie, "/api/v1/auth/me");
  EXPECT_EQ(r.status, 401);
  EXPECT_EQ(code_of(r), "session_expired");
  EXPECT_EQ(s.count("SELECT COUNT(*) FROM auth_session WHERE end_reason = 'idle'"), 1);
}

TEST_P(Auth, SessionsEndAfterTwelveHoursWhateverTheActivity) {
  START_CITY(s);
  const std::string cookie = s.login("admin");
  for (int i = 0; i < 28; ++i) {  // 28 × 25 min = 11 h 40 min
    s.clock().advance(minutes(25));
    ASSERT_EQ(s.get_as(cookie, "/api/v1/auth/me").status, 200) << "step " << i;
  }
  s.clock().advance(minutes(25));
  EXPECT_EQ(s.get_as(cookie, "/api/v1/auth/me").status, 401);
}

TEST_P(Auth, LogoutKillsTheSessionOnTheServer) {
  START_CITY(s);
  const std::string cookie = s.login("admin");
  auto out = s.send_as(cookie, "POST", "/api/v1/auth/logout");
  EXPECT_EQ(out.status, 204);
  EXPECT_NE(out.header("Set-Cookie").find("Max-Age=0"), std::string::npos);
  EXPECT_EQ(code_of(s.get_as(cookie, "/api/v1/auth/me")), "session_expired");
  EXPECT_EQ(s.count("SELECT COUNT(*) FROM audit_log WHERE action = 'auth.logout'"), 1);
}

// A session's permissions and scope are reused for a few seconds (principal_cache_seconds = 5). A change made
// through this instance applies at once; one made behind its back (another instance, the same database) within
// the TTL; a disabled account or an ended session is refused at once either way.
TEST_P(Auth, CachedPermissionsFollowChangesAtOnceHereAndWithinSecondsElsewhere) {
  START_CITY(s);
  const std::string cadre = s.login("cadre");
  const std::string secadmin = s.login("secadmin", TestServer::kPassword, s.totp_now());
  const long long cadre_id = s.account_id("cadre");
  ASSERT_EQ(s.get_as(cadre, "/api/v1/people").status, 403);

  // Through this instance: the grant applies to the next request.
  auto granted = s.send_as(secadmin, "POST", "/api/v1/accounts/" + std::to_string(cadre_id) + "/grants",
                           R"({"role":"unit_admin","org_node_id":)" + std::to_string(city.unit_a) + R"(,"scope":"subtree"})");
  ASSERT_EQ(granted.status, 200) << granted.body;
  EXPECT_EQ(s.get_as(cadre, "/api/v1/people").status, 200);

  // Behind its back: the grant row disappears; the cached permission holds for under 5 s, then goes.
  {
    auto lease = s.app().database().lease();
    lease.sql() << "DELETE FROM role_grant WHERE account_id = " + std::to_string(cadre_id) +
                       " AND role_id = (SELECT id FROM role WHERE code = 'unit_admin')";
  }
  s.clock().advance(std::chrono::seconds(4));
  EXPECT_EQ(s.get_as(cadre, "/api/v1/people").status, 200) << "still cached";
  s.clock().advance(std::chrono::seconds(2));
  EXPECT_EQ(s.get_as(cadre, "/api/v1/people").status, 403) << "read again after the TTL";

  // A disabled account is refused at once, cached or not: the status is read with the session.
  EXPECT_EQ(s.get_as(cadre, "/api/v1/auth/me").status, 200);
  {
    auto lease = s.app().database().lease();
    lease.sql() << "UPDATE account SET status = 'disabled' WHERE id = " + std::to_string(cadre_id);
  }
  EXPECT_EQ(s.get_as(cadre, "/api/v1/auth/me").status, 401);

  // An ended session too (logged out on another instance).
  const std::string admin = s.login("admin");
  EXPECT_EQ(s.get_as(admin, "/api/v1/auth/me").status, 200);
  {
    auto lease = s.app().database().lease();
    lease.sql() << "UPDATE auth_session SET ended_at = '2026-01-01T00:00:00Z', end_reason = 'logout' WHERE account_id = " +
                       std::to_string(s.account_id("admin"));
  }
  EXPECT_EQ(s.get_as(admin, "/api/v1/auth/me").status, 401);
}

TEST_P(Auth, EachSignInIsANewSessionThatItsOwnerCanEnd) {
  START_CITY(s);
  const std::string first = s.login("admin");
  const std::string second = s.login("admin");
  EXPECT_NE(first, second);
  auto list = s.get_as(second, "/api/v1/auth/sessions").json()["items"];
  ASSERT_EQ(list.size(), 2u);
  long long other_id = 0;
  for (const auto& item : list)
    if (!item["current"].get<bool>()) other_id = item["id"];
  ASSERT_NE(other_id, 0);
  // Another account cannot end it (and does not learn it exists).
  const std::string cadre = s.login("cadre");
  EXPECT_EQ(s.send_as(cadre, "DELETE", "/api/v1/auth/sessions/" + std::to_string(other_id)).status, 404);
  EXPECT_EQ(s.send_as(second, "DELETE", "/api/v1/auth/sessions/" + std::to_string(other_id)).status, 204);
  EXPECT_EQ(s.get_as(first, "/api/v1/auth/me").status, 401);
  EXPECT_EQ(s.get_as(second, "/api/v1/auth/me").status, 200);
}

TEST_P(Auth, AdministratorsNeedTheirAuthenticatorCodeOnce) {
  START_CITY(s);
  HttpResult r;
  s.login("sysadmin", TestServer::kPassword, "", &r);
  EXPECT_EQ(r.status, 401);
  EXPECT_EQ(code_of(r), "totp_required");
  const std::string good = s.totp_now();
  const std::string bad = good == "000000" ? "111111" : "000000";
  s.login("sysadmin", TestServer::kPassword, bad, &r);
  EXPECT_EQ(code_of(r), "totp_invalid");
  EXPECT_FALSE(s.login("sysadmin", TestServer::kPassword, good).empty());
  s.login("sysadmin", TestServer::kPassword, good, &r);
  EXPECT_EQ(code_of(r), "totp_invalid") << "a code is accepted once";
  // A wrong or replayed code after the right password counts toward the lockout like a wrong password (the
  // success in between reset the count, so only the replay counts now).
  EXPECT_EQ(s.count("SELECT failed_logins FROM account WHERE username = 'sysadmin'"), 1);
}

TEST_P(Auth, PermissionsDecideAndRestrictedSessionsMustChangeThePasswordFirst) {
  START_CITY(s);
  const std::string cadre = s.login("cadre");
  EXPECT_EQ(code_of(s.get_as(cadre, "/api/v1/audit/logs")), "forbidden");
  const std::string admin = s.login("admin");
  EXPECT_EQ(s.get_as(admin, "/api/v1/audit/logs").status, 403) << "only the audit administrator reads the audit log";
  const std::string sys = s.login("sysadmin", TestServer::kPassword, s.totp_now());
  EXPECT_EQ(s.get_as(sys, "/api/v1/audit/logs").status, 403);
  s.clock().advance(std::chrono::seconds(31));
  const std::string auditor = s.login("auditor", TestServer::kPassword, s.totp_now());
  auto logs = s.get_as(auditor, "/api/v1/audit/logs?action=auth.&page_size=5");
  ASSERT_EQ(logs.status, 200) << logs.body;
  EXPECT_GE(logs.json()["total"].get<long long>(), 4);
  EXPECT_EQ(logs.json()["items"].size(), 4u);
  EXPECT_EQ(s.get_as(auditor, "/api/v1/audit/logs?page_size=0").status, 400);

  const std::string newbie = s.login("newbie");
  EXPECT_EQ(s.get_as(newbie, "/api/v1/auth/me").json()["must_change_password"], true);
  EXPECT_EQ(code_of(s.get_as(newbie, "/api/v1/audit/logs")), "password_change_required");
  auto weak = s.send_as(newbie, "POST", "/api/v1/auth/password", R"({"current_password":"Xinhuo#2026","new_password":"abc"})");
  EXPECT_EQ(weak.status, 400);
  EXPECT_EQ(weak.json()["error"]["field"], "new_password");
  auto same = s.send_as(newbie, "POST", "/api/v1/auth/password", R"({"current_password":"Xinhuo#2026","new_password":"Xinhuo#2026"})");
  EXPECT_EQ(code_of(same), "password_reused");
  auto wrong = s.send_as(newbie, "POST", "/api/v1/auth/password", R"({"current_password":"nope","new_password":"Qiming&2027"})");
  EXPECT_EQ(wrong.json()["error"]["field"], "current_password");
  EXPECT_EQ(s.send_as(newbie, "POST", "/api/v1/auth/password", R"({"current_password":"Xinhuo#2026","new_password":"Qiming&2027"})").status, 204);
  EXPECT_EQ(s.get_as(newbie, "/api/v1/auth/me").json()["must_change_password"], false);
  EXPECT_EQ(code_of(s.get_as(newbie, "/api/v1/audit/logs")), "forbidden") << "now only the permission decides";
}

TEST_P(Auth, ChangingThePasswordEndsTheOtherSessions) {
  START_CITY(s);
  const std::string phone = s.login("admin");
  const std::string pc = s.login("admin");
  ASSERT_EQ(s.send_as(pc, "POST", "/api/v1/auth/password", R"({"current_password":"Xinhuo#2026","new_password":"Hongqi@2027"})").status, 204);
  EXPECT_EQ(s.get_as(phone, "/api/v1/auth/me").status, 401);
  EXPECT_EQ(s.get_as(pc, "/api/v1/auth/me").status, 200);
  EXPECT_TRUE(s.login("admin").empty());
  EXPECT_FALSE(s.login("admin", "Hongqi@2027").empty());
}

TEST_P(Auth, OneAccountCannotHoldTwoAdministratorRoles) {
  START_CITY(s);
  auto& db = s.app().database();
  db::Tx tx(db);
  long long sysadmin = 0;
  tx.sql() << "SELECT id FROM account WHERE username = 'sysadmin'", soci::into(sysadmin);
  try {
    auth::AuthService::grant(tx, sysadmin, "audit_admin", city.city, "all", 0, iso_utc(s.clock().now()));
    FAIL() << "expected 三员分立 to refuse";
  } catch (const Error& e) {
    EXPECT_EQ(e.status(), 409);
    EXPECT_EQ(e.code(), "separation_of_duties");
  }
  // The same administrator role again, or a business role, is not a second administrator role.
  EXPECT_NO_THROW(auth::AuthService::grant(tx, sysadmin, "system_admin", city.unit_a, "subtree", 0, "t"));
}

TEST_P(Auth, TamperedAuditRowIsFoundByVerify) {
  START_CITY(s);
  s.login("admin");
  s.login("cadre", "Wrong#2026x");
  s.login("admin");
  auto report = s.app().audit().verify();
  EXPECT_EQ(report.first_broken_id, 0) << report.reason;
  EXPECT_EQ(report.rows, 3);
  {
    // The database refuses changes to the log; an intruder who can drop its triggers is caught by the chain.
    auto lease = s.app().database().lease();
    EXPECT_THROW(lease.sql() << "UPDATE audit_log SET username = 'someone_else' WHERE id = 2", std::exception);
    EXPECT_THROW(lease.sql() << "DELETE FROM audit_log WHERE id = 2", std::exception);
    if (GetParam() == Backend::sqlite) {
      lease.sql() << "DROP TRIGGER audit_log_no_update";
      lease.sql() << "DROP TRIGGER audit_log_no_delete";
    } else {
      lease.sql() << "DROP TRIGGER audit_log_append_only ON audit_log";
    }
    lease.sql() << "UPDATE audit_log SET username = 'someone_else' WHERE id = 2";
  }
  report = s.app().audit().verify();
  EXPECT_EQ(report.first_broken_id, 2);
  EXPECT_EQ(report.reason, "contents changed after it was written");
  {
    auto lease = s.app().database().lease();
    lease.sql() << "DELETE FROM audit_log WHERE id = 2";
  }
  report = s.app().audit().verify();
  EXPECT_EQ(report.first_broken_id, 3);
  EXPECT_EQ(report.reason, "row 2 is missing");
}

INSTANTIATE_TEST_SUITE_P(Db, Auth, ::testing::Values(Backend::sqlite, Backend::postgresql), backend_name);

TEST(PasswordPolicy, Table) {
  struct Case { const char* password; bool ok; };
  const Case cases[] = {{"Xinhuo#2026", true},  {"Short1!", false},     {"alllowercase1", false}, {"ALLUPPER123", false},
                        {"NoDigits!!ab", true},  {"Password123", false}, {"p@ssw0rd", false},      {"Zhang3admin!", false},
                        {"密码Abc12345", true}};
  const auth::AuthPolicy policy;
  for (const auto& c : cases) {
    bool ok = true;
    try {
      auth::check_policy(policy, "admin", c.password);
    } catch (const Error& e) {
      ok = false;
      EXPECT_EQ(e.field(), "new_password");
    }
    EXPECT_EQ(ok, c.ok) << c.password;
  }
}

TEST(Totp, Rfc6238Vectors) {
  const std::string secret = "12345678901234567890";
  EXPECT_EQ(auth::totp_code(secret, 59 / 30), "287082");
  EXPECT_EQ(auth::totp_code(secret, 1111111109 / 30), "081804");
  EXPECT_EQ(auth::totp_code(secret, 1234567890 / 30), "005924");
  EXPECT_EQ(auth::base32_encode(secret), "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
  EXPECT_EQ(auth::base32_decode("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"), secret);
  EXPECT_FALSE(auth::base32_decode("not base32!"));
  EXPECT_EQ(auth::totp_match(secret, "287082", 59 + 30), 1) << "one step of drift is accepted";
  EXPECT_FALSE(auth::totp_match(secret, "287082", 59 + 90));
}
