#include "db/idempotency.hpp"

#include "db/sql.hpp"

#include "db/transaction.hpp"

namespace xinhuo::db {

namespace {
const char* const kDeleteExpiredKey =
    "DELETE FROM idempotency_keys WHERE owner = :o AND idem_key = :k AND created_at < :cutoff";
const char* const kInsertClaim =
    "INSERT INTO idempotency_keys (owner, idem_key, request_hash, state, status, content_type, body, created_at) "
    "VALUES (:o, :k, :h, 'running', 0, '', '', :t) ON CONFLICT (owner, idem_key) DO NOTHING";
const char* const kSelectRecord =
    "SELECT state, request_hash, status, content_type, body FROM idempotency_keys WHERE owner = :o AND idem_key = :k";
const char* const kComplete =
    "UPDATE idempotency_keys SET state = 'done', status = :s, content_type = :c, body = :b "
    "WHERE owner = :o AND idem_key = :k AND state = 'running'";
const char* const kRelease = "DELETE FROM idempotency_keys WHERE owner = :o AND idem_key = :k AND state = 'running'";
const char* const kPurge = "DELETE FROM idempotency_keys WHERE created_at < :cutoff";
}  // namespace

std::optional<IdempotencyRecord> IdempotencyStore::claim(const std::string& owner, const std::string& key,
                                                         const std::string& request_hash, TimePoint now) {
  const std::string created = iso_utc(now);
  const std::string cutoff = iso_utc(now - kRetention);
  Tx tx(db_);
  tx.sql() << kDeleteExpiredKey, soci::use(owner), soci::use(key), soci::use(cutoff);
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
      soci::into(r.status), soci::into(r.content_type), soci::into(r.body);
  tx.commit();
  r.done = state == "done";
  return r;
}

void IdempotencyStore::complete(const std::string& owner, const std::string& key, int status,
                                const std::string& content_type, const std::string& body) {
  Tx tx(db_);
  tx.sql() << kComplete, soci::use(status), soci::use(content_type), soci::use(body), soci::use(owner), soci::use(key);
  tx.commit();
}

void IdempotencyStore::release(const std::string& owner, const std::string& key) {
  Tx tx(db_);
  tx.sql() << kRelease, soci::use(owner), soci::use(key);
  tx.commit();
}

void IdempotencyStore::purge(TimePoint now) {
  const std::string cutoff = iso_utc(now - kRetention);
  Tx tx(db_);
  tx.sql() << kPurge, soci::use(cutoff);
  tx.commit();
}

}  // namespace xinhuo::db
