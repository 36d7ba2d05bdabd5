// The HTTP pipeline through the real server on a socket: error statuses and shape, CSRF, idempotency under
// parallel requests, graceful shutdown, static files, metrics and the OpenAPI document.
#include <gtest/gtest.h>

#include <future>
#include <set>
#include <thread>

#include <zlib.h>

#include <fstream>
#include <sstream>

#include "core/blocking.hpp"
#include "http/worker_pool.hpp"
#include "support/test_server.hpp"

using namespace xinhuo;
using namespace xinhuo::test;

class Http : public ::testing::TestWithParam<Backend> {};

#define START_SERVER(s)                                  \
  auto s##_holder = TestServer::start(GetParam());       \
  if (!s##_holder) return;                               \
  TestServer& s = *s##_holder

namespace {
std::string error_code(const HttpResult& r) { return r.json()["error"]["code"]; }
}  // namespace

TEST_P(Http, HealthInfoAndHeadersEveryResponseCarries) {
  START_SERVER(s);
  auto health = s.get("/healthz");
  EXPECT_EQ(health.status, 200);
  EXPECT_EQ(health.json()["status"], "ok");
  EXPECT_EQ(health.header("Cache-Control"), "no-store");
  EXPECT_EQ(health.header("X-Content-Type-Options"), "nosniff");
  EXPECT_EQ(health.header("Referrer-Policy"), "no-referrer");
  EXPECT_EQ(health.header("Content-Security-Policy"), "default-src 'none'; frame-ancestors 'none'")
      << "a JSON answer may load and frame nothing";
  EXPECT_EQ(health.header("X-Frame-Options"), "DENY");
  EXPECT_EQ(health.header("X-Request-Id").size(), 16u);

  auto echoed = s.get("/readyz", {{"X-Request-Id", "trace-42"}});
  EXPECT_EQ(echoed.status, 200);
  EXPECT_EQ(echoed.header("X-Request-Id"), "trace-42");
  auto refused_id = s.get("/healthz", {{"X-Request-Id", "bad id <script>"}});
  EXPECT_NE(refused_id.header("X-Request-Id"), "bad id <script>");

  auto info = s.get("/api/v1/system/info").json();
  EXPECT_EQ(info["name"], "薪火");
  EXPECT_EQ(info["database"], GetParam() == Backend::sqlite ? "sqlite" : "postgresql");
  EXPECT_EQ(info["schema_version"], s.app().schema_version());
  EXPECT_EQ(info["demo"], false);
}

TEST_P(Http, ErrorStatusesHaveOneShape) {
  START_SERVER(s);
  auto h = api_headers(s.port());

  auto unknown = s.get("/api/v1/no/such/thing");
  EXPECT_EQ(unknown.status, 404);
  EXPECT_EQ(error_code(unknown), "route_not_found");
  EXPECT_EQ(unknown.json()["error"]["request_id"], unknown.header("X-Request-Id"));

  auto wrong_method = http_request(s.port(), "DELETE", "/api/v1/system/info", h);
  EXPECT_EQ(wrong_method.status, 405);
  EXPECT_EQ(wrong_method.header("Allow"), "GET");

  auto malformed = s.post("/api/v1/test/things", R"({"name": "x",})");
  EXPECT_EQ(malformed.status, 400);
  EXPECT_EQ(error_code(malformed), "invalid_json");
  EXPECT_NE(malformed.json()["error"]["message"].get<std::string>().find("字节"), std::string::npos);

  auto not_json = s.post("/api/v1/test/things", "name=x",
                         {{"Content-Type", "application/x-www-form-urlencoded"}, {"X-Requested-With", "XMLHttpRequest"}});
  EXPECT_EQ(not_json.status, 415);

  auto unknown_field = s.post("/api/v1/test/things", R"({"name":"x","owner_id":1})");
  EXPECT_EQ(unknown_field.status, 400);
  EXPECT_EQ(unknown_field.json()["error"]["field"], "owner_id");

  auto missing = s.post("/api/v1/test/things", R"({})");
  EXPECT_EQ(missing.status, 400);
  EXPECT_EQ(missing.json()["error"]["field"], "name");

  auto too_large = s.post("/api/v1/test/things", std::string(11 * 1024 * 1024, ' '));
  EXPECT_EQ(too_large.status, 413);
  EXPECT_EQ(error_code(too_large), "payload_too_large");

  auto english = http_request(s.port(), "GET", "/api/v1/nowhere", {{"Accept-Language", "en"}});
  EXPECT_EQ(english.json()["error"]["message"], "No such address");

  EXPECT_EQ(s.count("SELECT COUNT(*) FROM test_thing"), 0) << "no refused request may write";
}

TEST_P(Http, InternalErrorsRevealNothing) {
  START_SERVER(s);
  auto boom = s.get("/api/v1/test/boom");
  EXPECT_EQ(boom.status, 500);
  EXPECT_EQ(error_code(boom), "internal_error");
  EXPECT_EQ(boom.body.find("SELECT"), std::string::npos);
  EXPECT_EQ(boom.body.find("secret"), std::string::npos);
}

TEST_P(Http, StateChangingRequestsNeedTheHeaderAndOurOrigin) {
  START_SERVER(s);
  const std::string body = R"({"name":"a"})";
  auto no_header = s.post("/api/v1/test/things", body, {{"Content-Type", "application/json"}});
  EXPECT_EQ(no_header.status, 403);
  EXPECT_EQ(error_code(no_header), "csrf_header_missing");

  auto foreign = s.post("/api/v1/test/things", body,
                        {{"Content-Type", "application/json"}, {"X-Requested-With", "XMLHttpRequest"},
                         {"Origin", "https://evil.example"}});
  EXPECT_EQ(foreign.status, 403);
  EXPECT_EQ(error_code(foreign), "csrf_origin_mismatch");

  auto null_origin = s.post("/api/v1/test/things", body,
                            {{"Content-Type", "application/json"}, {"X-Requested-With", "XMLHttpRequest"}, {"Origin", "null"}});
  EXPECT_EQ(null_origin.status, 403);
  EXPECT_EQ(s.count("SELECT COUNT(*) FROM test_thing"), 0);

  auto same_origin = s.post("/api/v1/test/things", body);
  EXPECT_EQ(same_origin.status, 201);
  auto no_origin = s.post("/api/v1/test/things", body, {{"Content-Type", "application/json"}, {"X-Requested-With", "XMLHttpRequest"}});
  EXPECT_EQ(no_origin.status, 201);
  EXPECT_EQ(s.count("SELECT COUNT(*) FROM test_thing"), 2);
}

TEST_P(Http, TwentyParallelPostsWithOneKeyCreateOneThing) {
  START_SERVER(s);
  auto headers = api_headers(s.port());
  headers.emplace_back("Idempotency-Key", "checkin-7f3a");
  std::vector<std::future<HttpResult>> futures;
  for (int i = 0; i < 20; ++i)
    futures.push_back(std::async(std::launch::async, [&] { return s.post("/api/v1/test/things", R"({"name":"同一件事"})", headers); }));
  std::set<long long> ids;
  int created = 0, in_progress = 0;
  for (auto& f : futures) {
    auto r = f.get();
    if (r.status == 201) {
      ++created;
      ids.insert(r.json()["id"].get<long long>());
    } else {
      EXPECT_EQ(r.status, 409) << r.body;
      EXPECT_EQ(error_code(r), "request_in_progress");
      ++in_progress;
    }
  }
  EXPECT_EQ(created + in_progress, 20);
  EXPECT_EQ(ids.size(), 1u) << "every 201 carries the same thing";
  EXPECT_EQ(s.count("SELECT COUNT(*) FROM test_thing"), 1);

  auto replay = s.post("/api/v1/test/things", R"({"name":"同一件事"})", headers);
  EXPECT_EQ(replay.status, 201);
  EXPECT_EQ(replay.header("Idempotent-Replayed"), "true");
  EXPECT_EQ(replay.json()["id"].get<long long>(), *ids.begin());

  auto other_body = s.post("/api/v1/test/things", R"({"name":"另一件事"})", headers);
  EXPECT_EQ(other_body.status, 422);
  EXPECT_EQ(error_code(other_body), "idempotency_key_reused");
  EXPECT_EQ(s.count("SELECT COUNT(*) FROM test_thing"), 1);

  // A refused request (validation) is remembered too: the same mistake gets the same answer.
  auto h2 = api_headers(s.port());
  h2.emplace_back("Idempotency-Key", "bad-body");
  EXPECT_EQ(s.post("/api/v1/test/things", "{}", h2).status, 400);
  EXPECT_EQ(s.post("/api/v1/test/things", "{}", h2).header("Idempotent-Replayed"), "true");
}

TEST_P(Http, GracefulShutdownFinishesTheRequestInFlight) {
  START_SERVER(s);
  auto slow = std::async(std::launch::async, [&] { return s.get("/api/v1/test/slow"); });
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  const auto port = s.port();
  s.server().shutdown(std::chrono::seconds(10));
  auto answered = slow.get();
  EXPECT_EQ(answered.status, 200);
  EXPECT_EQ(answered.json()["slow"], true);
  EXPECT_EQ(http_request(port, "GET", "/healthz").status, 0) << "no longer accepting connections";
}

TEST_P(Http, ServesTheWebAppWithSpaFallbackAndCaching) {
  START_SERVER(s);
  auto index = s.get("/");
  EXPECT_EQ(index.status, 200);
  EXPECT_NE(index.body.find("薪火"), std::string::npos);
  EXPECT_EQ(index.header("Cache-Control"), "no-cache");
  EXPECT_NE(index.header("Content-Type").find("text/html"), std::string::npos);
  EXPECT_NE(index.header("Content-Security-Policy").find("script-src 'self'"), std::string::npos)
      << "the page keeps the console's policy";
  EXPECT_NE(index.header("Content-Security-Policy").find("frame-ancestors 'none'"), std::string::npos);

  auto deep = s.get("/m/points");
  EXPECT_EQ(deep.status, 200);
  EXPECT_EQ(deep.body, index.body);

  auto asset = s.get("/assets/app-1a2b3c.js");
  EXPECT_EQ(asset.status, 200);
  EXPECT_NE(asset.header("Cache-Control").find("immutable"), std::string::npos);
  EXPECT_NE(asset.header("Content-Type").find("javascript"), std::string::npos);
  auto again = s.get("/assets/app-1a2b3c.js", {{"If-None-Match", asset.header("ETag")}});
  EXPECT_EQ(again.status, 304);

  EXPECT_EQ(s.get("/assets/missing.js").status, 404);
  auto traversal = s.get("/assets/..%2f..%2fetc%2fpasswd");
  EXPECT_EQ(traversal.body.find("root:"), std::string::npos);
  EXPECT_NE(traversal.status, 200);
}

namespace {
std::string gunzip(const std::string& data) {
  z_stream z{};
  inflateInit2(&z, 15 + 16);
  std::string out(1 << 20, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  inflate(&z, Z_FINISH);
  out.resize(z.total_out);
  inflateEnd(&z);
  return out;
}
}  // namespace

TEST_P(Http, TextFilesAreSentCompressedToClientsThatAcceptIt) {
  START_SERVER(s);
  std::ifstream in(s.web_root() / "assets" / "big-9f8e7d.js");
  std::stringstream original;
  original << in.rdbuf();

  auto plain = s.get("/assets/big-9f8e7d.js");
  EXPECT_EQ(plain.header("Content-Encoding"), "");
  EXPECT_EQ(plain.body, original.str());

  auto zipped = s.get("/assets/big-9f8e7d.js", {{"Accept-Encoding", "gzip, deflate, br"}});
  EXPECT_EQ(zipped.header("Content-Encoding"), "gzip");
  EXPECT_EQ(zipped.header("Vary"), "Accept-Encoding");
  EXPECT_LT(zipped.body.size(), original.str().size() / 4);
  EXPECT_EQ(gunzip(zipped.body), original.str());
  EXPECT_NE(zipped.header("ETag"), plain.header("ETag"));
}

TEST_P(Http, MetricsCountRequestsAndPool) {
  START_SERVER(s);
  s.get("/healthz");
  s.get("/api/v1/no/such");
  auto metrics = s.get("/metrics");
  EXPECT_EQ(metrics.status, 200);
  EXPECT_NE(metrics.body.find(R"(xinhuo_http_requests_total{method="GET",route="/healthz",status="200"} 1)"), std::string::npos)
      << metrics.body;
  EXPECT_NE(metrics.body.find(R"(route="unmatched",status="404")"), std::string::npos);
  EXPECT_NE(metrics.body.find("xinhuo_http_request_duration_seconds_bucket"), std::string::npos);
  EXPECT_NE(metrics.body.find("xinhuo_db_pool_in_use"), std::string::npos);
}

TEST_P(Http, OpenApiDocumentListsEveryRegisteredRoute) {
  START_SERVER(s);
  auto doc = s.get("/api/v1/openapi.json").json();
  EXPECT_EQ(doc["openapi"], "3.0.3");
  std::size_t checked = 0;
  for (const auto& route : s.app().router().routes()) {
    std::string method = route->spec.method;
    for (auto& c : method) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    SCOPED_TRACE(route->spec.method + " " + route->spec.pattern);
    ASSERT_TRUE(doc["paths"].contains(route->spec.pattern));
    ASSERT_TRUE(doc["paths"][route->spec.pattern].contains(method));
    const auto& op = doc["paths"][route->spec.pattern][method];
    EXPECT_FALSE(op["summary"].get<std::string>().empty());
    EXPECT_TRUE(op["responses"].contains("default"));
    ++checked;
  }
  EXPECT_GE(checked, 8u);
  EXPECT_TRUE(doc["paths"]["/api/v1/test/things"]["post"]["parameters"].dump().find("Idempotency-Key") != std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Db, Http, ::testing::Values(Backend::sqlite, Backend::postgresql), backend_name);

// A liveness probe must answer while every worker is busy: /healthz runs on the network thread.
TEST(HttpServer, ProbeAnswersWhileEveryWorkerIsBusy) {
  std::promise<void> release;
  auto released = release.get_future().share();
  http::Server server(http::ServerOptions{.port = 0, .workers = 1, .inline_get_paths = {"/healthz"}},
                      [released](http::Request& req) {
                        if (req.path == "/busy") released.wait_for(std::chrono::seconds(10));
                        return http::Response::json(200, {{"path", req.path}});
                      });
  server.start();
  const auto port = server.port();
  auto busy = std::async(std::launch::async, [&] { return http_request(port, "GET", "/busy"); });
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  auto queued = std::async(std::launch::async, [&] { return http_request(port, "GET", "/queued"); });

  const auto probe = http_request(port, "GET", "/healthz");
  EXPECT_EQ(probe.status, 200);
  EXPECT_EQ(probe.json()["path"], "/healthz");
  EXPECT_EQ(queued.wait_for(std::chrono::milliseconds(50)), std::future_status::timeout)
      << "an ordinary request waits for the one worker";

  release.set_value();
  EXPECT_EQ(busy.get().status, 200);
  EXPECT_EQ(queued.get().status, 200);
  server.shutdown(std::chrono::seconds(5));
}

// A job that waits for another job's work (a follower of a shared commit) must not hold the pool's only thread:
// a spare takes the next job meanwhile. Without spares the second job cannot run until the first gives up.
TEST(WorkerPool, AWaitingJobLetsASpareRunTheNextOne) {
  for (const std::size_t spares : {std::size_t{2}, std::size_t{0}}) {
    http::WorkerPool pool(1, 100, spares);
    std::promise<void> second_ran;
    auto ran = second_ran.get_future().share();
    std::promise<bool> first_saw;
    auto saw = first_saw.get_future();
    pool.submit([&, ran] {
      xinhuo::BlockingWait waiting;
      first_saw.set_value(ran.wait_for(std::chrono::milliseconds(spares ? 10000 : 300)) == std::future_status::ready);
    });
    pool.submit([&] { second_ran.set_value(); });
    EXPECT_EQ(saw.get(), spares > 0) << spares << " spare threads";
    EXPECT_EQ(pool.thread_count(), spares ? 2u : 1u);
    pool.stop();
  }
}

// Once the waiting job is done, the spare parks again: the pool runs as many jobs at once as it was made for.
TEST(WorkerPool, SparesParkWhenTheWaitEnds) {
  http::WorkerPool pool(2, 100, 4);
  for (int round = 0; round < 2; ++round) {
    std::promise<void> go;
    auto released = go.get_future().share();
    std::atomic<int> waiting{0}, waited{0};
    for (int i = 0; i < 2; ++i)
      pool.submit([&, released] {
        {
          xinhuo::BlockingWait w;
          ++waiting;
          released.wait();
        }
        ++waited;
      });
    // Both threads wait; two spares take these while they do.
    std::promise<void> both;
    std::atomic<int> spare_jobs{0};
    for (int i = 0; i < 2; ++i)
      pool.submit([&] {
        if (++spare_jobs == 2) both.set_value();
      });
    ASSERT_EQ(both.get_future().wait_for(std::chrono::seconds(10)), std::future_status::ready);
    go.set_value();
    // The next round starts once this one's waits are over (on a busy machine it could overtake them and find the
    // spares still busy: more threads, rightly).
    for (int i = 0; i < 1000 && waited < 2; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    ASSERT_EQ(waited.load(), 2);
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  EXPECT_EQ(pool.thread_count(), 4u) << "the spares of the first round are used again, not started anew";
  std::atomic<int> running{0}, most{0};
  std::atomic<int> finished{0};
  for (int i = 0; i < 12; ++i)
    pool.submit([&] {
      const int now = ++running;
      for (int seen = most.load(); now > seen && !most.compare_exchange_weak(seen, now);) {
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(15));
      --running;
      ++finished;
    });
  for (int i = 0; i < 500 && finished < 12; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  EXPECT_EQ(finished.load(), 12);
  EXPECT_LE(most.load(), 2) << "parked spares took jobs after the waits ended";
  pool.stop();
}

// Behind nginx every connection comes from the proxy; only a proxy named in trusted_proxies is believed about
// who the caller is, and a client cannot put itself in front of the address the proxy appended.
TEST(ClientAddress, IsTheAddressTheNearestTrustedProxySaw) {
  using xinhuo::http::client_address;
  const std::vector<std::string> none;
  const std::vector<std::string> nginx = {"127.0.0.1"};
  const std::vector<std::string> two = {"127.0.0.1", "10.0.0.5"};
  EXPECT_EQ(client_address("198.51.100.7", "203.0.113.9", none), "198.51.100.7") << "no proxy trusted: the header is ignored";
  EXPECT_EQ(client_address("198.51.100.7", "203.0.113.9", nginx), "198.51.100.7") << "a caller that is not the proxy";
  EXPECT_EQ(client_address("127.0.0.1", "203.0.113.9", nginx), "203.0.113.9");
  EXPECT_EQ(client_address("127.0.0.1", "1.2.3.4, 203.0.113.9", nginx), "203.0.113.9") << "a forged entry on the left";
  EXPECT_EQ(client_address("127.0.0.1", "203.0.113.9, 10.0.0.5", two), "203.0.113.9") << "through two proxies";
  EXPECT_EQ(client_address("127.0.0.1", "<script>, 203.0.113.9", nginx), "203.0.113.9");
  EXPECT_EQ(client_address("127.0.0.1", "203.0.113.9, not-an-ip", nginx), "127.0.0.1") << "garbage from the proxy side";
  EXPECT_EQ(client_address("127.0.0.1", " 2001:db8::1 ", nginx), "2001:db8::1");
  EXPECT_EQ(client_address("127.0.0.1", "10.0.0.5", two), "10.0.0.5") << "every hop trusted: the first one";
  EXPECT_EQ(client_address("127.0.0.1", "", nginx), "127.0.0.1");
  EXPECT_EQ(client_address("127.0.0.1", ",,,", nginx), "127.0.0.1");
  EXPECT_TRUE(xinhuo::http::is_ip_address("::1"));
  EXPECT_FALSE(xinhuo::http::is_ip_address("127.0.0.1/8"));
  EXPECT_FALSE(xinhuo::http::is_ip_address("localhost"));
}

TEST_P(Http, SessionsAndMetricsSeeTheCallerBehindATrustedProxy) {
  const auto behind_proxy = TestServer::start(GetParam(), [](xinhuo::app::Config& c) { c.trusted_proxies = {"127.0.0.1"}; });
  if (!behind_proxy) return;
  const auto direct = TestServer::start(GetParam());
  ASSERT_TRUE(direct);
  for (TestServer* s : {behind_proxy.get(), direct.get()}) {
    s->seed_small_city();
    auto headers = api_headers(s->port());
    headers.emplace_back("X-Forwarded-For", "203.0.113.9");
    auto login = s->post("/api/v1/auth/login", R"({"username":"cadre","password":"Xinhuo#2026"})", headers);
    ASSERT_EQ(login.status, 200) << login.body;
    const std::string set_cookie = login.header("Set-Cookie");
    auto sessions = s->get_as(set_cookie.substr(0, set_cookie.find(';')), "/api/v1/auth/sessions");
    ASSERT_EQ(sessions.status, 200) << sessions.body;
    const Json list = sessions.json();
    ASSERT_EQ(list["items"].size(), 1u) << list.dump();
    EXPECT_EQ(list["items"][0]["ip"], s == direct.get() ? "127.0.0.1" : "203.0.113.9") << list.dump();
  }
  // /metrics answers loopback callers only: a request nginx forwards from outside is not one.
  EXPECT_EQ(behind_proxy->get("/metrics", {{"X-Forwarded-For", "203.0.113.9"}}).status, 404);
  EXPECT_EQ(behind_proxy->get("/metrics").status, 200);
  EXPECT_EQ(direct->get("/metrics", {{"X-Forwarded-For", "203.0.113.9"}}).status, 200);
}
