#pragma once
#include <exception>
// Logs are JSON lines on stderr: one object per event, so that they can be searched by request id.
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace xinhuo::log {

enum class Level { debug, info, warn, error };

void set_level(Level level);
Level parse_level(const std::string& name);  // "debug" | "info" | "warn" | "error"
// Writes {"time":…, "level":…, "msg":…, …fields}.
void write(Level level, const std::string& message, nlohmann::json fields = nlohmann::json::object());
// Writes a line already formatted as one JSON object (hot paths that build it without a json tree).
void write_line(Level level, const std::string& json_line);
bool enabled(Level level);
// Sends buffered lines to stderr now (warnings and errors go at once; the rest within a second, and at exit).
void flush();
inline void info(const std::string& m, nlohmann::json f = nlohmann::json::object()) { write(Level::info, m, std::move(f)); }
inline void warn(const std::string& m, nlohmann::json f = nlohmann::json::object()) { write(Level::warn, m, std::move(f)); }
inline void error(const std::string& m, nlohmann::json f = nlohmann::json::object()) { write(Level::error, m, std::move(f)); }

}  // namespace xinhuo::log

namespace xinhuo::log {
// An exception's text fit for a log line: database errors carry the statement and its bound values (personal
// data), so everything from " while executing" on is dropped, and the rest is cut to 300 characters.
std::string safe_what(const std::exception& e);
}  // namespace xinhuo::log
