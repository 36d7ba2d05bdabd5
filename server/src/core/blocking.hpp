#pragma once
// A thread that is about to wait for work other threads do (a caller waiting for a group commit) says so with a
// BlockingWait, so that the pool running it can let another thread take requests meanwhile. Without it, a pool of
// a few threads spends its time asleep while a commit is written, and the commit has only those few to share.
// Threads outside a pool that listens (the command line, tests) are unaffected.
namespace xinhuo {

class BlockingListener {
 public:
  virtual ~BlockingListener() = default;
  virtual void blocking_begins() = 0;
  virtual void blocking_ends() = 0;
};

// The listener of the calling thread (nullptr: none); a pool sets it on each of its threads.
void set_blocking_listener(BlockingListener* listener);

class BlockingWait {
 public:
  BlockingWait();
  ~BlockingWait();
  BlockingWait(const BlockingWait&) = delete;
  BlockingWait& operator=(const BlockingWait&) = delete;

 private:
  BlockingListener* listener_;
};

}  // namespace xinhuo
