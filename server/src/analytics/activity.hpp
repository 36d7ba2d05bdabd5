#pragma once
// The rollup metrics of one dashboard (check-ins, participants, points, meetings): per node over the period, per
// month for the trend. The nodes of the slice are read in one pass over their rows; summed children (analytics_tree)
// as a few monthly rows each.
#include <map>
#include <string>

#include "analytics/store.hpp"

namespace xinhuo::analytics {

struct Activity {
  struct Node {
    long long checkins = 0, participants = 0, points = 0;
  };
  std::map<long long, Node> by_node;                   // nodes of the slice, and the summed
  std::map<std::string, long long> points_by_category, meetings_by_type;
  std::map<std::string, long long> checkins_by_month, participants_by_month;  // YYYY-MM, from the period's first month
};

// `nodes`: the slice (its node_ids, when set, are the nodes outside `summed`); `summed`: summed children read whole
// (id → path). Participants are those of the period's last month.
Activity read_activity(soci::session& sql, const Principal& caller, const Slice& nodes,
                       const std::map<long long, std::string>& summed, const std::string& today);

}  // namespace xinhuo::analytics
