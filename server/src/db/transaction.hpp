#pragma once
// One write transaction. SQLite takes the write lock at BEGIN (BEGIN IMMEDIATE) so two writers never deadlock
// on a lock upgrade; the destructor rolls back anything not committed. The session stays leased until the Tx is
// destroyed; a lease taken meanwhile on the same thread is lent the same session (Database::Lease), so reading after
// commit() needs no second session, and a second Tx while this one is open throws std::logic_error.
#include "db/sql.hpp"

#include "db/database.hpp"
#include "db/events.hpp"

namespace xinhuo::db {

class Tx {
 public:
  explicit Tx(Database& db);
  ~Tx();
  Tx(const Tx&) = delete;
  Tx& operator=(const Tx&) = delete;

  soci::session& sql() { return lease_.sql(); }
  Dialect dialect() const { return db_.dialect(); }
  // Delivers the event to its subscribers now, inside this transaction.
  void publish(const Event& event);
  // Serialises this transaction with every other that calls it, until it ends: SQLite's write transaction holds the
  // database already; on PostgreSQL a transaction-scoped advisory lock (taken again by the same transaction, it is
  // free). Writers of shared rows (the audit chain, rank counts) take it before those rows, so they never deadlock.
  void lock_writers();
  void commit();

 private:
  Database& db_;
  Database::Lease lease_;
  bool open_ = false;
};

// A savepoint inside a transaction: destroyed without release(), it undoes what was done since it was made (the
// transaction goes on).
class Savepoint {
 public:
  explicit Savepoint(Tx& tx);
  ~Savepoint();
  Savepoint(const Savepoint&) = delete;
  Savepoint& operator=(const Savepoint&) = delete;
  void release();

 private:
  Tx& tx_;
  bool open_ = true;
};

// Rows changed by the last statement run through `st`.
long long affected_rows(soci::statement& st);

}  // namespace xinhuo::db
