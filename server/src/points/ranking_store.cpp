// The ranking side of PointsStore: the top of a node and a person's rank, read from the balances.
#include <algorithm>

#include "db/query.hpp"
#include "points/store.hpp"

namespace xinhuo::points {

namespace {
// The ranked population: active party members whose unit or branch lies in the node's subtree.
const char* const kRankFrom =
    " FROM person p JOIN org_node u ON u.id = p.unit_id LEFT JOIN org_node b ON b.id = p.branch_id "
    "LEFT JOIN point_balance bal ON bal.person_id = p.id AND bal.period = ";
const char* const kNodePath = "SELECT path FROM org_node WHERE id = :id";
const char* const kNodeType = "SELECT node_type FROM org_node WHERE id = :id";
// The top of a wide node straight from the balance index (period, category, points), highest first: the scan stops
// after the rows asked for, however many people the node holds.
const char* const kTopFromBalances =
    "SELECT p.id, p.name, u.name, COALESCE(b.name, ''), bal.points FROM point_balance bal "
    "JOIN person p ON p.id = bal.person_id JOIN org_node u ON u.id = p.unit_id LEFT JOIN org_node b ON b.id = p.branch_id "
    "WHERE bal.period = ";

// Only active party members are ranked; the subtree is the node's, whether it is a unit or a branch.
void rank_population(db::Query& q, const std::string& node_path) {
  q.add(" WHERE p.status = 'active' AND p.party_status IN ('probationary', 'full') AND (u.path LIKE ")
      .value(node_path + "%")
      .add(" OR COALESCE(b.path, '') LIKE ")
      .value(node_path + "%")
      .add(")");
}
}  // namespace

std::vector<RankRow> PointsStore::top(soci::session& sql, const std::string& node_path, const std::string& period,
                                      const std::string& category, int limit, bool wide) {
  auto ranked = [](std::vector<RankRow> rows) {
    // Ties share a rank (1, 2, 2, 4): the rank is one more than the number of people with more points.
    for (std::size_t i = 0; i < rows.size(); ++i)
      rows[i].rank = i > 0 && rows[i].points == rows[i - 1].points ? rows[i - 1].rank : static_cast<int>(i + 1);
    return rows;
  };
  auto row_from = [](const soci::row& r) {
    return RankRow{0, db::column_ll(r, 0), r.get<std::string>(1), r.get<std::string>(2), r.get<std::string>(3),
                   db::column_ll(r, 4)};
  };
  if (wide) {
    // People with positive points, read highest first with room for ties at the cut; enough of them make the top
    // exactly (nobody without a balance row can be above them). Otherwise fall through to the full scoring.
    db::Query fast(kTopFromBalances);
    fast.value(period).add(" AND bal.category_code = ").value(category).add(" AND bal.points > 0");
    fast.add(" AND p.status = 'active' AND p.party_status IN ('probationary', 'full') AND (u.path LIKE ")
        .value(node_path + "%")
        .add(" OR COALESCE(b.path, '') LIKE ")
        .value(node_path + "%")
        .add(") ORDER BY bal.points DESC LIMIT " + std::to_string(limit + 200));
    std::vector<RankRow> rows;
    fast.each(sql, [&](const soci::row& r) { rows.push_back(row_from(r)); });
    if (static_cast<int>(rows.size()) >= limit) {
      std::stable_sort(rows.begin(), rows.end(), [](const RankRow& a, const RankRow& b) {
        return a.points != b.points ? a.points > b.points : a.person_id < b.person_id;
      });
      rows.resize(static_cast<std::size_t>(limit));
      return ranked(std::move(rows));
    }
  }
  db::Query q("SELECT p.id, p.name, u.name, COALESCE(b.name, ''), COALESCE(bal.points, 0)");
  q.add(kRankFrom).value(period).add(" AND bal.category_code = ").value(category);
  rank_population(q, node_path);
  q.add(" ORDER BY COALESCE(bal.points, 0) DESC, p.id LIMIT " + std::to_string(limit));
  std::vector<RankRow> out;
  q.each(sql, [&](const soci::row& r) { out.push_back(row_from(r)); });
  return ranked(std::move(out));
}

MyRank PointsStore::rank_of(soci::session& sql, long long person_id, const std::string& node_path,
                            const std::string& period, const std::string& category) {
  MyRank m;
  m.points = balance(sql, person_id, period, category);
  db::Query member("SELECT COUNT(*)");
  member.add(kRankFrom).value(period).add(" AND bal.category_code = ").value(category);
  rank_population(member, node_path);
  member.add(" AND p.id = ").value(person_id);
  db::Query all("SELECT COUNT(*)");
  all.add(kRankFrom).value(period).add(" AND bal.category_code = ").value(category);
  rank_population(all, node_path);
  m.of = all.count(sql);
  db::Query above("SELECT COUNT(*)");
  above.add(kRankFrom).value(period).add(" AND bal.category_code = ").value(category);
  rank_population(above, node_path);
  // Bound values are text: cast, or SQLite compares the number with a string.
  above.add(" AND COALESCE(bal.points, 0) > CAST(").value(m.points).add(" AS BIGINT)");
  const long long more = above.count(sql);
  if (member.count(sql) == 0) return m;  // not a ranked member (rank 0): the count of others is still shown
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
