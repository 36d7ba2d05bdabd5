#pragma once
// Account administration for the security administrator (安全管理员): accounts, role grants with their data
// scope, unlocks, disabling, password resets. Every change is audited; nobody changes their own grants.
#include <string>
#include <vector>

#include "auth/admin_store.hpp"
#include "auth/service.hpp"

namespace xinhuo::auth {

inline constexpr const char* kPermAccountRead = "account.read";
inline constexpr const char* kPermAccountManage = "account.manage";
inline constexpr const char* kPermAccountUnlock = "account.unlock";
inline constexpr const char* kPermRoleManage = "role.manage";

struct NewAccount {
  std::string username, display_name;
  long long person_id = 0;
};

struct NewGrant {
  std::string role;
  long long org_node_id = 0;
  std::string scope;                 // all | subtree | node | self | custom
  std::vector<long long> node_ids;   // custom: the nodes of the scope (those nodes only)
};

class AdminService {
 public:
  AdminService(db::Database& db, const Clock& clock, AuthService& auth) : db_(db), store_(db), clock_(clock), auth_(auth) {}

  // `filter.now` is filled in here.
  std::vector<AccountRow> accounts(const Principal& caller, AdminStore::AccountFilter filter, int page, int page_size,
                                   long long* total);
  AccountRow account(const Principal& caller, long long id);
  std::vector<RoleRow> roles(const Principal& caller);
  // A custom role made of business permissions (those of the built-in non-administrator roles): 三员分立 keeps
  // the system, security and audit permissions in their own built-in roles.
  RoleRow create_role(const Principal& caller, const std::string& code, const std::string& name,
                      const std::vector<std::string>& permissions);
  // Creates the account with a one-time password (returned once; must be changed at first sign-in).
  std::pair<AccountRow, std::string> create(const Principal& caller, const NewAccount& account, const NewGrant& grant);
  AccountRow grant(const Principal& caller, long long account_id, const NewGrant& grant);
  AccountRow revoke(const Principal& caller, long long account_id, long long grant_id);
  AccountRow unlock(const Principal& caller, long long account_id);
  AccountRow set_enabled(const Principal& caller, long long account_id, bool enabled);
  std::pair<AccountRow, std::string> reset_password(const Principal& caller, long long account_id);

 private:
  void require(const Principal& caller, const char* permission) const;
  void not_self(const Principal& caller, long long account_id) const;
  void check_grant(db::Tx& tx, const NewGrant& grant) const;
  std::string one_time_password() const;

  db::Database& db_;
  AdminStore store_;
  const Clock& clock_;
  AuthService& auth_;
};

}  // namespace xinhuo::auth
