#pragma once
// Group commit: the work of callers arriving together shares one transaction, so one durable commit (one fsync on
// SQLite) answers many of them. A caller's work that fails loses only its own work (the batch is run again with a
// savepoint per caller), and its error is rethrown to its caller. Every caller returns only after the shared
// transaction has committed durably.
//
// Two threads of its own, started on first use: the committer runs the batches' work and commits, one batch after
// another; on SQLite the syncer then waits for the disk (one fdatasync for every batch committed meanwhile) and
// answers the callers. The committer never waits to be handed the lead or for the disk, so under load it goes from
// one batch straight to the next: it is the one thread every check-in waits on.
#include <condition_variable>
#include <deque>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "db/transaction.hpp"

namespace xinhuo::db {

class GroupCommit {
 public:
  explicit GroupCommit(Database& db, std::size_t max_batch = 64) : db_(db), max_batch_(max_batch) {}
  ~GroupCommit();  // finishes what is queued, then stops the threads
  GroupCommit(const GroupCommit&) = delete;
  GroupCommit& operator=(const GroupCommit&) = delete;

  // Runs `work` in a shared transaction; returns (or throws what `work` threw) once that transaction committed.
  // `work` runs on the committer thread and must use only the Tx it is given, and must not change reference data:
  // the shared transaction keeps what it reads of it (Tx::keep_reads). It may run twice (when another caller's work
  // in its batch failed), the first run undone: whatever it reports to its caller it sets on every run.
  void run(const std::function<void(Tx&)>& work);
  std::size_t commits() const;  // shared transactions committed (and synced) so far

 private:
  // Shared by the caller and whoever answers it, who may still hold the job when the caller has returned. Its own
  // mutex and condition: a caller sleeps until answered (std::atomic::wait would spin and yield first, taking the
  // CPU from the committer), and callers woken together do not queue for one mutex.
  struct Job {
    const std::function<void(Tx&)>* work = nullptr;
    std::exception_ptr error;
    std::mutex mutex;
    std::condition_variable answered;
    bool done = false;  // guarded by mutex
  };
  // A committed batch waiting for the disk.
  struct Committed {
    std::vector<std::shared_ptr<Job>> jobs;
    std::unique_ptr<Tx> tx;
  };
  void start();  // with mutex_ held
  void commit_loop();
  void sync_loop();
  void run_batch(std::vector<std::shared_ptr<Job>>& batch);
  void answer(std::vector<std::shared_ptr<Job>>& jobs, const std::exception_ptr& failed);

  Database& db_;
  std::size_t max_batch_;
  mutable std::mutex mutex_;
  std::condition_variable work_queued_;      // the committer sleeps on it when nothing is queued
  std::condition_variable batch_committed_;  // the syncer sleeps on it when nothing waits for the disk
  std::deque<std::shared_ptr<Job>> queue_;
  std::vector<Committed> unsynced_;
  bool committer_asleep_ = false;  // callers wake it only then: under load it never sleeps
  bool syncer_asleep_ = false;
  bool stopping_ = false;
  bool committer_stopped_ = false;  // the syncer's last batch is in unsynced_
  std::size_t commits_ = 0;
  std::thread committer_;
  std::thread syncer_;  // SQLite only: PostgreSQL's commit is durable
};

}  // namespace xinhuo::db
