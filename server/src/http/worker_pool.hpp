#pragma once
// A fixed set of threads that run request handlers, so that blocking database work never stalls the network
// threads. The queue is bounded: when it is full the caller answers 503 at once instead of piling up.
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
  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<std::function<void()>> queue_;
  std::vector<std::thread> threads_;
  std::size_t max_queue_;
  bool stopping_ = false;
};

}  // namespace xinhuo::http
