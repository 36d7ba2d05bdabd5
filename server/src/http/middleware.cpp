#include "http/middleware.hpp"

#include <arpa/inet.h>
#include <sodium.h>

#include <algorithm>
#include <charconv>
#include <cctype>
#include <cstdio>
#include <random>

#include "core/clock.hpp"

#include "core/json_writer.hpp"
#include "core/log.hpp"

namespace xinhuo::http {

namespace {

bool is_state_changing(const std::string& method) {
  return method == "POST" || method == "PUT" || method == "PATCH" || method == "DELETE";
}

bool is_api_path(const std::string& path) {
  return path.rfind("/api/", 0) == 0 || path == "/api" || path == "/healthz" || path == "/readyz" || path == "/metrics";
}

// Runs one handler and turns what it throws into a Response, so middleware sees outcomes, not exceptions.
Response guarded(Request& req, const Next& next,
                 const std::function<std::optional<Error>(const std::exception&)>& classify) {
  try {
    return next(req);
  } catch (const Error& e) {
    return Response::error(e, req);
  } catch (const std::exception& e) {
    if (classify)
      if (auto error = classify(e)) {
        log::warn("request refused by the database", {{"request_id", req.request_id}, {"error", log::safe_what(e)}});
        return Response::error(*error, req);
      }
    log::error("unhandled exception", {{"request_id", req.request_id}, {"error", log::safe_what(e)}});
    return Response::error(Error(500, "internal_error", {"服务器内部错误，请稍后重试", "Internal server error, please try again later"}), req);
  }
}

// One JSON line per request, built directly into one string: this runs for every request.
void write_access_line(const Request& req, const Response& res, std::string_view route, double seconds) {
  std::string line;
  line.reserve(256);
  line += "{\"time\":\"";
  line += iso_utc_millis(std::chrono::system_clock::now());
  line += "\",\"level\":\"info\",\"msg\":\"request\",\"request_id\":";
  append_json_string(line, req.request_id);
  line += ",\"method\":";
  append_json_string(line, req.method);
  line += ",\"path\":";
  append_json_string(line, req.path);
  line += ",\"route\":";
  append_json_string(line, route);
  char numbers[64];
  char* end = numbers + sizeof numbers;
  char* p = std::to_chars(numbers, end, res.status).ptr;
  line += ",\"status\":";
  line.append(numbers, p);
  p = std::to_chars(numbers, end, seconds * 1000.0, std::chars_format::fixed, 3).ptr;
  line += ",\"ms\":";
  line.append(numbers, p);
  p = std::to_chars(numbers, end, res.body.size()).ptr;
  line += ",\"bytes\":";
  line.append(numbers, p);
  line += ",\"ip\":";
  append_json_string(line, req.remote_ip);
  line += '}';
  log::write_line(log::Level::info, line);
}

// Request ids must be unique, not secret: a per-thread generator seeded once from the system's randomness.
std::string fresh_request_id() {
  thread_local std::mt19937_64 generator = [] {
    std::uint64_t seed[2];
    randombytes_buf(seed, sizeof seed);
    std::seed_seq sequence{seed[0], seed[0] >> 32, seed[1], seed[1] >> 32};
    return std::mt19937_64(sequence);
  }();
  static constexpr char kHex[] = "0123456789abcdef";
  std::uint64_t value = generator();
  std::string text(16, '0');
  for (int i = 15; i >= 0; --i, value >>= 4) text[i] = kHex[value & 0xf];
  return text;
}

constexpr std::string_view kJsonPolicy = "default-src 'none'; frame-ancestors 'none'";

}  // namespace

std::string request_id_for(const Request& req) {
  if (auto id = req.header("X-Request-Id")) {
    const bool plain = !id->empty() && id->size() <= 64 && std::all_of(id->begin(), id->end(), [](char c) {
      return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_';
    });
    if (plain) return *id;
  }
  return fresh_request_id();
}

Dispatcher::Dispatcher(const Router& router, Metrics& metrics, StaticFiles* static_files, DispatchOptions options)
    : router_(router), metrics_(metrics), static_files_(static_files), options_(std::move(options)),
      csp_(content_security_policy(options_.media_origins)) {}

bool plain_origin(const std::string& origin) {
  std::string rest;
  if (origin.rfind("https://", 0) == 0) rest = origin.substr(8);
  else if (origin.rfind("http://", 0) == 0) rest = origin.substr(7);
  else return false;
  if (rest.empty() || rest.size() > 253) return false;
  const auto colon = rest.find(':');
  const std::string host = rest.substr(0, colon), port = colon == std::string::npos ? "" : rest.substr(colon + 1);
  if (host.empty() || host.front() == '.' || host.front() == '-') return false;
  for (char c : host)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '-') return false;
  if (colon != std::string::npos) {
    if (port.empty() || port.size() > 5) return false;
    for (char c : port)
      if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

std::string content_security_policy(const std::vector<std::string>& media_origins) {
  std::string csp =
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
      "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
      "frame-ancestors 'none'";
  if (!media_origins.empty()) {
    std::string list;
    for (const auto& o : media_origins)
      if (plain_origin(o)) list += " " + o;
    csp += "; media-src 'self' blob:" + list + "; frame-src 'self'" + list;
  }
  return csp;
}

void Dispatcher::use(Middleware middleware) { middleware_.push_back(std::move(middleware)); }

Response Dispatcher::route(Request& req) const {
  auto match = router_.match(req.method, req.path);
  if (!match.spec) {
    if (!match.allowed_methods.empty()) {
      Response r = Response::error(Error(405, "method_not_allowed", {"不支持该请求方法", "Method not allowed"}), req);
      std::string allow;
      for (const auto& m : match.allowed_methods) allow += (allow.empty() ? "" : ", ") + m;
      r.set_header("Allow", allow);
      return r;
    }
    if (!is_api_path(req.path) && static_files_) {
      if (auto r = static_files_->serve(req)) return *r;
    }
    return Response::error(Error(404, "route_not_found", {"请求的地址不存在", "No such address"}), req);
  }
  req.route = match.spec;
  req.path_params = std::move(match.params);
  if (req.body.size() > match.spec->max_body) return Response::error(Error::payload_too_large(match.spec->max_body), req);

  return run_chain(req, *match.handler, 0);
}

// Middleware i wraps the rest of the chain; the Next it is given is small enough for std::function to hold
// without allocating (this runs on every request).
Response Dispatcher::run_chain(Request& req, const Handler& handler, std::size_t i) const {
  if (i == middleware_.size()) return guarded(req, handler, options_.classify);
  const Middleware& mw = middleware_[i];
  const struct { const Dispatcher* self; const Handler* handler; std::size_t next; } after{this, &handler, i + 1};
  const Next rest = [&after](Request& r) { return after.self->run_chain(r, *after.handler, after.next); };
  return guarded(req, [&mw, &rest](Request& r) { return mw(r, rest); }, options_.classify);
}

bool is_ip_address(std::string_view text) {
  if (text.empty() || text.size() > 45) return false;
  const std::string s(text);
  unsigned char buffer[sizeof(in6_addr)];
  return inet_pton(AF_INET, s.c_str(), buffer) == 1 || inet_pton(AF_INET6, s.c_str(), buffer) == 1;
}

std::string client_address(const std::string& peer, std::string_view forwarded_for,
                           const std::vector<std::string>& trusted_proxies) {
  const auto trusted = [&](std::string_view ip) {
    return std::find(trusted_proxies.begin(), trusted_proxies.end(), ip) != trusted_proxies.end();
  };
  if (!trusted(peer)) return peer;
  std::string caller = peer;
  std::size_t end = forwarded_for.size();
  while (end > 0) {
    const std::size_t comma = forwarded_for.rfind(',', end - 1);
    const std::size_t begin = comma == std::string_view::npos ? 0 : comma + 1;
    std::string_view entry = forwarded_for.substr(begin, end - begin);
    while (!entry.empty() && (entry.front() == ' ' || entry.front() == '\t')) entry.remove_prefix(1);
    while (!entry.empty() && (entry.back() == ' ' || entry.back() == '\t')) entry.remove_suffix(1);
    if (!is_ip_address(entry)) break;  // garbage from before the first trusted proxy: keep the last good hop
    caller = std::string(entry);
    if (!trusted(entry)) break;
    if (comma == std::string_view::npos) break;
    end = comma;
  }
  return caller;
}

Response Dispatcher::handle(Request& req) const {
  if (!options_.trusted_proxies.empty())
    if (auto forwarded = req.header("x-forwarded-for"))
      req.remote_ip = client_address(req.remote_ip, *forwarded, options_.trusted_proxies);
  req.request_id = request_id_for(req);
  req.principal.ip = req.remote_ip;
  req.principal.request_id = req.request_id;
  ++metrics_.in_flight;
  Response res;
  try {
    res = route(req);
  } catch (const std::exception& e) {
    log::error("request failed", {{"request_id", req.request_id}, {"error", log::safe_what(e)}});
    res = Response::error(Error(500, "internal_error", {"服务器内部错误，请稍后重试", "Internal server error, please try again later"}), req);
  }
  finish(req, res);
  --metrics_.in_flight;
  return res;
}

void Dispatcher::finish(const Request& req, Response& res) const {
  res.set_header("X-Request-Id", req.request_id);
  res.set_header("X-Content-Type-Options", "nosniff");
  res.set_header("Referrer-Policy", "no-referrer");
  res.set_header("X-Frame-Options", "DENY");
  // A JSON answer is never a page: nothing in it may load or frame anything (the policy OWASP gives for APIs).
  // Pages, files and media keep the console's policy.
  const auto type = res.header("Content-Type");
  const bool json = type && type->rfind("application/json", 0) == 0;
  res.set_header("Content-Security-Policy", json ? kJsonPolicy : std::string_view(csp_));
  if (is_api_path(req.path)) res.set_header("Cache-Control", "no-store");

  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - req.received).count();
  const std::string_view route = req.route ? std::string_view(req.route->pattern)
                                           : (is_api_path(req.path) ? "unmatched" : "static");
  metrics_.observe(req.method, route, res.status, seconds);
  const bool quiet_probe = req.route && req.route->probe && res.status < 300;
  if (options_.access_log && !quiet_probe && log::enabled(log::Level::info)) write_access_line(req, res, route, seconds);
}

Middleware csrf_guard(std::vector<std::string> trusted_origins) {
  return [trusted = std::move(trusted_origins)](Request& req, const Next& next) {
    if (is_state_changing(req.method)) {
      if (req.header("X-Requested-With") != std::optional<std::string>("XMLHttpRequest"))
        throw Error::forbidden("csrf_header_missing", {"请求缺少防伪标头，已拒绝", "Request refused: the anti-forgery header is missing"});
      if (auto origin = req.header("Origin")) {
        const std::string host = req.header("Host").value_or("");
        const bool same = !host.empty() && (*origin == "http://" + host || *origin == "https://" + host);
        const bool trusted_origin = std::find(trusted.begin(), trusted.end(), *origin) != trusted.end();
        if (!same && !trusted_origin)
          throw Error::forbidden("csrf_origin_mismatch", {"跨站请求已拒绝", "Cross-site request refused"});
      }
    }
    return next(req);
  };
}

}  // namespace xinhuo::http
