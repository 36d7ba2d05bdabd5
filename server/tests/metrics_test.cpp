// Request metrics counted from many threads at once: the sums in /metrics are exact.
#include <gtest/gtest.h>

#include <thread>
#include <vector>

#include "http/metrics.hpp"

using xinhuo::http::Metrics;

TEST(Metrics, CountsFromManyThreadsAddUpExactly) {
  Metrics metrics;
  constexpr int kThreads = 12, kEach = 2000;  // more threads than shards: some share one
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t)
    threads.emplace_back([&metrics, t] {
      for (int i = 0; i < kEach; ++i) {
        metrics.observe("GET", "/healthz", 200, 0.0005);
        if (t % 3 == 0) metrics.observe("POST", "/api/v1/x", 422, 0.2);
      }
    });
  for (auto& t : threads) t.join();
  const std::string text = metrics.render();
  EXPECT_NE(text.find("xinhuo_http_requests_total{method=\"GET\",route=\"/healthz\",status=\"200\"} 24000\n"),
            std::string::npos) << text;
  EXPECT_NE(text.find("xinhuo_http_requests_total{method=\"POST\",route=\"/api/v1/x\",status=\"422\"} 8000\n"),
            std::string::npos) << text;
  EXPECT_NE(text.find("xinhuo_http_request_duration_seconds_bucket{method=\"GET\",route=\"/healthz\",le=\"0.001\"} 24000\n"),
            std::string::npos);
  EXPECT_NE(text.find("xinhuo_http_request_duration_seconds_bucket{method=\"POST\",route=\"/api/v1/x\",le=\"0.1\"} 0\n"),
            std::string::npos);
  EXPECT_NE(text.find("xinhuo_http_request_duration_seconds_count{method=\"POST\",route=\"/api/v1/x\"} 8000\n"),
            std::string::npos);
  EXPECT_EQ(text.find("method=\"GET\",route=\"/healthz\",status=\"200\"} 24000", text.find("24000") + 1), std::string::npos)
      << "one line per label set, not one per shard";
}
