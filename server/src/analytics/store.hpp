#pragma once
// The SQL of the dashboards: sums of the rollup tables below a node, inside the caller's data scope (applied in
// SQL), and the warning thresholds.
#include <map>
#include <optional>
#include <string>
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
  // When not empty: exactly these nodes (the nodes of the subtree outside the region children read from
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
  // metric sums by node and dimension.
  static std::map<long long, std::map<std::string, long long>> by_node(soci::session& sql, const Principal& caller,
                                                                       const Slice& s, const std::string& metric);
  // metric sums by month (YYYY-MM).
  static std::map<std::string, long long> by_month(soci::session& sql, const Principal& caller, const Slice& s,
                                                   const std::string& metric);
  // The days of each node's rows of a metric, by dimension: node → dimension → days. With `since` (dimension → first
  // day), only those dimensions, each from its own first day (up to the slice's end).
  static std::map<long long, std::map<std::string, std::vector<std::string>>> days(
      soci::session& sql, const Principal& caller, const Slice& s, const std::string& metric,
      const std::map<std::string, std::string>& since = {});

  // metric sums over each region's whole subtree (regions: id → path, all below s.path and fully inside the caller's
  // scope) by month, for the days of the slice, from analytics_tree. A month the slice cuts is completed from the day
  // rows below the regions: the days outside the slice are taken off the month, or the days inside it replace the
  // month, whichever side has fewer days (the side after `today` when there is one: days not lived yet have no rows).
  static MonthSums region_sums(soci::session& sql, const std::map<long long, std::string>& regions, const Slice& s,
                               const std::string& today, const std::string& metric);

  static std::vector<Threshold> thresholds(soci::session& sql);
  static bool update_threshold(db::Tx& tx, const std::string& rule, long long yellow, long long red, long long by,
                               const std::string& now);
};

}  // namespace xinhuo::analytics
