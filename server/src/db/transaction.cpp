#include "db/transaction.hpp"

#include <algorithm>
#include <stdexcept>
#include <vector>

#include "core/log.hpp"
#include "db/idempotency.hpp"
#include "db/query.hpp"

namespace xinhuo::db {

namespace {
// The sessions this thread has a transaction open on. A lease taken while one is open lends the same session
// (Database::Lease), so a second Tx there would be nested in the first: SQLite refuses that, PostgreSQL only warns
// and the inner COMMIT would commit the outer work half done. It is refused here on both.
thread_local std::vector<const soci::session*> open_transactions;

void forget_open(const soci::session* s) {
  auto it = std::find(open_transactions.begin(), open_transactions.end(), s);
  if (it != open_transactions.end()) open_transactions.erase(it);
}

// Transaction control runs several times for every request that writes: on SQLite its statements stay prepared.
// PostgreSQL cannot prepare all of them (SAVEPOINT) and is sent the text.
void control(soci::session& sql, Dialect dialect, const char* text) {
  if (dialect == Dialect::sqlite)
    Query(text).rows(sql, [](const Row&) {});
  else
    sql << text;
}
}  // namespace

Tx::Tx(Database& db, Kind kind) : db_(db), kind_(kind) {
  lease_.emplace(db, kind == Kind::group ? Database::Session::writer : Database::Session::pooled);
  db_.end_shared_read(sql());
  if (std::find(open_transactions.begin(), open_transactions.end(), &sql()) != open_transactions.end())
    throw std::logic_error("a transaction was opened inside another open transaction of the same thread");
  control(sql(), db_.dialect(), db_.dialect() == Dialect::sqlite ? "BEGIN IMMEDIATE" : "BEGIN");
  open_ = true;
  open_transactions.push_back(&sql());
}

Tx::~Tx() {
  if (open_) {
    forget_open(&sql());
    try {
      control(sql(), db_.dialect(), "ROLLBACK");
    } catch (const std::exception& e) {
      log::error("rollback failed", {{"error", log::safe_what(e)}});
    }
  }
  try {
    if (unsynced_) db_.sync_log();  // sync() was skipped (an exception on the way): still, nothing stays unsynced
  } catch (const std::exception& e) {
    log::error("sync after commit failed", {{"error", log::safe_what(e)}});
  }
}

void Tx::publish(const Event& event) { db_.events().deliver(*this, event); }

void Tx::lock_writers() {
  if (db_.dialect() == Dialect::postgresql) sql() << "SELECT pg_advisory_xact_lock(72617)";
}

Savepoint::Savepoint(Tx& tx) : tx_(tx) {
  control(tx_.sql(), tx_.dialect(), "SAVEPOINT work");
  ++tx_.savepoints_open_;
  for (auto& [kind, d] : tx_.deferred_) d->begin_layer();
}

Savepoint::~Savepoint() {
  if (!open_) return;
  --tx_.savepoints_open_;
  for (auto& [kind, d] : tx_.deferred_) d->drop_layer();
  try {
    control(tx_.sql(), tx_.dialect(), "ROLLBACK TO SAVEPOINT work");
    control(tx_.sql(), tx_.dialect(), "RELEASE SAVEPOINT work");
  } catch (const std::exception& e) {
    log::error("rollback to savepoint failed", {{"error", log::safe_what(e)}});
  }
}

void Savepoint::release() {
  control(tx_.sql(), tx_.dialect(), "RELEASE SAVEPOINT work");
  open_ = false;
  --tx_.savepoints_open_;
  for (auto& [kind, d] : tx_.deferred_) d->merge_layer();
}

void Tx::commit() {
  mark_idempotent_work(*this);  // the Idempotency-Key of the request, if any, is marked done with its work
  for (auto& [kind, d] : deferred_) d->write(*this);
  control(sql(), db_.dialect(), "COMMIT");
  open_ = false;
  forget_open(&sql());
  if (kind_ == Kind::group) {
    unsynced_ = true;
    lease_.reset();
  }
}

void Tx::sync() {
  if (!unsynced_) return;
  unsynced_ = false;
  db_.sync_log();
}

long long affected_rows(soci::statement& st) { return st.get_affected_rows(); }

}  // namespace xinhuo::db
