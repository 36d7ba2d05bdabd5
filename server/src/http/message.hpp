#pragma once
// The request and response every handler and middleware sees. Plain C++: no framework type crosses this line.
#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/error.hpp"
#include "core/json_input.hpp"
#include "core/principal.hpp"

namespace xinhuo::http {

using Headers = std::vector<std::pair<std::string, std::string>>;

struct RouteSpec;

struct Request {
  std::string method;  // upper case: GET, POST …
  std::string path;    // without the query string, as sent (percent-encoded)
  std::string query;   // raw, without '?'
  Headers headers;
  std::string body;
  std::string remote_ip;
  std::string request_id;
  std::map<std::string, std::string> path_params;
  const RouteSpec* route = nullptr;  // set by the router when a route matched
  Principal principal;
  std::chrono::steady_clock::time_point received = std::chrono::steady_clock::now();

  std::optional<std::string> header(std::string_view name) const;
  // Percent-decoded; a 400 naming it when it holds a NUL or invalid UTF-8.
  std::optional<std::string> query_param(std::string_view name) const;
  // An integer query parameter in [min, max]; `fallback` when absent or empty, a 400 naming it otherwise.
  int query_int(const std::string& name, int fallback, int min, int max) const;
  const std::string& param(const std::string& name) const;
  // A positive integer path parameter; anything else is a 404 (an id that cannot exist).
  long long id_param(const std::string& name) const;
  // The body as JSON: 415 unless Content-Type is application/json, 400 with the position if malformed.
  Json json() const;
  // True when the caller asked for English (Accept-Language: en…).
  bool english() const;
};

struct Response {
  int status = 200;
  Headers headers;
  std::string body;

  static Response json(int status, const Json& body);
  static Response json_text(int status, std::string body);  // body already JSON text (a constant answer)
  static Response text(int status, std::string body, std::string content_type);
  static Response no_content();
  // The one error shape: {"error":{"code","message","field"?,"request_id"}}.
  static Response error(const Error& e, const Request& req);

  void set_header(std::string_view name, std::string_view value);  // replaces any header of that name
  std::optional<std::string> header(std::string_view name) const;
};

bool iequals(std::string_view a, std::string_view b);
// Decodes a query-string component (%XX and + for space).
std::string percent_decode(std::string_view s);

}  // namespace xinhuo::http
