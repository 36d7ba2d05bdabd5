// The only file that includes RESTinio and asio.
#include "http/server.hpp"

// Room for the fields of a response (Content-Type, the request id and five security headers) and of a browser's
// request without growing the vector on every request. RESTinio reads it only here.
#define RESTINIO_HEADER_FIELDS_DEFAULT_RESERVE_COUNT 12
#include <restinio/all.hpp>

#include <sys/resource.h>

#include <atomic>
#include <charconv>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <thread>

#include "core/log.hpp"
#include "http/worker_pool.hpp"

namespace xinhuo::http {

namespace {

using Traits = restinio::traits_t<restinio::asio_timer_manager_t, restinio::null_logger_t>;
using RestinioServer = restinio::http_server_t<Traits>;

// An IPv4 address written by hand (inet_ntop, behind to_string(), took as long as the rest of to_request).
std::string address_text(const asio::ip::address& address) {
  if (!address.is_v4()) return address.to_string();
  const auto bytes = address.to_v4().to_bytes();
  std::string out;
  out.reserve(15);
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    if (i) out += '.';
    char digits[4];
    out.append(digits, std::to_chars(digits, digits + sizeof digits, static_cast<unsigned>(bytes[i])).ptr);
  }
  return out;
}

Request to_request(const restinio::request_handle_t& req) {
  Request r;
  const auto& h = req->header();
  r.method = std::string(h.method().c_str());
  r.path = std::string(h.path());
  r.query = std::string(h.query());
  r.headers.reserve(h.fields_count());
  h.for_each_field([&](const restinio::http_header_field_t& f) { r.headers.emplace_back(f.name(), f.value()); });
  r.body = req->body();
  r.remote_ip = address_text(req->remote_endpoint().address());
  return r;
}

// Each connection holds a descriptor. The usual soft limit (1,024) lets a thousand idle or stalled connections
// take them all, and then nothing more is accepted until the read timeout closes them: raise it to the hard
// limit (which the administrator sets, e.g. systemd's LimitNOFILE), and say when that is still small.
void raise_open_file_limit() {
  rlimit limit{};
  if (getrlimit(RLIMIT_NOFILE, &limit) != 0) return;
  if (limit.rlim_cur < limit.rlim_max) {
    const rlim_t before = limit.rlim_cur;
    limit.rlim_cur = limit.rlim_max;
    if (setrlimit(RLIMIT_NOFILE, &limit) != 0) limit.rlim_cur = before;
  }
  if (limit.rlim_cur != RLIM_INFINITY && limit.rlim_cur < 8192)
    log::warn("few open files allowed: stalled connections may exhaust them (raise LimitNOFILE / ulimit -n)",
              {{"open_files", static_cast<long long>(limit.rlim_cur)}});
}

const char* reason_phrase(int status) {
  switch (status) {
    case 200: return "OK";
    case 201: return "Created";
    case 204: return "No Content";
    case 304: return "Not Modified";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 409: return "Conflict";
    case 413: return "Payload Too Large";
    case 415: return "Unsupported Media Type";
    case 422: return "Unprocessable Entity";
    case 423: return "Locked";
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    case 503: return "Service Unavailable";
    default: return status < 400 ? "OK" : "Error";
  }
}

}  // namespace

struct Server::Impl {
  ServerOptions options;
  Handle handle;
  restinio::asio_ns::io_context io;
  // Keeps the network threads alive while a handler works on a connection that has no pending I/O.
  std::optional<restinio::asio_ns::executor_work_guard<restinio::asio_ns::io_context::executor_type>> keep_running;
  std::unique_ptr<RestinioServer> server;
  std::vector<std::thread> io_threads;
  std::unique_ptr<WorkerPool> workers;
  std::atomic<std::uint16_t> bound_port{0};
  std::atomic<bool> draining{false};
  std::mutex mutex;
  std::condition_variable idle;
  // Accepted requests whose response is not yet written. Atomic, not under the mutex: both io threads count every
  // request, and a shared lock taken twice per request made them sleep on each other. Only a shutdown waits.
  std::atomic<long> in_flight{0};
  bool stopped = false;

  void finished_one() {
    if (in_flight.fetch_sub(1) == 1 && draining.load()) {
      std::lock_guard lock(mutex);  // the waiter checks in_flight under the mutex: no wake-up is lost
      idle.notify_all();
    }
  }

  // Takes the response apart: its header strings and body move into RESTinio's, nothing is copied.
  static void reply(const restinio::request_handle_t& req, Response&& res, bool close, std::function<void()> written) {
    auto out = req->create_response(restinio::http_status_line_t{restinio::http_status_code_t{static_cast<std::uint16_t>(res.status)}, reason_phrase(res.status)});
    for (auto& [k, v] : res.headers) out.append_header(std::move(k), std::move(v));
    if (close) out.connection_close();
    out.set_body(std::move(res.body));
    out.done([written = std::move(written)](const auto&) { written(); });
  }

  bool runs_inline(const restinio::request_handle_t& req) const {
    if (req->header().method() != restinio::http_method_get()) return false;
    const auto path = req->header().path();
    for (const auto& p : options.inline_get_paths)
      if (path == p) return true;
    return false;
  }

  restinio::request_handling_status_t on_request(restinio::request_handle_t req) {
    ++in_flight;
    if (draining) {
      Response r = Response::json(503, Json{{"error", {{"code", "shutting_down"}, {"message", "服务正在重启，请稍后重试"}}}});
      reply(req, std::move(r), true, [this] { finished_one(); });
      return restinio::request_accepted();
    }
    // Latency counts from arrival, so time spent waiting for a worker shows in the metrics and the log.
    const auto arrived = std::chrono::steady_clock::now();
    if (runs_inline(req)) {
      Request r = to_request(req);
      r.received = arrived;
      Response res = handle(r);
      reply(req, std::move(res), false, [this] { finished_one(); });
      return restinio::request_accepted();
    }
    const bool queued = workers->submit([this, req, arrived] {
      Request r = to_request(req);
      r.received = arrived;
      Response res = handle(r);
      reply(req, std::move(res), draining.load(), [this] { finished_one(); });
    });
    if (!queued) {
      Response r = Response::json(503, Json{{"error", {{"code", "overloaded"}, {"message", "服务繁忙，请稍后重试"}}}});
      r.set_header("Retry-After", "1");
      reply(req, std::move(r), false, [this] { finished_one(); });
    }
    return restinio::request_accepted();
  }
};

Server::Server(ServerOptions options, Handle handle) : impl_(std::make_unique<Impl>()) {
  impl_->options = std::move(options);
  impl_->handle = std::move(handle);
}

Server::~Server() { shutdown(std::chrono::milliseconds(0)); }

void Server::start() {
  raise_open_file_limit();
  auto& o = impl_->options;
  impl_->workers = std::make_unique<WorkerPool>(o.workers, o.max_queue, o.spare_workers);
  auto settings = restinio::server_settings_t<Traits>{}
                      .address(o.host)
                      .port(o.port)
                      .read_next_http_message_timelimit(o.read_timeout)
                      .handle_request_timeout(o.handle_timeout)
                      .write_http_response_timelimit(o.write_timeout)
                      .incoming_http_msg_limits(restinio::incoming_http_msg_limits_t{}
                                                    .max_url_size(o.max_url_bytes)
                                                    .max_field_value_size(o.max_header_value_bytes)
                                                    .max_field_count(o.max_header_count)
                                                    .max_body_size(o.max_body_bytes))
                      .acceptor_post_bind_hook([this](restinio::asio_ns::ip::tcp::acceptor& a) {
                        impl_->bound_port = a.local_endpoint().port();
                      })
                      .request_handler([this](restinio::request_handle_t req) { return impl_->on_request(std::move(req)); });
  impl_->server = std::make_unique<RestinioServer>(restinio::external_io_context(impl_->io), std::move(settings));
  try {
    impl_->server->open_sync();
  } catch (const std::exception& e) {
    throw std::runtime_error("cannot listen on " + o.host + ":" + std::to_string(o.port) + ": " + e.what());
  }
  impl_->keep_running.emplace(impl_->io.get_executor());
  for (std::size_t i = 0; i < std::max<std::size_t>(1, o.io_threads); ++i)
    impl_->io_threads.emplace_back([this] { impl_->io.run(); });
}

std::uint16_t Server::port() const { return impl_->bound_port.load(); }

void Server::shutdown(std::chrono::milliseconds grace) {
  {
    std::lock_guard lock(impl_->mutex);
    if (impl_->stopped || !impl_->server) return;
    impl_->stopped = true;
  }
  impl_->draining = true;
  // Close the listening socket on its own thread context; connections stay open so answers can be written.
  restinio::asio_ns::post(impl_->io, [this] { impl_->server->close_sync(); });
  {
    std::unique_lock lock(impl_->mutex);
    if (!impl_->idle.wait_for(lock, grace, [this] { return impl_->in_flight == 0; }))
      log::warn("shutdown: requests still in flight after the grace period", {{"in_flight", impl_->in_flight.load()}});
  }
  impl_->workers->stop();
  impl_->keep_running.reset();
  impl_->io.stop();
  for (auto& t : impl_->io_threads)
    if (t.joinable()) t.join();
  impl_->io_threads.clear();
}

}  // namespace xinhuo::http
