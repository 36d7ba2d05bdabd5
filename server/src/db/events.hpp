#pragma once
// Domain events, delivered inside the transaction that raised them: a subscriber's writes commit or roll back
// together with the publisher's. Modules talk to each other this way instead of through each other's tables.
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "core/json_input.hpp"

namespace xinhuo::db {

class Tx;

struct Event {
  std::string type;         // "study.checkin", "party.meeting_attended" …
  long long subject_id = 0; // the record the event is about
  long long person_id = 0;  // the person it concerns, when there is one
  std::string occurred_at;  // ISO-8601 UTC
  Json payload = Json::object();
};

class EventBus {
 public:
  using Subscriber = std::function<void(Tx&, const Event&)>;
  // Subscribe at start-up, before requests are served.
  void subscribe(const std::string& type, Subscriber subscriber);
  // Runs every subscriber of event.type in order; an exception aborts the whole transaction.
  void deliver(Tx& tx, const Event& event) const;

 private:
  mutable std::mutex mutex_;
  std::map<std::string, std::vector<Subscriber>> subscribers_;
};

}  // namespace xinhuo::db
