// The probe suite: every registered route gets its valid request (the access matrix's case, as a role allowed to
// call it) and then that request corrupted the ways an attacker would: SQL injection in the path, the query and
// every string of the body; wrong types; unicode edge cases; oversized and deeply nested bodies; a missing or
// foreign anti-forgery header; another unit's ids. Every answer must be a 4xx with the one error shape (or a
// success that shows nothing of the other unit), never a 5xx, never a trace of SQL, a stack or a file path.
// A route added to the router is probed without anything to write here.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <mutex>
#include <thread>

#include "db/database.hpp"
#include "support/route_cases.hpp"

using namespace xinhuo;
using namespace xinhuo::test;

namespace {

const std::vector<std::string> kSqlInjections = {"' OR '1'='1", "1; DROP TABLE person; --",
                                                  "\" OR 1=1 --", "1' UNION SELECT password_hash, 1 FROM account --"};
// Strings a well-formed JSON body may carry that are hard on storage and display.
const std::vector<std::string> kUnicodeStrings = {
    std::string("a\0b", 3),                                 // NUL (sent as \u0000)
    "\u202e\u200b\u200d\ufeff名字\u2066",                   // right-to-left override, zero-width, BOM, isolate
    "\U0001D54F\U0001F600\U00020000",                       // astral plane: math letter, emoji, CJK extension B
    std::string(20000, 'x') + "\u6c49",                     // very long
};
// Bytes that make the body text invalid UTF-8 (the parser must refuse it, not pass it on).
const std::vector<std::string> kBadUtf8 = {"\xff\xfe", "\xc0\xaf", "\xed\xa0\x80", "\xf4\x90\x80\x80"};
// Query-string values: injection, NUL, invalid and overlong UTF-8, percent-encoded.
const std::vector<std::string> kQueryValues = {"%27%20OR%20%271%27%3D%271", "1%3B%20DROP%20TABLE%20person%3B--", "%00",
                                               "%FF%FE", "%C0%AF", "%E2%80%AE%E2%80%8B", "1e309", "-1"};
// The query parameters the routes read (grep query_param / query_int in server/src).
const std::vector<std::string> kQueryNames = {
    "page_size", "page", "node_id", "status", "q", "year", "to", "name", "from", "person_id", "state", "category",
    "unit_id", "period", "title", "sort", "rank", "party_status", "overdue", "kind", "age_min", "age_max",
    "young_only", "young_cadre", "young", "within", "watchlist_id", "username", "type", "team_id", "stage",
    "source_kind", "search", "role", "result", "past", "order", "on", "meeting_type", "limit", "level",
    "inspection_id", "ids", "id_card", "household_id", "history", "group_id", "experience", "education", "days",
    "contact_point_id", "code", "chart", "audience_kind", "audience", "assignment_type", "action"};

// XINHUO_PROBE_FULL=1 sends every payload everywhere (several times more requests); by default each place gets
// a few, rotating, so that over all routes every payload is sent and the suite stays fast enough for CI.
bool full_probe() {
  static const bool full = std::getenv("XINHUO_PROBE_FULL") != nullptr;
  return full;
}

// `count` payloads of `all` starting at a rotating offset (all of them in the full probe).
std::vector<std::string> some(const std::vector<std::string>& all, std::size_t offset, std::size_t count) {
  if (full_probe() || count >= all.size()) return all;
  std::vector<std::string> out;
  for (std::size_t i = 0; i < count; ++i) out.push_back(all[(offset + i) % all.size()]);
  return out;
}
// Path segments in place of an id.
const std::vector<std::string> kPathValues = {"1%20OR%201%3D1", "1%27%20OR%20%271%27%3D%271", "..%2F..%2Fetc%2Fpasswd",
                                              "-1", "99999999999999999999", "0x10", "1%00", "%E2%80%AE1"};
// What must never appear in an error body: database, framework, stack or file-system details.
const std::vector<std::string> kLeaks = {"sqlite", "postgres", "syntax error", "sqlstate", "no such table",
                                         "no such column", "soci", ".cpp", ".hpp", "std::", "/tmp/", "/work/",
                                         "/home/", "what():", "relation \"", "violates", "constraint", "basic_string",
                                         "json.exception", "type_error", "out_of_range", "invalid_argument"};

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

std::vector<std::string> split(const std::string& path) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i <= path.size()) {
    auto j = path.find('/', i);
    if (j == std::string::npos) j = path.size();
    out.push_back(path.substr(i, j - i));
    i = j + 1;
  }
  return out;
}

// The JSON pointers of every leaf (string, number, bool, null) and every array or object below the top.
void leaves(const Json& j, const Json::json_pointer& at, std::vector<Json::json_pointer>& out) {
  if (j.is_object()) {
    for (auto it = j.begin(); it != j.end(); ++it) {
      out.push_back(at / it.key());
      leaves(it.value(), at / it.key(), out);
    }
  } else if (j.is_array()) {
    for (std::size_t i = 0; i < j.size() && i < 3; ++i) {
      out.push_back(at / i);
      leaves(j[i], at / i, out);
    }
  }
}

Json wrong_type(const Json& v) {
  if (v.is_string()) return Json{{"$ne", 1}};
  if (v.is_number()) return "12abc";
  if (v.is_boolean()) return "yes";
  if (v.is_array()) return Json{{"0", 1}};
  if (v.is_object()) return Json::array({1, "x"});
  return Json::array();
}

class Prober {
 public:
  Prober(TestServer& s, const TestServer::SmallCity& city) : s_(s), city_(city) {}

  struct Target {
    std::string key, method, path, body, content_type, cookie;
    const http::RouteSpec* spec = nullptr;
    std::string role;
    bool marker_free = true;  // the valid answer shows nothing of unit B, so no corrupted one may either
  };

  // Queues one corrupted request; `expect` is a status it must have, 0 for "any 4xx or success". flush() sends
  // what is queued, a few at a time (the route's session is still fresh then).
  void send(const Target& t, const std::string& what, const std::string& method, const std::string& path,
            const std::string& body, HeaderList headers, int expect = 0, bool success_allowed = true) {
    jobs_.push_back([=, this] { check(t, what, method, path, body, headers, expect, success_allowed); });
  }

  void flush() {
    std::atomic<std::size_t> next{0};
    std::vector<std::thread> threads;
    for (int i = 0; i < 4; ++i)
      threads.emplace_back([&] {
        for (std::size_t k = next++; k < jobs_.size(); k = next++) jobs_[k]();
      });
    for (auto& th : threads) th.join();
    jobs_.clear();
  }

  void check(const Target& t, const std::string& what, const std::string& method, const std::string& path,
             const std::string& body, const HeaderList& headers, int expect, bool success_allowed) {
    ++probes_;
    auto r = http_request(s_.port(), method, path, headers, body);
    const std::string where = t.key + " [" + what + "] as " + t.role + ": " + method + " " + path.substr(0, 160);
    if (r.status == 0 || r.status >= 500) return fail(where, "status " + std::to_string(r.status) + " " + r.body.substr(0, 300));
    if (expect && r.status != expect) return fail(where, "status " + std::to_string(r.status) + ", expected " + std::to_string(expect) + " " + r.body.substr(0, 200));
    if (r.status < 400 && !success_allowed) return fail(where, "status " + std::to_string(r.status) + " for another unit's target");
    const std::string body_lower = lower(r.body);
    if (r.status >= 400) {
      for (const auto& leak : kLeaks)
        if (body_lower.find(leak) != std::string::npos) return fail(where, "error body shows '" + leak + "': " + r.body.substr(0, 300));
      if (t.spec && path.rfind("/api/", 0) == 0) {
        try {
          const Json j = Json::parse(r.body);
          const Json& e = j.at("error");
          if (!e.at("code").is_string() || e.at("code").get<std::string>().empty() || !e.at("message").is_string() ||
              e.at("message").get<std::string>().empty())
            return fail(where, "error without code and message: " + r.body.substr(0, 200));
        } catch (const std::exception&) {
          return fail(where, "error body is not {error:{code,message}}: " + r.body.substr(0, 200));
        }
      }
    }
    if (t.marker_free && (r.body.find("李敏") != std::string::npos || r.body.find("乙单位") != std::string::npos))
      return fail(where, "answer shows unit B's data: " + r.body.substr(0, 300));
  }

  HeaderList headers_for(const Target& t) const {
    auto h = api_headers(s_.port());
    h[0] = {"Content-Type", t.content_type};
    if (!t.cookie.empty()) h.emplace_back("Cookie", t.cookie);
    return h;
  }

  void probe(const Target& t) {
    queue(t);
    flush();
  }

  void queue(const Target& t) {
    ++rotation_;
    const auto h = headers_for(t);
    const bool changes = t.method != "GET" && t.method != "HEAD";

    // Path parameters: each one replaced by hostile segments.
    const auto pattern = split(t.spec->pattern);
    const auto query_at = t.path.find('?');
    const std::string bare = t.path.substr(0, query_at), query = query_at == std::string::npos ? "" : t.path.substr(query_at);
    const auto actual = split(bare);
    if (actual.size() == pattern.size()) {
      for (std::size_t i = 0; i < pattern.size(); ++i) {
        if (pattern[i].empty() || pattern[i].front() != '{') continue;
        for (const auto& v : some(kPathValues, rotation_ + i, 3)) {
          auto segments = actual;
          segments[i] = v;
          std::string p;
          for (std::size_t k = 0; k < segments.size(); ++k) p += (k ? "/" : "") + segments[k];
          send(t, "path " + pattern[i], t.method, p + query, t.body, h);
        }
      }
    }

    // Query parameters: each name with a hostile value (GET), all at once (any method).
    const std::string joiner = query.empty() ? "?" : "&";
    // Each name alone (a parameter validated first would stop the others), on reading routes that list.
    const bool lists = t.spec->pattern.find('{') == std::string::npos;
    if (!changes && (lists || full_probe())) {
      for (std::size_t i = 0; i < kQueryNames.size(); ++i)
        for (const auto& v : some(kQueryValues, rotation_ + i, 1))
          send(t, "query " + kQueryNames[i], t.method, t.path + joiner + kQueryNames[i] + "=" + v, t.body, h);
    }
    for (const auto& v : kQueryValues) {
      std::string q;
      for (const auto& n : kQueryNames) q += (q.empty() ? "" : "&") + n + "=" + v;
      send(t, "query all", t.method, t.path + joiner + q, t.body, h);
    }

    if (!changes) return;
    // The anti-forgery checks: no X-Requested-With, a foreign Origin, Origin null.
    {
      HeaderList no_header;
      for (const auto& [k, v] : h)
        if (k != "X-Requested-With") no_header.emplace_back(k, v);
      send(t, "csrf header missing", t.method, t.path, t.body, no_header, 403);
      HeaderList foreign;
      for (const auto& [k, v] : h)
        if (k != "Origin") foreign.emplace_back(k, v);
      foreign.emplace_back("Origin", "https://evil.example");
      send(t, "csrf foreign origin", t.method, t.path, t.body, foreign, 403);
      HeaderList null_origin;
      for (const auto& [k, v] : h)
        if (k != "Origin") null_origin.emplace_back(k, v);
      null_origin.emplace_back("Origin", "null");
      send(t, "csrf origin null", t.method, t.path, t.body, null_origin, 403);
    }

    // A creating route's Idempotency-Key: not text, too long, an injection.
    if (t.spec->creates) {
      for (const std::string key : {std::string("\xff\xfe"), std::string(300, 'k'), std::string("k'OR'1'='1'--")}) {
        auto keyed = h;
        keyed.emplace_back("Idempotency-Key", key);
        send(t, "idempotency key", t.method, t.path, t.body, keyed);
      }
    }

    // Bodies: too large for the route, deeply nested, not JSON at all, invalid UTF-8.
    if (t.spec->max_body < 1024 * 1024) {
      const std::string big = "{\"x\":\"" + std::string(t.spec->max_body, 'a') + "\"}";
      send(t, "body over max_body", t.method, t.path, big, h, 413);
    }
    const int depth = 10000;
    send(t, "nested arrays", t.method, t.path, std::string(depth, '[') + std::string(depth, ']'), h);
    std::string objects;
    for (int i = 0; i < depth; ++i) objects += "{\"a\":";
    objects += "1" + std::string(depth, '}');
    send(t, "nested objects", t.method, t.path, objects, h);
    send(t, "truncated json", t.method, t.path, "{\"name\":\"x", h);
    if (t.content_type.find("json") == std::string::npos) return;  // an upload: its bytes are checked by the service

    Json body;
    try {
      body = t.body.empty() ? Json::object() : Json::parse(t.body);
    } catch (const std::exception&) {
      return;
    }
    for (const auto& bad : some(kBadUtf8, rotation_, 2)) {
      Json b = body.is_object() ? body : Json::object();
      b["name"] = "@@BAD@@";
      std::string text = b.dump();
      text.replace(text.find("@@BAD@@"), 7, "x" + bad + "y");
      send(t, "invalid utf-8 body", t.method, t.path, text, h);
    }
    std::vector<Json::json_pointer> fields;
    leaves(body, Json::json_pointer(), fields);
    for (const auto& f : fields) {
      const Json& original = body.at(f);
      {
        Json b = body;
        b[f] = wrong_type(original);
        send(t, "wrong type " + f.to_string(), t.method, t.path, b.dump(), h);
        b[f] = nullptr;
        send(t, "null " + f.to_string(), t.method, t.path, b.dump(), h);
      }
      if (!original.is_string()) continue;
      for (const auto& v : some(kSqlInjections, rotation_ + static_cast<std::size_t>(&f - &fields[0]), 2)) {
        Json b = body;
        b[f] = v;
        send(t, "sql " + f.to_string(), t.method, t.path, b.dump(), h);
      }
      for (const auto& v : some(kUnicodeStrings, rotation_ + static_cast<std::size_t>(&f - &fields[0]), 2)) {
        Json b = body;
        b[f] = v;
        send(t, "unicode " + f.to_string(), t.method, t.path, b.dump(), h);
      }
    }
  }

  void fail(const std::string& where, const std::string& what) {
    std::lock_guard lock(mutex_);
    if (++failures_ <= 60) ADD_FAILURE() << where << "\n    " << what;
  }

  std::size_t probes() const { return probes_; }

  TestServer& s_;
  const TestServer::SmallCity& city_;
  std::atomic<std::size_t> probes_{0};
  std::size_t failures_ = 0, rotation_ = 0;
  std::mutex mutex_;
  std::vector<std::function<void()>> jobs_;
};

std::vector<Role> roles_of(const TestServer::SmallCity& city) {
  // The same roles as the access matrix, the one scoped to unit A first: the probes run as the narrowest role
  // that may call the route, so that unit B is the other unit whose data must not show.
  return {
      {"unitadmin", false, false, {}, city.unit_a, city.unit_b, city.person_a, city.person_b},
      {"cadre", false, false, {}, 0, city.unit_b, city.person_a, city.person_b},
      {"secretary", false, false, {}, city.branch_a1, city.unit_b, city.person_a, city.person_b},
      {"admin", false, false, {}, city.unit_a, 0, city.person_a, 0},
      {"auditor", true, false, {}, 0, city.unit_b, 0, city.person_b},
      {"sysadmin", true, false, {}, 0, city.unit_b, 0, city.person_b},
      {"secadmin", true, false, {}, 0, city.unit_b, 0, city.person_b},
  };
}

}  // namespace

class Probe : public ::testing::TestWithParam<Backend> {};

TEST_P(Probe, EveryRouteRefusesHostileInputWithAClearErrorAndNoLeak) {
  auto holder = TestServer::start(GetParam());
  if (!holder) return;
  TestServer& s = *holder;
  const auto city = s.seed_small_city();
  const auto table = access_matrix_cases();
  const auto roles = roles_of(city);
  Prober prober(s, city);
  std::size_t routes = 0, valid = 0;
  const auto started = std::chrono::steady_clock::now();

  for (const auto& route : s.app().router().routes()) {
    const auto& spec = route->spec;
    if (spec.pattern.rfind("/api/v1/test/", 0) == 0) continue;  // the fixture's own routes
    const std::string key = spec.method + " " + spec.pattern;
    ++routes;
    Prober::Target t;
    t.key = key;
    t.method = spec.method;
    t.spec = &spec;
    auto it = table.find(key);
    const Role* chosen = nullptr;
    std::string cookie;
    if (it != table.end()) {
      // The first role for which the valid request succeeds; its request is the one corrupted below.
      for (const auto& role : roles) {
        s.clock().advance(std::chrono::seconds(31));
        cookie = s.login(role.username, TestServer::kPassword, role.totp ? s.totp_now() : "");
        Context ctx{s, city, role, cookie};
        Request r = it->second.make(ctx, true);
        auto h = api_headers(s.port());
        h[0] = {"Content-Type", r.content_type};
        h.emplace_back("Cookie", r.cookie.empty() ? cookie : r.cookie);
        auto res = http_request(s.port(), r.method, r.path, h, r.body);
        if (res.status != it->second.ok) continue;
        chosen = &role;
        ++valid;
        // Fresh fixtures for the corrupted requests (the valid one may have changed or used up its target).
        s.clock().advance(std::chrono::seconds(1));  // some fixtures name what they make after the clock
        r = it->second.make(ctx, true);
        t.path = r.path, t.body = r.body, t.content_type = r.content_type, t.cookie = r.cookie.empty() ? cookie : r.cookie;
        t.role = role.username;
        t.marker_free = res.body.find("李敏") == std::string::npos && res.body.find("乙单位") == std::string::npos;
        // Another unit's target: refused, and nothing of it shown.
        const bool has_outside = it->second.scoped && (role.out_node || role.out_person);
        if (has_outside) {
          s.clock().advance(std::chrono::seconds(1));
          Request o = it->second.make(ctx, false);
          Prober::Target other = t;
          other.marker_free = false;
          auto oh = api_headers(s.port());
          oh[0] = {"Content-Type", o.content_type};
          oh.emplace_back("Cookie", o.cookie.empty() ? cookie : o.cookie);
          prober.send(other, "another unit's id", o.method, o.path, o.body, oh, 0, false);
        }
        break;
      }
    }
    if (!chosen) {
      // A route without a case (or none of the roles may call it): probe it as unit A's administrator with ids of 1.
      s.clock().advance(std::chrono::seconds(31));
      t.cookie = s.login("unitadmin");
      t.role = "unitadmin";
      t.content_type = "application/json";
      std::string p;
      for (const auto& seg : split(spec.pattern)) {
        if (!p.empty() || !seg.empty()) p += "/";
        p += !seg.empty() && seg.front() == '{' ? "1" : seg;
      }
      t.path = p;
      t.body = spec.method == "GET" ? "" : "{}";
    }
    prober.probe(t);
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::printf("probe: %zu routes (%zu with a valid request), %zu probes, %zu failures, %.1f s\n", routes, valid,
              prober.probes(), prober.failures_, seconds);
  EXPECT_EQ(prober.failures_, 0u);
  EXPECT_GE(routes, 150u);
}

// Path traversal on the static file handler and the file routes: nothing outside the web root or the data folder.
TEST_P(Probe, PathTraversalReachesNothingOutsideTheRoots) {
  auto holder = TestServer::start(GetParam());
  if (!holder) return;
  TestServer& s = *holder;
  s.seed_small_city();
  const auto root = s.web_root();
  const std::string secret_name = root.filename().string() + "-secret.txt";
  {
    std::ofstream(root.parent_path() / secret_name) << "TOPSECRET-OUTSIDE";
  }
  const std::string cookie = s.login("admin");
  const std::vector<std::string> targets = {
      "/../" + secret_name, "/%2e%2e/" + secret_name, "/%2E%2E%2F" + secret_name, "/..%2f" + secret_name,
      "/..%5c" + secret_name, "/%252e%252e/" + secret_name, "/assets/../../" + secret_name,
      "/assets/%2e%2e/%2e%2e/" + secret_name, "/.%2e/" + secret_name, "/%c0%ae%c0%ae/" + secret_name,
      "//../" + secret_name, "/..;/" + secret_name, "/%00/../" + secret_name, "/../../../../../../etc/passwd",
      "/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/assets/..%2f..%2f..%2f..%2fetc%2fpasswd",
      "/api/v1/files/../../../etc/passwd", "/api/v1/files/..%2F..%2F..%2Fetc%2Fpasswd", "/api/v1/files/%2e%2e",
      "/api/v1/files/1%00", "/api/v1/files/1/../../../../etc/passwd", "/api/v1/files/-1", "/api/v1/files/1.jpg",
      "/api/v1/policies/1/file/../../../etc/passwd", "/api/v1/files/%2Fetc%2Fpasswd"};
  for (const auto& target : targets) {
    for (const auto& method : {"GET", "HEAD"}) {
      auto r = http_request(s.port(), method, target, {{"Cookie", cookie}});
      SCOPED_TRACE(std::string(method) + " " + target);
      EXPECT_GT(r.status, 0);
      EXPECT_LT(r.status, 500) << r.body.substr(0, 200);
      EXPECT_EQ(r.body.find("TOPSECRET"), std::string::npos);
      EXPECT_EQ(r.body.find("root:"), std::string::npos);
      if (target.rfind("/api/", 0) == 0) EXPECT_GE(r.status, 400) << r.body.substr(0, 200);
    }
  }
  std::filesystem::remove(root.parent_path() / secret_name);
}

// Two identical requests at once both pass a check-then-insert, and the database refuses the second row: that is a
// 409 (classified by the App's dispatcher), not a 500, on either database.
TEST_P(Probe, AUniqueViolationIsRecognisedOnBothDatabases) {
  auto holder = TestServer::start(GetParam());
  if (!holder) return;
  TestServer& s = *holder;
  s.fresh_account("twice");
  try {
    s.fresh_account("twice");
    ADD_FAILURE() << "a second account with the same username was stored";
  } catch (const std::exception& e) {
    EXPECT_TRUE(db::is_unique_violation(e)) << e.what();
  }
  try {
    s.count("SELECT no_such_column FROM account");
    ADD_FAILURE() << "a query on a missing column ran";
  } catch (const std::exception& e) {
    EXPECT_FALSE(db::is_unique_violation(e)) << e.what();
  }
}

INSTANTIATE_TEST_SUITE_P(Db, Probe, ::testing::Values(Backend::sqlite, Backend::postgresql), backend_name);
