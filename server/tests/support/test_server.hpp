#pragma once
// The real App and HTTP server on a free loopback port, against a fresh database, with a few extra routes that
// exercise the pipeline the way business routes will (a create with a JSON body, a slow handler, a failure).
#include <filesystem>
#include <memory>

#include "app/app.hpp"
#include "http/server.hpp"
#include "support/http_client.hpp"
#include "support/test_db.hpp"

namespace xinhuo::test {

class TestServer {
 public:
  // nullptr when the backend is unavailable (the test is skipped or failed already).
  static std::unique_ptr<TestServer> start(Backend backend);
  ~TestServer();

  std::uint16_t port() const { return server_->port(); }
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
  std::unique_ptr<app::App> app_;
  std::unique_ptr<http::Server> server_;
};

}  // namespace xinhuo::test
