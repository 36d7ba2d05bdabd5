#include "http/metrics.hpp"

#include <fmt/format.h>

#include <atomic>

namespace xinhuo::http {

static std::string label(const std::string& v) {
  std::string out;
  for (char c : v) {
    if (c == '\\' || c == '"') out.push_back('\\');
    if (c == '\n') { out += "\\n"; continue; }
    out.push_back(c);
  }
  return out;
}

namespace {
std::size_t shard_of_this_thread(std::size_t shards) {
  static std::atomic<std::size_t> next{0};
  thread_local const std::size_t index = next++;
  return index % shards;
}
}  // namespace

void Metrics::observe(std::string_view method, std::string_view route, int status, double seconds) {
  Shard& shard = shards_[shard_of_this_thread(kShards)];
  std::lock_guard lock(shard.mutex);
  const auto request_key = std::make_tuple(method, route, status);
  auto counter = shard.requests.find(request_key);
  if (counter == shard.requests.end())
    counter = shard.requests.emplace(std::make_tuple(std::string(method), std::string(route), status), 0).first;
  ++counter->second;
  const auto latency_key = std::make_tuple(method, route);
  auto histogram = shard.latency.find(latency_key);
  if (histogram == shard.latency.end())
    histogram = shard.latency.emplace(std::make_tuple(std::string(method), std::string(route)), Histogram{}).first;
  auto& h = histogram->second;
  for (std::size_t i = 0; i < kBuckets.size(); ++i)
    if (seconds <= kBuckets[i]) ++h.buckets[i];
  ++h.count;
  h.sum += seconds;
}

void Metrics::add_gauge(std::string name, std::string help, std::function<double()> read) {
  std::lock_guard lock(gauges_mutex_);
  gauges_.push_back({std::move(name), std::move(help), std::move(read)});
}

std::string Metrics::render() const {
  std::map<std::tuple<std::string, std::string, int>, unsigned long long> requests;
  std::map<std::tuple<std::string, std::string>, Histogram> latency;
  for (auto& shard : shards_) {
    std::lock_guard lock(shard.mutex);
    for (const auto& [key, n] : shard.requests) requests[key] += n;
    for (const auto& [key, h] : shard.latency) {
      auto& sum = latency[key];
      for (std::size_t i = 0; i < kBuckets.size(); ++i) sum.buckets[i] += h.buckets[i];
      sum.count += h.count;
      sum.sum += h.sum;
    }
  }
  std::string out;
  out += "# HELP xinhuo_http_requests_total HTTP requests answered, by route and status.\n";
  out += "# TYPE xinhuo_http_requests_total counter\n";
  for (const auto& [key, n] : requests) {
    const auto& [method, route, status] = key;
    out += fmt::format("xinhuo_http_requests_total{{method=\"{}\",route=\"{}\",status=\"{}\"}} {}\n", method,
                       label(route), status, n);
  }
  out += "# HELP xinhuo_http_request_duration_seconds Time from request received to response handed to the network.\n";
  out += "# TYPE xinhuo_http_request_duration_seconds histogram\n";
  for (const auto& [key, h] : latency) {
    const auto labels = fmt::format("method=\"{}\",route=\"{}\"", std::get<0>(key), label(std::get<1>(key)));
    for (std::size_t i = 0; i < kBuckets.size(); ++i)
      out += fmt::format("xinhuo_http_request_duration_seconds_bucket{{{},le=\"{}\"}} {}\n", labels, kBuckets[i], h.buckets[i]);
    out += fmt::format("xinhuo_http_request_duration_seconds_bucket{{{},le=\"+Inf\"}} {}\n", labels, h.count);
    out += fmt::format("xinhuo_http_request_duration_seconds_sum{{{}}} {}\n", labels, h.sum);
    out += fmt::format("xinhuo_http_request_duration_seconds_count{{{}}} {}\n", labels, h.count);
  }
  out += "# HELP xinhuo_http_requests_in_flight Requests being handled now.\n# TYPE xinhuo_http_requests_in_flight gauge\n";
  out += fmt::format("xinhuo_http_requests_in_flight {}\n", in_flight.load());
  std::lock_guard lock(gauges_mutex_);
  for (const auto& g : gauges_) {
    out += fmt::format("# HELP {} {}\n# TYPE {} gauge\n{} {}\n", g.name, g.help, g.name, g.name, g.read());
  }
  return out;
}

}  // namespace xinhuo::http
