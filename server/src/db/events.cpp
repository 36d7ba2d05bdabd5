#include "db/events.hpp"

namespace xinhuo::db {

void EventBus::subscribe(const std::string& type, Subscriber subscriber) {
  std::lock_guard lock(mutex_);
  subscribers_[type].push_back(std::move(subscriber));
}

void EventBus::deliver(Tx& tx, const Event& event) const {
  std::vector<Subscriber> targets;
  {
    std::lock_guard lock(mutex_);
    auto it = subscribers_.find(event.type);
    if (it == subscribers_.end()) return;
    targets = it->second;
  }
  for (const auto& s : targets) s(tx, event);
}

}  // namespace xinhuo::db
