#pragma once
// Time as the platform sees it: instants are UTC, stored and sent as ISO-8601 text; display is the UI's job.
// Services take a Clock so tests can set the time.
#include <chrono>
#include <string>

namespace xinhuo {

using TimePoint = std::chrono::system_clock::time_point;

class Clock {
 public:
  virtual ~Clock() = default;
  virtual TimePoint now() const = 0;
};

class SystemClock final : public Clock {
 public:
  TimePoint now() const override { return std::chrono::system_clock::now(); }
};

// A clock that only moves when told to.
class ManualClock final : public Clock {
 public:
  explicit ManualClock(TimePoint start) : now_(start) {}
  TimePoint now() const override { return now_; }
  void advance(std::chrono::seconds by) { now_ += by; }
  void set(TimePoint t) { now_ = t; }

 private:
  TimePoint now_;
};

// "2026-11-29T10:23:31Z" (seconds precision).
std::string iso_utc(TimePoint t);
// "2026-11-29T10:23:31.123Z" for logs.
std::string iso_utc_millis(TimePoint t);
// Parses "YYYY-MM-DDTHH:MM:SSZ"; nullopt-like failure throws std::invalid_argument.
TimePoint parse_iso_utc(const std::string& text);

}  // namespace xinhuo
