#pragma once
// The real App and HTTP server on a free loopback port, against a fresh database, with a few extra routes that
// exercise the pipeline the way business routes will (a create with a JSON body, a slow handler, a failure).
#include <filesystem>
#include <functional>
#include <memory>

#include "app/app.hpp"
#include "core/clock.hpp"
#include "http/server.hpp"
#include "support/http_client.hpp"
#include "support/test_db.hpp"

namespace xinhuo::test {

class TestServer {
 public:
  // nullptr when the backend is unavailable (the test is skipped or failed already).
  // `configure` changes the server's settings before it starts (e.g. trusted proxies).
  static std::unique_ptr<TestServer> start(Backend backend, const std::function<void(app::Config&)>& configure = {});
  ~TestServer();

  std::uint16_t port() const { return server_->port(); }
  ManualClock& clock() { return clock_; }

  // A small city for access tests: city → unit A (→ branch A1) and unit B; people in each unit; accounts
  // admin (org_admin, all), unitadmin (unit_admin, subtree of A), secretary (branch_secretary, subtree of A1),
  // cadre (cadre, self, a person of A),
  // auditor (audit_admin, TOTP), sysadmin (system_admin, TOTP), secadmin (security_admin, TOTP), newbie (cadre,
  // must change password).
  // All with password kPassword; TOTP secret kTotpSecret.
  struct SmallCity {
    long long city = 0, unit_a = 0, branch_a1 = 0, unit_b = 0, person_a = 0, person_b = 0;
  };
  SmallCity seed_small_city();
  static constexpr const char* kPassword = "Xinhuo#2026";
  static constexpr const char* kTotpSecret = "JBSWY3DPEHPK3PXP";

  // Signs in; returns the session cookie ("xinhuo_session=…") or an empty string.
  std::string login(const std::string& username, const std::string& password = kPassword, const std::string& totp = {},
                    HttpResult* result = nullptr);
  // The current TOTP code for kTotpSecret at the server's clock.
  std::string totp_now();
  // An account made directly in the database (no grants), for tests that change accounts.
  long long fresh_account(const std::string& username);
  long long account_id(const std::string& username) { return count("SELECT id FROM account WHERE username = '" + username + "'"); }
  // GET with the session cookie.
  HttpResult get_as(const std::string& cookie, const std::string& target) {
    return http_request(port(), "GET", target, {{"Cookie", cookie}});
  }
  HttpResult send_as(const std::string& cookie, const std::string& method, const std::string& target,
                     const std::string& body = {}) {
    auto h = api_headers(port());
    h.emplace_back("Cookie", cookie);
    return http_request(port(), method, target, h, body);
  }
  app::App& app() { return *app_; }
  http::Server& server() { return *server_; }
  const std::filesystem::path& web_root() const { return web_root_.path(); }
  long long count(const std::string& sql);

  HttpResult get(const std::string& target, const HeaderList& headers = {}) {
    return http_request(port(), "GET", target, headers);
  }
  HttpResult post(const std::string& target, const std::string& body, HeaderList headers = {}) {
    if (headers.empty()) headers = api_headers(port());
    return http_request(port(), "POST", target, headers, body);
  }

 private:
  TestServer() = default;
  std::unique_ptr<TestDatabase> database_;
  TempDir web_root_;
  TempDir data_dir_;
  ManualClock clock_{std::chrono::system_clock::now()};
  std::unique_ptr<app::App> app_;
  std::unique_ptr<http::Server> server_;
};

}  // namespace xinhuo::test
