#include "core/log.hpp"

#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <atomic>

#include "core/clock.hpp"

namespace xinhuo::log {

namespace {
std::atomic<Level> g_level{Level::info};

spdlog::logger& logger() {
  // stderr, raw pattern: the JSON object is the whole line.
  static auto instance = [] {
    auto l = spdlog::stderr_logger_mt("xinhuo");
    l->set_pattern("%v");
    l->set_level(spdlog::level::trace);
    l->flush_on(spdlog::level::trace);
    return l;
  }();
  return *instance;
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

void write(Level level, const std::string& message, nlohmann::json fields) {
  if (level < g_level.load()) return;
  nlohmann::json line = {{"time", iso_utc_millis(std::chrono::system_clock::now())}, {"level", name(level)}, {"msg", message}};
  for (auto& [k, v] : fields.items()) line[k] = std::move(v);
  logger().info(line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

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
