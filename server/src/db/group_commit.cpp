#include "db/group_commit.hpp"

#include <optional>
#include <vector>

#include "core/blocking.hpp"

namespace xinhuo::db {

void GroupCommit::run(const std::function<void(Tx&)>& work) {
  Job job{&work, nullptr, false};
  std::unique_lock lock(mutex_);
  queue_.push_back(&job);
  std::optional<BlockingWait> waiting;  // while another caller leads, this thread only waits: the pool may run more
  while (!job.done) {
    if (!leading_) {
      waiting.reset();
      lead(lock);
    } else {
      if (!waiting) waiting.emplace();
      finished_.wait(lock);
    }
  }
  waiting.reset();
  if (job.error) std::rethrow_exception(job.error);
}

void GroupCommit::lead(std::unique_lock<std::mutex>& lock) {
  leading_ = true;
  std::vector<Job*> batch;
  while (!queue_.empty() && batch.size() < max_batch_) {
    batch.push_back(queue_.front());
    queue_.pop_front();
  }
  lock.unlock();
  std::exception_ptr failed;  // the transaction itself failed (begin or commit): every job of the batch did
  try {
    Tx tx(db_);
    tx.defer_sums();  // the jobs are bookings: their counters are summed and written once (see Tx::defer_sums)
    for (Job* job : batch) {
      Savepoint savepoint(tx);
      try {
        (*job->work)(tx);
        savepoint.release();
      } catch (...) {
        job->error = std::current_exception();
      }
    }
    tx.commit();
  } catch (...) {
    failed = std::current_exception();
  }
  lock.lock();
  for (Job* job : batch) {
    if (failed) job->error = failed;
    job->done = true;
  }
  leading_ = false;
  finished_.notify_all();
}

}  // namespace xinhuo::db
