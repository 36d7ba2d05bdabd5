#include "http/worker_pool.hpp"

#include <chrono>

namespace xinhuo::http {

namespace {
// How long an idle worker keeps looking for work before it sleeps. Under load the next request arrives within
// this time, so the hand-off costs no futex wake-up and no context switch; when idle the cost is this much CPU
// once per burst.
constexpr auto kSpin = std::chrono::microseconds(50);
}  // namespace

WorkerPool::WorkerPool(std::size_t threads, std::size_t max_queue, std::size_t spare_threads)
    : max_queue_(max_queue), wanted_(static_cast<long>(threads)), max_threads_(threads + spare_threads) {
  std::lock_guard lock(mutex_);
  for (std::size_t i = 0; i < threads; ++i) {
    ++active_;
    threads_.emplace_back([this] { run(); });
  }
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
  spare_.notify_all();
  // No thread is started once stopping_ is set: threads_ no longer changes.
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

std::size_t WorkerPool::thread_count() {
  std::lock_guard lock(mutex_);
  return threads_.size();
}

void WorkerPool::blocking_begins() {
  std::lock_guard lock(mutex_);
  ++blocked_;
  if (stopping_ || active_ + recalled_ - blocked_ >= wanted_) return;
  if (parked_ > recalled_) {
    ++recalled_;
    spare_.notify_one();
  } else if (threads_.size() < max_threads_) {
    ++active_;
    threads_.emplace_back([this] { run(); });
  }
}

void WorkerPool::blocking_ends() {
  std::lock_guard lock(mutex_);
  --blocked_;  // one thread too many now takes jobs: whichever finishes its job first parks
}

void WorkerPool::park(std::unique_lock<std::mutex>& lock) {
  while (!stopping_ && active_ - blocked_ > wanted_) {
    --active_;
    ++parked_;
    spare_.wait(lock, [this] { return stopping_ || recalled_ > 0; });
    --parked_;
    if (recalled_ > 0) --recalled_;
    ++active_;
  }
}

void WorkerPool::run() {
  set_blocking_listener(this);
  for (;;) {
    std::function<void()> job;
    bool wake_another = false;
    {
      std::unique_lock lock(mutex_);
      park(lock);
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
