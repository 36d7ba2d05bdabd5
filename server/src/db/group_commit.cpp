#include "db/group_commit.hpp"

#include <optional>
#include <vector>

#include "core/blocking.hpp"

namespace xinhuo::db {

void GroupCommit::run(const std::function<void(Tx&)>& work) {
  auto job = std::make_shared<Job>();
  job->work = &work;
  std::unique_lock lock(mutex_);
  queue_.push_back(job);
  std::optional<BlockingWait> waiting;  // while another caller leads, this thread only waits: the pool may run more
  while (!job->done) {
    if (!leading_) {
      waiting.reset();
      lead(lock);
    } else {
      if (!waiting) waiting.emplace();
      job->wake.wait(lock);
    }
  }
  waiting.reset();
  if (job->error) std::rethrow_exception(job->error);
}

std::size_t GroupCommit::commits() const {
  std::lock_guard lock(mutex_);
  return commits_;
}

void GroupCommit::lead(std::unique_lock<std::mutex>& lock) {
  leading_ = true;
  std::vector<std::shared_ptr<Job>> batch;
  while (!queue_.empty() && batch.size() < max_batch_) {
    batch.push_back(std::move(queue_.front()));
    queue_.pop_front();
  }
  lock.unlock();
  std::exception_ptr failed;  // the transaction itself failed (begin, commit or sync): every job of the batch did
  std::optional<Tx> tx;
  try {
    tx.emplace(db_, Tx::Kind::group);
    tx->defer_sums();  // the jobs are bookings: their counters are summed and written once (see Tx::defer_sums)
    tx->keep_reads();  // and they change no reference data (see Tx::keep_reads)
    for (const auto& job : batch) {
      Savepoint savepoint(*tx);
      try {
        (*job->work)(*tx);
        savepoint.release();
      } catch (...) {
        job->error = std::current_exception();
      }
    }
    tx->commit();
  } catch (...) {
    failed = std::current_exception();
    tx.reset();  // rolled back before the next leader begins
  }
  // The next batch need not wait for this one's disk.
  lock.lock();
  leading_ = false;
  std::shared_ptr<Job> next = queue_.empty() ? nullptr : queue_.front();
  lock.unlock();
  if (next) next->wake.notify_one();
  if (tx) {
    try {
      BlockingWait waiting_for_disk;  // the pool may run another request on this core meanwhile
      tx->sync();
    } catch (...) {
      failed = std::current_exception();
    }
    tx.reset();
  }
  lock.lock();
  if (!failed) ++commits_;
  for (const auto& job : batch) {
    if (failed) job->error = failed;
    job->done = true;
  }
  lock.unlock();
  for (const auto& job : batch) job->wake.notify_one();
  lock.lock();
}

}  // namespace xinhuo::db
