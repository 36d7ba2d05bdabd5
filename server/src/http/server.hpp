#pragma once
// The network side: accepts connections, reads requests within limits and time limits, hands each request to
// the worker pool, writes the response. Graceful shutdown: stop accepting, let in-flight requests finish and
// their responses be written, then close. The framework is hidden behind this header.
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "http/message.hpp"

namespace xinhuo::http {

struct ServerOptions {
  std::string host = "127.0.0.1";
  std::uint16_t port = 8080;  // 0: any free port (tests)
  std::size_t io_threads = 2;
  std::size_t workers = 8;
  // Threads started beyond `workers` while handlers wait on other threads' work (see WorkerPool).
  std::size_t spare_workers = 64;
  // GET paths answered on the network thread without the hand-off to a worker: only handlers that never block
  // (/healthz, /metrics), so that a liveness probe stays cheap and answers even when every worker is busy.
  std::vector<std::string> inline_get_paths;
  std::size_t max_queue = 10000;
  // The largest body any route accepts; routes set smaller limits themselves. Larger bodies close the connection.
  std::uint64_t max_body_bytes = 64ull * 1024 * 1024;
  std::size_t max_url_bytes = 8 * 1024;
  std::size_t max_header_value_bytes = 16 * 1024;
  std::size_t max_header_count = 100;
  std::chrono::seconds read_timeout{30};    // whole request, including a slowly sent body
  std::chrono::seconds handle_timeout{60};  // handler until response
  std::chrono::seconds write_timeout{30};
};

class Server {
 public:
  using Handle = std::function<Response(Request&)>;
  Server(ServerOptions options, Handle handle);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds and starts the threads; throws std::runtime_error with the reason when it cannot listen.
  void start();
  std::uint16_t port() const;
  // Stops accepting, answers new requests on open connections with 503, waits up to `grace` for requests in
  // flight to be answered, then stops. Safe to call more than once.
  void shutdown(std::chrono::milliseconds grace = std::chrono::seconds(30));

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace xinhuo::http
