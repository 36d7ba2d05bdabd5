#pragma once
// A set of threads that run request handlers, so that blocking database work never stalls the network threads.
// The queue is bounded: when it is full the caller answers 503 at once instead of piling up.
//
// A handler that waits for other threads' work (BlockingWait: a caller waiting for a group commit) does not count: the
// pool lets a spare thread take requests meanwhile, so `threads` requests keep running and a shared commit gathers
// every request that reaches it, not only the few the pool's threads carried there.
#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include "core/blocking.hpp"

namespace xinhuo::http {

class WorkerPool : public BlockingListener {
 public:
  // At most `spare_threads` more threads are started, as handlers begin to wait; they are kept, parked, for later.
  WorkerPool(std::size_t threads, std::size_t max_queue, std::size_t spare_threads = 0);
  ~WorkerPool();
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  // False when the queue is full or the pool is stopping.
  bool submit(std::function<void()> job);
  // Runs what is queued, then joins the threads.
  void stop();

  // A handler on one of the pool's threads begins or ends waiting for other threads' work.
  void blocking_begins() override;
  void blocking_ends() override;

  std::size_t thread_count();  // started so far, spares included

 private:
  void run();
  bool take(std::function<void()>& job);  // with mutex_ held
  void park(std::unique_lock<std::mutex>& lock);  // while more threads take jobs than wanted
  std::mutex mutex_;
  std::condition_variable ready_;
  std::condition_variable spare_;  // parked spares wait here
  std::deque<std::function<void()>> queue_;
  std::vector<std::thread> threads_;
  std::size_t max_queue_;
  const long wanted_;       // threads that should be taking jobs
  std::size_t max_threads_;  // wanted_ and the spares
  // Guarded by mutex_: threads not parked (running a job, looking for one, or asleep waiting for one), of those the
  // ones whose job waits in a BlockingWait, parked threads, and parked threads asked to come back.
  long active_ = 0;
  long blocked_ = 0;
  long parked_ = 0;
  long recalled_ = 0;
  bool stopping_ = false;
  std::size_t sleeping_ = 0;            // workers waiting on ready_ (guarded by mutex_)
  std::atomic<int> spinning_{0};        // workers looking for work without sleeping
  std::atomic<std::size_t> queued_{0};  // queue_.size(), readable without the lock
};

}  // namespace xinhuo::http
