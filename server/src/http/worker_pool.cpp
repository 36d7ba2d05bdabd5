#include "http/worker_pool.hpp"

#include <chrono>

namespace xinhuo::http {

namespace {
// How long an idle worker keeps looking for work before it sleeps. Under load the next request arrives within
// this time, so the hand-off costs no futex wake-up and no context switch; when idle the cost is this much CPU
// once per burst.
constexpr auto kSpin = std::chrono::microseconds(50);
}  // namespace

WorkerPool::WorkerPool(std::size_t threads, std::size_t max_queue) : max_queue_(max_queue) {
  for (std::size_t i = 0; i < threads; ++i) threads_.emplace_back([this] { run(); });
}

WorkerPool::~WorkerPool() { stop(); }

bool WorkerPool::submit(std::function<void()> job) {
  bool wake = false;
  {
    std::lock_guard lock(mutex_);
    if (stopping_ || queue_.size() >= max_queue_) return false;
    queue_.push_back(std::move(job));
    queued_.store(queue_.size(), std::memory_order_release);
    // Spinning workers will take what is queued; wake a sleeper only for jobs beyond them.
    wake = sleeping_ > 0 && queue_.size() > static_cast<std::size_t>(spinning_.load(std::memory_order_acquire));
  }
  if (wake) ready_.notify_one();
  return true;
}

void WorkerPool::stop() {
  {
    std::lock_guard lock(mutex_);
    if (stopping_ && threads_.empty()) return;
    stopping_ = true;
  }
  ready_.notify_all();
  for (auto& t : threads_)
    if (t.joinable()) t.join();
  threads_.clear();
}

bool WorkerPool::take(std::function<void()>& job) {
  if (queue_.empty()) return false;
  job = std::move(queue_.front());
  queue_.pop_front();
  queued_.store(queue_.size(), std::memory_order_release);
  return true;
}

void WorkerPool::run() {
  for (;;) {
    std::function<void()> job;
    bool wake_another = false;
    {
      std::unique_lock lock(mutex_);
      if (!take(job)) {
        // Spin briefly outside the lock, then sleep.
        ++spinning_;
        lock.unlock();
        const auto until = std::chrono::steady_clock::now() + kSpin;
        while (queued_.load(std::memory_order_acquire) == 0 && std::chrono::steady_clock::now() < until)
          std::this_thread::yield();
        lock.lock();
        --spinning_;
        if (!take(job)) {
          ++sleeping_;
          ready_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
          --sleeping_;
          if (!take(job)) return;  // stopping and drained
        }
      }
      // More work queued than workers awake to take it: pass the wake-up on.
      wake_another = !queue_.empty() && sleeping_ > 0 && spinning_.load(std::memory_order_acquire) == 0;
    }
    if (wake_another) ready_.notify_one();
    job();
  }
}

}  // namespace xinhuo::http
