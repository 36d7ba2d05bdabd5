// The ranking side of PointsStore: the top of a node and a person's rank, read from the balances and, in wide
// nodes (city, district, system), from the rank counts.
#include <algorithm>

#include "db/query.hpp"
#include "db/subtree.hpp"
#include "points/store.hpp"

namespace xinhuo::points {

namespace {
const char* const kNodePath = "SELECT path FROM org_node WHERE id = :id";
const char* const kNodeType = "SELECT node_type FROM org_node WHERE id = :id";
// The ranked people of a node: its subtree through the indexed parent links (head, the node's id, tail), then the
// active party members whose unit or branch lies in it.
const char* const kSubtreeHead = "WITH RECURSIVE sub(id) AS (SELECT CAST(";
const char* const kSubtreeTail = " AS BIGINT) UNION ALL SELECT c.id FROM org_node c JOIN sub ON c.parent_id = sub.id) ";
const char* const kRankedInSubtree =
    " WHERE p.status = 'active' AND p.party_status IN ('probationary', 'full') "
    "AND (p.unit_id IN (SELECT id FROM sub) OR p.branch_id IN (SELECT id FROM sub))";
const char* const kScoreColumns =
    "SELECT p.id, p.name, u.name, COALESCE(b.name, ''), COALESCE(bal.points, 0) FROM person p "
    "JOIN org_node u ON u.id = p.unit_id LEFT JOIN org_node b ON b.id = p.branch_id "
    "LEFT JOIN point_balance bal ON bal.person_id = p.id AND bal.period = ";
// Bound values are text: cast, or SQLite compares the number with a string.
const char* const kCountColumns =
    "SELECT COUNT(*), COALESCE(SUM(CASE WHEN COALESCE(bal.points, 0) > CAST(";
const char* const kCountFrom =
    " AS BIGINT) THEN 1 ELSE 0 END), 0) FROM person p LEFT JOIN point_balance bal ON bal.person_id = p.id AND bal.period = ";
// The top of a wide node straight from the balance index (period, category, points highest first, person): the
// scan stops after the rows asked for. Only people with points: those without a balance row tie at 0.
const char* const kTopFromBalances =
    "SELECT p.id, p.name, u.name, COALESCE(b.name, ''), bal.points FROM point_balance bal "
    "JOIN person p ON p.id = bal.person_id JOIN org_node u ON u.id = p.unit_id LEFT JOIN org_node b ON b.id = p.branch_id "
    "WHERE bal.period = ";

std::vector<RankRow> ranked(std::vector<RankRow> rows) {
  // Ties share a rank (1, 2, 2, 4): the rank is one more than the number of people with more points.
  for (std::size_t i = 0; i < rows.size(); ++i)
    rows[i].rank = i > 0 && rows[i].points == rows[i - 1].points ? rows[i - 1].rank : static_cast<int>(i + 1);
  return rows;
}

RankRow row_from(const soci::row& r) {
  return RankRow{0, db::column_ll(r, 0), r.get<std::string>(1), r.get<std::string>(2), r.get<std::string>(3),
                 db::column_ll(r, 4)};
}

db::Query subtree(long long node_id) {
  db::Query q(kSubtreeHead);
  q.value(node_id).add(kSubtreeTail);
  return q;
}
}  // namespace

std::vector<RankRow> PointsStore::top(soci::session& sql, long long node_id, const std::string& period,
                                      const std::string& category, int limit) {
  const auto path = node_path(sql, node_id);
  if (!path) return {};
  if (is_wide_node(node_type(sql, node_id))) {
    // Walking the balance index from the top meets the node's people at the rate people / everyone; scoring the
    // node's people reads each once. Walk when that is cheaper (the whole city, a large district).
    const long long people = RankCountStore::population(sql, node_id);
    const auto ids = db::path_ids(*path);
    const long long everyone = ids.empty() ? people : RankCountStore::population(sql, ids.front());
    if (people * people >= 2LL * limit * everyone) {
      db::Query fast(kTopFromBalances);
      fast.value(period).add(" AND bal.category_code = ").value(category).add(" AND bal.points > 0");
      fast.add(" AND p.status = 'active' AND p.party_status IN ('probationary', 'full') AND (u.path LIKE ")
          .value(*path + "%")
          .add(" OR COALESCE(b.path, '') LIKE ")
          .value(*path + "%")
          .add(") ORDER BY bal.points DESC, bal.person_id LIMIT " + std::to_string(limit));
      std::vector<RankRow> rows;
      fast.each(sql, [&](const soci::row& r) { rows.push_back(row_from(r)); });
      // Enough people with points make the top exactly; otherwise people at 0 belong in it: score everyone.
      if (static_cast<int>(rows.size()) == limit) return ranked(std::move(rows));
    }
  }
  db::Query q = subtree(node_id);
  q.add(kScoreColumns).value(period).add(" AND bal.category_code = ").value(category).add(kRankedInSubtree);
  q.add(" ORDER BY COALESCE(bal.points, 0) DESC, p.id LIMIT " + std::to_string(limit));
  std::vector<RankRow> out;
  q.each(sql, [&](const soci::row& r) { out.push_back(row_from(r)); });
  return ranked(std::move(out));
}

MyRank PointsStore::rank_of(soci::session& sql, long long person_id, long long node_id, const std::string& period,
                            const std::string& category) {
  MyRank m;
  m.points = balance(sql, person_id, period, category);
  long long more = 0;  // ranked people of the node with more points
  if (is_wide_node(node_type(sql, node_id))) {
    m.of = RankCountStore::population(sql, node_id);
    const auto [above, counted] = RankCountStore::above_and_counted(sql, node_id, period, category, m.points);
    // People without a balance row stand at 0: above anyone below 0.
    more = above + (m.points < 0 ? m.of - counted : 0);
  } else {
    db::Query q = subtree(node_id);
    q.add(kCountColumns).value(m.points).add(kCountFrom).value(period).add(" AND bal.category_code = ").value(category);
    q.add(kRankedInSubtree);
    q.each(sql, [&](const soci::row& r) {
      m.of = db::column_ll(r, 0);
      more = db::column_ll(r, 1);
    });
  }
  const Placement placement = RankCounts::placement(sql, person_id);
  const bool member = placement.ranked && std::binary_search(placement.nodes.begin(), placement.nodes.end(), node_id);
  if (!member) return m;  // not a ranked member (rank 0): the count of others is still shown
  m.rank = static_cast<int>(more + 1);
  m.percentile = m.of > 0 ? 100.0 * static_cast<double>(m.of - more) / static_cast<double>(m.of) : 0;
  return m;
}

std::string PointsStore::node_type(soci::session& sql, long long node_id) {
  soci::rowset<soci::row> rows = (sql.prepare << kNodeType, soci::use(node_id));
  for (const auto& r : rows) return r.get<std::string>(0);
  return "";
}

std::optional<std::string> PointsStore::node_path(soci::session& sql, long long node_id) {
  soci::rowset<soci::row> rows = (sql.prepare << kNodePath, soci::use(node_id));
  for (const auto& r : rows) return r.get<std::string>(0);
  return std::nullopt;
}

std::optional<std::string> PointsStore::node_path_in_scope(soci::session& sql, const Principal& caller, long long node_id) {
  auto path = node_path(sql, node_id);
  if (!path) return std::nullopt;
  bool visible = caller.scope.all;
  for (const auto& p : caller.scope.subtree_paths) visible = visible || path->rfind(p, 0) == 0;
  for (long long n : caller.scope.node_ids) visible = visible || n == node_id;
  return visible ? path : std::nullopt;
}

}  // namespace xinhuo::points
