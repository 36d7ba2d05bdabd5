#include "analytics/activity.hpp"

#include "analytics/model.hpp"

namespace xinhuo::analytics {

namespace {

std::string month_first(const std::string& day) { return day.substr(0, 8) + "01"; }

}  // namespace

Activity read_activity(soci::session& sql, const Principal& caller, const Slice& s,
                       const std::map<long long, std::string>& summed, const std::string& today) {
  Activity out;
  const std::string last_month = s.to.substr(0, 7);
  // Meetings count everyone's (their rows carry no young flag); the other metrics follow the slice's filter.
  auto counts = [&](const std::string& metric, bool young) { return !s.young_only || young || metric == kMetricMeetings; };
  auto add = [&](long long node, const std::string& metric, const std::string& month, const std::string& dimension,
                 bool in_period, long long v) {
    if (metric == kMetricCheckins) {
      out.checkins_by_month[month] += v;
      if (in_period) out.by_node[node].checkins += v;
    } else if (metric == kMetricParticipants) {
      out.participants_by_month[month] += v;
      if (month == last_month) out.by_node[node].participants += v;
    } else if (metric == kMetricPoints) {
      if (!in_period) return;
      out.by_node[node].points += v;
      out.points_by_category[dimension] += v;
    } else if (metric == kMetricMeetings) {
      if (in_period) out.meetings_by_type[dimension] += v;
    }
  };

  Slice whole = s;  // the trend starts at the first of the period's first month
  whole.from = month_first(s.from);
  whole.young_only = false;
  for (const auto& r : AnalyticsStore::node_sums(sql, caller, whole, s.from, {kMetricCheckins, kMetricParticipants,
                                                                           kMetricPoints, kMetricMeetings}))
    if (counts(r.metric, r.young)) add(r.node_id, r.metric, r.month, r.dimension, r.in_period, r.value);

  // Region children: months from analytics_tree (completed where the slice cuts one).
  if (summed.empty()) return out;
  Slice period = s, trend = s, month_of_to = s;
  period.node_ids.clear(), trend.node_ids.clear(), month_of_to.node_ids.clear();
  trend.from = month_first(s.from);
  month_of_to.from = month_first(s.to);
  Slice everyone = period;
  everyone.young_only = false;
  auto each = [&](const Slice& sl, const char* metric, const auto& fn) {
    for (const auto& [id, months] : AnalyticsStore::subtree_sums(sql, summed, sl, today, metric))
      for (const auto& [month, dims] : months)
        for (const auto& [d, v] : dims) fn(id, month, d, v);
  };
  using Id = long long;
  using Text = const std::string&;
  each(trend, kMetricCheckins, [&](Id, Text m, Text, long long v) { out.checkins_by_month[m] += v; });
  each(trend, kMetricParticipants, [&](Id, Text m, Text, long long v) { out.participants_by_month[m] += v; });
  each(period, kMetricCheckins, [&](Id r, Text, Text, long long v) { out.by_node[r].checkins += v; });
  each(month_of_to, kMetricParticipants, [&](Id r, Text, Text, long long v) { out.by_node[r].participants += v; });
  each(period, kMetricPoints, [&](Id r, Text, Text d, long long v) {
    out.by_node[r].points += v;
    out.points_by_category[d] += v;
  });
  each(everyone, kMetricMeetings, [&](Id, Text, Text d, long long v) { out.meetings_by_type[d] += v; });
  return out;
}

}  // namespace xinhuo::analytics
