#include "http/router.hpp"

#include <stdexcept>

namespace xinhuo::http {

std::vector<std::string> split_path(const std::string& path) {
  std::vector<std::string> out;
  for (auto segment : split_path_views(path)) out.emplace_back(segment);
  return out;
}

std::vector<std::string_view> split_path_views(std::string_view path) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < path.size()) {
    while (i < path.size() && path[i] == '/') ++i;
    if (i >= path.size()) break;
    auto j = path.find('/', i);
    out.push_back(path.substr(i, j == std::string_view::npos ? std::string_view::npos : j - i));
    i = j == std::string_view::npos ? path.size() : j;
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
  for (const auto& segment : route->segments) route->is_param.push_back(is_param(segment));
  route->order = routes_.size();
  const std::size_t size = route->segments.size();
  if (by_size_.size() <= size) by_size_.resize(size + 1);
  if (size == 0) {
    by_size_[0].any_key.push_back(route.get());
  } else {
    const std::size_t k = key_index(size);
    if (route->is_param[k]) by_size_[size].any_key.push_back(route.get());
    else by_size_[size].by_key[route->segments[k]].push_back(route.get());
  }
  routes_.push_back(std::move(route));
}

// Runs on every request: only the routes with as many segments as the path are compared, nothing is allocated
// for a candidate that does not win, and the parameters are read once, from the winner.
Router::Match Router::match(const std::string& method, const std::string& path) const {
  Match result;
  const auto segments = split_path_views(path);
  if (segments.size() >= by_size_.size()) return result;
  const Route* best = nullptr;
  int best_literals = -1;  // a literal segment beats a parameter: "/people/export" wins over "/people/{id}"
  auto consider = [&](const Route* r) {
    int literals = 0;
    for (std::size_t i = segments.size(); i-- > 0;) {  // from the end: the last segments differ most
      if (r->is_param[i]) continue;
      if (r->segments[i] != segments[i]) return;
      ++literals;
    }
    const bool same_method = r->spec.method == method || (method == "HEAD" && r->spec.method == "GET");
    if (!same_method) {
      result.allowed_methods.push_back(r->spec.method);
      return;
    }
    if (literals > best_literals || (literals == best_literals && r->order < best->order)) {
      best_literals = literals;
      best = r;
    }
  };
  const Bucket& bucket = by_size_[segments.size()];
  if (!segments.empty()) {
    auto it = bucket.by_key.find(segments[key_index(segments.size())]);
    if (it != bucket.by_key.end())
      for (const Route* r : it->second) consider(r);
  }
  for (const Route* r : bucket.any_key) consider(r);
  if (!best) return result;
  result.allowed_methods.clear();
  result.spec = &best->spec;
  result.handler = &best->handler;
  for (std::size_t i = 0; i < segments.size(); ++i)
    if (best->is_param[i])
      result.params[best->segments[i].substr(1, best->segments[i].size() - 2)] = std::string(segments[i]);
  return result;
}

}  // namespace xinhuo::http
