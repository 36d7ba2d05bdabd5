#pragma once
// Prometheus counters kept in memory: requests by route and status, a latency histogram, requests in flight,
// and gauges that other layers register (database pool in use).
#include <array>
#include <atomic>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <tuple>
#include <vector>

namespace xinhuo::http {

class Metrics {
 public:
  static constexpr std::array<double, 11> kBuckets = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5};

  // `route` is the matched pattern (bounded label set), or "unmatched"/"static".
  void observe(const std::string& method, const std::string& route, int status, double seconds);
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
  mutable std::mutex mutex_;
  std::map<std::tuple<std::string, std::string, int>, unsigned long long> requests_;
  std::map<std::pair<std::string, std::string>, Histogram> latency_;
  std::vector<Gauge> gauges_;
};

}  // namespace xinhuo::http
