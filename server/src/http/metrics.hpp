#pragma once
// Prometheus counters kept in memory: requests by route and status, a latency histogram, requests in flight,
// and gauges that other layers register (database pool in use).
#include <array>
#include <atomic>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

namespace xinhuo::http {

class Metrics {
 public:
  static constexpr std::array<double, 11> kBuckets = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5};

  // `route` is the matched pattern (bounded label set), or "unmatched"/"static".
  void observe(std::string_view method, std::string_view route, int status, double seconds);
  void add_gauge(std::string name, std::string help, std::function<double()> read);
  std::atomic<long> in_flight{0};

  std::string render() const;  // text exposition format 0.0.4

 private:
  struct Histogram {
    std::array<unsigned long long, kBuckets.size()> buckets{};
    unsigned long long count = 0;
    double sum = 0;
  };
  struct Gauge {
    std::string name, help;
    std::function<double()> read;
  };
  // Every request is counted, from every io and worker thread: each thread counts into one of a few shards with
  // a lock of its own, so threads do not queue on one lock (and sleep on it) per request; render() sums them.
  struct Shard {
    std::mutex mutex;
    std::map<std::tuple<std::string, std::string, int>, unsigned long long, std::less<>> requests;
    std::map<std::tuple<std::string, std::string>, Histogram, std::less<>> latency;
  };
  static constexpr std::size_t kShards = 8;
  mutable std::array<Shard, kShards> shards_;
  mutable std::mutex gauges_mutex_;
  std::vector<Gauge> gauges_;
};

}  // namespace xinhuo::http
