#pragma once
// Time-based one-time passwords (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits), the second factor that the
// three administrator roles must use.
#include <cstdint>
#include <optional>
#include <string>

namespace xinhuo::auth {

// RFC 4648 base32 (upper case, no padding needed); nullopt when invalid.
std::optional<std::string> base32_decode(const std::string& text);
std::string base32_encode(const std::string& bytes);
// The 6-digit code for a time step (unix seconds / 30).
std::string totp_code(const std::string& secret_bytes, std::int64_t step);
// The step whose code matches within ±1 step of `unix_seconds`, if any.
std::optional<std::int64_t> totp_match(const std::string& secret_bytes, const std::string& code, std::int64_t unix_seconds);
// otpauth:// URI for authenticator apps (shown as a QR code at enrolment).
std::string otpauth_uri(const std::string& issuer, const std::string& account, const std::string& base32_secret);

}  // namespace xinhuo::auth
