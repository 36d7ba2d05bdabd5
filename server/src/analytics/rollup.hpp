#pragma once
// The rollups under the dashboards. Each source (people, study, meetings, points …) turns its module's domain events
// into additions to the rollup tables, inside the publishing transaction, and knows how to recompute the same
// additions from its module's data (`xinhuo analytics rebuild`). Both paths go through the same functions, so the
// numbers are the same. A new module adds one Source (rollup_sources.cpp) and documents its metrics.
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "db/events.hpp"
#include "db/transaction.hpp"
#include "org/facts.hpp"
#include "org/model.hpp"

namespace xinhuo::analytics {

// Where a person's activity is counted and whether they were a young cadre on the day.
struct Place {
  long long node_id = 0, unit_id = 0;
  bool young = false;
};

class Rollup {
 public:
  // Incremental: every addition is written at once in `tx`.
  Rollup(db::Tx& tx, const org::YoungCadreRule& rule) : tx_(tx), rule_(rule) {}
  // Rebuild: additions are summed in memory and written by flush(); people are read once.
  static std::unique_ptr<Rollup> for_rebuild(db::Tx& tx, const org::YoungCadreRule& rule);

  db::Tx& tx() { return tx_; }
  bool rebuilding() const { return rebuilding_; }
  // The person's place now (nullopt: no such person); young on `day`.
  std::optional<Place> place(long long person_id, const std::string& day);
  void add(long long node_id, long long unit_id, const std::string& day, const std::string& metric,
           const std::string& dimension, bool young, long long delta);
  // True the first time (metric, period, item) is seen: for counts of distinct people or records.
  bool once(const std::string& metric, const std::string& period, long long item);
  // The person's row of the roster counts: subtracts what they added before, adds what they are now.
  void refresh_person(long long person_id);
  void add_person(const org::PersonFacts& p);
  // Something the day's figures count changed at the node: the kept figures of the summed nodes above it are stale.
  void touch(long long node_id);
  // The same for where a person sits now.
  void touch_person(long long person_id);
  void flush();

 private:
  bool young_on(const org::PersonFacts& p, const std::string& day) const;
  // The summed at or above a node (analytics_tree gets each of the node's additions too).
  const std::vector<long long>& summed_above(long long node_id);

  db::Tx& tx_;
  org::YoungCadreRule rule_;
  bool rebuilding_ = false;
  std::unordered_map<long long, org::PersonFacts> people_;  // rebuild: every active person
  using DailyKey = std::tuple<long long, std::string, std::string, std::string, int>;  // node, day, metric, dim, young
  std::map<DailyKey, std::pair<long long, long long>> daily_;                          // → unit, value
  using PeopleKey = std::tuple<long long, std::string, std::string, std::string>;      // node, birth, rank, status
  std::map<PeopleKey, std::pair<long long, long long>> people_counts_;                 // → unit, n
  std::set<std::tuple<std::string, std::string, long long>> seen_;
  std::unordered_map<long long, std::vector<long long>> summed_;
  std::unordered_map<long long, std::pair<long long, bool>> tree_;  // rebuild: node → parent, is summed
};

// One module's contribution to the rollups.
struct Source {
  std::string name;
  std::vector<std::string> events;                                   // the event types it listens to
  std::function<void(Rollup&, const db::Event&)> on_event;           // in the publisher's transaction
  std::function<void(Rollup&)> rebuild;                              // the same additions from the module's data
};

const std::vector<Source>& sources();
// The Beijing activity date of an event (payload.activity_date, else occurred_at + 8 h).
std::string activity_date(const db::Event& e);

// Subscribes every source to its events.
void subscribe(db::EventBus& bus, const org::YoungCadreRule& rule);
// A node moved (org.node_moved): its subtree's monthly sums leave the summed it was under and join the new ones.
void move_subtree(db::Tx& tx, const db::Event& e);
// Empties the rollup tables and recomputes them from the modules' data in one transaction; returns rows written.
long long rebuild(db::Database& db, const org::YoungCadreRule& rule);

}  // namespace xinhuo::analytics
