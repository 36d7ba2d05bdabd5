#include "http/router.hpp"

#include <stdexcept>

namespace xinhuo::http {

std::vector<std::string> split_path(const std::string& path) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < path.size()) {
    while (i < path.size() && path[i] == '/') ++i;
    if (i >= path.size()) break;
    auto j = path.find('/', i);
    out.push_back(path.substr(i, j == std::string::npos ? std::string::npos : j - i));
    i = j == std::string::npos ? path.size() : j;
  }
  return out;
}

static bool is_param(const std::string& seg) { return seg.size() > 2 && seg.front() == '{' && seg.back() == '}'; }

void Router::add(RouteSpec spec, Handler handler) {
  if (spec.summary.empty()) throw std::logic_error("route without a summary: " + spec.pattern);
  auto route = std::make_unique<Route>();
  route->segments = split_path(spec.pattern);
  for (const auto& r : routes_)
    if (r->spec.method == spec.method && r->spec.pattern == spec.pattern)
      throw std::logic_error("route registered twice: " + spec.method + " " + spec.pattern);
  route->spec = std::move(spec);
  route->handler = std::move(handler);
  routes_.push_back(std::move(route));
}

Router::Match Router::match(const std::string& method, const std::string& path) const {
  Match result;
  const auto segments = split_path(path);
  // A literal segment beats a parameter: "/people/export" wins over "/people/{id}".
  int best_literals = -1;
  for (const auto& r : routes_) {
    if (r->segments.size() != segments.size()) continue;
    std::map<std::string, std::string> params;
    int literals = 0;
    bool ok = true;
    for (std::size_t i = 0; i < segments.size() && ok; ++i) {
      if (is_param(r->segments[i])) {
        params[r->segments[i].substr(1, r->segments[i].size() - 2)] = segments[i];
      } else if (r->segments[i] == segments[i]) {
        ++literals;
      } else {
        ok = false;
      }
    }
    if (!ok) continue;
    const bool same_method = r->spec.method == method || (method == "HEAD" && r->spec.method == "GET");
    if (!same_method) {
      result.allowed_methods.push_back(r->spec.method);
      continue;
    }
    if (literals > best_literals) {
      best_literals = literals;
      result.spec = &r->spec;
      result.handler = &r->handler;
      result.params = std::move(params);
    }
  }
  if (result.spec) result.allowed_methods.clear();
  return result;
}

}  // namespace xinhuo::http
