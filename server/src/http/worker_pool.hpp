#pragma once
// A fixed set of threads that run request handlers, so that blocking database work never stalls the network
// threads. The queue is bounded: when it is full the caller answers 503 at once instead of piling up.
#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace xinhuo::http {

class WorkerPool {
 public:
  WorkerPool(std::size_t threads, std::size_t max_queue);
  ~WorkerPool();
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  // False when the queue is full or the pool is stopping.
  bool submit(std::function<void()> job);
  // Runs what is queued, then joins the threads.
  void stop();

 private:
  void run();
  bool take(std::function<void()>& job);  // with mutex_ held
  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<std::function<void()>> queue_;
  std::vector<std::thread> threads_;
  std::size_t max_queue_;
  bool stopping_ = false;
  std::size_t sleeping_ = 0;            // workers waiting on ready_ (guarded by mutex_)
  std::atomic<int> spinning_{0};        // workers looking for work without sleeping
  std::atomic<std::size_t> queued_{0};  // queue_.size(), readable without the lock
};

}  // namespace xinhuo::http
