#include "points/rank_counts.hpp"

#include <algorithm>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "db/subtree.hpp"
#include "points/store.hpp"

namespace xinhuo::points {

namespace {

constexpr long long kPeoplePerRead = 5000;  // people whose balances are read at once by rebuild and verify
constexpr std::size_t kShownMismatches = 200;

// A person's placement given which nodes are wide.
template <class IsWide>
Placement placement_in(IsWide is_wide, const std::string& status, const std::string& party_status,
                       const std::string& unit_path, const std::string& branch_path) {
  Placement p;
  p.ranked = is_ranked(status, party_status);
  p.nodes = db::path_ids(unit_path);
  for (long long id : db::path_ids(branch_path)) p.nodes.push_back(id);
  std::sort(p.nodes.begin(), p.nodes.end());
  p.nodes.erase(std::unique(p.nodes.begin(), p.nodes.end()), p.nodes.end());
  if (p.ranked)
    for (long long id : p.nodes)
      if (is_wide(id)) p.wide_nodes.push_back(id);
  return p;
}

// `wide_among(nodes)` answers which of a ranked person's nodes are wide.
template <class WideAmong>
Placement placement_with(WideAmong wide_among, const std::string& status, const std::string& party_status,
                         const std::string& unit_path, const std::string& branch_path) {
  Placement p = placement_in([](long long) { return false; }, status, party_status, unit_path, branch_path);
  if (p.ranked) p.wide_nodes = wide_among(p.nodes);
  return p;
}

Placement placement_of(soci::session& sql, const std::string& status, const std::string& party_status,
                       const std::string& unit_path, const std::string& branch_path) {
  return placement_with([&](const std::vector<long long>& nodes) { return RankCountStore::wide_among(sql, nodes); }, status,
                        party_status, unit_path, branch_path);
}

struct Move {
  long long person_id = 0;
  Placement before, after;
};

// The person's balances leave the wide nodes they counted in and join the new ones (in one statement each, rows in
// key order).
void move_counts(db::Tx& tx, const std::vector<Move>& moves) {
  if (std::all_of(moves.begin(), moves.end(), [](const Move& m) { return m.before.wide_nodes == m.after.wide_nodes; })) return;
  // The counts are rows every booking of a city shares: their writers go one at a time (see PointsService::book),
  // and the balances read below cannot change meanwhile.
  tx.lock_writers();
  std::map<long long, long long> population;
  std::map<CountKey, long long> counts;
  for (const auto& m : moves) {
    if (m.before.wide_nodes == m.after.wide_nodes) continue;
    for (long long n : m.before.wide_nodes) --population[n];
    for (long long n : m.after.wide_nodes) ++population[n];
    for (const auto& b : RankCountStore::balances_of(tx.sql(), m.person_id)) {
      for (long long n : m.before.wide_nodes) --counts[{n, b.period, b.category, b.points}];
      for (long long n : m.after.wide_nodes) ++counts[{n, b.period, b.category, b.points}];
    }
  }
  RankCountStore::add_population(tx, population);
  RankCountStore::add_counts(tx, counts);
}

// Counts tallied from many balance rows: periods and categories are interned so that a key is three numbers.
class Tally {
 public:
  void add(long long node, const std::string& period, const std::string& category, long long points) {
    ++counts_[Key{node, intern(period, category), points}];
  }
  // Removes and returns the count of a key (0 when absent).
  long long take(const CountKey& k) {
    auto id = ids_.find({std::get<1>(k), std::get<2>(k)});
    if (id == ids_.end()) return 0;
    auto it = counts_.find(Key{std::get<0>(k), id->second, std::get<3>(k)});
    if (it == counts_.end()) return 0;
    const long long n = it->second;
    counts_.erase(it);
    return n;
  }
  std::map<CountKey, long long> rows() const {
    std::map<CountKey, long long> out;
    for (const auto& [k, n] : counts_) out[{k.node, names_[k.pc].first, names_[k.pc].second, k.points}] = n;
    return out;
  }

 private:
  struct Key {
    long long node;
    int pc;
    long long points;
    bool operator==(const Key& o) const { return node == o.node && pc == o.pc && points == o.points; }
  };
  struct Hash {
    std::size_t operator()(const Key& k) const {
      return std::hash<long long>()((k.node * 1000003 + k.pc) * 1000003 + k.points);
    }
  };
  int intern(const std::string& period, const std::string& category) {
    auto [it, added] = ids_.try_emplace({period, category}, static_cast<int>(names_.size()));
    if (added) names_.emplace_back(period, category);
    return it->second;
  }
  std::map<std::pair<std::string, std::string>, int> ids_;
  std::vector<std::pair<std::string, std::string>> names_;
  std::unordered_map<Key, long long, Hash> counts_;
};

struct Expected {
  Tally counts;
  std::map<long long, long long> population;
};

// What the counts should be: every ranked person's balances in each wide node on their paths.
Expected expected(soci::session& sql) {
  Expected e;
  const auto wide_list = RankCountStore::wide_nodes(sql);
  const std::unordered_set<long long> wide(wide_list.begin(), wide_list.end());
  std::unordered_map<long long, std::vector<long long>> counted_in;
  RankCountStore::each_ranked_placement(sql, [&](const PlacementRow& r) {
    Placement p = placement_in([&](long long id) { return wide.count(id) > 0; }, r.status, r.party_status, r.unit_path,
                               r.branch_path);
    for (long long n : p.wide_nodes) ++e.population[n];
    if (!p.wide_nodes.empty()) counted_in.emplace(r.person_id, std::move(p.wide_nodes));
  });
  const long long last = RankCountStore::max_person_id(sql);
  for (long long from = 0; from <= last; from += kPeoplePerRead)
    RankCountStore::each_balance(sql, from, from + kPeoplePerRead, [&](const BalanceRow& b) {
      auto it = counted_in.find(b.person_id);
      if (it == counted_in.end()) return;
      for (long long n : it->second) e.counts.add(n, b.period, b.category, b.points);
    });
  return e;
}

}  // namespace

Placement RankCounts::placement(soci::session& sql, long long person_id) {
  const auto row = RankCountStore::placement(sql, person_id);
  if (!row) return {};
  return placement_of(sql, row->status, row->party_status, row->unit_path, row->branch_path);
}

Placement RankCounts::placement(db::Tx& tx, long long person_id) {
  const auto row = RankCountStore::placement(tx.sql(), person_id);
  if (!row) return {};
  // Which of a unit's and branch's nodes are wide does not change with bookings: a batch asks once per place.
  const auto kept_wide_among = [&](const std::vector<long long>& nodes) {
    return tx.kept<std::vector<long long>>("points.wide:" + row->unit_path + "|" + row->branch_path,
                                           [&] { return RankCountStore::wide_among(tx.sql(), nodes); });
  };
  return placement_with(kept_wide_among, row->status, row->party_status, row->unit_path, row->branch_path);
}

void RankCounts::booked(db::Tx& tx, const Placement& placement, const std::vector<BalanceChange>& changes) {
  if (placement.wide_nodes.empty()) return;
  std::map<CountKey, long long> deltas;
  for (const auto& c : changes) {
    if (c.existed && c.before == c.after) continue;
    for (long long n : placement.wide_nodes) {
      if (c.existed) --deltas[{n, c.period, c.category, c.before}];
      ++deltas[{n, c.period, c.category, c.after}];
    }
  }
  // A batch of bookings sums its moves and writes them once at commit.
  auto* deferred = tx.sums<CountKey>("points.rank_counts", [](db::Tx& t, const std::map<CountKey, long long>& sums) {
    RankCountStore::add_counts(t, sums);
  });
  if (deferred) {
    for (const auto& [key, delta] : deltas) deferred->add(key, delta);
    return;
  }
  RankCountStore::add_counts(tx, deltas);
}

void RankCounts::on_person_placed(db::Tx& tx, const db::Event& e) {
  auto side = [&](const char* key) -> Placement {
    const auto it = e.payload.find(key);
    if (it == e.payload.end() || !it->is_object()) return {};
    const long long unit = it->value("unit_id", 0LL), branch = it->value("branch_id", 0LL);
    const std::string unit_path = unit ? PointsStore::node_path(tx.sql(), unit).value_or("") : "";
    const std::string branch_path = branch ? PointsStore::node_path(tx.sql(), branch).value_or("") : "";
    return placement_of(tx.sql(), it->value("status", std::string("active")), it->value("party_status", std::string()),
                        unit_path, branch_path);
  };
  move_counts(tx, std::vector<Move>{Move{e.person_id, side("before"), side("after")}});
}

void RankCounts::on_node_moved(db::Tx& tx, const db::Event& e) {
  const std::string from = e.payload.value("from_path", std::string()), to = e.payload.value("to_path", std::string());
  if (from.empty() || to.empty() || from == to) return;
  // The paths below the node are already the new ones; before the move they began with `from`.
  auto old_path = [&](const std::string& p) { return p.rfind(to, 0) == 0 ? from + p.substr(to.size()) : p; };
  const auto rows = RankCountStore::placements_under(tx.sql(), e.subject_id);
  std::set<long long> ids;
  for (const auto& r : rows)
    for (const std::string& p : {r.unit_path, r.branch_path, old_path(r.unit_path), old_path(r.branch_path)})
      for (long long id : db::path_ids(p)) ids.insert(id);
  const auto wide_list = RankCountStore::wide_among(tx.sql(), std::vector<long long>(ids.begin(), ids.end()));
  const std::set<long long> wide(wide_list.begin(), wide_list.end());
  auto is_wide = [&](long long id) { return wide.count(id) > 0; };
  std::vector<Move> moves;
  for (const auto& r : rows)
    moves.push_back({r.person_id,
                     placement_in(is_wide, r.status, r.party_status, old_path(r.unit_path), old_path(r.branch_path)),
                     placement_in(is_wide, r.status, r.party_status, r.unit_path, r.branch_path)});
  move_counts(tx, moves);
}

long long RankCounts::rebuild(db::Database& db) {
  // One transaction: readers see the old counts until the new ones are complete.
  db::Tx tx(db);
  tx.lock_writers();  // no booking changes the balances while they are read
  Expected e = expected(tx.sql());
  const auto rows = e.counts.rows();
  RankCountStore::clear(tx);
  RankCountStore::insert(tx, rows, e.population);
  tx.commit();
  return static_cast<long long>(rows.size() + e.population.size());
}

void RankCounts::verify(soci::session& sql, VerifyReport& report) {
  Expected e = expected(sql);
  auto note = [&](std::string text) {
    if (++report.rank_mismatch_count <= static_cast<long long>(kShownMismatches)) report.rank_mismatches.push_back(std::move(text));
  };
  auto describe = [](const CountKey& k, long long stored, long long want) {
    return "node " + std::to_string(std::get<0>(k)) + ", period " + std::get<1>(k) + ", category " +
           (std::get<2>(k).empty() ? std::string("(total)") : std::get<2>(k)) + ", " + std::to_string(std::get<3>(k)) +
           " points: counted " + std::to_string(stored) + " people, balances give " + std::to_string(want);
  };
  RankCountStore::each_count(sql, [&](const CountKey& k, long long people) {
    ++report.rank_rows_checked;
    const long long want = e.counts.take(k);
    if (people != want) note(describe(k, people, want));
  });
  for (const auto& [k, want] : e.counts.rows()) note(describe(k, 0, want));
  const auto stored = RankCountStore::populations(sql);
  std::set<long long> nodes;
  for (const auto& [n, people] : stored) nodes.insert(n);
  for (const auto& [n, people] : e.population) nodes.insert(n);
  for (long long n : nodes) {
    ++report.rank_rows_checked;
    const auto s = stored.find(n);
    const auto w = e.population.find(n);
    const long long have = s == stored.end() ? 0 : s->second, want = w == e.population.end() ? 0 : w->second;
    if (have != want)
      note("node " + std::to_string(n) + ": population " + std::to_string(have) + ", ranked members " + std::to_string(want));
  }
}

}  // namespace xinhuo::points
