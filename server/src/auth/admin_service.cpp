#include "auth/admin_service.hpp"

#include <algorithm>
#include <regex>
#include <set>

#include "audit/recorder.hpp"
#include "core/error.hpp"
#include "core/json_input.hpp"
#include "core/random.hpp"

namespace xinhuo::auth {

namespace {
Error no_account() { return Error::not_found({"账号不存在", "No such account"}); }
}  // namespace

void AdminService::require(const Principal& caller, const char* permission) const {
  if (!caller.can(permission)) throw Error::forbidden("forbidden", {"没有执行此操作的权限", "You are not allowed to do this"});
}

void AdminService::not_self(const Principal& caller, long long account_id) const {
  if (caller.account_id == account_id)
    throw Error::conflict("own_account", {"不能修改自己账号的角色、状态或密码，请由另一名安全管理员操作",
                                          "Another security administrator must change your own account"});
}

void AdminService::check_grant(db::Tx& tx, const NewGrant& g) const {
  // Built-in or custom: any role that exists.
  if (!AdminStore::role_code_taken(tx, g.role)) throw Error::validation("role", {"角色不存在", "No such role"});
  if (g.scope != "all" && g.scope != "subtree" && g.scope != "node" && g.scope != "self" && g.scope != "custom")
    throw Error::validation("scope", {"数据范围只能是 all、subtree、node、self 或 custom", "scope must be all, subtree, node, self or custom"});
  if (g.scope == "custom") {
    // 自定义: a set of organisations, each of them only (their subtrees are not included).
    if (g.node_ids.empty())
      throw Error::validation("org_node_ids", {"自定义数据范围需要选择至少一个组织", "Choose at least one organisation for a custom scope"});
    for (long long id : g.node_ids)
      if (!AdminStore::org_node_exists(tx, id)) throw Error::validation("org_node_ids", {"组织不存在", "No such organisation"});
  } else if (!g.node_ids.empty()) {
    throw Error::validation("org_node_ids", {"只有自定义数据范围需要组织列表", "Only a custom scope takes a list of organisations"});
  }
  if (g.scope != "all" && g.scope != "self" && g.scope != "custom" && !g.org_node_id)
    throw Error::validation("org_node_id", {"本部门或本部门及以下的数据范围需要指定组织", "Choose the organisation of this scope"});
  if (g.org_node_id && !AdminStore::org_node_exists(tx, g.org_node_id))
    throw Error::validation("org_node_id", {"组织不存在", "No such organisation"});
}

std::string AdminService::one_time_password() const { return "Xh-" + random_hex(10) + "!A"; }

std::vector<AccountRow> AdminService::accounts(const Principal& caller, AdminStore::AccountFilter filter, int page,
                                               int page_size, long long* total) {
  require(caller, kPermAccountRead);
  filter.now = iso_utc(clock_.now());
  return store_.accounts(filter, page, page_size, total);
}

AccountRow AdminService::account(const Principal& caller, long long id) {
  require(caller, kPermAccountRead);
  auto row = store_.account(id);
  if (!row) throw no_account();
  return *row;
}

std::vector<RoleRow> AdminService::roles(const Principal& caller) {
  require(caller, kPermAccountRead);
  return store_.roles();
}

RoleRow AdminService::create_role(const Principal& caller, const std::string& code, const std::string& name,
                                  const std::vector<std::string>& permissions) {
  require(caller, kPermRoleManage);
  static const std::regex code_shape("[a-z][a-z0-9_]{1,39}");
  if (!std::regex_match(code, code_shape))
    throw Error::validation("code", {"编码由小写字母、数字和下划线组成，2–40 位，以字母开头",
                                     "A code has 2–40 lowercase letters, digits or underscores, starting with a letter"});
  if (name.empty()) throw Error::validation("name", {"请填写角色名称", "Give the role a name"});
  std::set<std::string> business;
  for (const auto& r : builtin_roles())
    if (!r.admin_kind)
      for (const char* p : r.permissions) business.insert(p);
  std::set<std::string> chosen;
  for (const auto& p : permissions) {
    if (!business.count(p))
      throw Error::validation("permissions", {"权限“" + p + "”不能用于自定义角色（只能选择业务权限；系统、安全、审计管理权限只属于三员）",
                                              "Permission '" + p + "' cannot be in a custom role (business permissions only; "
                                              "system, security and audit permissions stay with their own roles)"});
    chosen.insert(p);
  }
  if (chosen.empty()) throw Error::validation("permissions", {"请至少选择一项权限", "Choose at least one permission"});
  db::Tx tx(db_);
  if (AdminStore::role_code_taken(tx, code)) throw Error::conflict("code_taken", {"该角色编码已被使用", "This role code is already used"});
  const std::vector<std::string> list(chosen.begin(), chosen.end());
  const long long id = AdminStore::insert_custom_role(tx, code, name, list, iso_utc(clock_.now()));
  audit::record(tx, caller, {.action = "role.created", .target_type = "role", .target_id = std::to_string(id),
                             .detail = {{"code", code}, {"name", name}, {"permissions", list}}},
                clock_.now());
  tx.commit();
  return RoleRow{id, code, name, "", false, list};
}

std::pair<AccountRow, std::string> AdminService::create(const Principal& caller, const NewAccount& in, const NewGrant& grant) {
  require(caller, kPermAccountManage);
  require(caller, kPermRoleManage);
  const bool plain = !in.username.empty() && in.username.size() <= 32 &&
                     std::all_of(in.username.begin(), in.username.end(), [](char c) {
                       return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-';
                     });
  if (!plain) throw Error::validation("username", {"用户名只能由小写字母、数字和 _ . - 组成，最多 32 位",
                                                   "Use up to 32 lower-case letters, digits, _ . -"});
  const std::string password = one_time_password();
  Account a;
  a.username = in.username;
  a.display_name = in.display_name;
  a.person_id = in.person_id;
  a.password_hash = auth_.hasher().hash(password);
  a.must_change_password = true;
  const auto now = clock_.now();
  db::Tx tx(db_);
  if (AdminStore::username_taken(tx, a.username)) throw Error::conflict("username_taken", {"用户名已被使用", "The username is taken"});
  if (a.person_id && !AdminStore::person_exists(tx, a.person_id))
    throw Error::validation("person_id", {"人员编号不存在", "No person has this number"});
  check_grant(tx, grant);
  const long long id = AuthService::create_account(tx, a, iso_utc(now));
  AuthService::grant(tx, id, grant.role, grant.org_node_id, grant.scope, caller.account_id, iso_utc(now), grant.node_ids);
  audit::record(tx, caller, {.action = "account.created", .target_type = "account", .target_id = std::to_string(id),
                             .detail = {{"username", a.username}, {"role", grant.role}, {"scope", grant.scope},
                                        {"org_node_id", grant.org_node_id}}},
                now);
  tx.commit();
  return {account(caller, id), password};
}

AccountRow AdminService::grant(const Principal& caller, long long account_id, const NewGrant& g) {
  require(caller, kPermRoleManage);
  not_self(caller, account_id);
  account(caller, account_id);
  const auto now = clock_.now();
  {
    db::Tx tx(db_);
    check_grant(tx, g);
    AuthService::grant(tx, account_id, g.role, g.org_node_id, g.scope, caller.account_id, iso_utc(now), g.node_ids);
    audit::record(tx, caller, {.action = "role.granted", .target_type = "account", .target_id = std::to_string(account_id),
                               .detail = {{"role", g.role}, {"scope", g.scope}, {"org_node_id", g.org_node_id},
                                          {"org_node_ids", g.node_ids}}},
                  now);
    tx.commit();
    auth_.forget_account(account_id);
  }
  return account(caller, account_id);
}

AccountRow AdminService::revoke(const Principal& caller, long long account_id, long long grant_id) {
  require(caller, kPermRoleManage);
  not_self(caller, account_id);
  account(caller, account_id);
  const auto now = clock_.now();
  {
    db::Tx tx(db_);
    if (!AdminStore::delete_grant(tx, account_id, grant_id)) throw Error::not_found({"授权不存在", "No such grant"});
    audit::record(tx, caller, {.action = "role.revoked", .target_type = "account", .target_id = std::to_string(account_id),
                               .detail = {{"grant_id", grant_id}}},
                  now);
    tx.commit();
    auth_.forget_account(account_id);
  }
  return account(caller, account_id);
}

AccountRow AdminService::unlock(const Principal& caller, long long account_id) {
  require(caller, kPermAccountUnlock);
  account(caller, account_id);
  const auto now = clock_.now();
  {
    db::Tx tx(db_);
    AdminStore::unlock(tx, account_id, iso_utc(now));
    audit::record(tx, caller, {.action = "account.unlocked", .target_type = "account", .target_id = std::to_string(account_id)}, now);
    tx.commit();
  }
  return account(caller, account_id);
}

AccountRow AdminService::set_enabled(const Principal& caller, long long account_id, bool enabled) {
  require(caller, kPermAccountManage);
  not_self(caller, account_id);
  account(caller, account_id);
  const auto now = clock_.now();
  {
    db::Tx tx(db_);
    if (!AdminStore::set_status(tx, account_id, enabled ? "active" : "disabled", iso_utc(now)))
      throw Error::conflict("unchanged", {enabled ? "账号已是启用状态" : "账号已是停用状态", enabled ? "Already enabled" : "Already disabled"});
    if (!enabled) AdminStore::end_sessions(tx, account_id, iso_utc(now), "revoked");
    audit::record(tx, caller, {.action = enabled ? "account.enabled" : "account.disabled", .target_type = "account",
                               .target_id = std::to_string(account_id)},
                  now);
    tx.commit();
    auth_.forget_account(account_id);
  }
  return account(caller, account_id);
}

std::pair<AccountRow, std::string> AdminService::reset_password(const Principal& caller, long long account_id) {
  require(caller, kPermAccountManage);
  not_self(caller, account_id);
  account(caller, account_id);
  const std::string password = one_time_password();
  const std::string hash = auth_.hasher().hash(password);
  const auto now = clock_.now();
  db::Tx tx(db_);
  AdminStore::reset_password(tx, account_id, hash, iso_utc(now));
  AdminStore::end_sessions(tx, account_id, iso_utc(now), "revoked");
  audit::record(tx, caller, {.action = "account.password_reset", .target_type = "account", .target_id = std::to_string(account_id)}, now);
  tx.commit();
  auth_.forget_account(account_id);
  return {account(caller, account_id), password};
}

}  // namespace xinhuo::auth
