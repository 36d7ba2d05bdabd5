// The lecture team (宣讲团) on both databases: teams and lecturers in the administrator's scope, a lecture reported by a
// lecturer and confirmed once (the lecture points booked once per lecturer, city level worth more), rejected with a
// reason, withdrawn, refused to cancel once confirmed; the lecturer's record, the team statistics and the export.
#include <gtest/gtest.h>

#include "auth/service.hpp"
#include "core/date.hpp"
#include "core/field_cipher.hpp"
#include "db/migrations.hpp"
#include "db/sql.hpp"
#include "seed/generator.hpp"
#include "study/lecture_demo.hpp"
#include "support/party_fixtures.hpp"
#include "support/test_db.hpp"
#include "support/test_server.hpp"

using namespace xinhuo;
using namespace xinhuo::test;

class StudyLecture : public ::testing::TestWithParam<Backend> {};

namespace {

std::string code_of(const HttpResult& r) { return r.json()["error"]["code"]; }
std::string field_of(const HttpResult& r) { return r.json()["error"].value("field", ""); }

// A person with an account of role cadre (self scope) signed in; returns the session cookie.
std::string cadre_login(TestServer& s, long long person_id, const std::string& username) {
  {
    db::Tx tx(s.app().database());
    auth::Account acc;
    acc.username = username;
    acc.display_name = username;
    acc.person_id = person_id;
    acc.password_hash = s.app().auth().hasher().hash(TestServer::kPassword);
    const std::string now = iso_utc(s.clock().now());
    const long long id = auth::AuthService::create_account(tx, acc, now);
    long long unit = 0;
    tx.sql() << "SELECT unit_id FROM person WHERE id = :id", soci::use(person_id), soci::into(unit);
    auth::AuthService::grant(tx, id, "cadre", unit, "self", 0, now);
    tx.commit();
  }
  return s.login(username);
}

long long ledger_points(TestServer& s, long long person) {
  return s.count("SELECT COALESCE(SUM(points), 0) FROM ledger_entry WHERE person_id = " + std::to_string(person));
}

Json lecture_body(long long team, const std::string& level, Json lecturers) {
  return {{"team_id", team},          {"topic", "学习贯彻党的二十届四中全会精神"}, {"held_on", "2026-11-27"},
          {"place", "朝阳社区党群服务中心"}, {"audience_kind", "public"},          {"audience_size", 120},
          {"level", level},           {"lecturer_ids", std::move(lecturers)}};
}

long long add_team(TestServer& s, const std::string& cookie, long long node, const std::string& name) {
  auto r = s.send_as(cookie, "POST", "/api/v1/study/lecture-teams", Json{{"node_id", node}, {"name", name}}.dump());
  EXPECT_EQ(r.status, 201) << r.body;
  return r.status == 201 ? r.json()["id"].get<long long>() : 0;
}

void add_lecturer(TestServer& s, const std::string& cookie, long long team, long long person) {
  auto r = s.send_as(cookie, "POST", "/api/v1/study/lecture-teams/" + std::to_string(team) + "/lecturers",
                     Json{{"person_id", person}, {"topics", "党的创新理论"}}.dump());
  EXPECT_EQ(r.status, 200) << r.body;
}

}  // namespace

TEST_P(StudyLecture, AReportedLectureIsConfirmedOnceAndEarnsEachLecturerItsPoints) {
  START_CITY(s);
  const std::string admin = s.login("admin"), wang = s.login("cadre");
  const long long zhou = add_roster_person(s, "周岚", city.unit_a, 0, "full");
  const long long team = add_team(s, admin, city.city, "朝勇青年宣讲团");
  for (long long p : {city.person_a, zhou, city.person_b}) add_lecturer(s, admin, team, p);
  const std::string path = "/api/v1/me/study/lectures";

  // Refusals, each naming its field.
  for (const auto& [field, value] : std::vector<std::pair<std::string, Json>>{{"audience_size", 0},
                                                                             {"audience_size", 100001},
                                                                             {"audience_size", "很多"},
                                                                             {"audience_size", 12.5},
                                                                             {"held_on", "2026-12-01"},
                                                                             {"held_on", "2026-02-30"},
                                                                             {"level", "province"},
                                                                             {"audience_kind", "students"},
                                                                             {"place", ""}}) {
    Json b = lecture_body(team, "city", Json::array({zhou}));
    b[field] = value;
    auto r = s.send_as(wang, "POST", path, b.dump());
    EXPECT_EQ(r.status, 400) << field << "=" << value << " " << r.body;
    EXPECT_EQ(field_of(r), field) << field << "=" << value;
  }
  const long long outsider = add_roster_person(s, "钱明", city.unit_a, 0, "full");
  auto r = s.send_as(wang, "POST", path, lecture_body(team, "city", Json::array({outsider})).dump());
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(field_of(r), "lecturer_ids[1]") << "the reporter comes first, the outsider is not a lecturer of the team";
  r = s.send_as(cadre_login(s, outsider, "qianming"), "POST", path, lecture_body(team, "city", Json::array({zhou})).dump());
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(field_of(r), "team_id");

  // 王晓 reports a city-level lecture given with 周岚: pending, no points yet. The same Idempotency-Key records it once.
  auto headers = api_headers(s.port());
  headers.emplace_back("Cookie", wang);
  headers.emplace_back("Idempotency-Key", "lecture-wang-1");
  r = http_request(s.port(), "POST", path, headers, lecture_body(team, "city", Json::array({zhou})).dump());
  ASSERT_EQ(r.status, 201) << r.body;
  const long long lecture = r.json()["id"];
  EXPECT_EQ(r.json()["status"], "pending");
  EXPECT_EQ(r.json()["lecturers"].size(), 2u) << "the reporter is among the lecturers";
  r = http_request(s.port(), "POST", path, headers, lecture_body(team, "city", Json::array({zhou})).dump());
  EXPECT_EQ(r.json()["id"], lecture);
  EXPECT_EQ(s.count("SELECT COUNT(*) FROM lecture"), 1);
  EXPECT_EQ(ledger_points(s, city.person_a), 0);
  EXPECT_EQ(s.get_as(admin, "/api/v1/study/lectures?status=pending").json()["total"], 1);
  EXPECT_EQ(s.get_as(wang, "/api/v1/study/lectures/" + std::to_string(lecture)).status, 200) << "a lecturer sees it";

  // Confirming books lecture_city (+5) for each lecturer; a second click books nothing and answers 409.
  const std::string base = "/api/v1/study/lectures/" + std::to_string(lecture);
  r = s.send_as(admin, "POST", base + "/confirm");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["status"], "confirmed");
  r = s.send_as(admin, "POST", base + "/confirm");
  EXPECT_EQ(r.status, 409);
  EXPECT_EQ(code_of(r), "lecture_decided");
  EXPECT_EQ(ledger_points(s, city.person_a), 5);
  EXPECT_EQ(ledger_points(s, zhou), 5);
  EXPECT_EQ(ledger_points(s, city.person_b), 0);
  // Confirmed: its points are booked, so it cannot be cancelled here.
  r = s.send_as(admin, "POST", base + "/cancel");
  EXPECT_EQ(r.status, 409);
  EXPECT_EQ(code_of(r), "lecture_confirmed");
  EXPECT_EQ(s.send_as(wang, "POST", "/api/v1/me/study/lectures/" + std::to_string(lecture) + "/withdraw").status, 409);

  // A unit-level report is sent back with a reason; another is withdrawn by its reporter.
  r = s.send_as(wang, "POST", path, lecture_body(team, "unit", Json::array()).dump());
  ASSERT_EQ(r.status, 201) << r.body;
  const long long second = r.json()["id"];
  r = s.send_as(admin, "POST", "/api/v1/study/lectures/" + std::to_string(second) + "/reject", Json::object().dump());
  EXPECT_EQ(r.status, 400);
  r = s.send_as(admin, "POST", "/api/v1/study/lectures/" + std::to_string(second) + "/reject",
                Json{{"reason", "请补充现场照片"}}.dump());
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["reject_reason"], "请补充现场照片");
  EXPECT_EQ(s.send_as(admin, "POST", "/api/v1/study/lectures/" + std::to_string(second) + "/confirm").status, 409);
  r = s.send_as(wang, "POST", path, lecture_body(team, "unit", Json::array()).dump());
  const long long third = r.json()["id"];
  const std::string zhou_cookie = cadre_login(s, zhou, "zhoulan");
  EXPECT_EQ(s.send_as(zhou_cookie, "POST", "/api/v1/me/study/lectures/" + std::to_string(third) + "/withdraw").status, 404)
      << "only the reporter withdraws";
  r = s.send_as(wang, "POST", "/api/v1/me/study/lectures/" + std::to_string(third) + "/withdraw");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["status"], "cancelled");
  EXPECT_EQ(ledger_points(s, city.person_a), 5);

  // Entered by the administrator: confirmed at once, lecture (+3) for 周岚; 李敏 is not a party member and earns none.
  r = s.send_as(admin, "POST", "/api/v1/study/lectures",
                lecture_body(team, "district", Json::array({zhou, city.person_b})).dump());
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(r.json()["status"], "confirmed");
  EXPECT_EQ(ledger_points(s, zhou), 8);
  EXPECT_EQ(ledger_points(s, city.person_b), 0);

  // 王晓's record: three lectures, one confirmed (city, 120 listeners).
  r = s.get_as(wang, path);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["lectures"].size(), 3u);
  EXPECT_EQ(r.json()["stats"]["lectures"], 1);
  EXPECT_EQ(r.json()["stats"]["audience"], 120);
  EXPECT_EQ(r.json()["stats"]["by_level"][0]["key"], "city");
  EXPECT_EQ(r.json()["stats"]["by_year"][0]["key"], "2026");
  ASSERT_EQ(r.json()["teams"].size(), 1u);
  EXPECT_EQ(r.json()["teams"][0]["lecturers"].size(), 3u) << "to choose co-lecturers from";
  r = s.get_as(admin, "/api/v1/study/lecturers/" + std::to_string(zhou) + "/record?year=2026");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["name"], "周岚");
  EXPECT_EQ(r.json()["stats"]["lectures"], 2);
  EXPECT_EQ(r.json()["stats"]["by_level"].size(), 2u);

  // The team: two confirmed lectures in November, 240 listeners; the export lists the four.
  r = s.get_as(admin, "/api/v1/study/lectures/stats?team_id=" + std::to_string(team) + "&year=2026");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["lectures"], 2);
  EXPECT_EQ(r.json()["audience"], 240);
  ASSERT_EQ(r.json()["by_month"].size(), 1u);
  EXPECT_EQ(r.json()["by_month"][0]["key"], "2026-11");
  r = s.get_as(admin, "/api/v1/study/lectures/export?team_id=" + std::to_string(team));
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.header("Content-Type").rfind("application/vnd.openxmlformats", 0), 0u);
  EXPECT_EQ(r.body.substr(0, 2), "PK");
  EXPECT_EQ(s.get_as(admin, "/api/v1/study/lecture-teams/" + std::to_string(team)).json()["lecture_count"], 2);
  EXPECT_EQ(s.count("SELECT COUNT(*) FROM audit_log WHERE action IN ('study.lecture_confirmed', 'study.lecture_rejected', "
                    "'study.lecture_cancelled', 'study.lecture_recorded', 'study.lecture_reported')"),
            7);
}

TEST_P(StudyLecture, TeamsAndLecturersStayInTheAdministratorsScope) {
  START_CITY(s);
  const std::string admin = s.login("admin"), unitadmin = s.login("unitadmin"), cadre = s.login("cadre");
  // The unit administrator of A sets up A's team; neither the city's nor a branch's.
  auto r = s.send_as(unitadmin, "POST", "/api/v1/study/lecture-teams", Json{{"node_id", city.city}, {"name", "市青年宣讲团"}}.dump());
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(field_of(r), "node_id");
  r = s.send_as(admin, "POST", "/api/v1/study/lecture-teams", Json{{"node_id", city.branch_a1}, {"name", "支部宣讲团"}}.dump());
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(s.send_as(cadre, "POST", "/api/v1/study/lecture-teams", Json{{"node_id", city.unit_a}, {"name", "x"}}.dump()).status, 403);
  const long long team_a = add_team(s, unitadmin, city.unit_a, "甲单位青年宣讲队");
  const long long team_b = add_team(s, admin, city.unit_b, "乙单位青年宣讲队");
  r = s.send_as(unitadmin, "POST", "/api/v1/study/lecture-teams", Json{{"node_id", city.unit_a}, {"name", "甲单位青年宣讲队"}}.dump());
  EXPECT_EQ(r.status, 409);
  EXPECT_EQ(code_of(r), "duplicate_name");
  EXPECT_EQ(s.get_as(unitadmin, "/api/v1/study/lecture-teams").json()["total"], 1);
  EXPECT_EQ(s.get_as(admin, "/api/v1/study/lecture-teams").json()["total"], 2);
  EXPECT_EQ(s.get_as(unitadmin, "/api/v1/study/lecture-teams/" + std::to_string(team_b)).status, 404);

  // A lecturer is a person of the team's organisation.
  const std::string lecturers = "/api/v1/study/lecture-teams/" + std::to_string(team_a) + "/lecturers";
  r = s.send_as(unitadmin, "POST", lecturers, Json{{"person_id", city.person_b}}.dump());
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(field_of(r), "person_id");
  r = s.send_as(unitadmin, "POST", lecturers, Json{{"person_id", city.person_a}, {"joined_on", "2027-01-01"}}.dump());
  EXPECT_EQ(field_of(r), "joined_on");
  add_lecturer(s, unitadmin, team_a, city.person_a);
  r = s.send_as(unitadmin, "POST", lecturers, Json{{"person_id", city.person_a}}.dump());
  EXPECT_EQ(r.status, 409);
  r = s.send_as(unitadmin, "PUT", lecturers + "/" + std::to_string(city.person_a), Json{{"topics", "基层治理"}}.dump());
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["lecturers"][0]["topics"], "基层治理");

  // A pending report keeps the team from closing; a lecturer who left reports no more.
  const std::string wang = s.login("cadre");
  r = s.send_as(wang, "POST", "/api/v1/me/study/lectures", lecture_body(team_a, "unit", Json::array()).dump());
  ASSERT_EQ(r.status, 201) << r.body;
  const long long pending = r.json()["id"];
  EXPECT_EQ(s.send_as(admin, "POST", "/api/v1/study/lectures/" + std::to_string(pending) + "/confirm").status, 200)
      << "the city's administrator covers unit A";
  r = s.send_as(unitadmin, "POST", lecturers + "/" + std::to_string(city.person_a) + "/leave");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["lecturers"][0]["status"], "left");
  EXPECT_EQ(r.json()["lecturers"][0]["lectures"], 1) << "their lectures stay on record";
  EXPECT_EQ(s.send_as(unitadmin, "POST", lecturers + "/" + std::to_string(city.person_a) + "/leave").status, 409);
  r = s.send_as(wang, "POST", "/api/v1/me/study/lectures", lecture_body(team_a, "unit", Json::array()).dump());
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(field_of(r), "team_id");
  // The unit administrator sees A's lectures only.
  EXPECT_EQ(s.get_as(unitadmin, "/api/v1/study/lectures").json()["total"], 1);
  EXPECT_EQ(s.get_as(unitadmin, "/api/v1/study/lecturers/" + std::to_string(city.person_b) + "/record").status, 404);

  add_lecturer(s, admin, team_b, city.person_b);
  r = s.send_as(admin, "POST", "/api/v1/me/study/lectures", lecture_body(team_b, "unit", Json::array()).dump());
  EXPECT_EQ(r.status, 403) << "an account without a person reports nothing";
  const std::string li = cadre_login(s, city.person_b, "limin");
  r = s.send_as(li, "POST", "/api/v1/me/study/lectures", lecture_body(team_b, "unit", Json::array()).dump());
  ASSERT_EQ(r.status, 201);
  EXPECT_EQ(s.send_as(unitadmin, "POST", "/api/v1/study/lectures/" + std::to_string(r.json()["id"].get<long long>()) + "/confirm").status,
            404);
  r = s.send_as(admin, "POST", "/api/v1/study/lecture-teams/" + std::to_string(team_b) + "/close");
  EXPECT_EQ(r.status, 409);
  EXPECT_EQ(code_of(r), "has_pending");
  r = s.send_as(unitadmin, "POST", "/api/v1/study/lecture-teams/" + std::to_string(team_a) + "/close");
  ASSERT_EQ(r.status, 200) << r.body;
  r = s.send_as(unitadmin, "PUT", "/api/v1/study/lecture-teams/" + std::to_string(team_a), Json{{"name", "新名称"}}.dump());
  EXPECT_EQ(r.status, 409);
  EXPECT_EQ(code_of(r), "team_closed");
}

// The demo: the city's youth lecture team with the demo cadres among its lecturers, a season of confirmed lectures
// booked as points through the lecture events, one report waiting; seeding again adds nothing.
TEST_P(StudyLecture, TheDemoCityHasItsYouthLectureTeam) {
  XINHUO_TEST_DB(db, GetParam());
  db::migrate(db);
  const auto now = parse_iso_utc("2026-11-29T02:00:00Z");
  seed::generate(db, {}, now, FieldCipher(std::string(32, 'k')));
  {
    auto lease = db.lease();
    lease.sql() << "INSERT INTO account (username, display_name, password_hash, password_changed_at, created_at, updated_at) "
                   "VALUES ('admin', '组织部管理员', 'x', 't', 't', 't')";
  }
  ManualClock clock(now);
  const auto report = study::seed_demo_lectures(db, clock, 7);
  EXPECT_EQ(report.teams, 2);
  EXPECT_GE(report.lecturers, 6);
  EXPECT_EQ(report.lectures, 13);
  auto lease = db.lease();
  auto count = [&](const std::string& sql) {
    long long n = 0;
    lease.sql() << sql, soci::into(n);
    return n;
  };
  EXPECT_EQ(count("SELECT COUNT(*) FROM lecture_team t JOIN org_node n ON n.id = t.node_id WHERE n.node_type = 'city' "
                  "AND t.name = '潮涌青年宣讲团'"),
            1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM lecture WHERE status = 'pending'"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM lecture WHERE held_on > '2026-11-29' OR held_on < '2025-11-29'"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM lecture l WHERE NOT EXISTS (SELECT 1 FROM lecture_lecturer x WHERE x.lecture_id = l.id)"), 0);
  EXPECT_EQ(study::seed_demo_lectures(db, clock, 7).teams, 0);
}

INSTANTIATE_TEST_SUITE_P(Db, StudyLecture, ::testing::Values(Backend::sqlite, Backend::postgresql), backend_name);
