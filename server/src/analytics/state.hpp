#pragma once
// The figures of a dashboard that hold on a day rather than add up over a period: the roster (people by age band, rank
// and party status, young cadres), the 三会一课 light of each branch, the month's dues and the development pipeline.
// The nodes a dashboard reads node by node are read as they are; a summed child (a unit, a district) is kept whole in
// analytics_state for the day, until something below it changes (see Rollup::touch).
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "analytics/store.hpp"
#include "core/json_input.hpp"
#include "org/model.hpp"

namespace xinhuo::analytics {

struct State {
  struct Counts {
    long long people = 0, young = 0, members = 0, paid = 0, dev_active = 0, dev_overdue = 0, branches = 0, green = 0,
              yellow = 0, red = 0;
    void add(const Counts& o);
  };
  struct Spread {  // how the people and cases spread
    std::vector<long long> bands;  // people by age_bands()
    std::map<std::string, long long> ranks, statuses, stages;
    void add(const Spread& o);
  };
  std::map<long long, Counts> by_node;            // node (or summed child) → counts
  std::map<long long, Spread> spread;             // bucket (a child of the dashboard's node) → spread
  std::map<long long, long long> people_by_unit;  // people of each unit

  void add(const State& o);
  // A summed child's state, as kept in analytics_state: everything on the child.
  Json to_json() const;
  static State from_json(long long child, const Json& j);
};

struct StateRead {
  std::string path;                    // the subtree
  std::vector<long long> node_ids;     // not empty: only these nodes of it (sorted)
  std::vector<long long> branch_ids;   // the branches whose lights count
  bool narrow = false;                 // few nodes: the rollups read through the nodes' ids
  bool people_narrow = false;          // the party facts start from the people of the subtree's units
  std::string on, since;               // the day the figures hold on; the period's first day
  bool young_only = false;
  std::size_t node_by_node_branches = 2000;
};

// The state of the nodes of `r`, counts by node, spread by bucket_of(node); unit_of gives each node's unit.
State read_state(soci::session& sql, const Principal& caller, const StateRead& r, const org::YoungCadreRule& rule,
                 const std::function<long long(long long)>& bucket_of, const std::function<long long(long long)>& unit_of);

// The cache key of a summed child's state: the young-cadre ages it was counted with.
std::string rule_key(const org::YoungCadreRule& rule);

}  // namespace xinhuo::analytics
