// The org tree and the roster: moving a subtree, shape rules, closing, filters computed in SQL agreeing with
// the computed fields, validation, and the history of changes.
#include <gtest/gtest.h>

#include "db/sql.hpp"
#include "org/model.hpp"
#include "support/test_server.hpp"

using namespace xinhuo;
using namespace xinhuo::test;

class Org : public ::testing::TestWithParam<Backend> {};

#define START_CITY(s)                              \
  auto s##_holder = TestServer::start(GetParam()); \
  if (!s##_holder) return;                         \
  TestServer& s = *s##_holder;                     \
  const auto city = s.seed_small_city();           \
  const std::string admin = s.login("admin")

namespace {
std::string code_of(const HttpResult& r) { return r.json()["error"]["code"]; }
}  // namespace

TEST_P(Org, MovingASubtreeRewritesEveryPathBelowIt) {
  START_CITY(s);
  auto group = s.send_as(admin, "POST", "/api/v1/org/nodes",
                         Json{{"parent_id", city.branch_a1}, {"node_type", "party_group"}, {"name", "第一党小组"}}.dump());
  ASSERT_EQ(group.status, 201) << group.body;
  const long long group_id = group.json()["id"];
  // Branch A1 (with its party group) moves from unit A to unit B.
  auto moved = s.send_as(admin, "POST", "/api/v1/org/nodes/" + std::to_string(city.branch_a1) + "/move",
                         Json{{"parent_id", city.unit_b}}.dump());
  ASSERT_EQ(moved.status, 200) << moved.body;
  const std::string b_path = s.get_as(admin, "/api/v1/org/nodes/" + std::to_string(city.unit_b)).json()["path"];
  EXPECT_EQ(moved.json()["path"], b_path + std::to_string(city.branch_a1) + "/");
  auto g = s.get_as(admin, "/api/v1/org/nodes/" + std::to_string(group_id)).json();
  EXPECT_EQ(g["path"], b_path + std::to_string(city.branch_a1) + "/" + std::to_string(group_id) + "/");
  EXPECT_EQ(g["depth"], 3);
  // The unit administrator of A no longer sees the branch or its member's record through it.
  const std::string unitadmin = s.login("unitadmin");
  EXPECT_EQ(s.get_as(unitadmin, "/api/v1/org/nodes/" + std::to_string(group_id)).status, 404);
  // Moving a node under its own subtree is refused.
  auto loop = s.send_as(admin, "POST", "/api/v1/org/nodes/" + std::to_string(city.unit_b) + "/move",
                        Json{{"parent_id", city.branch_a1}}.dump());
  EXPECT_EQ(loop.status, 409);
  EXPECT_EQ(code_of(loop), "move_into_own_subtree");
}

TEST_P(Org, ShapeRulesAndClosing) {
  START_CITY(s);
  auto bad = s.send_as(admin, "POST", "/api/v1/org/nodes",
                       Json{{"parent_id", city.branch_a1}, {"node_type", "unit"}, {"name", "错误"}}.dump());
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(bad.json()["error"]["field"], "node_type");
  auto dup = s.send_as(admin, "POST", "/api/v1/org/nodes",
                       Json{{"parent_id", city.city}, {"node_type", "unit"}, {"name", "丙单位"}, {"code", "T-A"}}.dump());
  EXPECT_EQ(dup.status, 409);
  // Closing keeps the node and its people; closing twice is a conflict.
  auto closed = s.send_as(admin, "POST", "/api/v1/org/nodes/" + std::to_string(city.unit_a) + "/close");
  ASSERT_EQ(closed.status, 200);
  EXPECT_EQ(closed.json()["status"], "closed");
  EXPECT_EQ(closed.json()["people"], 1);
  EXPECT_EQ(s.send_as(admin, "POST", "/api/v1/org/nodes/" + std::to_string(city.unit_a) + "/close").status, 409);
  EXPECT_EQ(s.count("SELECT COUNT(*) FROM audit_log WHERE action = 'org.node_closed'"), 1);
}

TEST_P(Org, PersonChangesAreValidatedAndKeptAsHistory) {
  START_CITY(s);
  const std::string path = "/api/v1/people/" + std::to_string(city.person_a);
  EXPECT_EQ(s.send_as(admin, "PATCH", path, R"({"birth_date":"2023-02-29"})").json()["error"]["field"], "birth_date");
  EXPECT_EQ(s.send_as(admin, "PATCH", path, R"({"rank":"general"})").json()["error"]["field"], "rank");
  EXPECT_EQ(s.send_as(admin, "PATCH", path, R"({"gender":"x"})").json()["error"]["field"], "gender");
  EXPECT_EQ(s.send_as(admin, "PATCH", path, R"({"salary":1})").json()["error"]["field"], "salary");
  EXPECT_EQ(s.send_as(admin, "PATCH", path, Json{{"branch_id", city.unit_b}}.dump()).json()["error"]["field"], "branch_id");

  auto changed = s.send_as(admin, "PATCH", path, R"({"position":"副科长","rank":"senior_clerk_4"})");
  ASSERT_EQ(changed.status, 200) << changed.body;
  EXPECT_EQ(changed.json()["position"], "副科长");
  auto history = s.get_as(admin, path + "/history").json()["items"];
  ASSERT_EQ(history.size(), 2u);
  std::set<std::string> fields;
  for (const auto& h : history) {
    fields.insert(h["field"].get<std::string>());
    EXPECT_EQ(h["username"], "admin");
  }
  EXPECT_EQ(fields, (std::set<std::string>{"position", "rank"}));
  EXPECT_EQ(history[0]["field"] == "rank" ? history[0]["old_value"] : history[1]["old_value"], "clerk_1");
  // The same values again change nothing and add no history.
  s.send_as(admin, "PATCH", path, R"({"position":"副科长"})");
  EXPECT_EQ(s.get_as(admin, path + "/history").json()["items"].size(), 2u);
}

TEST_P(Org, RosterFiltersAgreeWithTheComputedFields) {
  START_CITY(s);
  auto all = s.get_as(admin, "/api/v1/people?page_size=200").json();
  EXPECT_EQ(all["total"], 2);
  for (const auto& p : all["items"]) {
    EXPECT_EQ(p["age"], org::age_on("1995-03-01", iso_utc(s.clock().now() + std::chrono::hours(8)).substr(0, 10)));
    EXPECT_TRUE(p["young_cadre"].get<bool>()) << "clerk_1 born 1995";
  }
  EXPECT_EQ(s.get_as(admin, "/api/v1/people?young_cadre=true").json()["total"], 2);
  EXPECT_EQ(s.get_as(admin, "/api/v1/people?young_cadre=false").json()["total"], 0);
  EXPECT_EQ(s.get_as(admin, "/api/v1/people?name=%E7%8E%8B").json()["total"], 1);  // 王
  EXPECT_EQ(s.get_as(admin, "/api/v1/people?unit_id=" + std::to_string(city.unit_b)).json()["total"], 1);
  // A branch lists the people filed under it, not its whole unit.
  {
    auto lease = s.app().database().lease();
    lease.sql() << "INSERT INTO person (name, gender, ethnicity, birth_date, unit_id, rank, party_status, created_at, "
                   "updated_at) VALUES ('赵无支部', 'male', '汉族', '1995-03-01', :u, 'clerk_1', 'full', 't', 't')",
        soci::use(city.unit_a);
  }
  EXPECT_EQ(s.get_as(admin, "/api/v1/people?unit_id=" + std::to_string(city.unit_a)).json()["total"], 2);
  auto branch = s.get_as(admin, "/api/v1/people?unit_id=" + std::to_string(city.branch_a1)).json();
  EXPECT_EQ(branch["total"], 1);
  EXPECT_EQ(branch["items"][0]["id"], city.person_a);
  {
    auto lease = s.app().database().lease();
    lease.sql() << "UPDATE person SET status = 'left' WHERE name = '赵无支部'";
  }
  EXPECT_EQ(s.get_as(admin, "/api/v1/people?party_status=masses").json()["total"], 1);
  auto by_age = s.get_as(admin, "/api/v1/people?age_min=60").json();
  EXPECT_EQ(by_age["total"], 0);
  EXPECT_EQ(s.get_as(admin, "/api/v1/people?sort=salary").status, 400);
  EXPECT_EQ(s.get_as(admin, "/api/v1/people?page_size=1000").status, 400);
  // The unit administrator of A sees only A's person; the cadre sees only themselves through 我的信息.
  const std::string unitadmin = s.login("unitadmin");
  auto mine = s.get_as(unitadmin, "/api/v1/people").json();
  EXPECT_EQ(mine["total"], 1);
  EXPECT_EQ(mine["items"][0]["id"], city.person_a);
  EXPECT_EQ(s.get_as(unitadmin, "/api/v1/people?unit_id=" + std::to_string(city.unit_b)).status, 400);
  const std::string cadre = s.login("cadre");
  EXPECT_EQ(s.get_as(cadre, "/api/v1/me/person").json()["id"], city.person_a);
}

TEST_P(Org, IdAndPhoneNumbersAreCheckedSealedMaskedAndTheirFullReadIsAudited) {
  START_CITY(s);
  const std::string path = "/api/v1/people/" + std::to_string(city.person_a);  // born 1995-03-01
  // Check digit of 33020319950301123 is 6 (mod 11-2).
  auto wrong_digit = s.send_as(admin, "PATCH", path, R"({"id_card":"330203199503011231"})");
  EXPECT_EQ(wrong_digit.json()["error"]["field"], "id_card");
  EXPECT_NE(wrong_digit.json()["error"]["message"].get<std::string>().find("校验位"), std::string::npos);
  auto wrong_birth = s.send_as(admin, "PATCH", path, R"({"id_card":"330203199503021231"})");
  EXPECT_EQ(wrong_birth.json()["error"]["field"], "id_card");
  EXPECT_EQ(s.send_as(admin, "PATCH", path, R"({"phone":"12345"})").json()["error"]["field"], "phone");

  auto ok = s.send_as(admin, "PATCH", path, R"({"id_card":"330203199503011236","phone":"13912345678"})");
  ASSERT_EQ(ok.status, 200) << ok.body;
  EXPECT_EQ(ok.json()["id_card_masked"], "3302**********1236");
  EXPECT_EQ(ok.json()["phone_masked"], "139****5678");
  // Nothing readable is stored, and the history holds masked values only.
  EXPECT_EQ(s.count("SELECT COUNT(*) FROM person WHERE id_card_sealed LIKE '%3302031995%' OR phone_sealed LIKE '%13912345678%'"), 0);
  EXPECT_EQ(s.count("SELECT COUNT(*) FROM person_history WHERE new_value LIKE '%199503011%' OR new_value = '13912345678'"), 0);
  EXPECT_EQ(s.count("SELECT COUNT(*) FROM person_history WHERE field = 'id_card' AND new_value = '3302**********1236'"), 1);

  // Exact look-up through the keyed hash, inside the caller's scope.
  EXPECT_EQ(s.get_as(admin, "/api/v1/people?id_card=330203199503011236").json()["total"], 1);
  EXPECT_EQ(s.get_as(admin, "/api/v1/people?id_card=330203199503011231").status, 400);
  // The same number for another person is refused.
  auto dup = s.send_as(admin, "PATCH", "/api/v1/people/" + std::to_string(city.person_b),
                       R"({"id_card":"330203199503011236"})");
  EXPECT_EQ(dup.status, 409);

  // Full numbers: only with people.read_sensitive, and audited.
  const std::string unitadmin = s.login("unitadmin");
  EXPECT_EQ(s.get_as(unitadmin, path + "/sensitive").status, 403);
  auto full = s.get_as(admin, path + "/sensitive");
  ASSERT_EQ(full.status, 200);
  EXPECT_EQ(full.json()["id_card"], "330203199503011236");
  EXPECT_EQ(full.json()["phone"], "13912345678");
  EXPECT_EQ(s.count("SELECT COUNT(*) FROM audit_log WHERE action = 'people.sensitive_read' AND target_id = '" +
                    std::to_string(city.person_a) + "'"), 1);
  EXPECT_EQ(s.count("SELECT COUNT(*) FROM audit_log WHERE detail LIKE '%13912345678%' OR detail LIKE '%3302031995%'"), 0);
}

TEST_P(Org, ExportIsAnAuditedWorkbookOfTheFilteredRoster) {
  START_CITY(s);
  s.send_as(admin, "PATCH", "/api/v1/people/" + std::to_string(city.person_a), R"({"phone":"13912345678"})");
  auto file = s.get_as(admin, "/api/v1/people/export?unit_id=" + std::to_string(city.unit_a));
  ASSERT_EQ(file.status, 200) << file.body;
  EXPECT_EQ(file.header("Content-Type"), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  EXPECT_NE(file.header("Content-Disposition").find("attachment"), std::string::npos);
  EXPECT_EQ(file.body.substr(0, 2), "PK") << "an .xlsx is a zip file";
  EXPECT_EQ(file.body.find("13912345678"), std::string::npos);
  EXPECT_EQ(s.count("SELECT COUNT(*) FROM audit_log WHERE action = 'people.export' AND detail LIKE '%\"rows\":1%'"), 1);
  const std::string secretary = s.login("secretary");
  EXPECT_EQ(s.get_as(secretary, "/api/v1/people/export").status, 403);
}

INSTANTIATE_TEST_SUITE_P(Db, Org, ::testing::Values(Backend::sqlite, Backend::postgresql), backend_name);

TEST(OrgModel, AgeTable) {
  struct Case { const char* birth; const char* today; int age; };
  const Case cases[] = {{"1995-03-01", "2026-02-28", 30}, {"1995-03-01", "2026-03-01", 31}, {"2000-02-29", "2026-02-28", 25},
                        {"2000-02-29", "2026-03-01", 26}, {"1990-12-31", "2026-12-31", 36}};
  for (const auto& c : cases) EXPECT_EQ(org::age_on(c.birth, c.today), c.age) << c.birth << " on " << c.today;
}
