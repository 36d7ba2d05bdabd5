#include "study/qr_token.hpp"

#include <sodium.h>

#include <charconv>

namespace xinhuo::study {

namespace {

constexpr std::size_t kMacBytes = 16;  // 128 bits of the HMAC: plenty against guessing within a minute

std::string hex_to_bytes(const std::string& hex) {
  std::string out(hex.size() / 2, '\0');
  std::size_t len = 0;
  if (sodium_hex2bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), hex.data(), hex.size(), nullptr, &len,
                     nullptr) != 0)
    return {};
  out.resize(len);
  return out;
}

std::string mac_of(long long session_id, long long period, const std::string& secret_hex) {
  const std::string key = hex_to_bytes(secret_hex);
  const std::string message = std::to_string(session_id) + "." + std::to_string(period);
  unsigned char digest[crypto_auth_hmacsha256_BYTES];
  crypto_auth_hmacsha256_state state;
  crypto_auth_hmacsha256_init(&state, reinterpret_cast<const unsigned char*>(key.data()), key.size());
  crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(message.data()), message.size());
  crypto_auth_hmacsha256_final(&state, digest);
  char encoded[sodium_base64_ENCODED_LEN(kMacBytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];
  sodium_bin2base64(encoded, sizeof encoded, digest, kMacBytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  return encoded;
}

bool parse_positive(std::string_view text, long long& out) {
  if (text.empty() || text.size() > 18) return false;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && end == text.data() + text.size() && out > 0;
}

}  // namespace

long long qr_period(std::chrono::system_clock::time_point at) {
  return std::chrono::duration_cast<std::chrono::seconds>(at.time_since_epoch()).count() / kQrPeriodSeconds;
}

std::string make_qr_token(long long session_id, long long period, const std::string& secret_hex) {
  return std::to_string(session_id) + "." + std::to_string(period) + "." + mac_of(session_id, period, secret_hex);
}

std::optional<QrToken> parse_qr_token(const std::string& token) {
  if (token.size() > 100) return std::nullopt;
  const auto first = token.find('.');
  const auto second = first == std::string::npos ? std::string::npos : token.find('.', first + 1);
  if (second == std::string::npos) return std::nullopt;
  QrToken t;
  const std::string_view view(token);
  if (!parse_positive(view.substr(0, first), t.session_id) ||
      !parse_positive(view.substr(first + 1, second - first - 1), t.period))
    return std::nullopt;
  t.mac = token.substr(second + 1);
  if (t.mac.empty()) return std::nullopt;
  return t;
}

QrCheck check_qr_token(const QrToken& token, const std::string& secret_hex, long long period_now) {
  const std::string expected = mac_of(token.session_id, token.period, secret_hex);
  if (expected.size() != token.mac.size() ||
      sodium_memcmp(expected.data(), token.mac.data(), expected.size()) != 0)
    return QrCheck::forged;
  // Its own period and the next one; a token from the future was not made by this server's clock.
  if (token.period > period_now || token.period < period_now - 1) return QrCheck::expired;
  return QrCheck::valid;
}

}  // namespace xinhuo::study
