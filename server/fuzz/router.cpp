// A request line as a client may send it (method, path, query string) against a router holding every route
// the project registers, then what handlers read from it: path parameters through id_param, query parameters
// (percent-decoding, query_int) and the 404/405 answer. Checks beside the sanitizers: a match binds exactly the
// pattern's parameters, an id is a positive number that prints back as sent, and a path made from a pattern
// always finds a route with that method.
#include <fuzzer/FuzzedDataProvider.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "core/json_input.hpp"
#include "http/message.hpp"
#include "http/router.hpp"

using namespace xinhuo;
using namespace xinhuo::http;

namespace {

struct Pattern {
  const char* method;
  const char* pattern;
};
const Pattern kRoutes[] = {
#include "routes.inc"
};

const Router& router() {
  static const Router r = [] {
    Router r;
    for (const auto& p : kRoutes) {
      bool seen = false;
      for (const auto& existing : r.routes())
        seen = seen || (existing->spec.method == p.method && existing->spec.pattern == p.pattern);
      if (!seen) r.add({.method = p.method, .pattern = p.pattern, .summary = "route"}, [](Request&) { return Response::no_content(); });
    }
    return r;
  }();
  return r;
}

const char* const kMethods[] = {"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"};

void check(bool ok) {
  if (!ok) __builtin_trap();
}

std::size_t parameters_in(const std::vector<std::string>& segments) {
  std::size_t n = 0;
  for (const auto& s : segments) n += s.size() > 2 && s.front() == '{' && s.back() == '}';
  return n;
}

// What a handler does with a matched request: ids from the path, a page and a search term from the query.
void read_like_a_handler(Request& req) {
  for (const auto& [name, value] : req.path_params) {
    try {
      const long long id = req.id_param(name);
      check(id > 0 && std::to_string(id) == value);
    } catch (const Error& e) {
      check(e.status() == 404);
    }
  }
  for (const char* name : {"page", "page_size", "year"}) {
    try {
      const int n = req.query_int(name, 1, 1, 1000);
      check(n >= 1 && n <= 1000);
    } catch (const Error& e) {
      check(e.status() == 400 && e.field() == name);
    }
  }
  // A search term is text: invalid UTF-8 or a NUL is refused as a 400 naming the parameter, never passed on.
  for (const char* name : {"q", "state"}) {
    try {
      const auto value = req.query_param(name);
      check(!value || utf8_length(*value).has_value());
    } catch (const Error& e) {
      check(e.status() == 400 && e.field() == name);
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  FuzzedDataProvider in(data, size);
  const Router& r = router();
  Request req;
  req.request_id = "fuzz";
  const bool from_pattern = in.ConsumeBool();
  if (from_pattern) {
    // A real route with its parameters filled by the input (anything but '/' and '?').
    const auto& route = *r.routes()[in.ConsumeIntegralInRange<std::size_t>(0, r.routes().size() - 1)];
    req.method = route.spec.method;
    std::string path;
    for (const auto& seg : route.segments) {
      path += '/';
      if (seg.size() > 2 && seg.front() == '{') {
        std::string value = in.ConsumeRandomLengthString(24);
        for (auto& c : value)
          if (c == '/' || c == '?') c = '_';
        path += value.empty() ? "1" : value;
      } else {
        path += seg;
      }
    }
    req.path = path;
    req.query = in.ConsumeRandomLengthString(200);
  } else {
    req.method = in.ConsumeBool() ? std::string(in.PickValueInArray(kMethods)) : in.ConsumeRandomLengthString(10);
    const std::string target = in.ConsumeRemainingBytesAsString();
    const auto q = target.find('?');
    req.path = target.substr(0, q);
    req.query = q == std::string::npos ? std::string{} : target.substr(q + 1);
  }

  auto match = r.match(req.method, req.path);
  if (from_pattern) check(match.spec != nullptr);
  if (!match.spec) {
    // The dispatcher's answer: 405 with the allowed methods, or 404.
    const Error e = match.allowed_methods.empty() ? Error(404, "route_not_found", {"请求的地址不存在", "No such address"})
                                                  : Error(405, "method_not_allowed", {"不支持该请求方法", "Method not allowed"});
    const Response res = Response::error(e, req);
    check(res.status == e.status());
    return 0;
  }
  check(match.allowed_methods.empty());
  check(match.spec->method == req.method || (req.method == "HEAD" && match.spec->method == "GET"));
  const auto segments = split_path(req.path);
  check(split_path(match.spec->pattern).size() == segments.size());
  check(match.params.size() <= parameters_in(split_path(match.spec->pattern)));
  req.route = match.spec;
  req.path_params = std::move(match.params);
  read_like_a_handler(req);
  // Percent-decoding never grows a string and decodes what it encodes.
  const std::string decoded = percent_decode(req.query);
  check(decoded.size() <= req.query.size());
  return 0;
}
