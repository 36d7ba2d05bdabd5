#pragma once
// The rotating QR code of a study session. The organiser's screen shows a new token every period (30 s); a token is
// accepted during its own period and the next, so a scan just before the change still counts, but a photo of the code
// forwarded a minute later does not. A token is "<session>.<period>.<mac>", the MAC an HMAC-SHA256 under the session's
// own secret, so it cannot be made for another session or another time without the secret.
#include <chrono>
#include <optional>
#include <string>

namespace xinhuo::study {

inline constexpr int kQrPeriodSeconds = 30;

long long qr_period(std::chrono::system_clock::time_point at);
std::string make_qr_token(long long session_id, long long period, const std::string& secret_hex);

struct QrToken {
  long long session_id = 0;
  long long period = 0;
  std::string mac;
};
// The parts of a well-formed token (not yet checked); nullopt when it is not one.
std::optional<QrToken> parse_qr_token(const std::string& token);

enum class QrCheck { valid, forged, expired };
// Whether `token` (parsed) is genuine for the secret and still current at `period_now`.
QrCheck check_qr_token(const QrToken& token, const std::string& secret_hex, long long period_now);

}  // namespace xinhuo::study
