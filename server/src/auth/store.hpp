#pragma once
// The SQL of accounts, roles, grants and sessions.
#include <optional>
#include <string>
#include <vector>

#include "auth/model.hpp"
#include "db/transaction.hpp"

namespace xinhuo::auth {

class AuthStore {
 public:
  explicit AuthStore(db::Database& db) : db_(db) {}

  std::optional<Account> account_by_username(const std::string& username);
  std::optional<Account> account_by_id(long long id);
  static std::optional<Account> account_in(soci::session& sql, long long id);
  std::vector<Grant> grants(long long account_id);
  std::vector<std::string> permissions(long long account_id);

  // Sign-in bookkeeping; each returns the new failure count where it changes it.
  static int record_failure(db::Tx& tx, long long account_id, int max_failures, const std::string& lock_until);
  static void reset_failures(db::Tx& tx, long long account_id, const std::string& now);
  // Compare-and-set: false when the step was already used (a replayed code).
  static bool use_totp_step(db::Tx& tx, long long account_id, long long step);

  static long long insert_session(db::Tx& tx, const std::string& token_hash, long long account_id, const std::string& now,
                                  const std::string& expires_at, const std::string& ip, const std::string& user_agent);
  struct SessionLookup {
    Session session;
    std::string account_status;  // read with the session: a disabled account is refused at once
  };
  // One query, on every request. The session's id, account, last activity and expiry (not its ip or agent).
  std::optional<SessionLookup> open_session(const std::string& token_hash);
  void touch_session(long long session_id, const std::string& now);
  // Ends an open session; false when it was not open.
  static bool end_session(db::Tx& tx, long long session_id, const std::string& now, const std::string& reason);
  static void end_other_sessions(db::Tx& tx, long long account_id, long long keep_session_id, const std::string& now,
                                 const std::string& reason);
  std::vector<Session> open_sessions(long long account_id);

  std::vector<std::string> recent_password_hashes(long long account_id, int count);
  static void set_password(db::Tx& tx, long long account_id, const std::string& hash, const std::string& now);
  // TOTP enrolment: a pending secret that replaces the active one only when a code for it is confirmed.
  static void set_pending_totp(db::Tx& tx, long long account_id, const std::string& base32_secret, const std::string& now);
  std::string pending_totp(long long account_id);
  static bool confirm_totp(db::Tx& tx, long long account_id, long long step, const std::string& now);

  // Built-in roles and permissions; inserts what is missing, never removes.
  static void ensure_role(db::Tx& tx, const BuiltinRole& role, const std::string& now);
  static long long insert_account(db::Tx& tx, const Account& account, const std::string& now);
  static std::optional<std::pair<long long, std::string>> role_by_code(db::Tx& tx, const std::string& code);
  static std::vector<std::string> admin_kinds_of(db::Tx& tx, long long account_id);
  static void insert_grant_node(db::Tx& tx, long long grant_id, long long org_node_id);
  static long long insert_grant(db::Tx& tx, long long account_id, long long role_id, long long org_node_id,
                                const std::string& scope, long long granted_by, const std::string& now);

 private:
  db::Database& db_;
};

}  // namespace xinhuo::auth
