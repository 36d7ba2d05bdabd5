#pragma once
// Dashboards (数据看板) for a node of the org tree — city, district or system, unit, branch — with the same filters
// at every level (period, young cadres only), its children for the drill-down, the red/yellow/green warnings with
// the rule that raised each and a link to the records behind it, the thresholds (edited by the organisation
// department), and each chart's data as .xlsx (audited). Every figure is limited to the caller's data scope.
#include <functional>

#include "analytics/model.hpp"
#include "analytics/state.hpp"
#include "analytics/store.hpp"
#include "core/clock.hpp"
#include "db/database.hpp"
#include "org/model.hpp"

namespace xinhuo::analytics {

inline constexpr const char* kPermRead = "analytics.read";

class Buckets;

// Up to how many nodes or branches a dashboard reads node by node (each through the tables' keys); wider ones are read
// by metric and day. Both ways give the same figures (a test turns the limits down to check it).
struct ReadLimits {
  std::size_t narrow_nodes = kNarrowSubtreeNodes;
  std::size_t node_by_node_branches = 2000;
  // More summed children than this (and than a third of them) without kept figures of the day are read with the whole
  // subtree at once.
  std::size_t read_whole_above = 8;
};

class AnalyticsService {
 public:
  AnalyticsService(db::Database& db, const Clock& clock, org::YoungCadreRule rule = {}) : db_(db), clock_(clock), rule_(rule) {}

  Json dashboard(const Principal& caller, Filter filter);
  // Reads the top of the tree's dashboard once, so that its children's figures of the day are kept before anyone asks
  // (the server does it when the day changes); returns the day kept for.
  std::string keep_figures_of_the_day();
  Json warnings(const Principal& caller, Filter filter);
  std::vector<Threshold> thresholds(const Principal& caller);
  Threshold set_threshold(const Principal& caller, const std::string& rule, long long yellow, long long red);
  // One chart's rows as a workbook: chart is people | children | study | meetings | development | dues | points |
  // assignments | warnings.
  std::string export_xlsx(const Principal& caller, Filter filter, const std::string& chart, std::string* filename);

  const org::YoungCadreRule& rule() const { return rule_; }
  void set_read_limits(const ReadLimits& limits) { limits_ = limits; }
  std::string today() const;

 private:
  struct Scope;
  Scope resolve(const Principal& caller, Filter& filter);
  Json compute(const Principal& caller, const Filter& filter, bool with_warnings);
  State day_state(soci::session& sql, const Principal& caller, const Scope& sc, const Filter& filter, const std::string& on,
                  bool narrow, Buckets& buckets, const std::map<long long, long long>& unit_of);

  db::Database& db_;
  const Clock& clock_;
  org::YoungCadreRule rule_;
  ReadLimits limits_;
};

}  // namespace xinhuo::analytics
