#include "core/error.hpp"

#include <fmt/format.h>

namespace xinhuo {

Error::Error(int status, std::string code, Text message, std::string field)
    : std::runtime_error(code), status_(status), code_(std::move(code)), message_(std::move(message)),
      field_(std::move(field)) {}

Error Error::validation(std::string field, Text message) {
  return Error(400, "validation_failed", std::move(message), std::move(field));
}
Error Error::bad_request(std::string code, Text message) { return Error(400, std::move(code), std::move(message)); }
Error Error::unauthenticated() {
  return Error(401, "unauthenticated", {"请先登录", "Please sign in"});
}
Error Error::forbidden(std::string code, Text message) { return Error(403, std::move(code), std::move(message)); }
Error Error::not_found(Text what) { return Error(404, "not_found", std::move(what)); }
Error Error::conflict(std::string code, Text message) { return Error(409, std::move(code), std::move(message)); }
Error Error::unprocessable(std::string code, Text message) {
  return Error(422, std::move(code), std::move(message));
}
Error Error::unsupported_media_type() {
  return Error(415, "unsupported_media_type",
               {"请求体必须是 JSON（Content-Type: application/json）",
                "The request body must be JSON (Content-Type: application/json)"});
}
Error Error::payload_too_large(std::size_t limit_bytes) {
  const double mib = static_cast<double>(limit_bytes) / (1024.0 * 1024.0);
  return Error(413, "payload_too_large",
               {fmt::format("请求体过大，上限 {:.0f} MiB", mib), fmt::format("Request body too large (limit {:.0f} MiB)", mib)});
}
Error Error::unavailable(std::string code, Text message) { return Error(503, std::move(code), std::move(message)); }

}  // namespace xinhuo
