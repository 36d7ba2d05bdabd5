#include "auth/service.hpp"

#include <sodium.h>

#include <algorithm>
#include <set>

#include "audit/recorder.hpp"
#include "auth/totp.hpp"
#include "core/error.hpp"
#include "core/random.hpp"

namespace xinhuo::auth {

namespace {
Error invalid_credentials() {
  return Error(401, "invalid_credentials", {"用户名或密码错误", "Wrong username or password"});
}

std::chrono::system_clock::time_point parse_or_epoch(const std::string& s) {
  try {
    return parse_iso_utc(s.substr(0, 19) + "Z");
  } catch (const std::exception&) {
    return {};
  }
}
}  // namespace

AuthService::AuthService(db::Database& db, const Clock& clock, AuthPolicy policy)
    : db_(db), store_(db), clock_(clock), policy_(policy), hasher_(policy_),
      principals_(std::chrono::seconds(policy_.principal_cache_seconds)) {
  dummy_hash_ = hasher_.hash(random_hex(16));
}

void AuthService::ensure_builtin_roles() {
  db::Tx tx(db_);
  const std::string now = iso_utc(clock_.now());
  for (const auto& role : builtin_roles()) AuthStore::ensure_role(tx, role, now);
  tx.commit();
}

long long AuthService::create_account(db::Tx& tx, const Account& account, const std::string& now) {
  return AuthStore::insert_account(tx, account, now);
}

void AuthService::grant(db::Tx& tx, long long account_id, const std::string& role_code, long long org_node_id,
                        const std::string& scope, long long granted_by, const std::string& now,
                        const std::vector<long long>& custom_nodes) {
  auto role = AuthStore::role_by_code(tx, role_code);
  if (!role) throw Error::validation("role", {"角色不存在：" + role_code, "No such role: " + role_code});
  if (!role->second.empty()) {
    for (const auto& kind : AuthStore::admin_kinds_of(tx, account_id))
      if (kind != role->second)
        throw Error::conflict("separation_of_duties", {"三员分立：同一账号不能同时担任系统、安全、审计管理员中的两种",
                                                       "Separation of duties: one account cannot hold two of the system, "
                                                       "security and audit administrator roles"});
  }
  const long long grant_id = AuthStore::insert_grant(tx, account_id, role->first, org_node_id, scope, granted_by, now);
  for (long long node : std::set<long long>(custom_nodes.begin(), custom_nodes.end())) AuthStore::insert_grant_node(tx, grant_id, node);
}

bool AuthService::password_expired(const Account& account) const {
  if (policy_.password_max_age_days <= 0 || account.is_demo) return false;
  return clock_.now() - parse_or_epoch(account.password_changed_at) > std::chrono::hours(24 * policy_.password_max_age_days);
}

Principal AuthService::principal_for(const Account& account, long long session_id) {
  Principal p;
  p.account_id = account.id;
  p.person_id = account.person_id;
  p.username = account.username;
  p.display_name = account.display_name;
  p.session_id = session_id;
  const auto permissions = store_.permissions(account.id);
  p.permissions = PermissionSet(permissions.begin(), permissions.end());
  bool administrator = false;
  for (const auto& g : store_.grants(account.id)) {
    administrator = administrator || !g.admin_kind.empty();
    if (g.scope == "all") p.scope.all = true;
    else if (g.scope == "subtree" && !g.org_node_path.empty()) p.scope.subtree_paths.push_back(g.org_node_path);
    else if (g.scope == "node" && g.org_node_id) p.scope.node_ids.push_back(g.org_node_id);
    else if (g.scope == "custom") p.scope.node_ids.insert(p.scope.node_ids.end(), g.custom_node_ids.begin(), g.custom_node_ids.end());
    else if (g.scope == "self") p.scope.self = true;
  }
  p.must_change_password = account.must_change_password || password_expired(account) ||
                           (administrator && !account.totp_enabled);
  return p;
}

void AuthService::fail_login(const Principal& caller, const Account& account, const std::string& code) {
  const auto now = clock_.now();
  const std::string lock_until = iso_utc(now + std::chrono::minutes(policy_.lock_minutes));
  db::Tx tx(db_);
  // A lock that has run out starts the count again.
  if (!account.locked_until.empty() && account.locked_until <= iso_utc(now)) AuthStore::reset_failures(tx, account.id, iso_utc(now));
  const int failures = AuthStore::record_failure(tx, account.id, policy_.max_failed_logins, lock_until);
  audit::record(tx, caller, {.action = "auth.login", .target_type = "account", .target_id = std::to_string(account.id),
                             .result = "failure", .detail = {{"reason", code}, {"failures", failures}}},
                now, account.username);
  const bool locked_now = failures >= policy_.max_failed_logins;
  if (locked_now)
    audit::record(tx, caller, {.action = "auth.locked", .target_type = "account", .target_id = std::to_string(account.id),
                               .detail = {{"until", lock_until}}},
                  now, account.username);
  tx.commit();
  if (locked_now) {
    Error e(423, "account_locked", {"密码错误次数过多，账号已锁定 " + std::to_string(policy_.lock_minutes) + " 分钟",
                                    "Too many failed attempts: the account is locked for " + std::to_string(policy_.lock_minutes) + " minutes"});
    e.set_detail("locked_until", lock_until);
    throw e;
  }
  if (code == "totp_invalid") throw Error(401, "totp_invalid", {"动态验证码错误或已使用", "Wrong or already used authenticator code"});
  throw invalid_credentials();
}

LoginResult AuthService::login(const Principal& caller, const LoginRequest& req) {
  const auto now = clock_.now();
  auto account = store_.account_by_username(req.username);
  if (!account || account->status != "active") {
    hasher_.verify(dummy_hash_, req.password);
    db::Tx tx(db_);
    audit::record(tx, caller, {.action = "auth.login", .target_type = "account", .target_id = "", .result = "failure",
                               .detail = {{"reason", account ? "disabled" : "unknown_user"}}},
                  now, req.username);
    tx.commit();
    throw invalid_credentials();
  }
  if (!account->locked_until.empty() && account->locked_until > iso_utc(now)) {
    db::Tx tx(db_);
    audit::record(tx, caller, {.action = "auth.login", .target_type = "account", .target_id = std::to_string(account->id),
                               .result = "denied", .detail = {{"reason", "locked"}, {"until", account->locked_until}}},
                  now, account->username);
    tx.commit();
    Error e(423, "account_locked", {"账号已锁定，请稍后再试", "The account is locked; try again later"});
    e.set_detail("locked_until", account->locked_until);
    throw e;
  }
  if (!hasher_.verify(account->password_hash, req.password)) fail_login(caller, *account, "wrong_password");

  std::optional<std::int64_t> totp_step;
  if (account->totp_enabled) {
    if (!req.totp || req.totp->empty())
      throw Error(401, "totp_required", {"请输入动态验证码", "Enter the code from your authenticator app"});
    auto secret = base32_decode(account->totp_secret);
    const auto unix_now = std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count();
    totp_step = secret ? totp_match(*secret, *req.totp, unix_now) : std::nullopt;
    if (!totp_step) fail_login(caller, *account, "totp_invalid");
  }

  const std::string token = random_hex(32);
  db::Tx tx(db_);
  if (totp_step && !AuthStore::use_totp_step(tx, account->id, *totp_step)) {
    tx.commit();
    fail_login(caller, *account, "totp_invalid");
  }
  AuthStore::reset_failures(tx, account->id, iso_utc(now));
  const long long session_id =
      AuthStore::insert_session(tx, sha256_hex(token), account->id, iso_utc(now),
                                iso_utc(now + std::chrono::hours(policy_.session_hours)), caller.ip, req.user_agent.substr(0, 300));
  audit::record(tx, caller, {.action = "auth.login", .target_type = "account", .target_id = std::to_string(account->id),
                             .detail = {{"session_id", session_id}}},
                now, account->username);
  tx.commit();
  Principal p = principal_for(*account, session_id);
  p.ip = caller.ip;
  p.request_id = caller.request_id;
  return {token, me(p)};
}

void AuthService::logout(const Principal& caller) {
  db::Tx tx(db_);
  AuthStore::end_session(tx, caller.session_id, iso_utc(clock_.now()), "logout");
  audit::record(tx, caller, {.action = "auth.logout", .target_type = "session", .target_id = std::to_string(caller.session_id)},
                clock_.now());
  tx.commit();
  principals_.forget_session(caller.session_id);
}

std::optional<Principal> AuthService::authenticate(const std::string& token, const std::string& ip, const std::string& request_id) {
  if (token.size() != 64) return std::nullopt;
  auto found = store_.open_session(sha256_hex(token));
  if (!found) return std::nullopt;
  const auto now = clock_.now();
  const auto last_seen = parse_or_epoch(found->session.last_seen_at);
  std::string ended;
  if (found->session.expires_at <= iso_utc(now)) ended = "expired";
  else if (now - last_seen > std::chrono::minutes(policy_.idle_minutes)) ended = "idle";
  else if (found->account_status != "active") ended = "revoked";
  if (!ended.empty()) {
    db::Tx tx(db_);
    AuthStore::end_session(tx, found->session.id, iso_utc(now), ended);
    tx.commit();
    principals_.forget_session(found->session.id);
    return std::nullopt;
  }
  // Sliding idle timeout; written at most once a minute per session.
  if (now - last_seen > std::chrono::seconds(60)) store_.touch_session(found->session.id, iso_utc(now));
  auto p = principals_.find(found->session.id, now);
  if (!p) {
    auto account = store_.account_by_id(found->session.account_id);
    if (!account) return std::nullopt;
    p = principal_for(*account, found->session.id);
    principals_.put(found->session.id, *p, now);
  }
  p->ip = ip;
  p->request_id = request_id;
  return p;
}

void AuthService::forget_account(long long account_id) { principals_.forget_account(account_id); }

void AuthService::forget_all_principals() { principals_.clear(); }

Me AuthService::me(const Principal& caller) {
  auto account = store_.account_by_id(caller.account_id);
  if (!account) throw Error::unauthenticated();
  Me m;
  m.account = *account;
  m.account.must_change_password = caller.must_change_password;
  m.grants = store_.grants(caller.account_id);
  m.permissions.assign(caller.permissions.begin(), caller.permissions.end());
  if (policy_.password_max_age_days > 0 && !account->is_demo)
    m.password_expires_at = iso_utc(parse_or_epoch(account->password_changed_at) + std::chrono::hours(24 * policy_.password_max_age_days));
  return m;
}

std::vector<Session> AuthService::sessions(const Principal& caller) { return store_.open_sessions(caller.account_id); }

void AuthService::end_session(const Principal& caller, long long session_id) {
  const auto mine = store_.open_sessions(caller.account_id);
  if (std::none_of(mine.begin(), mine.end(), [&](const Session& s) { return s.id == session_id; }))
    throw Error::not_found({"会话不存在或已结束", "No such open session"});
  db::Tx tx(db_);
  AuthStore::end_session(tx, session_id, iso_utc(clock_.now()), "revoked");
  audit::record(tx, caller, {.action = "auth.session_ended", .target_type = "session", .target_id = std::to_string(session_id)},
                clock_.now());
  tx.commit();
  principals_.forget_session(session_id);
}

void AuthService::change_password(const Principal& caller, const std::string& current, const std::string& next) {
  auto account = store_.account_by_id(caller.account_id);
  if (!account) throw Error::unauthenticated();
  if (!hasher_.verify(account->password_hash, current))
    throw Error::validation("current_password", {"当前密码不正确", "The current password is wrong"});
  check_policy(policy_, account->username, next);
  if (hasher_.verify(account->password_hash, next))
    throw Error(400, "password_reused", {"新密码不能与最近使用过的密码相同", "The new password was used recently"}, "new_password");
  for (const auto& old : store_.recent_password_hashes(account->id, policy_.password_history))
    if (hasher_.verify(old, next))
      throw Error(400, "password_reused", {"新密码不能与最近使用过的密码相同", "The new password was used recently"}, "new_password");
  const std::string hash = hasher_.hash(next);
  const auto now = clock_.now();
  db::Tx tx(db_);
  AuthStore::set_password(tx, account->id, hash, iso_utc(now));
  // Other sessions end: whoever else knew the old password is signed out.
  AuthStore::end_other_sessions(tx, account->id, caller.session_id, iso_utc(now), "password_changed");
  audit::record(tx, caller, {.action = "auth.password_changed", .target_type = "account", .target_id = std::to_string(account->id)}, now);
  tx.commit();
  principals_.forget_account(account->id);  // must_change_password is lifted now
}

std::string AuthService::begin_totp(const Principal& caller) {
  std::string bytes(20, '\0');
  randombytes_buf(bytes.data(), bytes.size());
  const std::string secret = base32_encode(bytes);
  db::Tx tx(db_);
  AuthStore::set_pending_totp(tx, caller.account_id, secret, iso_utc(clock_.now()));
  audit::record(tx, caller, {.action = "auth.totp_enrol_started", .target_type = "account", .target_id = std::to_string(caller.account_id)},
                clock_.now());
  tx.commit();
  return secret;
}

void AuthService::confirm_totp(const Principal& caller, const std::string& code) {
  const std::string pending = store_.pending_totp(caller.account_id);
  if (pending.empty()) throw Error::conflict("totp_not_started", {"请先开始绑定动态口令", "Start the authenticator enrolment first"});
  auto secret = base32_decode(pending);
  const auto unix_now = std::chrono::duration_cast<std::chrono::seconds>(clock_.now().time_since_epoch()).count();
  auto step = secret ? totp_match(*secret, code, unix_now) : std::nullopt;
  if (!step) throw Error::validation("code", {"动态验证码不正确", "The authenticator code is wrong"});
  db::Tx tx(db_);
  if (!AuthStore::confirm_totp(tx, caller.account_id, *step, iso_utc(clock_.now())))
    throw Error::conflict("totp_not_started", {"请先开始绑定动态口令", "Start the authenticator enrolment first"});
  audit::record(tx, caller, {.action = "auth.totp_enabled", .target_type = "account", .target_id = std::to_string(caller.account_id)},
                clock_.now());
  tx.commit();
  principals_.forget_account(caller.account_id);  // an administrator's restriction ends with the second factor
}

}  // namespace xinhuo::auth
