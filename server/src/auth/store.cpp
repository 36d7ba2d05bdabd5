#include "auth/store.hpp"

#include "db/query.hpp"

#include "db/sql.hpp"

namespace xinhuo::auth {

namespace {
const char* const kAccountColumns =
    "SELECT id, username, display_name, COALESCE(person_id, 0), password_hash, password_changed_at, "
    "must_change_password, failed_logins, COALESCE(locked_until, ''), COALESCE(totp_secret, ''), totp_enabled, "
    "totp_last_step, is_demo, status FROM account";
const char* const kSelectGrants =
    "SELECT r.code, r.name, COALESCE(r.admin_kind, ''), COALESCE(g.org_node_id, 0), COALESCE(o.name, ''), "
    "COALESCE(o.path, ''), g.scope, g.id FROM role_grant g JOIN role r ON r.id = g.role_id "
    "LEFT JOIN org_node o ON o.id = g.org_node_id WHERE g.account_id = ";
const char* const kSelectGrantNodes = "SELECT org_node_id FROM role_grant_node WHERE grant_id = :g";
const char* const kSelectPermissions =
    "SELECT DISTINCT p.permission FROM role_grant g JOIN role_permission p ON p.role_id = g.role_id "
    "WHERE g.account_id = ";
const char* const kRecordFailure =
    "UPDATE account SET failed_logins = failed_logins + 1, "
    "locked_until = CASE WHEN failed_logins + 1 >= :max THEN :until ELSE locked_until END "
    "WHERE id = :id RETURNING failed_logins";
const char* const kResetFailures =
    "UPDATE account SET failed_logins = 0, locked_until = NULL, updated_at = :now WHERE id = :id";
const char* const kUseTotpStep = "UPDATE account SET totp_last_step = :step WHERE id = :id AND totp_last_step < :step2";
const char* const kInsertSession =
    "INSERT INTO auth_session (token_hash, account_id, created_at, last_seen_at, expires_at, ip, user_agent) "
    "VALUES (:h, :a, :c, :c2, :e, :ip, :ua) RETURNING id";
// What the check of every request needs, nothing more (the session list reads the rest).
const char* const kSelectOpenSession =
    "SELECT s.id, s.account_id, s.last_seen_at, s.expires_at, a.status "
    "FROM auth_session s JOIN account a ON a.id = s.account_id WHERE s.token_hash = ";
const char* const kTouchSession = "UPDATE auth_session SET last_seen_at = :now WHERE id = :id AND ended_at IS NULL";
const char* const kEndSession =
    "UPDATE auth_session SET ended_at = :now, end_reason = :r WHERE id = :id AND ended_at IS NULL";
const char* const kEndOtherSessions =
    "UPDATE auth_session SET ended_at = :now, end_reason = :r WHERE account_id = :a AND id <> :keep AND ended_at IS NULL";
const char* const kSelectOpenSessions =
    "SELECT id, account_id, created_at, last_seen_at, expires_at, ip, user_agent FROM auth_session "
    "WHERE account_id = :a AND ended_at IS NULL ORDER BY id DESC";
const char* const kRecentPasswords =
    "SELECT password_hash FROM password_history WHERE account_id = :a ORDER BY id DESC LIMIT :n";
const char* const kSetPassword =
    "UPDATE account SET password_hash = :h, password_changed_at = :now, must_change_password = 0, updated_at = :now2 "
    "WHERE id = :id";
const char* const kInsertPasswordHistory =
    "INSERT INTO password_history (account_id, password_hash, created_at) VALUES (:a, :h, :now)";
const char* const kSetPendingTotp = "UPDATE account SET totp_pending_secret = :s, updated_at = :now WHERE id = :id";
const char* const kSelectPendingTotp = "SELECT COALESCE(totp_pending_secret, '') FROM account WHERE id = :id";
const char* const kConfirmTotp =
    "UPDATE account SET totp_secret = totp_pending_secret, totp_pending_secret = NULL, totp_enabled = 1, "
    "totp_last_step = :step, updated_at = :now WHERE id = :id AND totp_pending_secret IS NOT NULL";
const char* const kInsertRole =
    "INSERT INTO role (code, name, builtin, admin_kind, created_at) VALUES (:c, :n, 1, :k, :now) "
    "ON CONFLICT (code) DO NOTHING";
const char* const kSelectRoleId = "SELECT id, COALESCE(admin_kind, '') FROM role WHERE code = :c";
const char* const kInsertRolePermission =
    "INSERT INTO role_permission (role_id, permission) VALUES (:r, :p) ON CONFLICT (role_id, permission) DO NOTHING";
const char* const kInsertAccount =
    "INSERT INTO account (username, display_name, person_id, password_hash, password_changed_at, must_change_password, "
    "totp_secret, totp_enabled, is_demo, status, created_at, updated_at) "
    "VALUES (:u, :d, :p, :h, :pc, :m, :ts, :te, :demo, 'active', :c, :c2) RETURNING id";
const char* const kSelectAdminKinds =
    "SELECT DISTINCT r.admin_kind FROM role_grant g JOIN role r ON r.id = g.role_id "
    "WHERE g.account_id = :a AND r.admin_kind IS NOT NULL";
const char* const kInsertGrant =
    "INSERT INTO role_grant (account_id, role_id, org_node_id, scope, granted_by, created_at) "
    "VALUES (:a, :r, :o, :s, :g, :now) RETURNING id";

Account account_from(const soci::row& r) {
  Account a;
  a.id = db::column_ll(r, 0);
  a.username = r.get<std::string>(1);
  a.display_name = r.get<std::string>(2);
  a.person_id = db::column_ll(r, 3);
  a.password_hash = r.get<std::string>(4);
  a.password_changed_at = r.get<std::string>(5);
  a.must_change_password = db::column_ll(r, 6) != 0;
  a.failed_logins = static_cast<int>(db::column_ll(r, 7));
  a.locked_until = r.get<std::string>(8);
  a.totp_secret = r.get<std::string>(9);
  a.totp_enabled = db::column_ll(r, 10) != 0;
  a.totp_last_step = db::column_ll(r, 11);
  a.is_demo = db::column_ll(r, 12) != 0;
  a.status = r.get<std::string>(13);
  return a;
}

Session session_from(const soci::row& r) {
  Session s;
  s.id = db::column_ll(r, 0);
  s.account_id = db::column_ll(r, 1);
  s.created_at = r.get<std::string>(2);
  s.last_seen_at = r.get<std::string>(3);
  s.expires_at = r.get<std::string>(4);
  s.ip = r.get<std::string>(5);
  s.user_agent = r.get<std::string>(6);
  return s;
}

template <class T>
std::optional<Account> one_account(soci::session& sql, const std::string& where, const T& value) {
  soci::rowset<soci::row> rows = (sql.prepare << std::string(kAccountColumns) + where, soci::use(value));
  for (const auto& r : rows) return account_from(r);
  return std::nullopt;
}
}  // namespace

std::optional<Account> AuthStore::account_by_username(const std::string& username) {
  auto lease = db_.lease();
  return one_account(lease.sql(), " WHERE username = :u", username);
}

std::optional<Account> AuthStore::account_by_id(long long id) {
  auto lease = db_.lease();
  return account_in(lease.sql(), id);
}

// Read on every request (through open_session): a db::Query, which SQLite keeps prepared per pooled session.
std::optional<Account> AuthStore::account_in(soci::session& sql, long long id) {
  std::optional<Account> out;
  db::Query(std::string(kAccountColumns) + " WHERE id = ").value(id).each(sql, [&](const soci::row& r) { out = account_from(r); });
  return out;
}

std::vector<Grant> AuthStore::grants(long long account_id) {
  auto lease = db_.lease();
  std::vector<Grant> out;
  std::vector<long long> grant_ids;
  {
    db::Query(kSelectGrants).value(account_id).add(" ORDER BY g.id").each(lease.sql(), [&](const soci::row& r) {
      Grant g;
      g.role_code = r.get<std::string>(0);
      g.role_name = r.get<std::string>(1);
      g.admin_kind = r.get<std::string>(2);
      g.org_node_id = db::column_ll(r, 3);
      g.org_node_name = r.get<std::string>(4);
      g.org_node_path = r.get<std::string>(5);
      g.scope = r.get<std::string>(6);
      grant_ids.push_back(db::column_ll(r, 7));
      out.push_back(std::move(g));
    });
  }
  for (std::size_t i = 0; i < out.size(); ++i) {
    if (out[i].scope != "custom") continue;
    soci::rowset<soci::row> nodes = (lease.sql().prepare << kSelectGrantNodes, soci::use(grant_ids[i]));
    for (const auto& r : nodes) out[i].custom_node_ids.push_back(db::column_ll(r, 0));
  }
  return out;
}

std::vector<std::string> AuthStore::permissions(long long account_id) {
  auto lease = db_.lease();
  std::vector<std::string> out;
  db::Query(kSelectPermissions).value(account_id).add(" ORDER BY p.permission").each(lease.sql(), [&](const soci::row& r) {
    out.push_back(r.get<std::string>(0));
  });
  return out;
}

int AuthStore::record_failure(db::Tx& tx, long long account_id, int max_failures, const std::string& lock_until) {
  int failures = 0;
  tx.sql() << kRecordFailure, soci::use(max_failures), soci::use(lock_until), soci::use(account_id), soci::into(failures);
  return failures;
}

void AuthStore::reset_failures(db::Tx& tx, long long account_id, const std::string& now) {
  tx.sql() << kResetFailures, soci::use(now), soci::use(account_id);
}

bool AuthStore::use_totp_step(db::Tx& tx, long long account_id, long long step) {
  soci::statement st = (tx.sql().prepare << kUseTotpStep, soci::use(step), soci::use(account_id), soci::use(step));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

long long AuthStore::insert_session(db::Tx& tx, const std::string& token_hash, long long account_id, const std::string& now,
                                    const std::string& expires_at, const std::string& ip, const std::string& user_agent) {
  long long id = 0;
  tx.sql() << kInsertSession, soci::use(token_hash), soci::use(account_id), soci::use(now), soci::use(now),
      soci::use(expires_at), soci::use(ip), soci::use(user_agent), soci::into(id);
  return id;
}

std::optional<AuthStore::SessionLookup> AuthStore::open_session(const std::string& token_hash) {
  std::optional<SessionLookup> out;
  auto lease = db_.lease();
  db::Query(kSelectOpenSession).value(token_hash).add(" AND s.ended_at IS NULL").rows(lease.sql(), [&](const db::Row& r) {
    out = SessionLookup{{.id = r.ll(0), .account_id = r.ll(1), .last_seen_at = r.text(2), .expires_at = r.text(3)}, r.text(4)};
  });
  return out;
}

void AuthStore::touch_session(long long session_id, const std::string& now) {
  db::Tx tx(db_);
  tx.sql() << kTouchSession, soci::use(now), soci::use(session_id);
  tx.commit();
}

bool AuthStore::end_session(db::Tx& tx, long long session_id, const std::string& now, const std::string& reason) {
  soci::statement st = (tx.sql().prepare << kEndSession, soci::use(now), soci::use(reason), soci::use(session_id));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

void AuthStore::end_other_sessions(db::Tx& tx, long long account_id, long long keep_session_id, const std::string& now,
                                   const std::string& reason) {
  tx.sql() << kEndOtherSessions, soci::use(now), soci::use(reason), soci::use(account_id), soci::use(keep_session_id);
}

std::vector<Session> AuthStore::open_sessions(long long account_id) {
  auto lease = db_.lease();
  std::vector<Session> out;
  soci::rowset<soci::row> rows = (lease.sql().prepare << kSelectOpenSessions, soci::use(account_id));
  for (const auto& r : rows) out.push_back(session_from(r));
  return out;
}

std::vector<std::string> AuthStore::recent_password_hashes(long long account_id, int count) {
  auto lease = db_.lease();
  std::vector<std::string> out;
  soci::rowset<std::string> rows = (lease.sql().prepare << kRecentPasswords, soci::use(account_id), soci::use(count));
  for (const auto& h : rows) out.push_back(h);
  return out;
}

void AuthStore::set_password(db::Tx& tx, long long account_id, const std::string& hash, const std::string& now) {
  tx.sql() << kSetPassword, soci::use(hash), soci::use(now), soci::use(now), soci::use(account_id);
  tx.sql() << kInsertPasswordHistory, soci::use(account_id), soci::use(hash), soci::use(now);
}

void AuthStore::set_pending_totp(db::Tx& tx, long long account_id, const std::string& secret, const std::string& now) {
  tx.sql() << kSetPendingTotp, soci::use(secret), soci::use(now), soci::use(account_id);
}

std::string AuthStore::pending_totp(long long account_id) {
  auto lease = db_.lease();
  std::string secret;
  lease.sql() << kSelectPendingTotp, soci::use(account_id), soci::into(secret);
  return secret;
}

bool AuthStore::confirm_totp(db::Tx& tx, long long account_id, long long step, const std::string& now) {
  soci::statement st = (tx.sql().prepare << kConfirmTotp, soci::use(step), soci::use(now), soci::use(account_id));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

void AuthStore::ensure_role(db::Tx& tx, const BuiltinRole& role, const std::string& now) {
  std::string code = role.code, name = role.name, kind = role.admin_kind ? role.admin_kind : "";
  soci::indicator kind_ind = role.admin_kind ? soci::i_ok : soci::i_null;
  tx.sql() << kInsertRole, soci::use(code), soci::use(name), soci::use(kind, kind_ind), soci::use(now);
  auto id = role_by_code(tx, code);
  for (const char* p : role.permissions) {
    std::string perm = p;
    tx.sql() << kInsertRolePermission, soci::use(id->first), soci::use(perm);
  }
}

std::optional<std::pair<long long, std::string>> AuthStore::role_by_code(db::Tx& tx, const std::string& code) {
  soci::rowset<soci::row> rows = (tx.sql().prepare << kSelectRoleId, soci::use(code));
  for (const auto& r : rows) return std::make_pair(db::column_ll(r, 0), r.get<std::string>(1));
  return std::nullopt;
}

long long AuthStore::insert_account(db::Tx& tx, const Account& a, const std::string& now) {
  long long id = 0;
  long long person = a.person_id;
  soci::indicator person_ind = a.person_id ? soci::i_ok : soci::i_null;
  soci::indicator totp_ind = a.totp_secret.empty() ? soci::i_null : soci::i_ok;
  int must = a.must_change_password ? 1 : 0, totp_on = a.totp_enabled ? 1 : 0, demo = a.is_demo ? 1 : 0;
  tx.sql() << kInsertAccount, soci::use(a.username), soci::use(a.display_name), soci::use(person, person_ind),
      soci::use(a.password_hash), soci::use(now), soci::use(must), soci::use(a.totp_secret, totp_ind), soci::use(totp_on),
      soci::use(demo), soci::use(now), soci::use(now), soci::into(id);
  return id;
}

std::vector<std::string> AuthStore::admin_kinds_of(db::Tx& tx, long long account_id) {
  std::vector<std::string> out;
  soci::rowset<std::string> rows = (tx.sql().prepare << kSelectAdminKinds, soci::use(account_id));
  for (const auto& k : rows) out.push_back(k);
  return out;
}

void AuthStore::insert_grant_node(db::Tx& tx, long long grant_id, long long org_node_id) {
  tx.sql() << "INSERT INTO role_grant_node (grant_id, org_node_id) VALUES (:g, :n)", soci::use(grant_id), soci::use(org_node_id);
}

long long AuthStore::insert_grant(db::Tx& tx, long long account_id, long long role_id, long long org_node_id,
                                  const std::string& scope, long long granted_by, const std::string& now) {
  long long id = 0;
  soci::indicator node_ind = org_node_id ? soci::i_ok : soci::i_null;
  soci::indicator by_ind = granted_by ? soci::i_ok : soci::i_null;
  tx.sql() << kInsertGrant, soci::use(account_id), soci::use(role_id), soci::use(org_node_id, node_ind), soci::use(scope),
      soci::use(granted_by, by_ind), soci::use(now), soci::into(id);
  return id;
}

}  // namespace xinhuo::auth
