// Rank counts of wide nodes: after bookings, ties, deductions below zero, reversals, people moving between units,
// leaving the party rolls and nodes moving in the tree, every rank equals the rank counted from the people; `points
// verify` finds tampered counts and `rebuild_ranks` repairs them. Both databases.
#include <gtest/gtest.h>

#include "db/sql.hpp"
#include "support/points_fixtures.hpp"
#include "support/test_server.hpp"

using namespace xinhuo;
using namespace xinhuo::test;

class PointsRanks : public ::testing::TestWithParam<Backend> {};

namespace {

// The rank by its definition, counted from the people: active party members whose unit or branch lies in the node,
// each at their balance or at 0 without one; rank 1 + the people with more points, 0 for a non-member.
points::MyRank counted(TestServer& s, long long person, long long node, const std::string& period, const std::string& category) {
  auto lease = s.app().database().lease();
  const std::string path = *points::PointsStore::node_path(lease.sql(), node);
  std::map<long long, long long> scores;
  soci::rowset<soci::row> rows =
      (lease.sql().prepare << "SELECT p.id, COALESCE(bal.points, 0) FROM person p JOIN org_node u ON u.id = p.unit_id "
                              "LEFT JOIN org_node b ON b.id = p.branch_id LEFT JOIN point_balance bal ON bal.person_id = p.id "
                              "AND bal.period = :per AND bal.category_code = :c WHERE p.status = 'active' AND "
                              "p.party_status IN ('probationary', 'full') AND (u.path LIKE :p1 OR COALESCE(b.path, '') LIKE :p2)",
       soci::use(period), soci::use(category), soci::use(path + "%"), soci::use(path + "%"));
  for (const auto& r : rows) scores[db::column_ll(r, 0)] = db::column_ll(r, 1);
  points::MyRank m;
  m.points = points::PointsStore::balance(lease.sql(), person, period, category);
  m.of = static_cast<long long>(scores.size());
  long long more = 0;
  for (const auto& [id, points] : scores) more += points > m.points;
  if (scores.count(person)) {
    m.rank = static_cast<int>(more + 1);
    m.percentile = 100.0 * static_cast<double>(m.of - more) / static_cast<double>(m.of);
  }
  return m;
}

// Every person's rank in every node, period and category asked for equals the counted one, and verify agrees.
void expect_ranks_counted(TestServer& s, const std::vector<long long>& people, const std::vector<long long>& nodes,
                          const std::string& step) {
  SCOPED_TRACE(step);
  for (long long person : people)
    for (long long node : nodes)
      for (const std::string period : {"2026", "2026-Q4", "2026-10", "2026-11"})
        for (const std::string category : {"", "honour", "deduction"}) {
          const auto want = counted(s, person, node, period, category);
          auto lease = s.app().database().lease();
          const auto got = points::PointsStore::rank_of(lease.sql(), person, node, period, category);
          const std::string where = "person " + std::to_string(person) + " node " + std::to_string(node) + " " + period + " '" +
                                    category + "'";
          EXPECT_EQ(got.rank, want.rank) << where;
          EXPECT_EQ(got.of, want.of) << where;
          EXPECT_EQ(got.points, want.points) << where;
          EXPECT_DOUBLE_EQ(got.percentile, want.percentile) << where;
        }
  const auto report = s.app().points().verify();
  EXPECT_TRUE(report.mismatches.empty());
  EXPECT_EQ(report.rank_mismatch_count, 0) << (report.rank_mismatches.empty() ? "" : report.rank_mismatches.front());
}

long long add_node(TestServer& s, const std::string& admin, long long parent, const std::string& type, const std::string& name) {
  auto r = s.send_as(admin, "POST", "/api/v1/org/nodes", Json{{"parent_id", parent}, {"node_type", type}, {"name", name}}.dump());
  EXPECT_EQ(r.status, 201) << r.body;
  return r.status == 201 ? r.json()["id"].get<long long>() : 0;
}

}  // namespace

TEST_P(PointsRanks, CountsAgreeWithCountingThroughBookingsReversalsAndMoves) {
  auto holder = TestServer::start(GetParam());
  if (!holder) return;
  TestServer& s = *holder;
  const auto city = s.seed_small_city();
  const std::string admin = s.login("admin");
  // city → district D → unit C → branch C1, beside the city's own units A (branch A1) and B.
  const long long district = add_node(s, admin, city.city, "district", "东区");
  const long long unit_c = add_node(s, admin, district, "unit", "东区丙单位");
  const long long branch_c1 = add_node(s, admin, unit_c, "branch", "丙单位党支部");
  const long long a1 = add_member(s, city, "甲一"), a2 = add_member(s, city, "甲二"), a3 = add_member(s, city, "甲三");
  const long long c1 = add_person(s, unit_c, branch_c1, "丙一"), c2 = add_person(s, unit_c, branch_c1, "丙二");
  const long long c3 = add_person(s, unit_c, branch_c1, "丙三", "activist");  // not ranked
  const std::vector<long long> people = {city.person_a, city.person_b, a1, a2, a3, c1, c2, c3};
  const std::vector<long long> nodes = {city.city, district, city.unit_a, city.branch_a1, unit_c, branch_c1};
  const auto honour = add_rule(s, "rank_honour", "honour", 5);
  const auto deduction = add_rule(s, "rank_deduction", "deduction", -3);

  // Ties (a1 and c1), a deduction below the people without points (c2), points for someone not ranked (c3).
  struct Step {
    long long person;
    const points::Rule* rule;
    const char* date;
  };
  const std::vector<Step> steps = {{a1, &honour, "2026-10-01"}, {c1, &honour, "2026-10-02"}, {a2, &honour, "2026-10-03"},
                                   {a2, &honour, "2026-11-03"}, {c2, &deduction, "2026-10-04"}, {c3, &honour, "2026-10-05"},
                                   {city.person_a, &deduction, "2026-11-05"}};
  int n = 0;
  for (const auto& step : steps) book(s, step.person, *step.rule, step.date, "rank:" + std::to_string(++n));
  expect_ranks_counted(s, people, nodes, "after bookings");

  // A reversal takes a2's October points back out.
  const long long entry = s.count("SELECT id FROM ledger_entry WHERE source_key = 'rank:3'");
  ASSERT_EQ(s.send_as(admin, "POST", "/api/v1/points/entries/" + std::to_string(entry) + "/reverse", R"({"reason":"记录有误"})").status,
            201);
  expect_ranks_counted(s, people, nodes, "after a reversal");

  // c2 moves to unit A (out of the district), a3 leaves the party rolls, c3 becomes a probationary member.
  const auto moved = s.send_as(admin, "PATCH", "/api/v1/people/" + std::to_string(c2),
                               Json{{"unit_id", city.unit_a}, {"branch_id", city.branch_a1}}.dump());
  ASSERT_EQ(moved.status, 200) << moved.body;
  ASSERT_EQ(s.send_as(admin, "PATCH", "/api/v1/people/" + std::to_string(a3), R"({"party_status":"masses"})").status, 200);
  ASSERT_EQ(s.send_as(admin, "PATCH", "/api/v1/people/" + std::to_string(c3), R"({"party_status":"probationary"})").status, 200);
  expect_ranks_counted(s, people, nodes, "after people moved");

  // Unit C (with c1 and c3) leaves the district for the city itself; unit A moves into the district.
  ASSERT_EQ(s.send_as(admin, "POST", "/api/v1/org/nodes/" + std::to_string(unit_c) + "/move", Json{{"parent_id", city.city}}.dump()).status,
            200);
  ASSERT_EQ(s.send_as(admin, "POST", "/api/v1/org/nodes/" + std::to_string(city.unit_a) + "/move", Json{{"parent_id", district}}.dump()).status,
            200);
  expect_ranks_counted(s, people, nodes, "after nodes moved");

  // The same through the API: my rank in the city, the unit and the branch.
  const std::string cadre = s.login("cadre");
  for (const std::string within : {"city", "unit", "branch"}) {
    const long long node = within == "city" ? city.city : within == "unit" ? city.unit_a : city.branch_a1;
    const auto want = counted(s, city.person_a, node, "2026", "");
    const auto got = s.get_as(cadre, "/api/v1/me/points/rank?period=2026&within=" + within).json();
    EXPECT_EQ(got["rank"], want.rank) << within;
    EXPECT_EQ(got["of"], want.of) << within;
    EXPECT_EQ(got["points"], want.points) << within;
  }
  EXPECT_EQ(s.get_as(cadre, "/api/v1/me/points/rank?within=planet").status, 400);
  // The city's top from the balance index equals the full scoring: same people, same order, same ranks.
  auto lease = s.app().database().lease();
  const auto top = points::PointsStore::top(lease.sql(), city.city, "2026", "", 3);
  ASSERT_EQ(top.size(), 3u);
  for (std::size_t i = 0; i < top.size(); ++i) EXPECT_EQ(top[i].rank, 1) << "a1, a2, c1 and c3 tie at 5 points";
  EXPECT_EQ(top[0].person_id, a1) << "ties are listed by person id";
  EXPECT_EQ(top[1].person_id, a2);
  EXPECT_EQ(top[2].person_id, c1);
}

TEST_P(PointsRanks, VerifyFindsTamperedCountsAndRebuildRepairsThem) {
  auto holder = TestServer::start(GetParam());
  if (!holder) return;
  TestServer& s = *holder;
  const auto city = s.seed_small_city();
  const long long p1 = add_member(s, city, "甲一"), p2 = add_member(s, city, "甲二");
  const auto rule = add_rule(s, "rank_rule", "honour", 5);
  book(s, p1, rule, "2026-10-01", "t1");
  book(s, p1, rule, "2026-10-02", "t2");
  book(s, p2, rule, "2026-10-02", "t3");
  auto report = s.app().points().verify();
  EXPECT_TRUE(report.mismatches.empty());
  EXPECT_EQ(report.rank_mismatch_count, 0);
  EXPECT_GT(report.rank_rows_checked, 0);
  const auto before = counted(s, p2, city.city, "2026", "");
  EXPECT_EQ(before.rank, 2);

  {
    // Someone else counted at 10 points in the city, and the population off by two.
    auto lease = s.app().database().lease();
    lease.sql() << "UPDATE point_rank_count SET people = people + 1 WHERE node_id = " + std::to_string(city.city) +
                       " AND period = '2026' AND category_code = '' AND points = 10";
    lease.sql() << "UPDATE point_rank_population SET people = people + 2 WHERE node_id = " + std::to_string(city.city);
    EXPECT_EQ(points::PointsStore::rank_of(lease.sql(), p2, city.city, "2026", "").rank, 3) << "the ranks read the counts";
  }
  report = s.app().points().verify();
  EXPECT_TRUE(report.mismatches.empty()) << "the balances are still right";
  ASSERT_EQ(report.rank_mismatch_count, 2);
  EXPECT_NE(report.rank_mismatches[0].find("period 2026, category (total), 10 points: counted 2 people, balances give 1"),
            std::string::npos)
      << report.rank_mismatches[0];
  EXPECT_NE(report.rank_mismatches[1].find("population"), std::string::npos) << report.rank_mismatches[1];

  EXPECT_GT(s.app().points().rebuild_ranks(), 0);
  report = s.app().points().verify();
  EXPECT_EQ(report.rank_mismatch_count, 0);
  auto lease = s.app().database().lease();
  const auto after = points::PointsStore::rank_of(lease.sql(), p2, city.city, "2026", "");
  EXPECT_EQ(after.rank, before.rank);
  EXPECT_EQ(after.of, before.of);
}

INSTANTIATE_TEST_SUITE_P(Db, PointsRanks, ::testing::Values(Backend::sqlite, Backend::postgresql), backend_name);
