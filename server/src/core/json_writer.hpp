#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace xinhuo {

// Appends `text` as a JSON string literal: quotes, escapes, U+FFFD for bytes that are not UTF-8.
void append_json_string(std::string& out, std::string_view text);

// Writes JSON text straight into one string. For answers read on every request (a person's detail, the roster):
// building an nlohmann tree first and dumping it cost more CPU than the rest of such a request. Everything else
// keeps using `Json`.
//
// The text is what `Json::dump()` writes for the same values: no spaces, UTF-8 passed through, '"', '\\' and the
// control characters escaped. Bytes that are not UTF-8 become U+FFFD (dump would throw).
class JsonWriter {
 public:
  JsonWriter() { out_.reserve(1024); }

  JsonWriter& begin_object();
  JsonWriter& end_object();
  JsonWriter& begin_array();
  JsonWriter& end_array();
  // Inside an object, before its value. Keys are the program's own literals: copied as they are, in one piece.
  template <std::size_t N>
  JsonWriter& key(const char (&name)[N]) {
    separate();
    out_ += '"';
    out_.append(name, N - 1);
    out_.append("\":", 2);
    after_key_ = true;
    return *this;
  }

  JsonWriter& value(std::string_view s);
  JsonWriter& value(const char* s) { return value(std::string_view(s)); }
  JsonWriter& value(long long n);
  JsonWriter& value(int n) { return value(static_cast<long long>(n)); }
  JsonWriter& value(bool b);
  JsonWriter& null();
  // The string, or null when it is empty (optional text fields).
  JsonWriter& value_or_null(std::string_view s) { return s.empty() ? null() : value(s); }
  // The number, or null when it is 0 (optional references).
  JsonWriter& id_or_null(long long id) { return id ? value(id) : null(); }

  // key + value in one call.
  template <std::size_t N, typename T>
  JsonWriter& field(const char (&name)[N], const T& v) {
    return key(name).value(v);
  }

  const std::string& text() const { return out_; }
  std::string take() { return std::move(out_); }

 private:
  // The comma before a value or key that is not the first of its container.
  void separate() {
    if (after_key_) after_key_ = false;
    else if (!first_) out_ += ',';
    first_ = false;
  }

  std::string out_;
  bool first_ = true;       // nothing written yet in the open container
  bool after_key_ = false;  // a key was written: its value follows without a comma
};

}  // namespace xinhuo
