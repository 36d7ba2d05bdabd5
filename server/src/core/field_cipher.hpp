#pragma once
// Encryption of personal fields at rest (ID-card and phone numbers): XChaCha20-Poly1305 with a key kept in a
// file outside the database, plus a keyed hash of the normalised value for exact look-ups. A copy of the
// database alone reveals neither the numbers nor (without the key) which rows share one.
#include <filesystem>
#include <string>

#include "core/error.hpp"

namespace xinhuo {

class FieldCipher {
 public:
  // Reads the 32-byte key file, creating it (mode 0600, folder 0700) when it does not exist.
  static FieldCipher from_key_file(const std::filesystem::path& path);
  explicit FieldCipher(const std::string& master_key);

  std::string seal(const std::string& plaintext) const;  // base64 of nonce ‖ ciphertext ‖ tag
  // Throws std::runtime_error when the value was not sealed with this key (or was changed).
  std::string open(const std::string& sealed) const;
  std::string lookup_hash(const std::string& value) const;  // hex, stable for a key

 private:
  std::string enc_key_;
  std::string hash_key_;
};

// "330203199001011234" → "3302**********1234"; "13912345678" → "139****5678".
std::string mask_id_card(const std::string& id);
std::string mask_phone(const std::string& phone);
// GB 11643: 18 characters, 17 digits and a mod 11-2 check character; the birth date inside must be real.
// Returns an empty string when valid, otherwise what is wrong (Chinese).
Text id_card_problem(const std::string& id);
// The birth date inside an ID number, "YYYY-MM-DD".
std::string id_card_birth_date(const std::string& id);
// Mainland mobile (11 digits, 1[3-9]…) or a landline with area code ("0574-87654321").
bool valid_phone(const std::string& phone);

}  // namespace xinhuo
