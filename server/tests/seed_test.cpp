// The demo city: the shape the issue asks for, the same data for the same seed, never over existing data.
#include <gtest/gtest.h>

#include "core/field_cipher.hpp"
#include "db/migrations.hpp"
#include "db/sql.hpp"
#include "org/model.hpp"
#include "seed/generator.hpp"
#include "support/test_db.hpp"

using namespace xinhuo;
using namespace xinhuo::test;

class Seed : public ::testing::TestWithParam<Backend> {};

namespace {
std::string digest(db::Database& db) {
  auto lease = db.lease();
  std::string all;
  soci::rowset<soci::row> rows = (lease.sql().prepare << "SELECT name, birth_date, rank, party_status FROM person ORDER BY id");
  for (const auto& r : rows) all += r.get<std::string>(0) + r.get<std::string>(1) + r.get<std::string>(2) + r.get<std::string>(3) + "\n";
  return all;
}
const auto kNow = parse_iso_utc("2026-11-29T02:00:00Z");
const FieldCipher kCipher(std::string(32, 'k'));
}  // namespace

TEST_P(Seed, DemoCityHasTheShapeOfTheRealOne) {
  XINHUO_TEST_DB(db, GetParam());
  db::migrate(db);
  const auto report = seed::generate(db, {}, kNow, kCipher);
  EXPECT_EQ(count(db, "SELECT COUNT(*) FROM org_node WHERE node_type = 'city'"), 1);
  EXPECT_EQ(count(db, "SELECT COUNT(*) FROM org_node WHERE node_type = 'district'"), 5);
  const long long city_id = [&] {
    auto l = db.lease();
    long long id = 0;
    l.sql() << "SELECT id FROM org_node WHERE node_type = 'city'", soci::into(id);
    return id;
  }();
  EXPECT_EQ(count(db, "SELECT COUNT(*) FROM org_node WHERE node_type = 'unit' AND parent_id = " + std::to_string(city_id)), 74);
  EXPECT_EQ(count(db, "SELECT COUNT(*) FROM study_group"), 186);
  const long long people = count(db, "SELECT COUNT(*) FROM person");
  EXPECT_EQ(people, report.people);
  EXPECT_GT(people, 2700);
  EXPECT_LT(people, 3300);
  // Every unit has at least one branch below it, and every party member belongs to a branch.
  EXPECT_EQ(count(db, "SELECT COUNT(*) FROM org_node u WHERE u.node_type = 'unit' AND NOT EXISTS "
                      "(SELECT 1 FROM org_node b WHERE b.node_type = 'branch' AND b.path LIKE u.path || '%')"), 0);
  EXPECT_EQ(count(db, "SELECT COUNT(*) FROM person WHERE party_status IN ('full','probationary') AND branch_id IS NULL"), 0);
  // Materialised paths agree with parent links.
  EXPECT_EQ(count(db, "SELECT COUNT(*) FROM org_node c JOIN org_node p ON c.parent_id = p.id "
                      "WHERE c.path <> p.path || CAST(c.id AS TEXT) || '/'"), 0);
  // Study group members are young cadres of the group's unit.
  EXPECT_EQ(count(db, "SELECT COUNT(*) FROM study_group_member m JOIN study_group g ON g.id = m.group_id "
                      "JOIN person p ON p.id = m.person_id WHERE p.unit_id <> g.unit_id"), 0);
  EXPECT_GT(report.young_cadres, people / 5);
  // Every person has a valid, sealed ID number matching their birth date.
  {
    auto l = db.lease();
    soci::rowset<soci::row> rows = (l.sql().prepare << "SELECT birth_date, id_card_sealed, phone_sealed FROM person");
    int checked = 0;
    for (const auto& r : rows) {
      const std::string id = kCipher.open(r.get<std::string>(1));
      ASSERT_EQ(id_card_problem(id).zh, "") << id;
      ASSERT_EQ(id_card_birth_date(id), r.get<std::string>(0));
      ASSERT_TRUE(valid_phone(kCipher.open(r.get<std::string>(2))));
      ++checked;
    }
    EXPECT_EQ(checked, people);
  }
  auto l = db.lease();
  std::string demo;
  l.sql() << "SELECT value FROM settings WHERE key = 'demo_data'", soci::into(demo);
  EXPECT_EQ(demo, "true");
}

TEST_P(Seed, SameSeedSameDataAndNeverOverExistingData) {
  XINHUO_TEST_DB(a, GetParam());
  XINHUO_TEST_DB(b, GetParam());
  db::migrate(a);
  db::migrate(b);
  seed::generate(a, {.seed = 7}, kNow, kCipher);
  seed::generate(b, {.seed = 7}, kNow, kCipher);
  EXPECT_EQ(digest(a), digest(b));
  EXPECT_THROW(seed::generate(a, {.seed = 7}, kNow, kCipher), std::runtime_error);
}

TEST_P(Seed, ScaleMultipliesTheCity) {
  XINHUO_TEST_DB(db, GetParam());
  db::migrate(db);
  const auto report = seed::generate(db, {.scale = 3}, kNow, kCipher);
  EXPECT_EQ(count(db, "SELECT COUNT(*) FROM org_node WHERE node_type = 'city' AND parent_id IS NOT NULL"), 3);
  EXPECT_EQ(count(db, "SELECT COUNT(*) FROM study_group"), 3 * 186);
  EXPECT_GT(report.people, 3 * 2700);
  // Identity sequences continue after the generated ids.
  auto l = db.lease();
  long long id = 0;
  l.sql() << "INSERT INTO org_node (parent_id, path, depth, node_type, name, code, created_at, updated_at) "
             "VALUES (NULL, '/x/', 0, 'city', 'x', 'X-1', 't', 't') RETURNING id",
      soci::into(id);
  EXPECT_EQ(id, report.org_nodes + 1);
}

INSTANTIATE_TEST_SUITE_P(Db, Seed, ::testing::Values(Backend::sqlite, Backend::postgresql), backend_name);

TEST(YoungCadreRule, ByRankBandTable) {
  struct Case { const char* rank; int age; bool young; };
  const Case cases[] = {{"clerk_2", 35, true},        {"clerk_2", 36, false},     {"senior_clerk_1", 35, true},
                        {"researcher_4", 40, true},   {"researcher_4", 41, false}, {"researcher_1", 38, true},
                        {"inspector_2", 45, true},    {"inspector_1", 46, false}, {"unknown", 20, false}};
  const org::YoungCadreRule rule;
  for (const auto& c : cases) EXPECT_EQ(rule.applies(c.rank, c.age), c.young) << c.rank << " " << c.age;
}
