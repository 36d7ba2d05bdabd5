#pragma once
// Group commit: the work of callers arriving together shares one transaction, so one durable commit (one fsync on
// SQLite) answers many of them. Each caller's work runs in its own savepoint: an error undoes only that work and
// is rethrown to its caller. Every caller returns only after the shared transaction has committed durably. There is no
// extra thread: the first caller to find nobody committing leads, taking everything queued meanwhile. On SQLite the
// leader hands over before waiting for the disk (Tx::Kind::group), so the next batch is written meanwhile.
#include <condition_variable>
#include <deque>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>

#include "db/transaction.hpp"

namespace xinhuo::db {

class GroupCommit {
 public:
  explicit GroupCommit(Database& db, std::size_t max_batch = 64) : db_(db), max_batch_(max_batch) {}

  // Runs `work` in a shared transaction; returns (or throws what `work` threw) once that transaction committed.
  // `work` must use only the Tx it is given (the leading caller runs it, on its own thread), and must not change
  // reference data: the shared transaction keeps what it reads of it (Tx::keep_reads).
  void run(const std::function<void(Tx&)>& work);
  std::size_t commits() const;  // shared transactions committed so far

 private:
  // Shared by the caller and the leader, who wakes the caller after letting go of the mutex (a caller woken while
  // the mutex is held would only wait for it again) and may still hold the job when the caller has returned.
  struct Job {
    const std::function<void(Tx&)>* work = nullptr;
    std::exception_ptr error;
    bool done = false;
    std::condition_variable wake;  // its batch is over, or nobody leads any more (it may lead)
  };
  void lead(std::unique_lock<std::mutex>& lock);

  Database& db_;
  std::size_t max_batch_;
  mutable std::mutex mutex_;
  std::deque<std::shared_ptr<Job>> queue_;
  bool leading_ = false;
  std::size_t commits_ = 0;
};

}  // namespace xinhuo::db
