#include "auth/admin_store.hpp"

#include "db/query.hpp"

namespace xinhuo::auth {

namespace {
const char* const kAccountColumns =
    "SELECT a.id, a.username, a.display_name, COALESCE(a.person_id, 0), a.must_change_password, a.failed_logins, "
    "COALESCE(a.locked_until, ''), a.totp_enabled, a.is_demo, a.status, a.created_at, "
    "COALESCE((SELECT MAX(s.created_at) FROM auth_session s WHERE s.account_id = a.id), '') FROM account a WHERE 1 = 1";
const char* const kGrants =
    "SELECT g.id, r.code, r.name, COALESCE(r.admin_kind, ''), COALESCE(g.org_node_id, 0), COALESCE(o.name, ''), g.scope "
    "FROM role_grant g JOIN role r ON r.id = g.role_id LEFT JOIN org_node o ON o.id = g.org_node_id "
    "WHERE g.account_id = :a ORDER BY g.id";
const char* const kRoles = "SELECT id, code, name, COALESCE(admin_kind, ''), builtin FROM role ORDER BY id";
const char* const kRolePermissions = "SELECT permission FROM role_permission WHERE role_id = :r ORDER BY permission";
const char* const kUsernameTaken = "SELECT COUNT(*) FROM account WHERE username = :u";
const char* const kSetStatus = "UPDATE account SET status = :s, updated_at = :now WHERE id = :id AND status <> :s2";
const char* const kUnlock = "UPDATE account SET failed_logins = 0, locked_until = NULL, updated_at = :now WHERE id = :id";
const char* const kResetPassword =
    "UPDATE account SET password_hash = :h, password_changed_at = :now, must_change_password = 1, failed_logins = 0, "
    "locked_until = NULL, updated_at = :now2 WHERE id = :id";
const char* const kDeleteGrantNodes = "DELETE FROM role_grant_node WHERE grant_id = :g";
const char* const kDeleteGrant = "DELETE FROM role_grant WHERE id = :g AND account_id = :a";
const char* const kEndSessions =
    "UPDATE auth_session SET ended_at = :now, end_reason = :r WHERE account_id = :a AND ended_at IS NULL";
const char* const kNodeExists = "SELECT COUNT(*) FROM org_node WHERE id = :id";
const char* const kRoleCodeTaken = "SELECT COUNT(*) FROM role WHERE code = :c";
const char* const kInsertCustomRole =
    "INSERT INTO role (code, name, builtin, admin_kind, created_at) VALUES (:c, :n, 0, NULL, :now) RETURNING id";
const char* const kInsertCustomRolePermission = "INSERT INTO role_permission (role_id, permission) VALUES (:r, :p)";

AccountRow row_from(const soci::row& r) {
  AccountRow row;
  Account& a = row.account;
  a.id = db::column_ll(r, 0);
  a.username = r.get<std::string>(1);
  a.display_name = r.get<std::string>(2);
  a.person_id = db::column_ll(r, 3);
  a.must_change_password = db::column_ll(r, 4) != 0;
  a.failed_logins = static_cast<int>(db::column_ll(r, 5));
  a.locked_until = r.get<std::string>(6);
  a.totp_enabled = db::column_ll(r, 7) != 0;
  a.is_demo = db::column_ll(r, 8) != 0;
  a.status = r.get<std::string>(9);
  row.created_at = r.get<std::string>(10);
  row.last_login_at = r.get<std::string>(11);
  return row;
}
}  // namespace

void AdminStore::load_grants(soci::session& sql, AccountRow& row) {
  soci::rowset<soci::row> rows = (sql.prepare << kGrants, soci::use(row.account.id));
  for (const auto& r : rows) {
    Grant g;
    g.role_code = r.get<std::string>(1);
    g.role_name = r.get<std::string>(2);
    g.admin_kind = r.get<std::string>(3);
    g.org_node_id = db::column_ll(r, 4);
    g.org_node_name = r.get<std::string>(5);
    g.scope = r.get<std::string>(6);
    row.grants.emplace_back(db::column_ll(r, 0), std::move(g));
  }
  for (auto& [id, g] : row.grants) {
    if (g.scope != "custom") continue;
    db::Query("SELECT org_node_id FROM role_grant_node WHERE grant_id = ").value(id).add(" ORDER BY org_node_id").each(sql, [&](const soci::row& r) {
      g.custom_node_ids.push_back(db::column_ll(r, 0));
    });
  }
}

std::vector<AccountRow> AdminStore::accounts(const AccountFilter& f, int page, int page_size, long long* total) {
  db::Query where("");
  if (!f.search.empty())
    where.add(" AND (a.username LIKE ").value("%" + f.search + "%").add(" OR a.display_name LIKE ").value("%" + f.search + "%").add(")");
  // The same three states the console shows: disabled wins over locked; a lock that has run out is no lock.
  if (f.state == "disabled") where.add(" AND a.status = 'disabled'");
  else if (f.state == "locked") where.add(" AND a.status <> 'disabled' AND a.locked_until > ").value(f.now);
  else if (f.state == "active")
    where.add(" AND a.status <> 'disabled' AND (a.locked_until IS NULL OR a.locked_until <= ").value(f.now).add(")");
  if (!f.role.empty())
    where.add(" AND EXISTS (SELECT 1 FROM role_grant g JOIN role r ON r.id = g.role_id WHERE g.account_id = a.id AND r.code = ")
        .value(f.role)
        .add(")");
  auto lease = db_.lease();
  *total = db::Query::prefixed("SELECT COUNT(*) FROM account a WHERE 1 = 1", where).count(lease.sql());
  std::vector<AccountRow> out;
  db::Query::prefixed(kAccountColumns, where)
      .add(" ORDER BY a.id LIMIT " + std::to_string(page_size) + " OFFSET " + std::to_string(static_cast<long long>(page - 1) * page_size))
      .each(lease.sql(), [&](const soci::row& r) { out.push_back(row_from(r)); });
  for (auto& row : out) load_grants(lease.sql(), row);
  return out;
}

std::optional<AccountRow> AdminStore::account(long long id) {
  auto lease = db_.lease();
  std::optional<AccountRow> out;
  db::Query(kAccountColumns).add(" AND a.id = ").value(id).each(lease.sql(), [&](const soci::row& r) { out = row_from(r); });
  if (out) load_grants(lease.sql(), *out);
  return out;
}

bool AdminStore::role_code_taken(db::Tx& tx, const std::string& code) {
  long long n = 0;
  tx.sql() << kRoleCodeTaken, soci::use(code), soci::into(n);
  return n > 0;
}

long long AdminStore::insert_custom_role(db::Tx& tx, const std::string& code, const std::string& name,
                                         const std::vector<std::string>& permissions, const std::string& now) {
  long long id = 0;
  tx.sql() << kInsertCustomRole, soci::use(code), soci::use(name), soci::use(now), soci::into(id);
  for (const auto& p : permissions) tx.sql() << kInsertCustomRolePermission, soci::use(id), soci::use(p);
  return id;
}

std::vector<RoleRow> AdminStore::roles() {
  auto lease = db_.lease();
  std::vector<RoleRow> out;
  {
    soci::rowset<soci::row> rows = (lease.sql().prepare << kRoles);
    for (const auto& r : rows)
      out.push_back({db::column_ll(r, 0), r.get<std::string>(1), r.get<std::string>(2), r.get<std::string>(3),
                     db::column_ll(r, 4) != 0, {}});
  }
  for (auto& role : out) {
    soci::rowset<std::string> perms = (lease.sql().prepare << kRolePermissions, soci::use(role.id));
    for (const auto& p : perms) role.permissions.push_back(p);
  }
  return out;
}

bool AdminStore::person_exists(db::Tx& tx, long long person_id) {
  long long n = 0;
  tx.sql() << "SELECT COUNT(*) FROM person WHERE id = :id", soci::use(person_id), soci::into(n);
  return n > 0;
}

bool AdminStore::username_taken(db::Tx& tx, const std::string& username) {
  long long n = 0;
  tx.sql() << kUsernameTaken, soci::use(username), soci::into(n);
  return n > 0;
}

bool AdminStore::set_status(db::Tx& tx, long long id, const std::string& status, const std::string& now) {
  soci::statement st = (tx.sql().prepare << kSetStatus, soci::use(status), soci::use(now), soci::use(id), soci::use(status));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

void AdminStore::unlock(db::Tx& tx, long long id, const std::string& now) { tx.sql() << kUnlock, soci::use(now), soci::use(id); }

void AdminStore::reset_password(db::Tx& tx, long long id, const std::string& hash, const std::string& now) {
  tx.sql() << kResetPassword, soci::use(hash), soci::use(now), soci::use(now), soci::use(id);
}

bool AdminStore::delete_grant(db::Tx& tx, long long account_id, long long grant_id) {
  tx.sql() << kDeleteGrantNodes, soci::use(grant_id);
  soci::statement st = (tx.sql().prepare << kDeleteGrant, soci::use(grant_id), soci::use(account_id));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

void AdminStore::end_sessions(db::Tx& tx, long long account_id, const std::string& now, const std::string& reason) {
  tx.sql() << kEndSessions, soci::use(now), soci::use(reason), soci::use(account_id);
}

bool AdminStore::org_node_exists(db::Tx& tx, long long id) {
  long long n = 0;
  tx.sql() << kNodeExists, soci::use(id), soci::into(n);
  return n > 0;
}

}  // namespace xinhuo::auth
