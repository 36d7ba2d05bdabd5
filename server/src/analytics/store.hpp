#pragma once
// The SQL of the dashboards: sums of the rollup tables below a node, inside the caller's data scope (applied in
// SQL), and the warning thresholds.
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "analytics/model.hpp"
#include "core/principal.hpp"
#include "db/database.hpp"
#include "db/transaction.hpp"
#include "org/model.hpp"

namespace xinhuo::analytics {

// A slice of the rollups: below the node at `path`, days in [from, to], young cadres only or everyone.
struct Slice {
  std::string path, from, to;
  bool young_only = false;
  // A subtree of few nodes (a unit, a branch) is read node by node through the tables' primary keys; a wide one (a
  // city, a district) by metric and day. Left to itself SQLite takes the metric index for both, which reads every
  // node's rows of the period to keep a unit's few.
  bool narrow = false;
  // When not empty: exactly these nodes (the nodes of the subtree outside the summed children read from
  // analytics_tree), read node by node.
  std::vector<long long> node_ids;
};

// metric sums: node → month (YYYY-MM) → dimension → sum.
using MonthSums = std::map<long long, std::map<std::string, std::map<std::string, long long>>>;
// Subtrees of at most this many nodes are read as narrow.
inline constexpr std::size_t kNarrowSubtreeNodes = 400;

struct PeopleRow {
  long long node_id = 0, unit_id = 0;
  int band = 0;  // index into age_bands()
  std::string rank, party_status;
  bool young = false;
  long long n = 0;
};

class AnalyticsStore {
 public:
  // Active people counts by node, age band (on `on`), rank, party status and young-cadre flag.
  static std::vector<PeopleRow> people(soci::session& sql, const Principal& caller, const Slice& s, const std::string& on,
                                       const org::YoungCadreRule& rule);
  // Every given metric's rows of the slice's nodes over [s.from, s.to], summed by node, metric, month, dimension and
  // young flag (the slice's young_only is not applied), split at `period_from` (in_period: on or after it). A narrow
  // slice (or one of listed nodes) reads each node's rows once for all the metrics; a wide one by metric and day.
  struct NodeSum {
    long long node_id = 0;
    std::string metric, month, dimension;
    bool young = false, in_period = false;
    long long value = 0;
  };
  static std::vector<NodeSum> node_sums(soci::session& sql, const Principal& caller, const Slice& s,
                                        const std::string& period_from, const std::vector<std::string>& metrics);
  // The days of each node's rows of a metric, by dimension: node → dimension → days. With `since` (dimension → first
  // day), only those dimensions, each from its own first day (up to the slice's end).
  static std::map<long long, std::map<std::string, std::vector<std::string>>> days(
      soci::session& sql, const Principal& caller, const Slice& s, const std::string& metric,
      const std::map<std::string, std::string>& since = {});

  // The days each node held closed meetings of a type (meetings.held rows), node → type → days, each type from its
  // own first day (type → first day) up to `to`; every node, the caller picks theirs.
  static std::unordered_map<long long, std::map<std::string, std::vector<std::string>>> meeting_days(
      soci::session& sql, const std::map<std::string, std::string>& since, const std::string& to);
  // metric sums over each summed node's whole subtree (summed: id → path, all below s.path and fully inside the caller's
  // scope) by month, for the days of the slice, from analytics_tree. A month the slice cuts is completed from the day
  // rows below the summed: the days outside the slice are taken off the month, or the days inside it replace the
  // month, whichever side has fewer days (the side after `today` when there is one: days not lived yet have no rows).
  static MonthSums subtree_sums(soci::session& sql, const std::map<long long, std::string>& summed, const Slice& s,
                               const std::string& today, const std::string& metric);

  // analytics_state: the kept figures of summed nodes for a day (id → version, figures JSON), the current versions
  // (id → version; none yet: 0), and keeping one.
  struct KeptState {
    long long version = 0;
    std::string figures;
  };
  struct StateKey {
    std::string as_of, since;
    bool young_only = false;
    std::string rule;
  };
  static std::map<long long, KeptState> kept_states(soci::session& sql, const std::vector<long long>& ids, const StateKey& k);
  static std::map<long long, long long> state_versions(soci::session& sql, const std::vector<long long>& ids);
  static void keep_state(db::Tx& tx, long long id, const StateKey& k, long long version, const std::string& figures);

  static std::vector<Threshold> thresholds(soci::session& sql);
  static bool update_threshold(db::Tx& tx, const std::string& rule, long long yellow, long long red, long long by,
                               const std::string& now);
};

}  // namespace xinhuo::analytics
