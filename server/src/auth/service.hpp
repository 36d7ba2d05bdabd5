#pragma once
// Sign-in, sessions, the caller's identity (Principal) and password changes. The rules of the security
// requirements live here: lockout, timeouts, second factor for administrators, password policy and history,
// separation of the three administrators.
#include <optional>
#include <string>

#include "auth/model.hpp"
#include "auth/password.hpp"
#include "auth/principal_cache.hpp"
#include "auth/store.hpp"
#include "core/clock.hpp"

namespace xinhuo::auth {

struct LoginRequest {
  std::string username;
  std::string password;
  std::optional<std::string> totp;
  std::string user_agent;
};

struct LoginResult {
  std::string token;  // goes into the cookie only
  Me me;
};

class AuthService {
 public:
  AuthService(db::Database& db, const Clock& clock, AuthPolicy policy);

  const AuthPolicy& policy() const { return policy_; }
  PasswordHasher& hasher() { return hasher_; }

  // `caller` carries the IP and request id of the attempt (for the audit log).
  LoginResult login(const Principal& caller, const LoginRequest& request);
  void logout(const Principal& caller);
  // The Principal of an open session, or nullopt when the token is unknown, ended, idle too long or expired.
  std::optional<Principal> authenticate(const std::string& token, const std::string& ip, const std::string& request_id);
  Me me(const Principal& caller);
  std::vector<Session> sessions(const Principal& caller);
  void end_session(const Principal& caller, long long session_id);
  void change_password(const Principal& caller, const std::string& current, const std::string& next);
  // Starts TOTP enrolment: a new secret (base32) that takes effect when confirmed with a code.
  std::string begin_totp(const Principal& caller);
  void confirm_totp(const Principal& caller, const std::string& code);
  // This instance forgets the cached Principal(s) after a change to an account, its grants or roles; the
  // administration service calls it after each commit.
  void forget_account(long long account_id);
  void forget_all_principals();

  // Built-in roles exist in every installation (idempotent; run at start-up).
  void ensure_builtin_roles();
  // Creates an account (the caller's transaction); password already hashed.
  static long long create_account(db::Tx& tx, const Account& account, const std::string& now);
  // Grants a role on a node with a scope; refuses a second administrator role (三员分立) with 409.
  // `custom_nodes`: the organisations of a custom scope.
  static void grant(db::Tx& tx, long long account_id, const std::string& role_code, long long org_node_id,
                    const std::string& scope, long long granted_by, const std::string& now,
                    const std::vector<long long>& custom_nodes = {});

 private:
  Principal principal_for(const Account& account, long long session_id);
  bool password_expired(const Account& account) const;
  [[noreturn]] void fail_login(const Principal& caller, const Account& account, const std::string& code);

  db::Database& db_;
  AuthStore store_;
  const Clock& clock_;
  AuthPolicy policy_;
  PasswordHasher hasher_;
  PrincipalCache principals_;
  std::string dummy_hash_;  // verified against for unknown users, so timing does not reveal who exists
};

}  // namespace xinhuo::auth
