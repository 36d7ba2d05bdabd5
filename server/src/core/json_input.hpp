#pragma once
// Strict reading of a JSON object from a request: each field is read once with its type and limits, and
// finish() refuses any field that was not read, so a client can never set what a route does not accept.
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace xinhuo {

using Json = nlohmann::json;

// Parses text as JSON; a syntax error is a 400 `invalid_json` naming the byte where it went wrong.
Json parse_json(const std::string& text);

class JsonFields {
 public:
  // `prefix` names the object in error fields ("members[2]." for nested objects).
  explicit JsonFields(const Json& object, std::string prefix = {});

  std::string required_string(const std::string& name, std::size_t max_chars = 200);
  std::optional<std::string> optional_string(const std::string& name, std::size_t max_chars = 200);
  long long required_int(const std::string& name, long long min, long long max);
  std::optional<long long> optional_int(const std::string& name, long long min, long long max);
  bool optional_bool(const std::string& name, bool fallback);
  const Json& required_object(const std::string& name);
  const Json& required_array(const std::string& name);
  // A list of record ids (uploaded files, people) of at most max_items; empty when absent.
  std::vector<long long> optional_id_list(const std::string& name, std::size_t max_items);

  // Throws a 400 naming the first field that was sent but not read.
  void finish() const;

 private:
  const Json* find(const std::string& name);
  [[noreturn]] void fail(const std::string& name, const char* zh, const char* en) const;

  const Json& object_;
  std::string prefix_;
  std::set<std::string> read_;
};

// Counts characters (code points) of a UTF-8 string; invalid UTF-8 gives std::nullopt.
std::optional<std::size_t> utf8_length(const std::string& s);

}  // namespace xinhuo
