#include "auth/totp.hpp"

#include <openssl/hmac.h>

#include <cctype>
#include <cstdio>
#include <string_view>

namespace xinhuo::auth {

namespace {
const char* const kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

std::string uri_escape(const std::string& s) {
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out.push_back(static_cast<char>(c));
    } else {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", c);
      out += buf;
    }
  }
  return out;
}
}  // namespace

std::optional<std::string> base32_decode(const std::string& text) {
  std::string out;
  unsigned buffer = 0;
  int bits = 0;
  for (char ch : text) {
    if (ch == '=' || ch == ' ') continue;
    const char c = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    const auto pos = std::string_view(kAlphabet).find(c);
    if (pos == std::string_view::npos) return std::nullopt;
    buffer = (buffer << 5) | static_cast<unsigned>(pos);
    bits += 5;
    if (bits >= 8) {
      out.push_back(static_cast<char>((buffer >> (bits - 8)) & 0xff));
      bits -= 8;
    }
  }
  return out;
}

std::string base32_encode(const std::string& bytes) {
  std::string out;
  unsigned buffer = 0;
  int bits = 0;
  for (unsigned char c : bytes) {
    buffer = (buffer << 8) | c;
    bits += 8;
    while (bits >= 5) {
      out.push_back(kAlphabet[(buffer >> (bits - 5)) & 31]);
      bits -= 5;
    }
  }
  if (bits > 0) out.push_back(kAlphabet[(buffer << (5 - bits)) & 31]);
  return out;
}

std::string totp_code(const std::string& secret, std::int64_t step) {
  unsigned char msg[8];
  for (int i = 7; i >= 0; --i) {
    msg[i] = static_cast<unsigned char>(step & 0xff);
    step >>= 8;
  }
  unsigned char digest[20];
  unsigned int len = 0;
  HMAC(EVP_sha1(), secret.data(), static_cast<int>(secret.size()), msg, sizeof msg, digest, &len);
  const int offset = digest[19] & 0x0f;
  const std::uint32_t binary = ((digest[offset] & 0x7fu) << 24) | (digest[offset + 1] << 16) | (digest[offset + 2] << 8) |
                               digest[offset + 3];
  char code[8];
  std::snprintf(code, sizeof code, "%06u", binary % 1000000u);
  return code;
}

std::optional<std::int64_t> totp_match(const std::string& secret, const std::string& code, std::int64_t unix_seconds) {
  if (code.size() != 6) return std::nullopt;
  const std::int64_t now_step = unix_seconds / 30;
  for (std::int64_t step : {now_step, now_step - 1, now_step + 1})
    if (totp_code(secret, step) == code) return step;
  return std::nullopt;
}

std::string otpauth_uri(const std::string& issuer, const std::string& account, const std::string& base32_secret) {
  return "otpauth://totp/" + uri_escape(issuer) + ":" + uri_escape(account) + "?secret=" + base32_secret +
         "&issuer=" + uri_escape(issuer) + "&algorithm=SHA1&digits=6&period=30";
}

}  // namespace xinhuo::auth
