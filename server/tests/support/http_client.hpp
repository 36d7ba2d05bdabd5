#pragma once
// A small blocking HTTP/1.1 client for tests: one connection per request, so tests see exactly what a
// browser or curl would.
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace xinhuo::test {

struct HttpResult {
  int status = 0;  // 0: no answer (connection refused or closed)
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;

  std::string header(const std::string& name) const;
  nlohmann::json json() const { return nlohmann::json::parse(body); }
};

using HeaderList = std::vector<std::pair<std::string, std::string>>;

HttpResult http_request(std::uint16_t port, const std::string& method, const std::string& target,
                        const HeaderList& headers = {}, const std::string& body = {});

// Headers a browser page of the platform sends on a state-changing JSON request.
HeaderList api_headers(std::uint16_t port);

}  // namespace xinhuo::test
