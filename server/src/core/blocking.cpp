#include "core/blocking.hpp"

namespace xinhuo {

namespace {
thread_local BlockingListener* current_listener = nullptr;
}

void set_blocking_listener(BlockingListener* listener) { current_listener = listener; }

BlockingWait::BlockingWait() : listener_(current_listener) {
  if (listener_) listener_->blocking_begins();
}

BlockingWait::~BlockingWait() {
  if (listener_) listener_->blocking_ends();
}

}  // namespace xinhuo
