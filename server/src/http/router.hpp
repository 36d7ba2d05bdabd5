#pragma once
// Routes: method + pattern ("/api/v1/org/nodes/{id}") → handler, with what the platform needs to know about
// each route (its documentation, body limit, whether it creates things, who may call it).
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "http/message.hpp"

namespace xinhuo::http {

using Handler = std::function<Response(Request&)>;

inline constexpr std::size_t kDefaultMaxBody = 10 * 1024 * 1024;

struct RouteSpec {
  std::string method;
  std::string pattern;
  std::string tag;      // OpenAPI group, usually the module
  std::string summary;  // one line for the API document; required
  std::string permission;       // empty: any signed-in caller
  bool public_route = false;    // callable without a session
  bool ignores_session = false;  // public and never reads the session cookie: no database work (probes)
  bool probe = false;  // polled every few seconds by monitors: a success is counted in the metrics, not logged
  bool creates = false;         // POST that creates: honours Idempotency-Key
  bool allow_restricted = false;  // open to a session that must first change its password or enrol TOTP
  std::size_t max_body = kDefaultMaxBody;
  Json request_schema;          // OpenAPI schema of the JSON body, when there is one
  Json response_schema;         // OpenAPI schema of the 2xx body, when documented
};

class Router {
 public:
  void add(RouteSpec spec, Handler handler);

  struct Match {
    const RouteSpec* spec = nullptr;
    const Handler* handler = nullptr;
    std::map<std::string, std::string> params;
    std::vector<std::string> allowed_methods;  // non-empty when the path exists but not for this method
  };
  Match match(const std::string& method, const std::string& path) const;

  struct Route {
    RouteSpec spec;
    Handler handler;
    std::vector<std::string> segments;
    std::vector<bool> is_param;  // segments[i] is "{name}"
  };
  const std::vector<std::unique_ptr<Route>>& routes() const { return routes_; }

 private:
  std::vector<std::unique_ptr<Route>> routes_;
  std::vector<std::vector<const Route*>> by_size_;  // the routes by their number of segments
};

std::vector<std::string> split_path(const std::string& path);
std::vector<std::string_view> split_path_views(std::string_view path);  // views into path

}  // namespace xinhuo::http
