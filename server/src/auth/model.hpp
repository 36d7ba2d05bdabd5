#pragma once
// Accounts, roles, grants and sessions, and the built-in roles every installation has.
#include <string>
#include <vector>

#include "core/principal.hpp"

namespace xinhuo::auth {

struct Account {
  long long id = 0;
  std::string username;
  std::string display_name;
  long long person_id = 0;
  std::string password_hash;
  std::string password_changed_at;
  bool must_change_password = false;
  int failed_logins = 0;
  std::string locked_until;  // empty: not locked
  std::string totp_secret;
  bool totp_enabled = false;
  long long totp_last_step = 0;
  bool is_demo = false;
  std::string status;
};

struct Grant {
  std::string role_code;
  std::string role_name;
  std::string admin_kind;  // system | security | audit | empty
  long long org_node_id = 0;
  std::string org_node_name;
  std::string org_node_path;
  std::string scope;  // all | subtree | node | self | custom
  std::vector<long long> custom_node_ids;
};

struct Session {
  long long id = 0;
  long long account_id = 0;
  std::string created_at, last_seen_at, expires_at, ip, user_agent, ended_at;
};

// What the caller sees about themselves (GET /auth/me).
struct Me {
  Account account;
  std::vector<Grant> grants;
  std::vector<std::string> permissions;
  std::string password_expires_at;
};

struct BuiltinRole {
  const char* code;
  const char* name;
  const char* admin_kind;  // nullptr for business roles
  std::vector<const char*> permissions;
};

// 系统管理员, 安全管理员, 审计管理员 (三员分立), 组织部管理员, 单位管理员, 支部书记, 评价人, 干部/党员.
const std::vector<BuiltinRole>& builtin_roles();

// Limits and timeouts from the security requirements; each is configurable.
struct AuthPolicy {
  int min_password_length = 8;
  int max_failed_logins = 5;
  int lock_minutes = 30;
  int idle_minutes = 30;
  int session_hours = 12;
  int password_history = 5;
  int password_max_age_days = 90;
  // Argon2id cost (libsodium). Defaults: 3 passes over 64 MiB.
  unsigned long long argon2_ops = 3;
  std::size_t argon2_mem_bytes = 64ull * 1024 * 1024;
  int argon2_parallel_hashes = 2;  // hashes computed at once; more sign-ins wait
  int argon2_max_waiting = 6;      // sign-ins allowed to wait; more are refused with 429
  bool secure_cookies = false;     // behind TLS: Secure and the __Host- prefix
  // How long a session's Principal (permissions, data scope) is reused before it is read again. Changes made
  // on this instance apply at once; on another instance behind the same database within this many seconds.
  int principal_cache_seconds = 5;
};

}  // namespace xinhuo::auth
