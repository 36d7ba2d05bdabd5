#include "core/field_cipher.hpp"

#include <sodium.h>
#include <sys/stat.h>

#include <array>
#include <cctype>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace xinhuo {

namespace {
// Standard base64 with padding, as seal() writes it. libsodium's decoder works in constant time, which a sealed
// value (already ciphertext) does not need, and took more CPU than the decryption; this one is a table look-up.
bool decode_base64(const std::string& in, std::string& out) {
  static const auto table = [] {
    std::array<signed char, 256> t{};
    t.fill(-1);
    const char* alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    for (int i = 0; i < 64; ++i) t[static_cast<unsigned char>(alphabet[i])] = static_cast<signed char>(i);
    return t;
  }();
  if (in.size() % 4 != 0) return false;
  std::size_t padding = 0;
  if (!in.empty() && in.back() == '=') padding = in[in.size() - 2] == '=' ? 2 : 1;
  out.clear();
  out.reserve(in.size() / 4 * 3);
  for (std::size_t i = 0; i < in.size(); i += 4) {
    const bool last = i + 4 == in.size();
    const std::size_t digits = last ? 4 - padding : 4;
    std::uint32_t group = 0;
    for (std::size_t k = 0; k < 4; ++k) {
      int v = 0;
      if (k < digits) {
        v = table[static_cast<unsigned char>(in[i + k])];
        if (v < 0) return false;
      }
      group = group << 6 | static_cast<std::uint32_t>(v);
    }
    out += static_cast<char>(group >> 16);
    if (digits > 2) out += static_cast<char>(group >> 8 & 0xFF);
    if (digits > 3) out += static_cast<char>(group & 0xFF);
    // Bits below the last byte must be zero (one text per value, as with libsodium).
    if (digits == 2 && (group & 0xFFFF) != 0) return false;
    if (digits == 3 && (group & 0xFF) != 0) return false;
  }
  return true;
}

std::string derive(const std::string& master, std::uint64_t id, std::size_t length) {
  std::string out(length, '\0');
  crypto_kdf_derive_from_key(reinterpret_cast<unsigned char*>(out.data()), length, id, "xinhuopi",
                             reinterpret_cast<const unsigned char*>(master.data()));
  return out;
}
}  // namespace

FieldCipher FieldCipher::from_key_file(const std::filesystem::path& path) {
  namespace fs = std::filesystem;
  if (!fs::exists(path)) {
    fs::create_directories(path.parent_path());
    ::chmod(path.parent_path().c_str(), 0700);
    std::string key(crypto_kdf_KEYBYTES, '\0');
    randombytes_buf(key.data(), key.size());
    const mode_t old = ::umask(0077);
    {
      std::ofstream out(path, std::ios::binary);
      out.write(key.data(), static_cast<std::streamsize>(key.size()));
      if (!out) {
        ::umask(old);
        throw std::runtime_error("cannot write the key file " + path.string());
      }
    }
    ::umask(old);
    ::chmod(path.c_str(), 0600);
  }
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string key = ss.str();
  if (key.size() != crypto_kdf_KEYBYTES)
    throw std::runtime_error("the key file " + path.string() + " must hold exactly 32 bytes");
  return FieldCipher(key);
}

FieldCipher::FieldCipher(const std::string& master_key) {
  if (master_key.size() != crypto_kdf_KEYBYTES) throw std::invalid_argument("master key must be 32 bytes");
  enc_key_ = derive(master_key, 1, crypto_aead_xchacha20poly1305_ietf_KEYBYTES);
  hash_key_ = derive(master_key, 2, crypto_generichash_KEYBYTES);
}

std::string FieldCipher::seal(const std::string& plaintext) const {
  std::string box(crypto_aead_xchacha20poly1305_ietf_NPUBBYTES + plaintext.size() + crypto_aead_xchacha20poly1305_ietf_ABYTES, '\0');
  auto* nonce = reinterpret_cast<unsigned char*>(box.data());
  randombytes_buf(nonce, crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);
  unsigned long long written = 0;
  crypto_aead_xchacha20poly1305_ietf_encrypt(nonce + crypto_aead_xchacha20poly1305_ietf_NPUBBYTES, &written,
                                             reinterpret_cast<const unsigned char*>(plaintext.data()), plaintext.size(),
                                             nullptr, 0, nullptr, nonce,
                                             reinterpret_cast<const unsigned char*>(enc_key_.data()));
  std::string b64(sodium_base64_ENCODED_LEN(box.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(b64.data(), b64.size(), reinterpret_cast<const unsigned char*>(box.data()), box.size(),
                    sodium_base64_VARIANT_ORIGINAL);
  b64.resize(std::strlen(b64.c_str()));
  return b64;
}

std::string FieldCipher::open(const std::string& sealed) const {
  std::string box;
  if (!decode_base64(sealed, box) ||
      box.size() < crypto_aead_xchacha20poly1305_ietf_NPUBBYTES + crypto_aead_xchacha20poly1305_ietf_ABYTES)
    throw std::runtime_error("sealed value is malformed");
  const auto* nonce = reinterpret_cast<const unsigned char*>(box.data());
  const auto* cipher = nonce + crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
  const std::size_t cipher_len = box.size() - crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
  std::string plain(cipher_len - crypto_aead_xchacha20poly1305_ietf_ABYTES, '\0');
  unsigned long long plain_len = 0;
  if (crypto_aead_xchacha20poly1305_ietf_decrypt(reinterpret_cast<unsigned char*>(plain.data()), &plain_len, nullptr,
                                                 cipher, cipher_len, nullptr, 0, nonce,
                                                 reinterpret_cast<const unsigned char*>(enc_key_.data())) != 0)
    throw std::runtime_error("sealed value does not open with this key");
  plain.resize(plain_len);
  return plain;
}

std::string FieldCipher::lookup_hash(const std::string& value) const {
  unsigned char out[32];
  crypto_generichash(out, sizeof out, reinterpret_cast<const unsigned char*>(value.data()), value.size(),
                     reinterpret_cast<const unsigned char*>(hash_key_.data()), hash_key_.size());
  std::string hex(65, '\0');
  sodium_bin2hex(hex.data(), hex.size(), out, sizeof out);
  hex.resize(64);
  return hex;
}

std::string mask_id_card(const std::string& id) {
  if (id.size() < 8) return std::string(id.size(), '*');
  return id.substr(0, 4) + std::string(id.size() - 8, '*') + id.substr(id.size() - 4);
}

std::string mask_phone(const std::string& phone) {
  if (phone.size() < 7) return std::string(phone.size(), '*');
  return phone.substr(0, 3) + std::string(phone.size() - 7, '*') + phone.substr(phone.size() - 4);
}

std::string id_card_birth_date(const std::string& id) {
  return id.size() == 18 ? id.substr(6, 4) + "-" + id.substr(10, 2) + "-" + id.substr(12, 2) : std::string{};
}

Text id_card_problem(const std::string& id) {
  if (id.size() != 18) return {"身份证号码应为 18 位", "An ID number has 18 characters"};
  for (std::size_t i = 0; i < 17; ++i)
    if (!std::isdigit(static_cast<unsigned char>(id[i]))) return {"身份证号码前 17 位必须是数字", "The first 17 characters of an ID number are digits"};
  static const int weights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  int sum = 0;
  for (std::size_t i = 0; i < 17; ++i) sum += (id[i] - '0') * weights[i];
  const char expected = "10X98765432"[sum % 11];
  if (std::toupper(static_cast<unsigned char>(id[17])) != expected) return {"身份证号码校验位不正确", "The check digit of the ID number is wrong"};
  const std::string birth = id_card_birth_date(id);
  const int y = std::stoi(birth.substr(0, 4)), m = std::stoi(birth.substr(5, 2)), d = std::stoi(birth.substr(8, 2));
  static const int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  if (y < 1900 || m < 1 || m > 12 || d < 1 || d > days[m - 1] || (m == 2 && d == 29 && !leap))
    return {"身份证号码中的出生日期不存在", "The birth date in the ID number does not exist"};
  return {};
}

bool valid_phone(const std::string& p) {
  auto digits = [](const std::string& s) {
    for (char c : s)
      if (!std::isdigit(static_cast<unsigned char>(c))) return false;
    return !s.empty();
  };
  if (p.size() == 11 && p[0] == '1' && p[1] >= '3' && p[1] <= '9' && digits(p)) return true;
  const auto dash = p.find('-');
  if (p.size() >= 10 && p[0] == '0' && dash != std::string::npos && dash >= 3 && dash <= 4) {
    const std::string area = p.substr(0, dash), local = p.substr(dash + 1);
    return digits(area) && digits(local) && local.size() >= 7 && local.size() <= 8;
  }
  return false;
}

}  // namespace xinhuo
