#pragma once
// Passwords: Argon2id hashing on a bounded number of slots (a sign-in storm waits or gets 429; it cannot take
// every request thread), and the password policy.
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <string>

#include "auth/model.hpp"
#include "core/error.hpp"

namespace xinhuo::auth {

class PasswordHasher {
 public:
  explicit PasswordHasher(const AuthPolicy& policy);
  std::string hash(const std::string& password);
  bool verify(const std::string& stored_hash, const std::string& password);

 private:
  class Slot;
  const AuthPolicy& policy_;
  std::mutex mutex_;
  std::condition_variable free_;
  int busy_ = 0;
  int waiting_ = 0;
};

// Throws Error 400 (field new_password) when the password breaks the policy: length, 3 of 4 character classes,
// a common password, or the username inside it.
void check_policy(const AuthPolicy& policy, const std::string& username, const std::string& password);

}  // namespace xinhuo::auth
