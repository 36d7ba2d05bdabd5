#include "core/log.hpp"

#include <spdlog/sinks/base_sink.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <mutex>

#include "core/clock.hpp"

namespace xinhuo::log {

namespace {
std::atomic<Level> g_level{Level::info};

// Lines collect in a buffer that goes to stderr when it fills, at least once a second, at once for warnings and
// errors, and at exit: a write(2) per access-log line cost more than the request it logged.
class BufferedStderrSink final : public spdlog::sinks::base_sink<std::mutex> {
 protected:
  void sink_it_(const spdlog::details::log_msg& msg) override {
    buffer_.append(msg.payload.data(), msg.payload.size());
    buffer_.push_back('\n');
    if (buffer_.size() >= 32 * 1024) flush_();
  }
  void flush_() override {
    std::size_t done = 0;
    while (done < buffer_.size()) {
      const ssize_t n = ::write(STDERR_FILENO, buffer_.data() + done, buffer_.size() - done);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) break;  // nowhere to write: drop rather than block the server
      done += static_cast<std::size_t>(n);
    }
    buffer_.clear();
  }

 private:
  std::string buffer_;
};

spdlog::logger& logger() {
  // Never destroyed: lines written by other static destructors and the exit-time flush still find it.
  static auto* instance = new std::shared_ptr<spdlog::logger>([] {
    auto l = std::make_shared<spdlog::logger>("xinhuo", std::make_shared<BufferedStderrSink>());
    l->set_level(spdlog::level::trace);
    l->flush_on(spdlog::level::warn);
    spdlog::register_logger(l);
    spdlog::flush_every(std::chrono::seconds(1));
    return l;
  }());
  static const bool flush_at_exit = [] { return std::atexit([] { flush(); }) == 0; }();
  (void)flush_at_exit;
  return **instance;
}

const char* name(Level l) {
  switch (l) {
    case Level::debug: return "debug";
    case Level::info: return "info";
    case Level::warn: return "warn";
    case Level::error: return "error";
  }
  return "info";
}
}  // namespace

void set_level(Level level) { g_level = level; }

Level parse_level(const std::string& n) {
  if (n == "debug") return Level::debug;
  if (n == "warn") return Level::warn;
  if (n == "error") return Level::error;
  return Level::info;
}

spdlog::level::level_enum spd(Level level) {
  switch (level) {
    case Level::debug: return spdlog::level::debug;
    case Level::info: return spdlog::level::info;
    case Level::warn: return spdlog::level::warn;
    case Level::error: return spdlog::level::err;
  }
  return spdlog::level::info;
}

bool enabled(Level level) { return level >= g_level.load(); }

void write(Level level, const std::string& message, nlohmann::json fields) {
  if (!enabled(level)) return;
  nlohmann::json line = {{"time", iso_utc_millis(std::chrono::system_clock::now())}, {"level", name(level)}, {"msg", message}};
  for (auto& [k, v] : fields.items()) line[k] = std::move(v);
  logger().log(spd(level), line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

void write_line(Level level, const std::string& json_line) {
  if (!enabled(level)) return;
  logger().log(spd(level), json_line);
}

void flush() { logger().flush(); }

}  // namespace xinhuo::log

namespace xinhuo::log {
std::string safe_what(const std::exception& e) {
  std::string text = e.what();
  auto cut = text.find(" while executing");
  if (cut != std::string::npos) text.resize(cut);
  if (text.size() > 300) text.resize(300);
  return text;
}
}  // namespace xinhuo::log
