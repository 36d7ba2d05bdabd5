#pragma once
// Group commit: the work of callers arriving together shares one transaction, so one durable commit (one fsync on
// SQLite) answers many of them. Each caller's work runs in its own savepoint: an error undoes only that work and
// is rethrown to its caller. Every caller returns only after the shared transaction has committed. There is no
// extra thread: the first caller to find nobody committing leads, taking everything queued meanwhile.
#include <condition_variable>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>

#include "db/transaction.hpp"

namespace xinhuo::db {

class GroupCommit {
 public:
  explicit GroupCommit(Database& db, std::size_t max_batch = 64) : db_(db), max_batch_(max_batch) {}

  // Runs `work` in a shared transaction; returns (or throws what `work` threw) once that transaction committed.
  // `work` must use only the Tx it is given (the leading caller runs it, on its own thread).
  void run(const std::function<void(Tx&)>& work);

 private:
  struct Job {
    const std::function<void(Tx&)>* work;
    std::exception_ptr error;
    bool done = false;
  };
  void lead(std::unique_lock<std::mutex>& lock);

  Database& db_;
  std::size_t max_batch_;
  std::mutex mutex_;
  std::condition_variable finished_;
  std::deque<Job*> queue_;
  bool leading_ = false;
};

}  // namespace xinhuo::db
