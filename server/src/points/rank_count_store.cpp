#include "points/rank_count_store.hpp"

#include "db/bulk_insert.hpp"
#include "db/query.hpp"

namespace xinhuo::points {

namespace {
const char* const kPlacementColumns =
    "SELECT p.id, p.status, p.party_status, u.path, COALESCE(b.path, '') FROM person p "
    "JOIN org_node u ON u.id = p.unit_id LEFT JOIN org_node b ON b.id = p.branch_id";
const char* const kRanked = " p.status = 'active' AND p.party_status IN ('probationary', 'full')";
const char* const kWideTypes = "node_type IN ('city', 'district', 'system')";
// The subtree of a node (head, the node's id, tail) through the indexed parent links.
const char* const kSubtreeHead = "WITH RECURSIVE sub(id) AS (SELECT CAST(";
const char* const kSubtreeTail = " AS BIGINT) UNION ALL SELECT c.id FROM org_node c JOIN sub ON c.parent_id = sub.id) ";
const char* const kAboveAndCounted =
    "SELECT COALESCE(SUM(CASE WHEN points > :m THEN people ELSE 0 END), 0), COALESCE(SUM(people), 0) "
    "FROM point_rank_count WHERE node_id = :n AND period = :p AND category_code = :c";
const char* const kPopulation = "SELECT people FROM point_rank_population WHERE node_id = :n";
const char* const kBalancesOf =
    "SELECT person_id, period, category_code, points, entries FROM point_balance WHERE person_id = :p";
const char* const kMaxPerson = "SELECT COALESCE(MAX(id), 0) FROM person";
const char* const kBalancesBetween =
    "SELECT person_id, period, category_code, points, entries FROM point_balance WHERE person_id >= :a AND person_id < :b";
const char* const kEntrySumsBetween =
    "SELECT person_id, year, SUBSTR(activity_date, 6, 2), category_code, SUM(points), COUNT(*) FROM ledger_entry "
    "WHERE person_id >= :a AND person_id < :b GROUP BY person_id, year, SUBSTR(activity_date, 6, 2), category_code";
const char* const kCounts = "SELECT node_id, period, category_code, points, people FROM point_rank_count WHERE people <> 0";
const char* const kPopulations = "SELECT node_id, people FROM point_rank_population WHERE people <> 0";
const char* const kAnyPopulation = "SELECT COUNT(*) FROM (SELECT 1 FROM point_rank_population LIMIT 1) x";
const char* const kAnyRanked =
    "SELECT COUNT(*) FROM (SELECT 1 FROM person p WHERE p.status = 'active' AND p.party_status IN ('probationary', 'full') "
    "LIMIT 1) x";
const char* const kAddCount =
    "ON CONFLICT (node_id, period, category_code, points) DO UPDATE SET people = point_rank_count.people + excluded.people";
const char* const kAddPopulation = "ON CONFLICT (node_id) DO UPDATE SET people = point_rank_population.people + excluded.people";
const std::vector<std::string> kCountColumns = {"node_id", "period", "category_code", "points", "people"};
const std::vector<std::string> kPopulationColumns = {"node_id", "people"};

constexpr std::size_t kBatch = 5000;  // rows fetched per round trip in whole-table reads

// Runs `text` with the bound values and hands each fetched batch to `on_batch`.
template <class Bind, class Each>
void fetch_batches(soci::session& sql, const std::string& text, Bind bind, Each on_batch) {
  soci::statement st(sql);
  bind(st);
  st.alloc();
  st.prepare(text);
  st.define_and_bind();
  st.execute(false);
  while (st.fetch()) on_batch();
}

std::vector<PlacementRow> placements(soci::session& sql, db::Query q) {
  std::vector<PlacementRow> out;
  q.rows(sql, [&](const db::Row& r) { out.push_back({r.ll(0), r.text(1), r.text(2), r.text(3), r.text(4)}); });
  return out;
}
}  // namespace

bool is_ranked(const std::string& status, const std::string& party_status) {
  return status == "active" && (party_status == "probationary" || party_status == "full");
}

std::optional<PlacementRow> RankCountStore::placement(soci::session& sql, long long person_id) {
  auto rows = placements(sql, db::Query(std::string(kPlacementColumns) + " WHERE p.id = ").value(person_id));
  if (rows.empty()) return std::nullopt;
  return rows.front();
}

std::vector<long long> RankCountStore::wide_among(soci::session& sql, const std::vector<long long>& ids) {
  std::vector<long long> out;
  if (ids.empty()) return out;
  db::Query q(std::string("SELECT id FROM org_node WHERE ") + kWideTypes + " AND id IN (");
  for (std::size_t i = 0; i < ids.size(); ++i) q.add(i ? ", CAST(" : "CAST(").value(ids[i]).add(" AS BIGINT)");
  q.add(") ORDER BY id");
  q.each(sql, [&](const soci::row& r) { out.push_back(db::column_ll(r, 0)); });
  return out;
}

void RankCountStore::add_counts(db::Tx& tx, const std::map<CountKey, long long>& deltas) {
  // Rows go in key order, so concurrent bookings on PostgreSQL lock shared rows in the same order (no deadlock).
  db::BulkInsert rows(tx.sql(), "point_rank_count", kCountColumns, 200);
  rows.append(kAddCount);
  for (const auto& [key, delta] : deltas)
    if (delta != 0)
      rows.add({std::to_string(std::get<0>(key)), std::get<1>(key), std::get<2>(key), std::to_string(std::get<3>(key)),
                std::to_string(delta)});
  rows.flush();
}

void RankCountStore::add_population(db::Tx& tx, const std::map<long long, long long>& deltas) {
  db::BulkInsert rows(tx.sql(), "point_rank_population", kPopulationColumns, 200);
  rows.append(kAddPopulation);
  for (const auto& [node, delta] : deltas)
    if (delta != 0) rows.add({std::to_string(node), std::to_string(delta)});
  rows.flush();
}

std::pair<long long, long long> RankCountStore::above_and_counted(soci::session& sql, long long node_id, const std::string& period,
                                                                  const std::string& category, long long points) {
  long long above = 0, counted = 0;
  sql << kAboveAndCounted, soci::use(points), soci::use(node_id), soci::use(period), soci::use(category), soci::into(above),
      soci::into(counted);
  return {above, counted};
}

long long RankCountStore::population(soci::session& sql, long long node_id) {
  long long people = 0;
  soci::indicator ind = soci::i_null;
  sql << kPopulation, soci::use(node_id), soci::into(people, ind);
  return sql.got_data() && ind == soci::i_ok ? people : 0;
}

std::vector<PlacementRow> RankCountStore::placements_under(soci::session& sql, long long node_id) {
  db::Query q(kSubtreeHead);
  q.value(node_id).add(kSubtreeTail).add(kPlacementColumns).add(" WHERE p.unit_id IN (SELECT id FROM sub) OR p.branch_id IN (SELECT id FROM sub)");
  return placements(sql, q);
}

std::vector<BalanceRow> RankCountStore::balances_of(soci::session& sql, long long person_id) {
  std::vector<BalanceRow> out;
  soci::rowset<soci::row> rows = (sql.prepare << kBalancesOf, soci::use(person_id));
  for (const auto& r : rows)
    out.push_back({db::column_ll(r, 0), r.get<std::string>(1), r.get<std::string>(2), db::column_ll(r, 3), db::column_ll(r, 4)});
  return out;
}

long long RankCountStore::max_person_id(soci::session& sql) {
  long long id = 0;
  sql << kMaxPerson, soci::into(id);
  return id;
}

void RankCountStore::each_ranked_placement(soci::session& sql, const std::function<void(const PlacementRow&)>& f) {
  std::vector<long long> id(kBatch);
  std::vector<std::string> status(kBatch), party(kBatch), unit(kBatch), branch(kBatch);
  fetch_batches(
      sql, std::string(kPlacementColumns) + " WHERE" + kRanked,
      [&](soci::statement& st) {
        st.exchange(soci::into(id));
        st.exchange(soci::into(status));
        st.exchange(soci::into(party));
        st.exchange(soci::into(unit));
        st.exchange(soci::into(branch));
      },
      [&] {
        for (std::size_t i = 0; i < id.size(); ++i) f({id[i], status[i], party[i], unit[i], branch[i]});
      });
}

void RankCountStore::each_balance(soci::session& sql, long long from_id, long long to_id,
                                  const std::function<void(const BalanceRow&)>& f) {
  std::vector<long long> person(kBatch), points(kBatch), entries(kBatch);
  std::vector<std::string> period(kBatch), category(kBatch);
  fetch_batches(
      sql, kBalancesBetween,
      [&](soci::statement& st) {
        st.exchange(soci::use(from_id));
        st.exchange(soci::use(to_id));
        st.exchange(soci::into(person));
        st.exchange(soci::into(period));
        st.exchange(soci::into(category));
        st.exchange(soci::into(points));
        st.exchange(soci::into(entries));
      },
      [&] {
        for (std::size_t i = 0; i < person.size(); ++i) f({person[i], period[i], category[i], points[i], entries[i]});
      });
}

void RankCountStore::each_entry_sum(soci::session& sql, long long from_id, long long to_id,
                                    const std::function<void(const EntrySum&)>& f) {
  std::vector<long long> person(kBatch), year(kBatch), points(kBatch), entries(kBatch);
  std::vector<std::string> month(kBatch), category(kBatch);
  fetch_batches(
      sql, kEntrySumsBetween,
      [&](soci::statement& st) {
        st.exchange(soci::use(from_id));
        st.exchange(soci::use(to_id));
        st.exchange(soci::into(person));
        st.exchange(soci::into(year));
        st.exchange(soci::into(month));
        st.exchange(soci::into(category));
        st.exchange(soci::into(points));
        st.exchange(soci::into(entries));
      },
      [&] {
        for (std::size_t i = 0; i < person.size(); ++i)
          f({person[i], static_cast<int>(year[i]), month[i], category[i], points[i], entries[i]});
      });
}

void RankCountStore::each_count(soci::session& sql, const std::function<void(const CountKey&, long long)>& f) {
  std::vector<long long> node(kBatch), points(kBatch), people(kBatch);
  std::vector<std::string> period(kBatch), category(kBatch);
  fetch_batches(
      sql, kCounts,
      [&](soci::statement& st) {
        st.exchange(soci::into(node));
        st.exchange(soci::into(period));
        st.exchange(soci::into(category));
        st.exchange(soci::into(points));
        st.exchange(soci::into(people));
      },
      [&] {
        for (std::size_t i = 0; i < node.size(); ++i) f({node[i], period[i], category[i], points[i]}, people[i]);
      });
}

std::map<long long, long long> RankCountStore::populations(soci::session& sql) {
  std::map<long long, long long> out;
  soci::rowset<soci::row> rows = sql.prepare << kPopulations;
  for (const auto& r : rows) out[db::column_ll(r, 0)] = db::column_ll(r, 1);
  return out;
}

std::vector<long long> RankCountStore::wide_nodes(soci::session& sql) {
  std::vector<long long> out;
  soci::rowset<soci::row> rows = sql.prepare << std::string("SELECT id FROM org_node WHERE ") + kWideTypes + " ORDER BY id";
  for (const auto& r : rows) out.push_back(db::column_ll(r, 0));
  return out;
}

bool RankCountStore::never_built(soci::session& sql) {
  long long population = 0, ranked = 0;
  sql << kAnyPopulation, soci::into(population);
  if (population > 0) return false;
  sql << kAnyRanked, soci::into(ranked);
  return ranked > 0;
}

void RankCountStore::clear(db::Tx& tx) {
  tx.sql() << "DELETE FROM point_rank_count";
  tx.sql() << "DELETE FROM point_rank_population";
}

void RankCountStore::insert(db::Tx& tx, const std::map<CountKey, long long>& counts,
                            const std::map<long long, long long>& population) {
  db::BulkInsert count_rows(tx.sql(), "point_rank_count", kCountColumns);
  for (const auto& [key, people] : counts)
    if (people != 0)
      count_rows.add({std::to_string(std::get<0>(key)), std::get<1>(key), std::get<2>(key), std::to_string(std::get<3>(key)),
                      std::to_string(people)});
  count_rows.flush();
  db::BulkInsert population_rows(tx.sql(), "point_rank_population", kPopulationColumns);
  for (const auto& [node, people] : population)
    if (people != 0) population_rows.add({std::to_string(node), std::to_string(people)});
  population_rows.flush();
}

}  // namespace xinhuo::points
