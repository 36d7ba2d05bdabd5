#pragma once
// The SQL of account administration (the security administrator's pages).
#include <optional>
#include <string>
#include <vector>

#include "auth/model.hpp"
#include "db/transaction.hpp"

namespace xinhuo::auth {

struct AccountRow {
  Account account;
  std::vector<std::pair<long long, Grant>> grants;  // grant id → grant
  std::string created_at;
  std::string last_login_at;
};

struct RoleRow {
  long long id = 0;
  std::string code, name, admin_kind;
  bool builtin = false;
  std::vector<std::string> permissions;
};

class AdminStore {
 public:
  explicit AdminStore(db::Database& db) : db_(db) {}

  struct AccountFilter {
    std::string search;  // part of the username or the display name
    std::string state;   // active | locked | disabled, or empty for all
    std::string role;    // accounts holding this role code, or empty
    std::string now;     // for "locked": a lock ends at locked_until
  };
  std::vector<AccountRow> accounts(const AccountFilter& filter, int page, int page_size, long long* total);
  std::optional<AccountRow> account(long long id);
  std::vector<RoleRow> roles();
  static bool username_taken(db::Tx& tx, const std::string& username);
  static bool person_exists(db::Tx& tx, long long person_id);
  static bool set_status(db::Tx& tx, long long id, const std::string& status, const std::string& now);
  static void unlock(db::Tx& tx, long long id, const std::string& now);
  static void reset_password(db::Tx& tx, long long id, const std::string& hash, const std::string& now);
  static bool delete_grant(db::Tx& tx, long long account_id, long long grant_id);
  static void end_sessions(db::Tx& tx, long long account_id, const std::string& now, const std::string& reason);
  static bool org_node_exists(db::Tx& tx, long long id);
  static bool role_code_taken(db::Tx& tx, const std::string& code);
  static long long insert_custom_role(db::Tx& tx, const std::string& code, const std::string& name,
                                      const std::vector<std::string>& permissions, const std::string& now);

 private:
  void load_grants(soci::session& sql, AccountRow& row);
  db::Database& db_;
};

}  // namespace xinhuo::auth
