#pragma once
// The request pipeline. Dispatcher::handle turns any Request into a Response and never throws: it names the
// request, finds the route, runs the middleware around the handler, converts errors into the one error shape,
// and adds the headers every response carries.
#include <functional>
#include <optional>
#include <string>
#include <string_view>
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
  // Addresses of the reverse proxies in front of the server (e.g. "127.0.0.1" for nginx on the same machine).
  // Only a request from one of them has its X-Forwarded-For believed; anyone else could write any address there.
  std::vector<std::string> trusted_proxies;
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
  Response run_chain(Request& req, const Handler& handler, std::size_t i) const;
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

// The caller's address for the audit log, sessions and sign-in limits. `peer` is the connection's other end; when
// it is a trusted proxy, X-Forwarded-For is read from the right (the entry the nearest proxy appended) and the
// first address that is not itself a trusted proxy is the caller. An entry that is not an IP address stops the
// walk at the proxy that passed it on. Without trusted proxies the peer is the caller.
std::string client_address(const std::string& peer, std::string_view forwarded_for,
                           const std::vector<std::string>& trusted_proxies);
// Whether `text` is an IPv4 or IPv6 address, written as inet_pton reads it.
bool is_ip_address(std::string_view text);

// Accepts a client's X-Request-Id when it is short and plain, otherwise makes one.
std::string request_id_for(const Request& req);

}  // namespace xinhuo::http
