#pragma once
// Errors that reach a caller. Every failure a user can cause is an Error with an HTTP status, a stable code
// and a message in both interface languages; anything else is an internal error and is never shown in detail.
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace xinhuo {

// A sentence shown to a user, in the two interface languages.
struct Text {
  std::string zh;
  std::string en;
  const std::string& in(bool english) const { return english && !en.empty() ? en : zh; }
};

class Error : public std::runtime_error {
 public:
  Error(int status, std::string code, Text message, std::string field = {});

  int status() const { return status_; }
  const std::string& code() const { return code_; }
  const Text& message() const { return message_; }
  const std::string& field() const { return field_; }
  // Extra facts for the client, sent beside code and message (e.g. locked_until).
  const std::vector<std::pair<std::string, std::string>>& details() const { return details_; }
  void set_detail(std::string key, std::string value) { details_.emplace_back(std::move(key), std::move(value)); }

  // 400: an input is wrong; `field` names it (dotted path for nested fields).
  static Error validation(std::string field, Text message);
  static Error bad_request(std::string code, Text message);
  static Error unauthenticated();
  static Error forbidden(std::string code, Text message);
  // 404 for a record that does not exist or that the caller may not see (never reveal which).
  static Error not_found(Text what = {"记录不存在", "Record not found"});
  static Error conflict(std::string code, Text message);
  static Error unprocessable(std::string code, Text message);
  static Error unsupported_media_type();
  static Error payload_too_large(std::size_t limit_bytes);
  static Error unavailable(std::string code, Text message);

 private:
  int status_;
  std::string code_;
  Text message_;
  std::string field_;
  std::vector<std::pair<std::string, std::string>> details_;
};

}  // namespace xinhuo
