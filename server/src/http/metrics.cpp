#include "http/metrics.hpp"

#include <fmt/format.h>

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

void Metrics::observe(const std::string& method, const std::string& route, int status, double seconds) {
  std::lock_guard lock(mutex_);
  ++requests_[{method, route, status}];
  auto& h = latency_[{method, route}];
  for (std::size_t i = 0; i < kBuckets.size(); ++i)
    if (seconds <= kBuckets[i]) ++h.buckets[i];
  ++h.count;
  h.sum += seconds;
}

void Metrics::add_gauge(std::string name, std::string help, std::function<double()> read) {
  std::lock_guard lock(mutex_);
  gauges_.push_back({std::move(name), std::move(help), std::move(read)});
}

std::string Metrics::render() const {
  std::lock_guard lock(mutex_);
  std::string out;
  out += "# HELP xinhuo_http_requests_total HTTP requests answered, by route and status.\n";
  out += "# TYPE xinhuo_http_requests_total counter\n";
  for (const auto& [key, n] : requests_) {
    const auto& [method, route, status] = key;
    out += fmt::format("xinhuo_http_requests_total{{method=\"{}\",route=\"{}\",status=\"{}\"}} {}\n", method,
                       label(route), status, n);
  }
  out += "# HELP xinhuo_http_request_duration_seconds Time from request received to response handed to the network.\n";
  out += "# TYPE xinhuo_http_request_duration_seconds histogram\n";
  for (const auto& [key, h] : latency_) {
    const auto labels = fmt::format("method=\"{}\",route=\"{}\"", key.first, label(key.second));
    for (std::size_t i = 0; i < kBuckets.size(); ++i)
      out += fmt::format("xinhuo_http_request_duration_seconds_bucket{{{},le=\"{}\"}} {}\n", labels, kBuckets[i], h.buckets[i]);
    out += fmt::format("xinhuo_http_request_duration_seconds_bucket{{{},le=\"+Inf\"}} {}\n", labels, h.count);
    out += fmt::format("xinhuo_http_request_duration_seconds_sum{{{}}} {}\n", labels, h.sum);
    out += fmt::format("xinhuo_http_request_duration_seconds_count{{{}}} {}\n", labels, h.count);
  }
  out += "# HELP xinhuo_http_requests_in_flight Requests being handled now.\n# TYPE xinhuo_http_requests_in_flight gauge\n";
  out += fmt::format("xinhuo_http_requests_in_flight {}\n", in_flight.load());
  for (const auto& g : gauges_) {
    out += fmt::format("# HELP {} {}\n# TYPE {} gauge\n{} {}\n", g.name, g.help, g.name, g.name, g.read());
  }
  return out;
}

}  // namespace xinhuo::http
