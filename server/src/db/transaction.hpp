#pragma once
// One write transaction. SQLite takes the write lock at BEGIN (BEGIN IMMEDIATE) so two writers never deadlock
// on a lock upgrade; the destructor rolls back anything not committed. The session stays leased until the Tx is
// destroyed; a lease taken meanwhile on the same thread is lent the same session (Database::Lease), so reading after
// commit() needs no second session, and a second Tx while this one is open throws std::logic_error.
#include "db/sql.hpp"

#include "db/database.hpp"
#include "db/events.hpp"

#include <any>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace xinhuo::db {

class Tx;

// What a transaction gathers and writes once, just before it commits (see Tx::defer_sums). A savepoint keeps its
// own share: released, it joins what was gathered before; undone, it is dropped with the savepoint's rows.
class Deferred {
 public:
  virtual ~Deferred() = default;
  virtual void begin_layer() = 0;
  virtual void merge_layer() = 0;  // the newest layer into the one below it
  virtual void drop_layer() = 0;
  virtual void write(Tx& tx) = 0;
};

// Sums added to rows by key (a count, a rollup): many additions to one key become one write.
template <class Key>
class DeferredSums final : public Deferred {
 public:
  using Sums = std::map<Key, long long>;
  using Writer = std::function<void(Tx&, const Sums&)>;
  DeferredSums(std::size_t savepoints_open, Writer writer) : layers_(savepoints_open + 1), writer_(std::move(writer)) {}
  void add(const Key& key, long long delta) { layers_.back()[key] += delta; }
  void begin_layer() override { layers_.emplace_back(); }
  void merge_layer() override {
    Sums top = std::move(layers_.back());
    layers_.pop_back();
    for (auto& [key, delta] : top) layers_.back()[key] += delta;
  }
  void drop_layer() override { layers_.pop_back(); }
  void write(Tx& tx) override {
    Sums all = std::move(layers_.front());
    layers_.front().clear();
    std::erase_if(all, [](const auto& entry) { return entry.second == 0; });
    if (!all.empty()) writer_(tx, all);
  }

 private:
  std::vector<Sums> layers_;
  Writer writer_;
};

class Tx {
 public:
  // single: a transaction on a pooled session, durable when commit() returns.
  // group: the shared transaction of a group commit (db::GroupCommit), on the database's writer session (see
  // Database::Session). On SQLite commit() does not wait for the disk and gives the session back, so the next batch
  // can start at once; sync() then waits for the disk. Other sessions see the rows from commit() on: nobody may be
  // told that the work is done before sync() returns. On PostgreSQL the commit is durable and sync() does nothing.
  enum class Kind { single, group };
  explicit Tx(Database& db, Kind kind = Kind::single);
  ~Tx();
  Tx(const Tx&) = delete;
  Tx& operator=(const Tx&) = delete;

  soci::session& sql() { return lease_->sql(); }  // not after a group transaction's commit()
  Dialect dialect() const { return db_.dialect(); }
  // Delivers the event to its subscribers now, inside this transaction.
  void publish(const Event& event);
  // Serialises this transaction with every other that calls it, until it ends: SQLite's write transaction holds the
  // database already; on PostgreSQL a transaction-scoped advisory lock (taken again by the same transaction, it is
  // free). Writers of shared rows (the audit chain, rank counts) take it before those rows, so they never deadlock.
  void lock_writers();
  void commit();
  void sync();  // see Kind; throws if the disk refuses (the work is then not known to be durable)
  // A group transaction committed before another one's sync() began: that sync covered this one's commit too.
  void synced_elsewhere() { unsynced_ = false; }

  // A transaction of many bookings (a batch of approvals, a group commit) asks for this: counters that each
  // booking would update row by row (rank counts, dashboard rollups) are summed in memory instead and written
  // once, merged and in key order, at commit. Nothing in the transaction may read those rows meanwhile.
  void defer_sums() { deferring_ = true; }
  // The sums of one kind, made on first use with the writer that puts them in the database; nullptr when this
  // transaction writes as it goes.
  template <class Key>
  DeferredSums<Key>* sums(const std::string& kind, typename DeferredSums<Key>::Writer writer) {
    if (!deferring_) return nullptr;
    for (auto& [name, d] : deferred_)
      if (name == kind) return static_cast<DeferredSums<Key>*>(d.get());
    deferred_.emplace_back(kind, std::make_unique<DeferredSums<Key>>(savepoints_open_, std::move(writer)));
    return static_cast<DeferredSums<Key>*>(deferred_.back().second.get());
  }

  // A transaction of many bookings that changes no rules, schemes, people or org nodes (a group commit of check-ins,
  // a batch of approvals) asks for this: reference data that each booking reads again (the rule of an event, the
  // year's scheme, a person's place) is read once and kept until the transaction ends.
  void keep_reads() { keeping_ = true; }
  // `load()` the first time `key` is asked for in a transaction that keeps its reads, the kept value afterwards;
  // `load()` every time otherwise.
  template <class T, class Load>
  T kept(const std::string& key, Load load) {
    if (!keeping_) return load();
    if (const auto it = kept_.find(key); it != kept_.end()) return std::any_cast<const T&>(it->second);
    T value = load();
    kept_.emplace(key, value);
    return value;
  }

 private:
  friend class Savepoint;
  Database& db_;
  Kind kind_;
  std::optional<Database::Lease> lease_;
  bool open_ = false;
  bool unsynced_ = false;  // a group transaction committed, not yet synced
  bool deferring_ = false;
  bool keeping_ = false;
  std::unordered_map<std::string, std::any> kept_;
  std::size_t savepoints_open_ = 0;
  std::vector<std::pair<std::string, std::unique_ptr<Deferred>>> deferred_;  // written in the order first used
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
