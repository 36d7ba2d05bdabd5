#include "db/transaction.hpp"

#include "core/log.hpp"
#include "db/idempotency.hpp"

namespace xinhuo::db {

Tx::Tx(Database& db) : db_(db), lease_(db) {
  sql() << (db_.dialect() == Dialect::sqlite ? "BEGIN IMMEDIATE" : "BEGIN");
  open_ = true;
}

Tx::~Tx() {
  if (!open_) return;
  try {
    sql() << "ROLLBACK";
  } catch (const std::exception& e) {
    log::error("rollback failed", {{"error", log::safe_what(e)}});
  }
}

void Tx::publish(const Event& event) { db_.events().deliver(*this, event); }

void Tx::lock_writers() {
  if (db_.dialect() == Dialect::postgresql) sql() << "SELECT pg_advisory_xact_lock(72617)";
}

Savepoint::Savepoint(Tx& tx) : tx_(tx) { tx_.sql() << "SAVEPOINT work"; }

Savepoint::~Savepoint() {
  if (!open_) return;
  try {
    tx_.sql() << "ROLLBACK TO SAVEPOINT work";
    tx_.sql() << "RELEASE SAVEPOINT work";
  } catch (const std::exception& e) {
    log::error("rollback to savepoint failed", {{"error", log::safe_what(e)}});
  }
}

void Savepoint::release() {
  tx_.sql() << "RELEASE SAVEPOINT work";
  open_ = false;
}

void Tx::commit() {
  mark_idempotent_work(*this);  // the Idempotency-Key of the request, if any, is marked done with its work
  sql() << "COMMIT";
  open_ = false;
}

long long affected_rows(soci::statement& st) { return st.get_affected_rows(); }

}  // namespace xinhuo::db
