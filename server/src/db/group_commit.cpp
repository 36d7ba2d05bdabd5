#include "db/group_commit.hpp"

#include <stdexcept>

#include "core/blocking.hpp"

namespace xinhuo::db {

namespace {
// Sleeps on `wake` until `ready()`, with `asleep` set meanwhile: whoever makes it ready wakes the thread only then,
// so under load nobody pays for a wake-up.
template <class Ready>
void sleep_until(std::unique_lock<std::mutex>& lock, std::condition_variable& wake, bool& asleep, Ready ready) {
  while (!ready()) {
    asleep = true;
    wake.wait(lock);
    asleep = false;
  }
}
}  // namespace

GroupCommit::~GroupCommit() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  work_queued_.notify_all();
  if (committer_.joinable()) committer_.join();  // it drains the queue first
  {
    std::lock_guard lock(mutex_);
    committer_stopped_ = true;
  }
  batch_committed_.notify_all();
  if (syncer_.joinable()) syncer_.join();  // and the syncer what is committed
}

void GroupCommit::start() {
  if (committer_.joinable()) return;
  committer_ = std::thread([this] { commit_loop(); });
  if (db_.dialect() == Dialect::sqlite) syncer_ = std::thread([this] { sync_loop(); });
}

void GroupCommit::run(const std::function<void(Tx&)>& work) {
  auto job = std::make_shared<Job>();
  job->work = &work;
  bool wake = false;
  {
    std::lock_guard lock(mutex_);
    if (stopping_) throw std::logic_error("group commit used while stopping");
    start();
    queue_.push_back(job);
    wake = committer_asleep_;
  }
  if (wake) work_queued_.notify_one();
  BlockingWait waiting;  // the pool may run another request on this core meanwhile
  {
    std::unique_lock lock(job->mutex);
    job->answered.wait(lock, [&] { return job->done; });
  }
  if (job->error) std::rethrow_exception(job->error);
}

std::size_t GroupCommit::commits() const {
  std::lock_guard lock(mutex_);
  return commits_;
}

void GroupCommit::commit_loop() {
  std::vector<std::shared_ptr<Job>> batch;
  for (;;) {
    {
      std::unique_lock lock(mutex_);
      sleep_until(lock, work_queued_, committer_asleep_, [this] { return !queue_.empty() || stopping_; });
      if (queue_.empty()) return;  // stopping, and everything queued is done
      while (!queue_.empty() && batch.size() < max_batch_) {
        batch.push_back(std::move(queue_.front()));
        queue_.pop_front();
      }
    }
    run_batch(batch);
    batch.clear();
  }
}

void GroupCommit::run_batch(std::vector<std::shared_ptr<Job>>& batch) {
  std::unique_ptr<Tx> tx;
  const auto begin = [&] {
    tx = std::make_unique<Tx>(db_, Tx::Kind::group);
    tx->defer_sums();  // the jobs are bookings: their counters are summed and written once (see Tx::defer_sums)
    tx->keep_reads();  // and they change no reference data (see Tx::keep_reads)
  };
  try {
    // Work rarely fails: the batch first runs without a savepoint per job (two statements each). Only when a job
    // fails is the batch undone and run again, each job in its own savepoint, so that the failing one loses only
    // its own work.
    begin();
    bool one_failed = false;
    for (const auto& job : batch) {
      try {
        (*job->work)(*tx);
      } catch (...) {
        one_failed = true;
        break;
      }
    }
    if (one_failed) {
      tx.reset();
      begin();
      for (const auto& job : batch) {
        Savepoint savepoint(*tx);
        try {
          (*job->work)(*tx);
          savepoint.release();
        } catch (...) {
          job->error = std::current_exception();
        }
      }
    }
    tx->commit();
  } catch (...) {
    tx.reset();  // rolled back before the next batch begins
    answer(batch, std::current_exception());
    return;
  }
  if (db_.dialect() != Dialect::sqlite) {  // PostgreSQL: durable already (see Tx::Kind)
    tx.reset();
    answer(batch, nullptr);
    return;
  }
  bool wake = false;
  {
    std::lock_guard lock(mutex_);
    unsynced_.push_back({std::move(batch), std::move(tx)});
    wake = syncer_asleep_;
  }
  if (wake) batch_committed_.notify_one();
}

void GroupCommit::sync_loop() {
  std::vector<Committed> taken;
  for (;;) {
    {
      std::unique_lock lock(mutex_);
      sleep_until(lock, batch_committed_, syncer_asleep_, [this] { return !unsynced_.empty() || committer_stopped_; });
      if (unsynced_.empty()) return;
      taken.swap(unsynced_);
    }
    // One sync makes every batch committed before it durable.
    std::exception_ptr failed;
    try {
      taken.back().tx->sync();
    } catch (...) {
      failed = std::current_exception();
    }
    for (auto& c : taken) {
      c.tx->synced_elsewhere();
      c.tx.reset();
      answer(c.jobs, failed);
    }
    taken.clear();
  }
}

void GroupCommit::answer(std::vector<std::shared_ptr<Job>>& jobs, const std::exception_ptr& failed) {
  if (!failed) {
    std::lock_guard lock(mutex_);
    ++commits_;
  }
  for (const auto& job : jobs) {
    {
      std::lock_guard lock(job->mutex);
      if (failed) job->error = failed;
      job->done = true;
    }
    job->answered.notify_one();  // the job is still held here: the caller may have returned already
  }
}

}  // namespace xinhuo::db
