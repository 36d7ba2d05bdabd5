// Study: the rotating QR token (pure), and on both databases study groups and their coverage of the young cadres,
// sessions with check-in by token (once per person, late after the grace time, points booked once), the organiser's
// marks, closing (absences), cancelling, and the data scope.
#include <gtest/gtest.h>

#include "auth/service.hpp"
#include "core/date.hpp"
#include "core/field_cipher.hpp"
#include "db/migrations.hpp"
#include "db/sql.hpp"
#include "seed/generator.hpp"
#include "study/demo.hpp"
#include "study/qr_token.hpp"
#include "support/party_fixtures.hpp"
#include "support/test_db.hpp"
#include "support/test_server.hpp"

using namespace xinhuo;
using namespace xinhuo::test;
using namespace xinhuo::study;

namespace {

const std::string kSecret = "5f2b9c0e4a7d3e1f8b6a2c4d9e0f1a3b5c7d9e1f2a4b6c8d0e2f4a6b8c0d2e4f";

}  // namespace

TEST(QrToken, AcceptedInItsPeriodAndTheNextOnly) {
  const auto at = parse_iso_utc("2026-11-29T04:00:10Z");
  const long long period = qr_period(at);
  EXPECT_EQ(qr_period(parse_iso_utc("2026-11-29T04:00:29Z")), period);
  EXPECT_EQ(qr_period(parse_iso_utc("2026-11-29T04:00:30Z")), period + 1);
  const auto token = parse_qr_token(make_qr_token(42, period, kSecret));
  ASSERT_TRUE(token);
  EXPECT_EQ(token->session_id, 42);
  EXPECT_EQ(check_qr_token(*token, kSecret, period), QrCheck::valid);
  EXPECT_EQ(check_qr_token(*token, kSecret, period + 1), QrCheck::valid);    // scanned just after the code changed
  EXPECT_EQ(check_qr_token(*token, kSecret, period + 2), QrCheck::expired);  // a screenshot forwarded a minute later
  EXPECT_EQ(check_qr_token(*token, kSecret, period - 1), QrCheck::expired);  // not made by this clock
}

TEST(QrToken, ForgedOrMalformedTokensAreRefused) {
  const long long period = 59000000;
  const std::string good = make_qr_token(42, period, kSecret);
  // Another session's number, another period or another secret under the same MAC: forged.
  auto other_session = parse_qr_token("43" + good.substr(2));
  ASSERT_TRUE(other_session);
  EXPECT_EQ(check_qr_token(*other_session, kSecret, period), QrCheck::forged);
  auto later = parse_qr_token(make_qr_token(42, period + 1, kSecret));
  later->period = period;  // a later token's MAC with an earlier period
  EXPECT_EQ(check_qr_token(*later, kSecret, period), QrCheck::forged);
  auto other_secret = parse_qr_token(make_qr_token(42, period, std::string(64, 'a')));
  EXPECT_EQ(check_qr_token(*other_secret, kSecret, period), QrCheck::forged);
  std::string flipped = good;
  flipped.back() = flipped.back() == 'A' ? 'B' : 'A';
  EXPECT_EQ(check_qr_token(*parse_qr_token(flipped), kSecret, period), QrCheck::forged);
  for (const char* bad : {"", "42", "42.59000000", "42.59000000.", "x.59000000.abc", "-1.5.abc", "42.-5.abc", "1.2.3.4"})
    EXPECT_TRUE(!parse_qr_token(bad) || check_qr_token(*parse_qr_token(bad), kSecret, period) != QrCheck::valid) << bad;
}

class Study : public ::testing::TestWithParam<Backend> {};

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

// A party member (points are a party members' scheme) of the unit, young unless born long ago.
long long young_person(TestServer& s, const std::string& name, long long unit, const std::string& birth = "1996-05-01",
                       const std::string& rank = "clerk_1") {
  const long long id = add_roster_person(s, name, unit, 0, "full");
  auto lease = s.app().database().lease();
  std::string b = birth, r = rank;
  lease.sql() << "UPDATE person SET birth_date = :b, rank = :r WHERE id = :id", soci::use(b), soci::use(r), soci::use(id);
  return id;
}

Json session_body(const std::string& audience, long long target, const std::string& starts, const std::string& ends) {
  Json j = {{"audience", audience}, {"title", "周二夜学：学习党的二十届四中全会精神"}, {"starts_at", starts}, {"ends_at", ends},
            {"place", "机关三楼会议室"}};
  j[audience == "group" ? "group_id" : "node_id"] = target;
  return j;
}

// The token the organiser's screen shows now.
std::string qr_token(TestServer& s, const std::string& cookie, const std::string& qr_path) {
  auto r = s.get_as(cookie, qr_path);
  if (r.status != 200) {
    ADD_FAILURE() << qr_path << ": " << r.status << " " << r.body;
    return {};
  }
  return r.json()["token"];
}

long long ledger_points(TestServer& s, long long person) {
  return s.count("SELECT COALESCE(SUM(points), 0) FROM ledger_entry WHERE person_id = " + std::to_string(person));
}

}  // namespace

TEST_P(Study, GroupsAndTheirCoverageOfYoungCadres) {
  START_CITY(s);
  const std::string admin = s.login("admin"), unitadmin = s.login("unitadmin");
  // Young cadres: 王晓 (A), 李敏 (B), 赵青 (A); 钱老 (A) is 56 and not young.
  const long long zhao = young_person(s, "赵青", city.unit_a);
  const long long qian = young_person(s, "钱老", city.unit_a, "1970-01-01");
  const long long zhou = young_person(s, "周岚", city.unit_a);

  auto r = s.send_as(admin, "POST", "/api/v1/study/groups",
                     Json{{"unit_id", city.unit_a}, {"name", "甲单位青年理论学习小组"}, {"leader_person_id", city.person_a}}.dump());
  ASSERT_EQ(r.status, 201) << r.body;
  const long long group = r.json()["id"];
  EXPECT_EQ(r.json()["member_count"], 1) << "the leader joins the group";
  r = s.send_as(admin, "POST", "/api/v1/study/groups/" + std::to_string(group) + "/members",
                Json{{"person_ids", Json::array({qian, zhou})}}.dump());
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["member_count"], 3);

  // Refusals: a group under a branch, a member of another unit, a duplicate name.
  r = s.send_as(admin, "POST", "/api/v1/study/groups", Json{{"unit_id", city.branch_a1}, {"name", "支部小组"}}.dump());
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(field_of(r), "unit_id");
  r = s.send_as(admin, "POST", "/api/v1/study/groups/" + std::to_string(group) + "/members",
                Json{{"person_ids", Json::array({zhao, city.person_b})}}.dump());
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(field_of(r), "person_ids[1]");
  EXPECT_EQ(s.count("SELECT COUNT(*) FROM study_group_member WHERE person_id = " + std::to_string(zhao)), 0) << "all or nothing";
  r = s.send_as(admin, "POST", "/api/v1/study/groups", Json{{"unit_id", city.unit_a}, {"name", "甲单位青年理论学习小组"}}.dump());
  EXPECT_EQ(r.status, 409);

  // The city: 2 units, 1 with a group; young cadres 王晓, 周岚, 赵青 (A) and 李敏 (B); covered 王晓 and 周岚.
  r = s.get_as(admin, "/api/v1/study/coverage");
  ASSERT_EQ(r.status, 200) << r.body;
  auto totals = r.json()["totals"];
  EXPECT_EQ(totals["units"], 2);
  EXPECT_EQ(totals["units_with_group"], 1);
  EXPECT_EQ(totals["groups"], 1);
  EXPECT_EQ(totals["young_cadres"], 4);
  EXPECT_EQ(totals["covered"], 2);
  EXPECT_DOUBLE_EQ(totals["coverage_rate"].get<double>(), 0.5);
  ASSERT_EQ(r.json()["units"].size(), 2u);
  EXPECT_EQ(r.json()["units"][0]["unit_id"], city.unit_a);
  EXPECT_EQ(r.json()["units"][0]["young_cadres"], 3);
  EXPECT_EQ(r.json()["units"][0]["covered"], 2);
  EXPECT_EQ(r.json()["units"][1]["groups"], 0);
  r = s.get_as(admin, "/api/v1/study/coverage/uncovered");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.json()["total"], 2);
  std::set<long long> uncovered;
  const Json uncovered_items = r.json()["items"];
  for (const auto& p : uncovered_items) uncovered.insert(p["person_id"].get<long long>());
  EXPECT_EQ(uncovered, (std::set<long long>{zhao, city.person_b}));

  // The unit administrator of A sees unit A only.
  r = s.get_as(unitadmin, "/api/v1/study/coverage");
  EXPECT_EQ(r.json()["totals"]["units"], 1);
  EXPECT_EQ(r.json()["totals"]["young_cadres"], 3);
  EXPECT_EQ(s.get_as(unitadmin, "/api/v1/study/groups").json()["total"], 1);

  // The leader cannot be taken out; a closed group covers nobody and takes no more changes.
  r = s.send_as(admin, "DELETE", "/api/v1/study/groups/" + std::to_string(group) + "/members/" + std::to_string(city.person_a));
  EXPECT_EQ(r.status, 409);
  r = s.send_as(admin, "POST", "/api/v1/study/groups/" + std::to_string(group) + "/close");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(s.get_as(admin, "/api/v1/study/coverage").json()["totals"]["covered"], 0);
  r = s.send_as(admin, "PUT", "/api/v1/study/groups/" + std::to_string(group), Json{{"name", "新名称"}}.dump());
  EXPECT_EQ(r.status, 409);
  EXPECT_EQ(code_of(r), "group_closed");
  EXPECT_EQ(s.count("SELECT COUNT(*) FROM audit_log WHERE action LIKE 'study.group%'"), 3);
}

TEST_P(Study, CheckInByTokenOnceLateAfterTheGraceTimeAndAbsentAtClosing) {
  START_CITY(s);
  s.clock().set(parse_iso_utc("2026-11-29T10:25:00Z"));  // 18:25 in Beijing
  const std::string admin = s.login("admin");
  const long long zhou = young_person(s, "周岚", city.unit_a), zhao = young_person(s, "赵青", city.unit_a);
  auto r = s.send_as(admin, "POST", "/api/v1/study/groups",
                     Json{{"unit_id", city.unit_a}, {"name", "青年学习小组"}, {"leader_person_id", city.person_a}}.dump());
  const long long group = r.json()["id"];
  s.send_as(admin, "POST", "/api/v1/study/groups/" + std::to_string(group) + "/members",
            Json{{"person_ids", Json::array({zhou, zhao})}}.dump());

  // Tonight 19:00–21:00 Beijing = 11:00–13:00 UTC.
  r = s.send_as(admin, "POST", "/api/v1/study/sessions", session_body("group", group, "2026-11-29T11:00:00Z", "2026-11-29T13:00:00Z").dump());
  ASSERT_EQ(r.status, 201) << r.body;
  const long long session = r.json()["id"];
  EXPECT_EQ(r.json()["expected"], 3);
  const std::string wang = s.login("cadre");
  const std::string qr_path = "/api/v1/study/sessions/" + std::to_string(session) + "/qr";

  // Too early: check-in opens 30 minutes before the start.
  r = s.get_as(admin, qr_path);
  ASSERT_EQ(r.status, 200) << r.body;
  std::string token = r.json()["token"];
  r = s.send_as(wang, "POST", "/api/v1/study/checkins", Json{{"token", token}}.dump());
  ASSERT_EQ(r.status, 409) << r.body;
  EXPECT_EQ(code_of(r), "not_started");

  s.clock().set(parse_iso_utc("2026-11-29T10:45:00Z"));
  token = qr_token(s, admin, qr_path);
  r = s.send_as(wang, "POST", "/api/v1/study/checkins", Json{{"token", token}}.dump());
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["status"], "present");
  EXPECT_FALSE(r.json()["already"].get<bool>());
  // Scanning again is the same check-in: one row, one point.
  r = s.send_as(wang, "POST", "/api/v1/study/checkins", Json{{"token", token}}.dump());
  ASSERT_EQ(r.status, 200);
  EXPECT_TRUE(r.json()["already"].get<bool>());
  EXPECT_EQ(s.count("SELECT COUNT(*) FROM study_checkin WHERE session_id = " + std::to_string(session)), 1);
  EXPECT_EQ(ledger_points(s, city.person_a), 1);

  // A token two periods old is refused; so is a forged one.
  s.clock().set(parse_iso_utc("2026-11-29T11:12:00Z"));
  const std::string zhou_cookie = cadre_login(s, zhou, "zhoulan");
  r = s.send_as(zhou_cookie, "POST", "/api/v1/study/checkins", Json{{"token", token}}.dump());
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(code_of(r), "qr_expired");
  std::string forged = qr_token(s, admin, qr_path);
  forged.back() = forged.back() == 'x' ? 'y' : 'x';
  r = s.send_as(zhou_cookie, "POST", "/api/v1/study/checkins", Json{{"token", forged}}.dump());
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(code_of(r), "invalid_token");
  // After starts_at + 10 minutes a check-in is late.
  token = qr_token(s, admin, qr_path);
  r = s.send_as(zhou_cookie, "POST", "/api/v1/study/checkins", Json{{"token", token}}.dump());
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["status"], "late");
  EXPECT_EQ(ledger_points(s, zhou), 1);

  // Someone outside the group may not check in.
  const std::string li = cadre_login(s, city.person_b, "limin");
  r = s.send_as(li, "POST", "/api/v1/study/checkins", Json{{"token", token}}.dump());
  EXPECT_EQ(r.status, 403);
  EXPECT_EQ(code_of(r), "not_in_audience");

  r = s.get_as(admin, "/api/v1/study/sessions/" + std::to_string(session));
  EXPECT_EQ(r.json()["present"], 1);
  EXPECT_EQ(r.json()["late"], 1);
  r = s.get_as(admin, "/api/v1/study/sessions/" + std::to_string(session) + "/attendance?status=pending");
  ASSERT_EQ(r.json()["total"], 1);
  EXPECT_EQ(r.json()["items"][0]["person_id"], zhao);

  // Closing: 赵青 never came and is absent; nobody can check in any more.
  r = s.send_as(admin, "POST", "/api/v1/study/sessions/" + std::to_string(session) + "/close");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["status"], "closed");
  EXPECT_EQ(r.json()["absent"], 1);
  EXPECT_EQ(s.count("SELECT COUNT(*) FROM study_checkin WHERE status = 'absent' AND person_id = " + std::to_string(zhao)), 1);
  EXPECT_EQ(s.count("SELECT COUNT(*) FROM ledger_entry WHERE person_id = " + std::to_string(zhao)), 0)
      << "study.absence_recorded is not mapped to a rule by default";
  r = s.send_as(zhou_cookie, "POST", "/api/v1/study/checkins", Json{{"token", token}}.dump());
  EXPECT_EQ(r.status, 409);
  EXPECT_EQ(code_of(r), "session_closed");
  r = s.send_as(admin, "POST", "/api/v1/study/sessions/" + std::to_string(session) + "/close");
  EXPECT_EQ(r.status, 409);

  // The cadre's own list shows the session with their status.
  r = s.get_as(wang, "/api/v1/me/study/sessions");
  ASSERT_EQ(r.status, 200);
  ASSERT_EQ(r.json()["items"].size(), 1u);
  EXPECT_EQ(r.json()["items"][0]["my_status"], "present");
}

TEST_P(Study, TheOrganiserMarksExcusedAndPresentAndCannotCancelAfterCheckIns) {
  START_CITY(s);
  s.clock().set(parse_iso_utc("2026-11-29T05:50:00Z"));
  const std::string unitadmin = s.login("unitadmin");
  const long long zhou = young_person(s, "周岚", city.unit_a);
  // A unit-wide session of unit A: everyone of the unit is expected.
  auto r = s.send_as(unitadmin, "POST", "/api/v1/study/sessions",
                     session_body("unit", city.unit_a, "2026-11-29T06:00:00Z", "2026-11-29T08:00:00Z").dump());
  ASSERT_EQ(r.status, 201) << r.body;
  const long long session = r.json()["id"];
  EXPECT_EQ(r.json()["expected"], 2);
  const std::string base = "/api/v1/study/sessions/" + std::to_string(session);

  r = s.send_as(unitadmin, "PUT", base + "/attendance",
                Json{{"attendance", Json::array({Json{{"person_id", zhou}, {"status", "excused"}}})}}.dump());
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(field_of(r), "attendance[0].reason");
  r = s.send_as(unitadmin, "PUT", base + "/attendance",
                Json{{"attendance", Json::array({Json{{"person_id", city.person_b}, {"status", "present"}}})}}.dump());
  EXPECT_EQ(r.status, 400) << "李敏 is of unit B";
  r = s.send_as(unitadmin, "PUT", base + "/attendance",
                Json{{"attendance", Json::array({Json{{"person_id", zhou}, {"status", "excused"}, {"reason", "出差"}}})}}.dump());
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["excused"], 1);
  EXPECT_EQ(ledger_points(s, zhou), 0);
  // Came after all: the QR scan turns the excused absence into attendance, with its point.
  s.clock().set(parse_iso_utc("2026-11-29T06:05:00Z"));
  const std::string zhou_cookie = cadre_login(s, zhou, "zhoulan");
  const std::string token = qr_token(s, unitadmin, base + "/qr");
  r = s.send_as(zhou_cookie, "POST", "/api/v1/study/checkins", Json{{"token", token}}.dump());
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["status"], "present");
  EXPECT_EQ(ledger_points(s, zhou), 1);
  // …and cannot be marked excused again.
  r = s.send_as(unitadmin, "PUT", base + "/attendance",
                Json{{"attendance", Json::array({Json{{"person_id", zhou}, {"status", "excused"}, {"reason", "出差"}}})}}.dump());
  EXPECT_EQ(r.status, 409);
  EXPECT_EQ(code_of(r), "already_checked_in");
  // The organiser marks 王晓 present (forgot the phone): one point, once.
  for (int i = 0; i < 2; ++i) {
    r = s.send_as(unitadmin, "PUT", base + "/attendance",
                  Json{{"attendance", Json::array({Json{{"person_id", city.person_a}, {"status", "present"}}})}}.dump());
    ASSERT_EQ(r.status, 200) << r.body;
  }
  EXPECT_EQ(ledger_points(s, city.person_a), 1);
  r = s.send_as(unitadmin, "POST", base + "/cancel");
  EXPECT_EQ(r.status, 409);
  EXPECT_EQ(code_of(r), "has_checkins");
  EXPECT_EQ(s.count("SELECT COUNT(*) FROM audit_log WHERE action = 'study.attendance_marked'"), 3) << "the refused ones left none";
}

TEST_P(Study, SessionsAreValidatedAndScoped) {
  START_CITY(s);
  const std::string admin = s.login("admin"), unitadmin = s.login("unitadmin"), cadre = s.login("cadre");
  auto body = session_body("unit", city.unit_b, "2026-11-30T11:00:00Z", "2026-11-30T13:00:00Z");
  auto r = s.send_as(unitadmin, "POST", "/api/v1/study/sessions", body.dump());
  EXPECT_EQ(r.status, 400) << "unit B is outside the unit administrator's scope";
  EXPECT_EQ(field_of(r), "node_id");
  r = s.send_as(cadre, "POST", "/api/v1/study/sessions", body.dump());
  EXPECT_EQ(r.status, 403);
  for (const auto& [field, value, expect_field] :
       std::vector<std::tuple<std::string, Json, std::string>>{{"ends_at", "2026-11-30T10:00:00Z", "ends_at"},
                                                               {"starts_at", "2026-11-30 11:00", "starts_at"},
                                                               {"starts_at", "2026-02-30T11:00:00Z", "starts_at"},
                                                               {"ends_at", "2026-12-02T13:00:00Z", "ends_at"},
                                                               {"audience", "province", "audience"},
                                                               {"place", "", "place"}}) {
    Json b = body;
    b[field] = value;
    r = s.send_as(admin, "POST", "/api/v1/study/sessions", b.dump());
    EXPECT_EQ(r.status, 400) << field << "=" << value;
    EXPECT_EQ(field_of(r), expect_field) << field << "=" << value;
  }
  // A city-wide session is open to anyone of the city and expects nobody in particular.
  r = s.send_as(admin, "POST", "/api/v1/study/sessions", session_body("city", city.city, "2026-11-29T04:00:00Z", "2026-11-29T06:00:00Z").dump());
  ASSERT_EQ(r.status, 201) << r.body;
  const long long city_session = r.json()["id"];
  EXPECT_EQ(r.json()["expected"], 0);
  r = s.send_as(admin, "POST", "/api/v1/study/sessions", body.dump());
  ASSERT_EQ(r.status, 201);
  const long long b_session = r.json()["id"];
  // The unit administrator of A does not see unit B's session; the city's reaches A's people, so they see it, read
  // only, with the check-ins of their own people.
  EXPECT_EQ(s.get_as(unitadmin, "/api/v1/study/sessions/" + std::to_string(b_session)).status, 404);
  EXPECT_EQ(s.get_as(unitadmin, "/api/v1/study/sessions/" + std::to_string(b_session) + "/qr").status, 404);
  r = s.get_as(unitadmin, "/api/v1/study/sessions");
  ASSERT_EQ(r.json()["total"], 1);
  EXPECT_EQ(r.json()["items"][0]["id"], city_session);
  EXPECT_FALSE(r.json()["items"][0]["manageable"].get<bool>());
  EXPECT_TRUE(s.get_as(admin, "/api/v1/study/sessions").json()["items"][0]["manageable"].get<bool>());
  const std::string city_path = "/api/v1/study/sessions/" + std::to_string(city_session);
  r = s.get_as(unitadmin, city_path);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_FALSE(r.json()["manageable"].get<bool>());
  EXPECT_EQ(s.get_as(unitadmin, city_path + "/qr").status, 404);
  EXPECT_EQ(s.send_as(unitadmin, "POST", city_path + "/close").status, 404);
  EXPECT_EQ(s.send_as(unitadmin, "POST", city_path + "/cancel").status, 404);
  EXPECT_EQ(s.get_as(admin, "/api/v1/study/sessions?from=2026-11-30&to=2026-11-30").json()["total"], 1);

  const std::string li = cadre_login(s, city.person_b, "limin");
  const std::string token = qr_token(s, admin, "/api/v1/study/sessions/" + std::to_string(city_session) + "/qr");
  r = s.send_as(li, "POST", "/api/v1/study/checkins", Json{{"token", token}}.dump());
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(s.get_as(admin, city_path + "/attendance").json()["total"], 1);
  EXPECT_EQ(s.get_as(unitadmin, city_path + "/attendance").json()["total"], 0) << "李敏 is of unit B";
  r = s.send_as(admin, "POST", "/api/v1/study/sessions/" + std::to_string(city_session) + "/close");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.json()["absent"], 0);
  // A cancelled session disappears from the cadre's list.
  r = s.send_as(admin, "POST", "/api/v1/study/sessions/" + std::to_string(b_session) + "/cancel");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["status"], "cancelled");
  const Json mine = s.get_as(li, "/api/v1/me/study/sessions").json()["items"];
  ASSERT_EQ(mine.size(), 1u);
  EXPECT_EQ(mine[0]["id"], city_session);
  EXPECT_EQ(mine[0]["my_status"], "present");
}

// A study group's leader organises their own group's sessions from the phone without study.write: create, the QR
// screen, marks, the list of the group's sessions, closing. A member who does not lead the group gets 403.
TEST_P(Study, AGroupsLeaderOrganisesTheGroupsSessionsWithoutStudyWrite) {
  START_CITY(s);
  s.clock().set(parse_iso_utc("2026-11-29T10:55:00Z"));
  const std::string admin = s.login("admin");
  const long long zhou = young_person(s, "周岚", city.unit_a);
  auto r = s.send_as(admin, "POST", "/api/v1/study/groups",
                     Json{{"unit_id", city.unit_a}, {"name", "青年学习小组"}, {"leader_person_id", zhou}}.dump());
  ASSERT_EQ(r.status, 201) << r.body;
  const long long group = r.json()["id"];
  s.send_as(admin, "POST", "/api/v1/study/groups/" + std::to_string(group) + "/members",
            Json{{"person_ids", Json::array({city.person_a})}}.dump());
  r = s.send_as(admin, "POST", "/api/v1/study/groups", Json{{"unit_id", city.unit_a}, {"name", "另一个小组"}}.dump());
  const long long other_group = r.json()["id"];

  const std::string leader = cadre_login(s, zhou, "zhoulan"), member = s.login("cadre");
  const Json body = session_body("group", group, "2026-11-29T11:00:00Z", "2026-11-29T12:30:00Z");
  r = s.send_as(member, "POST", "/api/v1/study/sessions", body.dump());
  EXPECT_EQ(r.status, 403) << "a member who does not lead the group";
  EXPECT_EQ(s.send_as(leader, "POST", "/api/v1/study/sessions",
                      session_body("unit", city.unit_a, "2026-11-29T11:00:00Z", "2026-11-29T12:30:00Z").dump())
                .status,
            403)
      << "a leader organises for their group, not the unit";
  EXPECT_EQ(s.send_as(leader, "POST", "/api/v1/study/sessions",
                      session_body("group", other_group, "2026-11-29T11:00:00Z", "2026-11-29T12:30:00Z").dump())
                .status,
            403);
  Json outsider = body;
  outsider["organiser_person_id"] = city.person_b;
  r = s.send_as(leader, "POST", "/api/v1/study/sessions", outsider.dump());
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(field_of(r), "organiser_person_id");

  r = s.send_as(leader, "POST", "/api/v1/study/sessions", body.dump());
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_TRUE(r.json()["manageable"].get<bool>());
  const std::string base = "/api/v1/study/sessions/" + std::to_string(r.json()["id"].get<long long>());
  // The member sees neither the screen nor the attendance, and cannot close it.
  EXPECT_EQ(s.get_as(member, base + "/qr").status, 403);
  EXPECT_EQ(s.get_as(member, base + "/attendance").status, 403);
  EXPECT_EQ(s.send_as(member, "POST", base + "/close").status, 403);
  EXPECT_EQ(s.get_as(member, "/api/v1/study/sessions?group_id=" + std::to_string(group)).status, 403);

  EXPECT_EQ(s.get_as(leader, base).status, 200);
  r = s.get_as(leader, "/api/v1/study/sessions?group_id=" + std::to_string(group));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["total"], 1);
  EXPECT_TRUE(r.json()["items"][0]["manageable"].get<bool>());
  EXPECT_EQ(s.get_as(leader, "/api/v1/study/sessions").status, 403) << "without study.read only the group's list";
  const std::string token = qr_token(s, leader, base + "/qr");
  r = s.send_as(member, "POST", "/api/v1/study/checkins", Json{{"token", token}}.dump());
  ASSERT_EQ(r.status, 200) << r.body;
  r = s.send_as(leader, "PUT", base + "/attendance",
                Json{{"attendance", Json::array({Json{{"person_id", zhou}, {"status", "present"}}})}}.dump());
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["present"], 2);
  r = s.get_as(leader, base + "/attendance");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.json()["total"], 2);
  const Json mine = s.get_as(leader, "/api/v1/me/study/sessions").json()["items"];
  ASSERT_EQ(mine.size(), 1u);
  EXPECT_TRUE(mine[0]["manageable"].get<bool>());
  EXPECT_FALSE(s.get_as(member, "/api/v1/me/study/sessions").json()["items"][0]["manageable"].get<bool>());
  s.clock().set(parse_iso_utc("2026-11-29T11:20:00Z"));
  r = s.send_as(leader, "POST", base + "/close");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["status"], "closed");
  EXPECT_EQ(ledger_points(s, city.person_a), 1);
}

// The demo: this year's history (each group's fortnightly Tuesday study, each unit's study of all its staff on the
// first Wednesday of the month, up to a fortnight ago), last week's evening study of a few groups closed with everyone's
// attendance, tonight's open for check-in, the demo accounts' unit first; seeding again adds nothing.
TEST_P(Study, TheDemoCityHasAYearOfSessionsLastWeeksClosedAndTonightsOpen) {
  XINHUO_TEST_DB(db, GetParam());
  db::migrate(db);
  const auto now = parse_iso_utc("2026-11-29T02:00:00Z");  // Sunday, 10:00 in Beijing
  seed::generate(db, {}, now, FieldCipher(std::string(32, 'k')));
  {
    auto lease = db.lease();
    lease.sql() << "INSERT INTO account (username, display_name, password_hash, password_changed_at, created_at, updated_at) "
                   "VALUES ('admin', '组织部管理员', 'x', 't', 't', 't')";
  }
  const auto report = seed_demo_sessions(db, now, 7);
  {
    auto lease = db.lease();
    auto count = [&](const std::string& sql) {
      long long n = 0;
      lease.sql() << sql, soci::into(n);
      return n;
    };
    const long long groups = count("SELECT COUNT(DISTINCT m.group_id) FROM study_group_member m JOIN study_group g ON g.id = m.group_id "
                                   "JOIN person p ON p.id = m.person_id WHERE g.status = 'active' AND p.status = 'active'");
    const long long units = count("SELECT COUNT(DISTINCT unit_id) FROM person WHERE status = 'active'");
    ASSERT_GT(groups, 12);
    // 2026's Tuesdays from 6 January, every other one, up to 15 November: 23; first Wednesdays January–November: 11.
    EXPECT_EQ(count("SELECT COUNT(*) FROM study_session WHERE audience = 'group' AND starts_at < '2026-11-16'"), 23 * groups);
    EXPECT_EQ(count("SELECT COUNT(*) FROM study_session WHERE audience = 'unit'"), 11 * units);
    EXPECT_EQ(count("SELECT COUNT(*) FROM study_session WHERE starts_at < '2026-01-01' OR (starts_at >= '2026-11-16' "
                    "AND starts_at < '2026-11-22')"),
              0);
    EXPECT_EQ(report.sessions, 24 + 23 * groups + 11 * units);  // and 12 groups' last week and tonight
    EXPECT_EQ(count("SELECT COUNT(*) FROM study_session WHERE status = 'open' AND starts_at = '2026-11-29T11:00:00Z' "
                    "AND ends_at = '2026-11-29T12:30:00Z'"),
              12);
    EXPECT_EQ(count("SELECT COUNT(*) FROM study_session WHERE status = 'closed' AND starts_at = '2026-11-22T11:00:00Z'"), 12);
    // Everyone expected at a closed session has a row (a group's members, a unit's staff); nobody has checked in tonight.
    EXPECT_EQ(count("SELECT COUNT(*) FROM study_checkin"), report.checkins);
    EXPECT_EQ(count("SELECT COUNT(*) FROM study_session s JOIN study_group_member m ON m.group_id = s.group_id "
                    "JOIN person p ON p.id = m.person_id AND p.status = 'active' WHERE s.status = 'closed'") +
                  count("SELECT COUNT(*) FROM study_session s JOIN person p ON p.unit_id = s.node_id AND p.status = 'active' "
                        "WHERE s.audience = 'unit'"),
              report.checkins);
    EXPECT_EQ(count("SELECT COUNT(*) FROM study_checkin c JOIN study_session s ON s.id = c.session_id WHERE s.status = 'open'"), 0);
    EXPECT_EQ(count("SELECT COUNT(*) FROM study_checkin WHERE status = 'excused' AND reason IS NULL"), 0);
    EXPECT_EQ(count("SELECT COUNT(*) FROM study_checkin WHERE status IN ('present', 'late') AND checked_in_at IS NULL"), 0);
    EXPECT_GT(count("SELECT COUNT(*) FROM study_session s JOIN org_node u ON u.id = s.node_id WHERE u.name = '市教育局'"), 0);
  }
  EXPECT_EQ(seed_demo_sessions(db, now, 7).sessions, 0);
}

INSTANTIATE_TEST_SUITE_P(Db, Study, ::testing::Values(Backend::sqlite, Backend::postgresql), backend_name);
