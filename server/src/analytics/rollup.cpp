#include "analytics/rollup.hpp"

#include <algorithm>
#include <map>
#include <tuple>

#include "analytics/model.hpp"
#include "core/clock.hpp"
#include "core/date.hpp"
#include "db/bulk_insert.hpp"
#include "db/query.hpp"
#include "db/subtree.hpp"
#include "org/events.hpp"

namespace xinhuo::analytics {

namespace {

const char* const kAddDaily =
    "INSERT INTO analytics_daily (node_id, unit_id, day, metric, dimension, young, value) VALUES (";
const char* const kDailyConflict =
    "ON CONFLICT (node_id, day, metric, dimension, young) DO UPDATE SET value = analytics_daily.value + excluded.value";
const char* const kAddTree =
    "INSERT INTO analytics_tree (node_id, month, metric, dimension, young, value) VALUES (";
const char* const kTreeConflict =
    "ON CONFLICT (node_id, month, metric, dimension, young) DO UPDATE SET value = analytics_tree.value + excluded.value";
const char* const kAddPeople = "INSERT INTO analytics_people (node_id, unit_id, birth_date, rank, party_status, n) VALUES (";
const char* const kAddPeopleTail =
    ") ON CONFLICT (node_id, birth_date, rank, party_status) DO UPDATE SET n = analytics_people.n + excluded.n";

void add_tree_row(soci::session& sql, long long summed_id, const std::string& month, const std::string& metric,
                  const std::string& dimension, int young, long long delta) {
  db::Query q(kAddTree);
  q.value(summed_id).add(", ").value(month).add(", ").value(metric).add(", ").value(dimension).add(", ").value(young)
      .add(", ").value(delta).add(") ").add(kTreeConflict);
  q.run(sql);
}

// Of `ids`, the summed (in the order given).
std::vector<long long> summed_among(soci::session& sql, const std::vector<long long>& ids) {
  std::vector<long long> out;
  if (ids.empty()) return out;
  db::Query q("SELECT id FROM org_node WHERE node_type IN ");
  q.add(kSummedTypes).add(" AND ");
  db::in_ids(q, "id", ids);
  q.each(sql, [&](const soci::row& r) { out.push_back(db::column_ll(r, 0)); });
  return out;
}

void touch_versions(soci::session& sql, const std::vector<long long>& summed_ids) {
  for (long long id : summed_ids) {
    db::Query q("INSERT INTO analytics_state_version (node_id, version) VALUES (");
    q.value(id).add(", 1) ON CONFLICT (node_id) DO UPDATE SET version = analytics_state_version.version + 1");
    q.run(sql);
  }
}

long long node_of(const org::PersonFacts& p) { return p.branch_id ? p.branch_id : p.unit_id; }

void add_daily_row(soci::session& sql, long long node_id, long long unit_id, const std::string& day, const std::string& metric,
                   const std::string& dimension, int young, long long delta) {
  db::Query q(kAddDaily);
  q.value(node_id).add(", ").value(unit_id).add(", ").value(day).add(", ").value(metric).add(", ").value(dimension)
      .add(", ").value(young).add(", ").value(delta).add(") ").add(kDailyConflict);
  q.run(sql);
}

// In a transaction that defers its sums (a batch of bookings), the day rows and the summed subtrees' month rows.
using DailyKey = std::tuple<long long, long long, std::string, std::string, std::string, int>;  // node, unit, day, …
using TreeKey = std::tuple<long long, std::string, std::string, std::string, int>;              // node, month, …

// The summed nodes above a node and the node itself, when it is one, from the top down.
std::vector<long long> summed_above_node(soci::session& sql, long long node_id) {
  std::string path;
  db::Query("SELECT path FROM org_node WHERE id = ").value(node_id).each(sql, [&](const soci::row& r) {
    path = r.get<std::string>(0);
  });
  return summed_among(sql, db::path_ids(path));
}

// A batch's sums go out a few statements at a time: a batch of check-ins adds to dozens of rows.
constexpr std::size_t kSumRowsPerStatement = 100;

db::DeferredSums<DailyKey>* deferred_daily(db::Tx& tx) {
  return tx.sums<DailyKey>("analytics.daily", [](db::Tx& t, const std::map<DailyKey, long long>& sums) {
    db::BulkInsert rows(t.sql(), "analytics_daily", {"node_id", "unit_id", "day", "metric", "dimension", "young", "value"},
                        kSumRowsPerStatement);
    rows.append(kDailyConflict);
    for (const auto& [k, delta] : sums)
      rows.add({std::to_string(std::get<0>(k)), std::to_string(std::get<1>(k)), std::get<2>(k), std::get<3>(k), std::get<4>(k),
                std::to_string(std::get<5>(k)), std::to_string(delta)});
    rows.flush();
  });
}

// The month rows are gathered by the node the figure belongs to and added to the summed nodes above it when the
// transaction commits: a batch looks up the summed nodes above each of its nodes once, not once per figure.
db::DeferredSums<TreeKey>* deferred_tree(db::Tx& tx) {
  return tx.sums<TreeKey>("analytics.tree", [](db::Tx& t, const std::map<TreeKey, long long>& by_node) {
    std::map<TreeKey, long long> sums;
    long long node = 0;
    std::vector<long long> summed;
    for (const auto& [k, delta] : by_node) {  // ordered by node
      if (std::get<0>(k) != node) node = std::get<0>(k), summed = summed_above_node(t.sql(), node);
      for (long long id : summed) sums[{id, std::get<1>(k), std::get<2>(k), std::get<3>(k), std::get<4>(k)}] += delta;
    }
    db::BulkInsert rows(t.sql(), "analytics_tree", {"node_id", "month", "metric", "dimension", "young", "value"},
                        kSumRowsPerStatement);
    rows.append(kTreeConflict);
    for (const auto& [k, delta] : sums)
      if (delta)
        rows.add({std::to_string(std::get<0>(k)), std::get<1>(k), std::get<2>(k), std::get<3>(k), std::to_string(std::get<4>(k)),
                  std::to_string(delta)});
    rows.flush();
  });
}

void add_people_row(soci::session& sql, long long node, long long unit, const std::string& birth, const std::string& rank,
                    const std::string& status, long long delta) {
  db::Query q(kAddPeople);
  q.value(node).add(", ").value(unit).add(", ").value(birth).add(", ").value(rank).add(", ").value(status).add(", ")
      .value(delta).add(kAddPeopleTail);
  q.run(sql);
  if (delta < 0) {
    db::Query d("DELETE FROM analytics_people WHERE n = 0 AND node_id = ");
    d.value(node).add(" AND birth_date = ").value(birth).add(" AND rank = ").value(rank).add(" AND party_status = ").value(status);
    d.run(sql);
  }
}

}  // namespace

std::unique_ptr<Rollup> Rollup::for_rebuild(db::Tx& tx, const org::YoungCadreRule& rule) {
  auto r = std::make_unique<Rollup>(tx, rule);
  r->rebuilding_ = true;
  org::each_active_person(tx.sql(), [&](const org::PersonFacts& p) { r->people_[p.id] = p; });
  db::Query("SELECT id, COALESCE(parent_id, 0), node_type FROM org_node").each(tx.sql(), [&](const soci::row& row) {
    r->tree_[db::column_ll(row, 0)] = {db::column_ll(row, 1), is_summed(row.get<std::string>(2))};
  });
  return r;
}

bool Rollup::young_on(const org::PersonFacts& p, const std::string& day) const {
  const auto birth = parse_date(p.birth_date);
  const auto on = parse_date(day);
  if (!birth || !on) return false;
  return rule_.applies(p.rank, years_between(*birth, *on));
}

std::optional<Place> Rollup::place(long long person_id, const std::string& day) {
  std::optional<org::PersonFacts> p;
  if (rebuilding_) {
    auto it = people_.find(person_id);
    if (it != people_.end()) p = it->second;
    else p = org::person_facts(tx_.sql(), person_id);  // someone who left: counted where they were last
  } else {  // a check-in and the points it earns place the person twice
    p = tx_.kept<std::optional<org::PersonFacts>>("org.person_facts:" + std::to_string(person_id),
                                                  [&] { return org::person_facts(tx_.sql(), person_id); });
  }
  if (!p) return std::nullopt;
  return Place{node_of(*p), p->unit_id, young_on(*p, day)};
}

const std::vector<long long>& Rollup::summed_above(long long node_id) {
  auto found = summed_.find(node_id);
  if (found != summed_.end()) return found->second;
  std::vector<long long> summed;
  if (rebuilding_) {
    for (long long at = node_id; at;) {
      const auto it = tree_.find(at);
      if (it == tree_.end()) break;
      if (it->second.second) summed.push_back(at);
      at = it->second.first;
    }
  } else {
    summed = summed_above_node(tx_.sql(), node_id);
  }
  return summed_[node_id] = std::move(summed);
}

void Rollup::add(long long node_id, long long unit_id, const std::string& day, const std::string& metric,
                 const std::string& dimension, bool young, long long delta) {
  if (delta == 0) return;
  if (rebuilding_) {
    auto& v = daily_[{node_id, day, metric, dimension, young ? 1 : 0}];
    v.first = unit_id;
    v.second += delta;
    return;
  }
  const int y = young ? 1 : 0;
  if (auto* daily = deferred_daily(tx_)) {
    daily->add({node_id, unit_id, day, metric, dimension, y}, delta);
    deferred_tree(tx_)->add({node_id, day.substr(0, 7), metric, dimension, y}, delta);
    return;
  }
  add_daily_row(tx_.sql(), node_id, unit_id, day, metric, dimension, y, delta);
  for (long long id : summed_above(node_id)) add_tree_row(tx_.sql(), id, day.substr(0, 7), metric, dimension, y, delta);
}

bool Rollup::once(const std::string& metric, const std::string& period, long long item) {
  if (rebuilding_) return seen_.insert({metric, period, item}).second;
  db::Query q("INSERT INTO analytics_seen (metric, period, item) VALUES (");
  q.value(metric).add(", ").value(period).add(", ").value(item).add(") ON CONFLICT (metric, period, item) DO NOTHING");
  return q.changes(tx_.sql()) > 0;
}

void Rollup::add_person(const org::PersonFacts& p) {
  if (p.status != "active") return;
  if (rebuilding_) {
    auto& v = people_counts_[{node_of(p), p.birth_date, p.rank, p.party_status}];
    v.first = p.unit_id;
    v.second += 1;
    return;
  }
  add_people_row(tx_.sql(), node_of(p), p.unit_id, p.birth_date, p.rank, p.party_status, 1);
  db::Query q("INSERT INTO analytics_person (person_id, node_id, unit_id, birth_date, rank, party_status) VALUES (");
  q.value(p.id).add(", ").value(node_of(p)).add(", ").value(p.unit_id).add(", ").value(p.birth_date).add(", ")
      .value(p.rank).add(", ").value(p.party_status).add(")");
  q.run(tx_.sql());
}

void Rollup::touch(long long node_id) {
  if (!rebuilding_ && node_id) touch_versions(tx_.sql(), summed_above(node_id));
}

void Rollup::touch_person(long long person_id) {
  if (rebuilding_ || !person_id) return;
  if (const auto p = org::person_facts(tx_.sql(), person_id)) touch(node_of(*p));
}

void Rollup::refresh_person(long long person_id) {
  // What the person added last time comes off first.
  db::Query old("SELECT node_id, unit_id, birth_date, rank, party_status FROM analytics_person WHERE person_id = ");
  old.value(person_id);
  std::optional<org::PersonFacts> had;
  old.each(tx_.sql(), [&](const soci::row& r) {
    had = org::PersonFacts{person_id, db::column_ll(r, 1), db::column_ll(r, 0), r.get<std::string>(2), r.get<std::string>(3),
                           r.get<std::string>(4), "active"};
  });
  if (had) {  // read first, written after: no statement runs while another's rows are being read
    touch(had->branch_id);
    add_people_row(tx_.sql(), had->branch_id, had->unit_id, had->birth_date, had->rank, had->party_status, -1);
    db::Query("DELETE FROM analytics_person WHERE person_id = ").value(person_id).run(tx_.sql());
  }
  if (auto p = org::person_facts(tx_.sql(), person_id)) {
    touch(node_of(*p));
    add_person(*p);
  }
}

void Rollup::flush() {
  if (!rebuilding_) return;
  auto& sql = tx_.sql();
  {
    db::BulkInsert rows(sql, "analytics_daily", {"node_id", "unit_id", "day", "metric", "dimension", "young", "value"});
    for (const auto& [k, v] : daily_) {
      if (v.second == 0) continue;
      rows.add({std::to_string(std::get<0>(k)), std::to_string(v.first), std::get<1>(k), std::get<2>(k), std::get<3>(k),
                std::to_string(std::get<4>(k)), std::to_string(v.second)});
    }
  }
  {
    // Each node's days summed by month first (the map is ordered by node), then added to the node's summed.
    using MonthKey = std::tuple<std::string, std::string, std::string, int>;  // month, metric, dimension, young
    std::map<std::pair<long long, MonthKey>, long long> tree;
    std::map<MonthKey, long long> months;
    long long node = 0;
    auto spill = [&] {
      for (long long id : summed_above(node))
        for (const auto& [k, v] : months) tree[{id, k}] += v;
      months.clear();
    };
    for (const auto& [k, v] : daily_) {
      if (std::get<0>(k) != node) spill(), node = std::get<0>(k);
      months[{std::get<1>(k).substr(0, 7), std::get<2>(k), std::get<3>(k), std::get<4>(k)}] += v.second;
    }
    spill();
    db::BulkInsert rows(sql, "analytics_tree", {"node_id", "month", "metric", "dimension", "young", "value"});
    for (const auto& [k, v] : tree) {
      if (v == 0) continue;
      const auto& [month, metric, dimension, young] = k.second;
      rows.add({std::to_string(k.first), month, metric, dimension, std::to_string(young), std::to_string(v)});
    }
  }
  {
    db::BulkInsert rows(sql, "analytics_people", {"node_id", "unit_id", "birth_date", "rank", "party_status", "n"});
    for (const auto& [k, v] : people_counts_)
      rows.add({std::to_string(std::get<0>(k)), std::to_string(v.first), std::get<1>(k), std::get<2>(k), std::get<3>(k),
                std::to_string(v.second)});
  }
  {
    db::BulkInsert rows(sql, "analytics_person", {"person_id", "node_id", "unit_id", "birth_date", "rank", "party_status"});
    for (const auto& [id, p] : people_)
      if (p.status == "active")
        rows.add({std::to_string(id), std::to_string(node_of(p)), std::to_string(p.unit_id), p.birth_date, p.rank,
                  p.party_status});
  }
  {
    db::BulkInsert rows(sql, "analytics_seen", {"metric", "period", "item"});
    for (const auto& [metric, period, item] : seen_) rows.add({metric, period, std::to_string(item)});
  }
}

std::string activity_date(const db::Event& e) {
  const std::string d = e.payload.is_object() ? e.payload.value("activity_date", std::string()) : std::string();
  if (parse_date(d)) return d;
  try {
    return beijing_date(parse_iso_utc(e.occurred_at));
  } catch (const std::exception&) {
    return beijing_date(std::chrono::system_clock::now());
  }
}

void move_subtree(db::Tx& tx, const db::Event& e) {
  auto& sql = tx.sql();
  auto old_ids = db::path_ids(e.payload.value("from_path", std::string()));
  auto new_ids = db::path_ids(e.payload.value("to_path", std::string()));
  if (old_ids.empty() || new_ids.empty()) return;
  old_ids.pop_back(), new_ids.pop_back();  // the moved node and its summed below keep their sums
  std::vector<std::pair<long long, int>> changes;  // summed node, sign
  for (long long r : summed_among(sql, old_ids))
    if (std::find(new_ids.begin(), new_ids.end(), r) == new_ids.end()) changes.push_back({r, -1});
  for (long long r : summed_among(sql, new_ids))
    if (std::find(old_ids.begin(), old_ids.end(), r) == old_ids.end()) changes.push_back({r, 1});
  if (changes.empty()) return;
  std::vector<long long> touched;
  for (const auto& [id, sign] : changes) touched.push_back(id);
  touch_versions(sql, touched);
  db::Query q("SELECT SUBSTR(a.day, 1, 7), a.metric, a.dimension, a.young, SUM(a.value) FROM analytics_daily a "
              "JOIN org_node n ON n.id = a.node_id WHERE ");
  db::subtree_range(q, "n.path", e.payload.value("to_path", std::string()));
  q.add(" GROUP BY SUBSTR(a.day, 1, 7), a.metric, a.dimension, a.young");
  std::vector<std::tuple<std::string, std::string, std::string, int, long long>> sums;
  q.each(sql, [&](const soci::row& r) {
    sums.push_back({r.get<std::string>(0), r.get<std::string>(1), r.get<std::string>(2),
                    static_cast<int>(db::column_ll(r, 3)), db::column_ll(r, 4)});
  });
  for (const auto& [id, sign] : changes)
    for (const auto& [month, metric, dimension, young, value] : sums)
      if (value) add_tree_row(sql, id, month, metric, dimension, young, sign * value);
}

void subscribe(db::EventBus& bus, const org::YoungCadreRule& rule) {
  bus.subscribe(org::kEventNodeMoved, [](db::Tx& tx, const db::Event& e) { move_subtree(tx, e); });
  for (const auto& source : sources())
    for (const auto& type : source.events) {
      const auto* s = &source;
      bus.subscribe(type, [s, rule](db::Tx& tx, const db::Event& e) {
        Rollup r(tx, rule);
        s->on_event(r, e);
      });
    }
}

long long rebuild(db::Database& db, const org::YoungCadreRule& rule) {
  db::Tx tx(db);
  tx.lock_writers();  // no event adds to the tables while they are recomputed
  for (const char* table : {"analytics_daily", "analytics_tree", "analytics_people", "analytics_person",
                            "analytics_seen", "analytics_state"})
    db::Query(std::string("DELETE FROM ") + table).run(tx.sql());
  auto r = Rollup::for_rebuild(tx, rule);
  for (const auto& source : sources()) source.rebuild(*r);
  r->flush();
  long long rows = db::Query("SELECT COUNT(*) FROM analytics_daily").count(tx.sql()) +
                   db::Query("SELECT COUNT(*) FROM analytics_people").count(tx.sql());
  tx.commit();
  return rows;
}

}  // namespace xinhuo::analytics
