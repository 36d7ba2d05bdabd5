#include "db/transaction.hpp"

#include "core/log.hpp"

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

void Tx::commit() {
  sql() << "COMMIT";
  open_ = false;
}

long long affected_rows(soci::statement& st) { return st.get_affected_rows(); }

}  // namespace xinhuo::db
