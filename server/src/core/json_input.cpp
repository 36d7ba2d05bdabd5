#include "core/json_input.hpp"

#include <fmt/format.h>

#include <climits>

#include "core/error.hpp"

namespace xinhuo {

namespace {
// The deepest nesting of objects and arrays a request body may have: far more than any form needs. Copying or
// writing out a value recurses once per level, and a body nested a hundred thousand deep, copied by a route that
// keeps a settings object, overflowed the worker's stack and stopped the server.
constexpr int kMaxJsonDepth = 32;
}  // namespace

// Besides syntax errors, a number beyond any double and nesting deeper than kMaxJsonDepth are 400 invalid_json.
Json parse_json(const std::string& text) {
  // The parser itself keeps its own stack, so it reaches an over-deep opening bracket safely and stops there.
  const Json::parser_callback_t depth_limit = [](int depth, Json::parse_event_t event, Json&) {
    if ((event == Json::parse_event_t::object_start || event == Json::parse_event_t::array_start) && depth >= kMaxJsonDepth)
      throw Error(400, "invalid_json", {fmt::format("请求体的 JSON 嵌套超过 {} 层", kMaxJsonDepth),
                                        fmt::format("The JSON is nested deeper than {} levels", kMaxJsonDepth)});
    return true;
  };
  try {
    return Json::parse(text, depth_limit);
  } catch (const Json::parse_error& e) {
    throw Error(400, "invalid_json",
                {fmt::format("请求体不是合法的 JSON（第 {} 个字节附近）", e.byte),
                 fmt::format("Malformed JSON near byte {}", e.byte)});
  } catch (const Json::out_of_range&) {
    // The parser reports a number too large for a double (1e400) this way, not as a parse error.
    throw Error(400, "invalid_json", {"请求体中有超出范围的数字", "A number in the body is out of range"});
  }
}

std::optional<std::size_t> utf8_length(const std::string& s) {
  // Strict RFC 3629: no overlong forms, no surrogates, nothing past U+10FFFF, and no NUL, which PostgreSQL cannot
  // store in text and no person types.
  std::size_t count = 0;
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c == 0) return std::nullopt;
    std::size_t len = c < 0x80 ? 1 : (c >= 0xC2 && c <= 0xDF) ? 2 : (c >> 4) == 0xE ? 3 : (c >= 0xF0 && c <= 0xF4) ? 4 : 0;
    if (len == 0 || i + len > s.size()) return std::nullopt;
    for (std::size_t k = 1; k < len; ++k)
      if ((static_cast<unsigned char>(s[i + k]) >> 6) != 0x2) return std::nullopt;
    const auto c1 = static_cast<unsigned char>(s[i + 1 < s.size() ? i + 1 : i]);
    if (len == 3 && ((c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 >= 0xA0))) return std::nullopt;  // overlong, surrogate
    if (len == 4 && ((c == 0xF0 && c1 < 0x90) || (c == 0xF4 && c1 >= 0x90))) return std::nullopt;  // overlong, > U+10FFFF
    i += len;
    ++count;
  }
  return count;
}

JsonFields::JsonFields(const Json& object, std::string prefix) : object_(object), prefix_(std::move(prefix)) {
  if (!object_.is_object())
    throw Error(400, "validation_failed", {"请求体必须是 JSON 对象", "The request body must be a JSON object"},
                prefix_.empty() ? std::string{} : prefix_.substr(0, prefix_.size() - 1));
}

const Json* JsonFields::find(const std::string& name) {
  read_.insert(name);
  auto it = object_.find(name);
  if (it == object_.end() || it->is_null()) return nullptr;
  return &*it;
}

void JsonFields::fail(const std::string& name, const char* zh, const char* en) const {
  throw Error::validation(prefix_ + name, {fmt::format(fmt::runtime(zh), prefix_ + name),
                                           fmt::format(fmt::runtime(en), prefix_ + name)});
}

std::optional<std::string> JsonFields::optional_string(const std::string& name, std::size_t max_chars) {
  const Json* v = find(name);
  if (!v) return std::nullopt;
  if (!v->is_string()) fail(name, "字段 {} 必须是字符串", "Field {} must be a string");
  std::string s = v->get<std::string>();
  auto length = utf8_length(s);
  if (!length) fail(name, "字段 {} 含有无效字符", "Field {} contains invalid characters");
  if (*length > max_chars)
    throw Error::validation(prefix_ + name, {fmt::format("字段 {} 不能超过 {} 个字", prefix_ + name, max_chars),
                                             fmt::format("Field {} is longer than {} characters", prefix_ + name, max_chars)});
  return s;
}

std::string JsonFields::required_string(const std::string& name, std::size_t max_chars) {
  auto s = optional_string(name, max_chars);
  if (!s || s->empty()) fail(name, "字段 {} 必须填写", "Field {} is required");
  return *s;
}

std::optional<long long> JsonFields::optional_int(const std::string& name, long long min, long long max) {
  const Json* v = find(name);
  if (!v) return std::nullopt;
  if (!v->is_number_integer()) fail(name, "字段 {} 必须是整数", "Field {} must be an integer");
  const bool too_big = v->is_number_unsigned() && v->get<unsigned long long>() > static_cast<unsigned long long>(max);
  const long long n = too_big ? max : v->get<long long>();
  if (too_big || n < min || n > max)
    throw Error::validation(prefix_ + name, {fmt::format("字段 {} 必须在 {} 到 {} 之间", prefix_ + name, min, max),
                                             fmt::format("Field {} must be between {} and {}", prefix_ + name, min, max)});
  return n;
}

long long JsonFields::required_int(const std::string& name, long long min, long long max) {
  auto n = optional_int(name, min, max);
  if (!n) fail(name, "字段 {} 必须填写", "Field {} is required");
  return *n;
}

bool JsonFields::optional_bool(const std::string& name, bool fallback) {
  const Json* v = find(name);
  if (!v) return fallback;
  if (!v->is_boolean()) fail(name, "字段 {} 必须是 true 或 false", "Field {} must be true or false");
  return v->get<bool>();
}

const Json& JsonFields::required_object(const std::string& name) {
  const Json* v = find(name);
  if (!v) fail(name, "字段 {} 必须填写", "Field {} is required");
  if (!v->is_object()) fail(name, "字段 {} 必须是对象", "Field {} must be an object");
  return *v;
}

const Json& JsonFields::required_array(const std::string& name) {
  const Json* v = find(name);
  if (!v) fail(name, "字段 {} 必须填写", "Field {} is required");
  if (!v->is_array()) fail(name, "字段 {} 必须是数组", "Field {} must be an array");
  return *v;
}

std::vector<long long> JsonFields::optional_id_list(const std::string& name, std::size_t max_items) {
  std::vector<long long> ids;
  const Json* v = find(name);
  if (!v) return ids;
  if (!v->is_array()) fail(name, "字段 {} 必须是数组", "Field {} must be an array");
  const Json& list = *v;
  if (list.size() > max_items)
    throw Error::validation(prefix_ + name, {fmt::format("字段 {} 最多 {} 项", prefix_ + name, max_items),
                                             fmt::format("Field {} takes at most {} items", prefix_ + name, max_items)});
  for (const auto& id : list) {
    if (!id.is_number_integer() || id.get<long long>() < 1) fail(name, "字段 {} 应为编号的列表", "Field {} must be a list of ids");
    ids.push_back(id.get<long long>());
  }
  return ids;
}

void JsonFields::finish() const {
  for (const auto& [key, value] : object_.items()) {
    if (!read_.count(key))
      throw Error(400, "unknown_field",
                  {fmt::format("不支持的字段：{}", prefix_ + key), fmt::format("Unknown field: {}", prefix_ + key)},
                  prefix_ + key);
  }
}

}  // namespace xinhuo
