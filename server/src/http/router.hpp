#pragma once
// Routes: method + pattern ("/api/v1/org/nodes/{id}") → handler, with what the platform needs to know about
// each route (its documentation, body limit, whether it creates things, who may call it).
#include <functional>
#include <map>
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
    std::size_t order = 0;       // registration order: breaks ties between equally literal patterns
  };
  const std::vector<std::unique_ptr<Route>>& routes() const { return routes_; }

 private:
  std::vector<std::unique_ptr<Route>> routes_;
  // Routes by their number of segments, then by their key segment (the third, the module in "/api/v1/people/…",
  // or the last of a shorter path); patterns with a parameter there are compared for every path of that size.
  struct Bucket {
    std::map<std::string, std::vector<const Route*>, std::less<>> by_key;
    std::vector<const Route*> any_key;
  };
  static std::size_t key_index(std::size_t size) { return size > 2 ? 2 : size - 1; }
  std::vector<Bucket> by_size_;
};

std::vector<std::string> split_path(const std::string& path);
std::vector<std::string_view> split_path_views(std::string_view path);  // views into path

}  // namespace xinhuo::http
