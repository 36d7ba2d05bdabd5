#include "db/idempotency.hpp"

#include "core/error.hpp"
#include "db/sql.hpp"

#include "db/transaction.hpp"

namespace xinhuo::db {

namespace {
const char* const kDeleteStaleKey =
    "DELETE FROM idempotency_keys WHERE owner = :o AND idem_key = :k "
    "AND (created_at < :cutoff OR (state = 'running' AND created_at < :abandoned))";
const char* const kInsertClaim =
    "INSERT INTO idempotency_keys (owner, idem_key, request_hash, state, status, content_type, body, created_at) "
    "VALUES (:o, :k, :h, 'running', 0, '', '', :t) ON CONFLICT (owner, idem_key) DO NOTHING";
const char* const kSelectRecord =
    "SELECT state, request_hash, status, content_type, body, created_at FROM idempotency_keys "
    "WHERE owner = :o AND idem_key = :k";
const char* const kMarkWorkDone =
    "UPDATE idempotency_keys SET state = 'done', status = 0 "
    "WHERE owner = :o AND idem_key = :k AND created_at = :t AND state = 'running'";
const char* const kComplete =
    "UPDATE idempotency_keys SET state = 'done', status = :s, content_type = :c, body = :b "
    "WHERE owner = :o AND idem_key = :k AND created_at = :t AND (state = 'running' OR status = 0)";
const char* const kRelease =
    "DELETE FROM idempotency_keys WHERE owner = :o AND idem_key = :k AND created_at = :t AND state = 'running'";
const char* const kPurge = "DELETE FROM idempotency_keys WHERE created_at < :cutoff";

thread_local IdempotencyScope* current_scope = nullptr;
}  // namespace

std::optional<IdempotencyRecord> IdempotencyStore::claim(const std::string& owner, const std::string& key,
                                                         const std::string& request_hash, TimePoint now) {
  const std::string created = iso_utc(now);
  const std::string cutoff = iso_utc(now - kRetention);
  const std::string abandoned = iso_utc(now - kAbandonedAfter);
  Tx tx(db_);
  tx.sql() << kDeleteStaleKey, soci::use(owner), soci::use(key), soci::use(cutoff), soci::use(abandoned);
  soci::statement insert = (tx.sql().prepare << kInsertClaim, soci::use(owner), soci::use(key),
                            soci::use(request_hash), soci::use(created));
  insert.execute(true);
  if (affected_rows(insert) == 1) {
    tx.commit();
    return std::nullopt;
  }
  IdempotencyRecord r;
  std::string state;
  tx.sql() << kSelectRecord, soci::use(owner), soci::use(key), soci::into(state), soci::into(r.request_hash),
      soci::into(r.status), soci::into(r.content_type), soci::into(r.body), soci::into(r.created_at);
  tx.commit();
  r.done = state == "done";
  return r;
}

void IdempotencyStore::complete(const std::string& owner, const std::string& key, const std::string& claimed_at, int status,
                                const std::string& content_type, const std::string& body) {
  Tx tx(db_);
  tx.sql() << kComplete, soci::use(status), soci::use(content_type), soci::use(body), soci::use(owner), soci::use(key),
      soci::use(claimed_at);
  tx.commit();
}

void IdempotencyStore::release(const std::string& owner, const std::string& key, const std::string& claimed_at) {
  Tx tx(db_);
  tx.sql() << kRelease, soci::use(owner), soci::use(key), soci::use(claimed_at);
  tx.commit();
}

void IdempotencyStore::purge(TimePoint now) {
  const std::string cutoff = iso_utc(now - kRetention);
  Tx tx(db_);
  tx.sql() << kPurge, soci::use(cutoff);
  tx.commit();
}

IdempotencyScope::IdempotencyScope(std::string owner, std::string key, std::string claimed_at)
    : owner_(std::move(owner)), key_(std::move(key)), claimed_at_(std::move(claimed_at)), outer_(current_scope) {
  current_scope = this;
}

IdempotencyScope::~IdempotencyScope() { current_scope = outer_; }

void mark_idempotent_work(Tx& tx) {
  IdempotencyScope* scope = current_scope;
  if (!scope || scope->marked_) return;
  scope->marked_ = true;
  soci::statement mark = (tx.sql().prepare << kMarkWorkDone, soci::use(scope->owner_), soci::use(scope->key_),
                          soci::use(scope->claimed_at_));
  mark.execute(true);
  if (affected_rows(mark) != 1)
    throw Error::conflict("request_taken_over", {"该请求已由一次重试接手处理", "A retry of this request took it over"});
}

}  // namespace xinhuo::db
