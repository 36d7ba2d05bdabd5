#include "auth/password.hpp"

#include <sodium.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <stdexcept>

#include "core/json_input.hpp"

namespace xinhuo::auth {

// Holds one hashing slot for its lifetime.
class PasswordHasher::Slot {
 public:
  explicit Slot(PasswordHasher& h) : h_(h) {
    std::unique_lock lock(h_.mutex_);
    if (h_.busy_ >= h_.policy_.argon2_parallel_hashes) {
      if (h_.waiting_ >= h_.policy_.argon2_max_waiting)
        throw Error(429, "too_many_requests", {"登录请求过多，请稍后再试", "Too many sign-in attempts at once, please try again"});
      ++h_.waiting_;
      h_.free_.wait(lock, [this] { return h_.busy_ < h_.policy_.argon2_parallel_hashes; });
      --h_.waiting_;
    }
    ++h_.busy_;
  }
  ~Slot() {
    {
      std::lock_guard lock(h_.mutex_);
      --h_.busy_;
    }
    h_.free_.notify_one();
  }

 private:
  PasswordHasher& h_;
};

PasswordHasher::PasswordHasher(const AuthPolicy& policy) : policy_(policy) {}

std::string PasswordHasher::hash(const std::string& password) {
  Slot slot(*this);
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, password.data(), password.size(), policy_.argon2_ops, policy_.argon2_mem_bytes,
                            crypto_pwhash_ALG_ARGON2ID13) != 0)
    throw std::runtime_error("password hashing ran out of memory");
  return out;
}

bool PasswordHasher::verify(const std::string& stored_hash, const std::string& password) {
  Slot slot(*this);
  return crypto_pwhash_str_verify(stored_hash.c_str(), password.data(), password.size()) == 0;
}

namespace {
// The most common passwords seen in Chinese and international leaks, compared case-insensitively.
constexpr std::array<const char*, 40> kCommon = {
    "123456", "12345678", "123456789", "1234567890", "password", "password1", "password123", "passw0rd",
    "qwerty123", "qwertyuiop", "1qaz2wsx", "1q2w3e4r", "1q2w3e4r5t", "abc123456", "abcd1234", "a123456789",
    "aa123456", "admin123", "admin@123", "administrator", "iloveyou", "woaini1314", "5201314", "88888888",
    "11111111", "00000000", "asdfghjkl", "zxcvbnm123", "p@ssw0rd", "p@ssword1", "welcome1", "qq123456",
    "xinhuo123", "xinhuo@123", "dangjian123", "abc@123456", "test1234", "root1234", "000000aa", "66666666"};

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}
}  // namespace

void check_policy(const AuthPolicy& policy, const std::string& username, const std::string& password) {
  auto fail = [](const std::string& zh, const std::string& en) { throw Error::validation("new_password", {zh, en}); };
  const auto length = utf8_length(password);
  if (!length) fail("密码含有无效字符", "The password contains invalid characters");
  if (*length < static_cast<std::size_t>(policy.min_password_length))
    fail("密码至少需要 " + std::to_string(policy.min_password_length) + " 个字符",
         "The password needs at least " + std::to_string(policy.min_password_length) + " characters");
  if (*length > 128) fail("密码不能超过 128 个字符", "The password may not be longer than 128 characters");
  int lower_c = 0, upper_c = 0, digit = 0, other = 0;
  for (unsigned char c : password) {
    if (std::islower(c)) lower_c = 1;
    else if (std::isupper(c)) upper_c = 1;
    else if (std::isdigit(c)) digit = 1;
    else other = 1;
  }
  if (lower_c + upper_c + digit + other < 3)
    fail("密码需包含大写字母、小写字母、数字、符号中的至少三类", "Use at least three of: upper case, lower case, digits, symbols");
  const std::string lowered = lower(password);
  if (std::find(kCommon.begin(), kCommon.end(), lowered) != kCommon.end())
    fail("这是常见密码，请换一个", "This is a common password; choose another");
  if (!username.empty() && lowered.find(lower(username)) != std::string::npos)
    fail("密码不能包含用户名", "The password may not contain the username");
}

}  // namespace xinhuo::auth
