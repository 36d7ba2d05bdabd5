#pragma once
// Floating members (流动党员): a full or probationary member away from the branch for a while is marked floating
// (one active record per person), and marked returned when back. A record ends by itself, in the same transaction,
// when the member leaves the branch (a transfer confirmed, a move) or stops being a party member (expulsion, status
// change, leaving the roster): the org module's person_placed event says so. party.read to see, party.write to record,
// in the caller's scope (the unit and branch the record was made in).
#include "core/clock.hpp"
#include "db/database.hpp"
#include "db/events.hpp"
#include "party/floating_store.hpp"

namespace xinhuo::party {

struct FloatingInput {
  long long person_id = 0;
  std::string destination, reason, started_on, expected_return_on, certificate_no, contact_name, note;
};

struct FloatingPage {
  std::vector<FloatingRecord> items;
  long long total = 0;
  long long active = 0, past_expected = 0;  // in the whole scope below the node, whatever the filter
};

inline constexpr int kFloatingMaxYearsBack = 10;  // a departure recorded late: at most ten years ago
inline constexpr int kFloatingMaxYearsAway = 5;   // an expected return at most five years after the departure

class FloatingService {
 public:
  FloatingService(db::Database& db, const Clock& clock) : db_(db), clock_(clock) {}

  FloatingRecord create(const Principal& caller, const FloatingInput& input);
  FloatingRecord mark_returned(const Principal& caller, long long id, const std::string& returned_on, const std::string& note);
  FloatingPage list(const Principal& caller, const FloatingFilter& filter);
  // Ends the active record of a person who left the branch or the party (subscribed to org.person_placed).
  void subscribe(db::EventBus& bus);
  std::string today() const;

 private:
  void require(const Principal& caller, const char* permission) const;
  void on_person_placed(db::Tx& tx, const db::Event& e);

  db::Database& db_;
  const Clock& clock_;
};

bool valid_floating_reason(const std::string& reason);

}  // namespace xinhuo::party
