#pragma once
// The request pipeline. Dispatcher::handle turns any Request into a Response and never throws: it names the
// request, finds the route, runs the middleware around the handler, converts errors into the one error shape,
// and adds the headers every response carries.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "http/message.hpp"
#include "http/metrics.hpp"
#include "http/router.hpp"
#include "http/static_files.hpp"

namespace xinhuo::http {

using Next = std::function<Response(Request&)>;
using Middleware = std::function<Response(Request&, const Next&)>;

struct DispatchOptions {
  bool access_log = true;
  // Origins besides the request's own host that may send state-changing requests (e.g. a public URL
  // when a proxy rewrites Host). Exact match: "https://dj.example.gov.cn".
  std::vector<std::string> trusted_origins;
  // Sites whose videos and documents pages may show (online courses hosted elsewhere): media-src and frame-src.
  std::vector<std::string> media_origins;
  // Names the error an exception a handler let escape stands for (a unique-constraint violation lost to a
  // concurrent request is a 409); nullopt leaves it a 500.
  std::function<std::optional<Error>(const std::exception&)> classify;
};

// The Content-Security-Policy of every response: our own site only, plus `media_origins` for media and frames.
std::string content_security_policy(const std::vector<std::string>& media_origins);
// Whether `origin` is a plain "https://host" or "http://host:port" (nothing a CSP could be tricked with).
bool plain_origin(const std::string& origin);

class Dispatcher {
 public:
  Dispatcher(const Router& router, Metrics& metrics, StaticFiles* static_files, DispatchOptions options);

  // Middleware runs around matched routes in the order added: the first added is the outermost.
  void use(Middleware middleware);
  Response handle(Request& req) const;

 private:
  Response route(Request& req) const;
  void finish(const Request& req, Response& res) const;

  const Router& router_;
  Metrics& metrics_;
  StaticFiles* static_files_;
  DispatchOptions options_;
  std::string csp_;
  std::vector<Middleware> middleware_;
};

// Refuses state-changing requests without `X-Requested-With: XMLHttpRequest` or from another origin (403).
Middleware csrf_guard(std::vector<std::string> trusted_origins);

// Accepts a client's X-Request-Id when it is short and plain, otherwise makes one.
std::string request_id_for(const Request& req);

}  // namespace xinhuo::http
