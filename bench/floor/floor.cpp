// xinhuo_floor: the floor against which bench/run measures xinhuo.
//
// The same network stack and thread setup as xinhuo (RESTinio 0.6 on an external asio io_context run by N io
// threads, asio timers, no logger), but no project code: no router, middleware, worker pool, SOCI, JSON library,
// metrics or logs. It answers on the io threads themselves.
//
//   GET /ping  -> {"status":"ok"}
//   GET /read  -> SELECT value FROM settings WHERE key='demo_data' on the given SQLite file (WAL), one connection
//                 and one prepared statement per io thread, answered as {"demo_data":"..."}
//
// Usage: xinhuo_floor --db PATH --port N [--threads 2] [--host 127.0.0.1]
// Stops on SIGTERM or SIGINT.
#include <restinio/all.hpp>

#include <sqlite3.h>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace {

std::string g_db_path;

// One connection and one prepared statement per thread, opened on first use.
class Reader {
 public:
  Reader() {
    if (sqlite3_open_v2(g_db_path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK)
      throw std::runtime_error(std::string("cannot open database: ") + sqlite3_errmsg(db_));
    sqlite3_busy_timeout(db_, 10000);
    exec("PRAGMA journal_mode=WAL");
    const char* sql = "SELECT value FROM settings WHERE key = ?1";
    if (sqlite3_prepare_v3(db_, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt_, nullptr) != SQLITE_OK)
      throw std::runtime_error(std::string("cannot prepare: ") + sqlite3_errmsg(db_));
  }
  ~Reader() {
    sqlite3_finalize(stmt_);
    sqlite3_close_v2(db_);
  }
  Reader(const Reader&) = delete;
  Reader& operator=(const Reader&) = delete;

  // The value of a setting, or nullopt when the row is missing or NULL. Throws on a database error.
  std::optional<std::string> setting(const char* key) {
    sqlite3_bind_text(stmt_, 1, key, -1, SQLITE_STATIC);
    std::optional<std::string> out;
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) {
      if (auto text = sqlite3_column_text(stmt_, 0))
        out.emplace(reinterpret_cast<const char*>(text), static_cast<std::size_t>(sqlite3_column_bytes(stmt_, 0)));
    }
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) throw std::runtime_error(sqlite3_errmsg(db_));
    return out;
  }

 private:
  void exec(const char* sql) {
    char* err = nullptr;
    if (sqlite3_exec(db_, sql, nullptr, nullptr, &err) != SQLITE_OK) {
      std::string msg = err ? err : "unknown error";
      sqlite3_free(err);
      throw std::runtime_error(msg);
    }
  }
  sqlite3* db_ = nullptr;
  sqlite3_stmt* stmt_ = nullptr;
};

Reader& reader() {
  thread_local Reader r;
  return r;
}

// Minimal JSON string escaping (the value is a short setting such as "true").
std::string json_string(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') {
      out.push_back('\\');
      out.push_back(c);
    } else if (static_cast<unsigned char>(c) < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", c);
      out += buf;
    } else {
      out.push_back(c);
    }
  }
  return out + "\"";
}

using Traits = restinio::traits_t<restinio::asio_timer_manager_t, restinio::null_logger_t>;

restinio::request_handling_status_t handle(const restinio::request_handle_t& req) {
  const auto& h = req->header();
  if (h.method() != restinio::http_method_get()) return restinio::request_rejected();
  const auto path = h.path();
  if (path == "/ping") {
    req->create_response()
        .append_header(restinio::http_field::content_type, "application/json")
        .set_body(std::string(R"({"status":"ok"})"))
        .done();
    return restinio::request_accepted();
  }
  if (path == "/read") {
    try {
      auto value = reader().setting("demo_data");
      req->create_response()
          .append_header(restinio::http_field::content_type, "application/json")
          .set_body("{\"demo_data\":" + (value ? json_string(*value) : std::string("null")) + "}")
          .done();
    } catch (const std::exception& e) {
      req->create_response(restinio::status_internal_server_error())
          .append_header(restinio::http_field::content_type, "application/json")
          .set_body("{\"error\":" + json_string(e.what()) + "}")
          .done();
    }
    return restinio::request_accepted();
  }
  return restinio::request_rejected();  // 501 from RESTinio; only the two routes above are measured
}

[[noreturn]] void usage(const char* why) {
  std::fprintf(stderr, "xinhuo_floor: %s\nusage: xinhuo_floor --db PATH --port N [--threads 2] [--host 127.0.0.1]\n", why);
  std::exit(2);
}

}  // namespace

int main(int argc, char** argv) {
  std::string host = "127.0.0.1";
  int port = -1;
  int threads = 2;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) usage(("missing value after " + a).c_str());
      return argv[++i];
    };
    if (a == "--db") g_db_path = value();
    else if (a == "--port") port = std::atoi(value().c_str());
    else if (a == "--threads") threads = std::atoi(value().c_str());
    else if (a == "--host") host = value();
    else usage(("unknown argument " + a).c_str());
  }
  if (g_db_path.empty()) usage("--db is required");
  if (port < 0 || port > 65535) usage("--port is required (0..65535)");
  if (threads < 1) usage("--threads must be at least 1");

  try {
    { Reader probe; (void)probe.setting("demo_data"); }  // fail now, not at the first request, if the file is wrong

    restinio::asio_ns::io_context io;
    auto settings = restinio::server_settings_t<Traits>{}
                        .address(host)
                        .port(static_cast<std::uint16_t>(port))
                        .request_handler(handle);
    restinio::http_server_t<Traits> server{restinio::external_io_context(io), std::move(settings)};
    server.open_sync();

    restinio::asio_ns::signal_set stop_signals{io, SIGINT, SIGTERM};
    stop_signals.async_wait([&](const auto& ec, int) {
      if (ec) return;
      server.close_sync();
      io.stop();
    });

    std::fprintf(stderr, "xinhuo_floor: listening on http://%s:%d with %d io threads, database %s\n", host.c_str(),
                 port, threads, g_db_path.c_str());
    std::vector<std::thread> pool;
    for (int i = 0; i < threads; ++i) pool.emplace_back([&io] { io.run(); });
    for (auto& t : pool) t.join();
  } catch (const std::exception& e) {
    std::fprintf(stderr, "xinhuo_floor: %s\n", e.what());
    return 1;
  }
  return 0;
}
