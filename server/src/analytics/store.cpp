#include "analytics/store.hpp"

#include <algorithm>

#include "core/date.hpp"
#include "db/query.hpp"
#include "db/subtree.hpp"
#include "org/store.hpp"

namespace xinhuo::analytics {

namespace {

// " FROM <table> a JOIN org_node n … WHERE <below the slice's node, in scope>"
db::Query from(const std::string& head, const char* table, const Principal& caller, const Slice& s) {
  db::Query q(head + " FROM " + table + " a JOIN org_node n ON n.id = a.node_id JOIN org_node u ON u.id = a.unit_id WHERE ");
  if (!s.node_ids.empty()) {
    db::in_ids(q, "a.node_id", s.node_ids);
  } else if (s.narrow) {
    q.add("a.node_id IN (SELECT id FROM org_node WHERE ");
    db::subtree_range(q, "path", s.path).add(")");
  } else {
    db::subtree_range(q, "n.path", s.path);
  }
  db::restrict_to_scope(q, caller, "u.path", "n.path", "a.unit_id", "a.node_id", "");
  return q;
}

void daily_filter(db::Query& q, const Slice& s, const std::string& metric) {
  // `|| ''` keeps a narrow read off the (metric, day) index, so that it goes by node (see Slice::narrow).
  q.add(s.narrow || !s.node_ids.empty() ? " AND a.metric || '' = " : " AND a.metric = ").value(metric);
  q.add(" AND a.day >= ").value(s.from).add(" AND a.day <= ").value(s.to);
  if (s.young_only) q.add(" AND a.young = 1");
}

// Birth dates after this are of people at most `years` old on `on`.
std::string born_after(const std::string& on, int years) {
  return std::to_string(std::stoi(on.substr(0, 4)) - years - 1) + on.substr(4);
}

}  // namespace

std::vector<PeopleRow> AnalyticsStore::people(soci::session& sql, const Principal& caller, const Slice& s,
                                              const std::string& on, const org::YoungCadreRule& rule) {
  db::Query head("SELECT a.node_id, a.unit_id, CASE");
  const auto& bands = age_bands();
  for (std::size_t i = 0; i + 1 < bands.size(); ++i)
    head.add(" WHEN a.birth_date > ").value(born_after(on, bands[i].max_age)).add(" THEN " + std::to_string(i));
  head.add(" ELSE " + std::to_string(bands.size() - 1) + " END, a.rank, a.party_status, CASE WHEN ");
  org::OrgStore::young_cadre_condition(head, "a", on, rule);
  head.add(" THEN 1 ELSE 0 END, SUM(a.n)");
  db::Query q = from("", "analytics_people", caller, s);
  db::Query full = head;
  full.append(q);
  if (s.young_only) {
    full.add(" AND ");
    org::OrgStore::young_cadre_condition(full, "a", on, rule);
  }
  full.add(" GROUP BY a.node_id, a.unit_id, 3, a.rank, a.party_status, 6");
  std::vector<PeopleRow> out;
  full.each(sql, [&](const soci::row& r) {
    out.push_back({db::column_ll(r, 0), db::column_ll(r, 1), static_cast<int>(db::column_ll(r, 2)), r.get<std::string>(3),
                   r.get<std::string>(4), db::column_ll(r, 5) == 1, db::column_ll(r, 6)});
  });
  return out;
}

std::vector<AnalyticsStore::NodeSum> AnalyticsStore::node_sums(soci::session& sql, const Principal& caller,
                                                               const Slice& s, const std::string& period_from,
                                                               const std::vector<std::string>& metrics) {
  std::vector<NodeSum> out;
  auto read = [&](const std::vector<std::string>& some) {
    db::Query q("SELECT a.node_id, a.metric, SUBSTR(a.day, 1, 7), a.dimension, a.young, CASE WHEN a.day >= ");
    q.value(period_from).add(" THEN 1 ELSE 0 END, SUM(a.value)");
    db::Query rows = from("", "analytics_daily", caller, s);
    q.append(rows);
    const bool by_node = s.narrow || !s.node_ids.empty();
    // `|| ''` keeps a read by node off the (metric, day) index (see Slice::narrow).
    q.add(by_node ? " AND a.metric || '' IN (" : " AND a.metric IN (");
    for (std::size_t i = 0; i < some.size(); ++i) (i ? q.add(", ") : q).value(some[i]);
    q.add(") AND a.day >= ").value(s.from).add(" AND a.day <= ").value(s.to);
    q.add(" GROUP BY a.node_id, a.metric, SUBSTR(a.day, 1, 7), a.dimension, a.young, 6");
    q.each(sql, [&](const soci::row& r) {
      out.push_back({db::column_ll(r, 0), r.get<std::string>(1), r.get<std::string>(2), r.get<std::string>(3),
                     db::column_ll(r, 4) == 1, db::column_ll(r, 5) == 1, db::column_ll(r, 6)});
    });
  };
  if (s.narrow || !s.node_ids.empty()) {
    read(metrics);
  } else {
    for (const auto& m : metrics) read({m});
  }
  return out;
}

std::map<long long, std::map<std::string, std::vector<std::string>>> AnalyticsStore::days(
    soci::session& sql, const Principal& caller, const Slice& s, const std::string& metric,
    const std::map<std::string, std::string>& since) {
  db::Query q = from("SELECT a.node_id, a.dimension, a.day", "analytics_daily", caller, s);
  daily_filter(q, s, metric);
  if (!since.empty()) {
    const char* join = " AND (";
    for (const auto& [dimension, first] : since) {
      q.add(join).add("(a.dimension = ").value(dimension).add(" AND a.day >= ").value(first).add(")");
      join = " OR ";
    }
    q.add(")");
  }
  q.add(" ORDER BY a.day");
  std::map<long long, std::map<std::string, std::vector<std::string>>> out;
  q.each(sql, [&](const soci::row& r) { out[db::column_ll(r, 0)][r.get<std::string>(1)].push_back(r.get<std::string>(2)); });
  return out;
}

std::unordered_map<long long, std::map<std::string, std::vector<std::string>>> AnalyticsStore::meeting_days(
    soci::session& sql, const std::map<std::string, std::string>& since, const std::string& to) {
  std::unordered_map<long long, std::map<std::string, std::vector<std::string>>> out;
  for (const auto& [type, first] : since) {  // one range of analytics_daily_dimension each
    db::Query q("SELECT node_id, day FROM analytics_daily WHERE metric = ");
    q.value(kMetricMeetings).add(" AND dimension = ").value(type).add(" AND day >= ").value(first);
    q.add(" AND day <= ").value(to);
    q.each(sql, [&](const soci::row& r) { out[db::column_ll(r, 0)][type].push_back(r.get<std::string>(1)); });
  }
  return out;
}

MonthSums AnalyticsStore::subtree_sums(soci::session& sql, const std::map<long long, std::string>& summed, const Slice& s,
                                     const std::string& today, const std::string& metric) {
  MonthSums out;
  if (summed.empty()) return out;
  std::vector<long long> ids;
  for (const auto& [id, path] : summed) ids.push_back(id);
  db::Query q("SELECT node_id, month, dimension, SUM(value) FROM analytics_tree WHERE ");
  db::in_ids(q, "node_id", ids);
  q.add(" AND month >= ").value(s.from.substr(0, 7)).add(" AND month <= ").value(s.to.substr(0, 7));
  q.add(" AND metric = ").value(metric);
  if (s.young_only) q.add(" AND young = 1");
  q.add(" GROUP BY node_id, month, dimension");
  q.each(sql, [&](const soci::row& r) {
    out[db::column_ll(r, 0)][r.get<std::string>(1)][r.get<std::string>(2)] += db::column_ll(r, 3);
  });

  // The day rows below the summed over [first, last], added with `sign`.
  auto add_days = [&](const std::string& first, const std::string& last, long long sign) {
    if (first > last) return;
    db::Query d("SELECT n.path, a.dimension, SUM(a.value) FROM analytics_daily a JOIN org_node n ON n.id = a.node_id WHERE ");
    db::subtree_range(d, "n.path", s.path);
    d.add(" AND a.metric = ").value(metric).add(" AND a.day >= ").value(first).add(" AND a.day <= ").value(last);
    if (s.young_only) d.add(" AND a.young = 1");
    d.add(" GROUP BY n.path, a.dimension");
    d.each(sql, [&](const soci::row& r) {
      const std::string path = r.get<std::string>(0);
      for (const auto& [id, summed_path] : summed)
        if (path.rfind(summed_path, 0) == 0) {
          out[id][first.substr(0, 7)][r.get<std::string>(1)] += sign * db::column_ll(r, 2);
          break;
        }
    });
  };
  // Each month the slice cuts: [month_first, month_last] against [s.from, s.to].
  for (const std::string& month : {s.from.substr(0, 7), s.to.substr(0, 7)}) {
    const std::string first = month + "-01";
    const std::string last = format_date(add_months(*parse_date(first), 1) - std::chrono::days{1});
    const std::string in_first = std::max(first, s.from), in_last = std::min(last, s.to);
    const long long inside = days_between(*parse_date(in_first), *parse_date(in_last)) + 1;
    const long long month_days = days_between(*parse_date(first), *parse_date(last)) + 1;
    if (inside == month_days) continue;
    const bool future_outside = s.to >= today && in_first == first;  // only days after the slice's end are cut off
    if (future_outside || month_days - inside <= inside) {
      add_days(first, format_date(*parse_date(in_first) - std::chrono::days{1}), -1);
      add_days(format_date(*parse_date(in_last) + std::chrono::days{1}), last, -1);
    } else {
      for (auto& [id, months] : out) months.erase(month);
      add_days(in_first, in_last, 1);
    }
    if (s.from.substr(0, 7) == s.to.substr(0, 7)) break;  // one month, done once
  }
  return out;
}

namespace {

void state_key(db::Query& q, const AnalyticsStore::StateKey& k) {
  q.add(" AND as_of = ").value(k.as_of).add(" AND since = ").value(k.since).add(" AND young_only = ");
  q.value(k.young_only ? 1 : 0).add(" AND rule = ").value(k.rule);
}

}  // namespace

std::map<long long, AnalyticsStore::KeptState> AnalyticsStore::kept_states(soci::session& sql, const std::vector<long long>& ids,
                                                                            const StateKey& k) {
  std::map<long long, KeptState> out;
  if (ids.empty()) return out;
  db::Query q("SELECT node_id, version, figures FROM analytics_state WHERE ");
  db::in_ids(q, "node_id", ids);
  state_key(q, k);
  q.each(sql, [&](const soci::row& r) { out[db::column_ll(r, 0)] = {db::column_ll(r, 1), r.get<std::string>(2)}; });
  return out;
}

std::map<long long, long long> AnalyticsStore::state_versions(soci::session& sql, const std::vector<long long>& ids) {
  std::map<long long, long long> out;
  if (ids.empty()) return out;
  db::Query q("SELECT node_id, version FROM analytics_state_version WHERE ");
  db::in_ids(q, "node_id", ids);
  q.each(sql, [&](const soci::row& r) { out[db::column_ll(r, 0)] = db::column_ll(r, 1); });
  return out;
}

void AnalyticsStore::keep_state(db::Tx& tx, long long id, const StateKey& k, long long version, const std::string& figures) {
  // Days gone by are of no more use.
  db::Query("DELETE FROM analytics_state WHERE node_id = ").value(id).add(" AND as_of < ").value(k.as_of).run(tx.sql());
  db::Query q("INSERT INTO analytics_state (node_id, as_of, since, young_only, rule, version, figures) VALUES (");
  q.value(id).add(", ").value(k.as_of).add(", ").value(k.since).add(", ").value(k.young_only ? 1 : 0).add(", ");
  q.value(k.rule).add(", ").value(version).add(", ").value(figures);
  q.add(") ON CONFLICT (node_id, as_of, since, young_only, rule) DO UPDATE SET version = excluded.version, "
        "figures = excluded.figures");
  q.run(tx.sql());
}

std::vector<Threshold> AnalyticsStore::thresholds(soci::session& sql) {
  std::vector<Threshold> out;
  db::Query("SELECT t.rule, t.yellow, t.red, COALESCE(a.display_name, ''), t.updated_at FROM analytics_threshold t "
            "LEFT JOIN account a ON a.id = t.updated_by ORDER BY t.rule")
      .each(sql, [&](const soci::row& r) {
        out.push_back({r.get<std::string>(0), db::column_ll(r, 1), db::column_ll(r, 2), r.get<std::string>(3),
                       r.get<std::string>(4)});
      });
  return out;
}

bool AnalyticsStore::update_threshold(db::Tx& tx, const std::string& rule, long long yellow, long long red, long long by,
                                      const std::string& now) {
  long long rows = 0;
  db::Query q("UPDATE analytics_threshold SET yellow = ");
  q.value(yellow).add(", red = ").value(red).add(", updated_by = ").value(by).add(", updated_at = ").value(now)
      .add(" WHERE rule = ").value(rule).add(" RETURNING rule");
  q.each(tx.sql(), [&](const soci::row&) { ++rows; });
  return rows > 0;
}

}  // namespace xinhuo::analytics
