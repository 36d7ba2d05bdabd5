// Party-member points: caps (day, month, year, category), floor and ceiling as a table of cases; rule versions;
// events booked once; claims with self-approval refused, a second approver, 20 simultaneous approvals giving one
// entry; reversals; `points verify` finding a tampered balance; rankings with shared ranks. Both databases.
#include <gtest/gtest.h>

#include <future>

#include "db/sql.hpp"
#include "auth/service.hpp"
#include "files/upload_check.hpp"
#include "points/service.hpp"
#include "support/points_fixtures.hpp"
#include "support/test_server.hpp"

using namespace xinhuo;
using namespace xinhuo::test;

class Points : public ::testing::TestWithParam<Backend> {};

#define START_CITY(s)                              \
  auto s##_holder = TestServer::start(GetParam()); \
  if (!s##_holder) return;                         \
  TestServer& s = *s##_holder;                     \
  const auto city = s.seed_small_city();           \
  (void)city

namespace {

std::string code_of(const HttpResult& r) { return r.json()["error"]["code"]; }

long long rule_id(TestServer& s, const std::string& code) {
  return s.count("SELECT id FROM point_rule WHERE status = 'current' AND code = '" + code + "'");
}

// One case: a rule (with caps) in a category, optionally a ceiling on the year, and bookings in order with the
// points each should book and the limit that cut it.
struct CapCase {
  const char* name;
  const char* category;
  int points;
  std::optional<int> cap_day, cap_month, cap_year, ceiling;
  std::vector<std::tuple<const char*, int, const char*>> bookings;  // date, booked points, limited_by
};

const std::vector<CapCase> kCapCases = {
    {"day cap 2", "honour", 1, 2, {}, {}, {},
     {{"2026-03-02", 1, ""}, {"2026-03-02", 1, ""}, {"2026-03-02", 0, "cap_day"}, {"2026-03-03", 1, ""}}},
    {"month cap 2", "honour", 1, {}, 2, {}, {},
     {{"2026-11-01", 1, ""}, {"2026-11-15", 1, ""}, {"2026-11-30", 0, "cap_month"}, {"2026-12-01", 1, ""}}},
    {"year cap 3, partly cut", "honour", 2, {}, {}, 3, {},
     {{"2026-01-05", 2, ""}, {"2026-02-05", 1, "cap_year"}, {"2026-03-05", 0, "cap_year"}, {"2027-01-05", 2, ""}}},
    {"category 组织生活 capped at 20 a year", "org_life", 8, {}, {}, {}, {},
     {{"2026-04-01", 8, ""}, {"2026-04-02", 8, ""}, {"2026-04-03", 4, "category_cap"}, {"2026-04-04", 0, "category_cap"}}},
    {"floor 0 under base 60", "deduction", -25, {}, {}, {}, {},
     {{"2026-05-01", -25, ""}, {"2026-05-02", -25, ""}, {"2026-05-03", -10, "floor"}, {"2026-05-04", 0, "floor"}}},
    {"ceiling 65", "honour", 3, {}, {}, {}, 65,
     {{"2026-06-01", 3, ""}, {"2026-06-02", 2, "ceiling"}, {"2026-06-03", 0, "ceiling"}}},
};

// Uploads a (tiny, fake) PNG as the account behind `cookie`; returns its id.
long long upload_photo(TestServer& s, const std::string& cookie, const std::string& content = "photo") {
  auto headers = api_headers(s.port());
  headers.emplace_back("Cookie", cookie);
  headers[0] = {"Content-Type", "image/png"};
  auto r = http_request(s.port(), "POST", "/api/v1/files", headers, std::string("\x89PNG\r\n\x1A\n", 8) + content);
  EXPECT_EQ(r.status, 201) << r.body;
  return r.status == 201 ? r.json()["id"].get<long long>() : 0;
}

}  // namespace

TEST_P(Points, CapsFloorAndCeilingTable) {
  START_CITY(s);
  int n = 0;
  for (const auto& c : kCapCases) {
    SCOPED_TRACE(c.name);
    ++n;
    const long long person = add_member(s, city, "积分" + std::to_string(n));
    const auto rule = add_rule(s, "case_" + std::to_string(n), c.category, c.points, c.cap_day, c.cap_month, c.cap_year);
    {
      db::Tx tx(s.app().database());
      points::PointsStore::upsert_scheme(tx, points::Scheme{2026, 60, 0, c.ceiling}, "t");
      tx.commit();
    }
    int k = 0;
    for (const auto& [date, want, limited] : c.bookings) {
      const auto got = book(s, person, rule, date, "case:" + std::to_string(n) + ":" + std::to_string(++k));
      EXPECT_EQ(got.points, want) << "booking " << k << " on " << date;
      EXPECT_EQ(got.limited_by, limited) << "booking " << k << " on " << date;
    }
  }
  EXPECT_TRUE(s.app().points().verify().mismatches.empty());
}

TEST_P(Points, EventsBookOnceAndOnlyWhereTheRuleApplies) {
  START_CITY(s);
  auto publish = [&](const std::string& type, long long subject, long long person, Json payload = Json::object()) {
    db::Tx tx(s.app().database());
    tx.publish({.type = type, .subject_id = subject, .person_id = person, .occurred_at = "2026-09-01T02:00:00Z", .payload = payload});
    tx.commit();
  };
  publish("study.checkin", 77, city.person_a);
  publish("study.checkin", 77, city.person_a);  // delivered again
  publish("study.checkin", 77, city.person_b);  // person_b is not a party member: the rule does not apply
  publish("study.unknown_thing", 78, city.person_a);
  EXPECT_EQ(s.count("SELECT COUNT(*) FROM ledger_entry"), 1);
  EXPECT_EQ(s.count("SELECT points FROM point_balance WHERE period = '2026-09' AND category_code = 'study'"), 1);
  // 20:00 UTC on 30 September is 1 October in Beijing: the October balance gets it.
  {
    db::Tx tx(s.app().database());
    tx.publish({.type = "study.checkin", .subject_id = 81, .person_id = city.person_a, .occurred_at = "2026-09-30T20:00:00Z"});
    tx.commit();
  }
  EXPECT_EQ(s.count("SELECT COUNT(*) FROM ledger_entry WHERE source_key LIKE 'event:study.checkin:81:%' "
                    "AND activity_date = '2026-10-01'"),
            1);
  // Course hours: the quantity multiplies, the daily cap of 2 cuts.
  publish("study.course_hour", 90, city.person_a, {{"quantity", 3}, {"activity_date", "2026-09-02"}});
  EXPECT_EQ(s.count("SELECT points FROM ledger_entry WHERE event_type = 'study.course_hour'"), 2);
  EXPECT_EQ(s.count("SELECT COUNT(*) FROM ledger_entry WHERE limited_by = 'cap_day'"), 1);

  // The event map is editable: check-ins now earn the lecture rule.
  const std::string admin = s.login("admin");
  auto mapped = s.send_as(admin, "PUT", "/api/v1/points/event-rules/study.checkin", R"({"rule_code":"lecture"})");
  ASSERT_EQ(mapped.status, 200) << mapped.body;
  publish("study.checkin", 79, city.person_a);
  EXPECT_EQ(s.count("SELECT points FROM ledger_entry WHERE source_key = 'event:study.checkin:79:" +
                    std::to_string(city.person_a) + "'"),
            3);
  EXPECT_EQ(s.send_as(admin, "PUT", "/api/v1/points/event-rules/study.checkin", R"({"rule_code":"study_note"})").status, 400)
      << "only automatic rules can be mapped";
  EXPECT_EQ(s.send_as(admin, "PUT", "/api/v1/points/event-rules/made.up", R"({"rule_code":"lecture"})").status, 404);
  EXPECT_TRUE(s.app().points().verify().mismatches.empty());
}

TEST_P(Points, RuleVersionsKeepTheirEntries) {
  START_CITY(s);
  const std::string admin = s.login("admin");
  const long long v1 = rule_id(s, "study_checkin");
  db::Tx tx(s.app().database());
  tx.publish({.type = "study.checkin", .subject_id = 1, .person_id = city.person_a, .occurred_at = "2026-02-01T02:00:00Z"});
  tx.commit();
  auto revised = s.send_as(admin, "PUT", "/api/v1/points/rules/" + std::to_string(v1),
                           R"({"category_code":"study","name":"参加集中学习（签到）","points":2,"earn_mode":"automatic","valid_from":"2020-01-01"})");
  ASSERT_EQ(revised.status, 200) << revised.body;
  EXPECT_EQ(revised.json()["version"], 2);
  EXPECT_EQ(revised.json()["code"], "study_checkin");
  // Editing the old version again is refused: only the current one can change.
  EXPECT_EQ(s.send_as(admin, "PUT", "/api/v1/points/rules/" + std::to_string(v1),
                      R"({"category_code":"study","name":"x","points":3,"earn_mode":"automatic","valid_from":"2020-01-01"})")
                .status,
            409);
  db::Tx tx2(s.app().database());
  tx2.publish({.type = "study.checkin", .subject_id = 2, .person_id = city.person_a, .occurred_at = "2026-02-02T02:00:00Z"});
  tx2.commit();
  const std::string cadre = s.login("cadre");
  auto entries = s.get_as(cadre, "/api/v1/me/points/entries?year=2026").json()["items"];
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[0]["rule_version"], 2);
  EXPECT_EQ(entries[0]["points"], 2);
  EXPECT_EQ(entries[1]["rule_version"], 1);
  EXPECT_EQ(entries[1]["points"], 1);
  auto history = s.get_as(admin, "/api/v1/points/rules?history=true&code=study_checkin").json()["items"];
  ASSERT_EQ(history.size(), 2u);
  EXPECT_EQ(history[1]["status"], "superseded");
  // Wrong input is named.
  auto bad = s.send_as(admin, "POST", "/api/v1/points/rules",
                       R"({"code":"Bad Code","category_code":"study","name":"x","points":1,"earn_mode":"automatic","valid_from":"2026-01-01"})");
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(bad.json()["error"]["field"], "code");
}

TEST_P(Points, ClaimIsApprovedByTheBranchAndExplained) {
  START_CITY(s);
  const std::string cadre = s.login("cadre");
  const std::string secretary = s.login("secretary");
  const std::string today = s.app().points().today();
  const long long note = rule_id(s, "study_note");
  const std::string body = Json{{"rule_id", note}, {"activity_date", today}, {"description", "学习二十大精神心得"}}.dump();
  auto no_evidence = s.send_as(cadre, "POST", "/api/v1/me/points/claims", body);
  EXPECT_EQ(no_evidence.status, 400);
  EXPECT_EQ(no_evidence.json()["error"]["field"], "evidence");
  auto future = s.send_as(cadre, "POST", "/api/v1/me/points/claims",
                          Json{{"rule_id", note}, {"activity_date", "2099-01-01"}, {"description", "x"}, {"evidence", {1}}}.dump());
  EXPECT_EQ(future.json()["error"]["field"], "activity_date");
  auto automatic = s.send_as(cadre, "POST", "/api/v1/me/points/claims",
                             Json{{"rule_id", rule_id(s, "study_checkin")}, {"activity_date", today}, {"description", "x"}}.dump());
  EXPECT_EQ(automatic.json()["error"]["field"], "rule_id");

  const long long photo1 = upload_photo(s, cadre, "1"), photo2 = upload_photo(s, cadre, "2");
  auto foreign = s.send_as(cadre, "POST", "/api/v1/me/points/claims",
                           Json{{"rule_id", note}, {"activity_date", today}, {"description", "x"}, {"evidence", {photo1 + 100}}}.dump());
  EXPECT_EQ(foreign.json()["error"]["field"], "evidence") << "evidence must be the caller's own uploads";
  const std::string with_evidence =
      Json{{"rule_id", note}, {"activity_date", today}, {"description", "学习二十大精神心得"}, {"evidence", {photo1, photo2}}}.dump();
  auto claim = s.send_as(cadre, "POST", "/api/v1/me/points/claims", with_evidence);
  ASSERT_EQ(claim.status, 201) << claim.body;
  EXPECT_EQ(claim.json()["status"], "pending");
  EXPECT_TRUE(claim.json()["possible_duplicate_of"].is_null());
  auto again = s.send_as(cadre, "POST", "/api/v1/me/points/claims",
                         Json{{"rule_id", note}, {"activity_date", today}, {"description", " 学习二十大精神心得 "}, {"evidence", {photo2}}}.dump());
  EXPECT_EQ(again.json()["possible_duplicate_of"], claim.json()["id"]) << "the same report within 7 days is flagged";
  const long long id = claim.json()["id"];

  auto queue = s.get_as(secretary, "/api/v1/points/claims").json();
  EXPECT_EQ(queue["total"], 2);
  // The approver sees the photos; someone outside the member's scope does not.
  EXPECT_EQ(s.get_as(secretary, "/api/v1/files/" + std::to_string(photo1)).status, 200);
  EXPECT_EQ(s.get_as(secretary, "/api/v1/files/" + std::to_string(photo1)).header("Content-Type"), "image/png");
  EXPECT_EQ(s.get_as(s.login("auditor", TestServer::kPassword, s.totp_now()), "/api/v1/files/" + std::to_string(photo1)).status, 404);
  EXPECT_EQ(s.send_as(cadre, "POST", "/api/v1/points/claims/" + std::to_string(id) + "/approve").status, 403);
  auto approved = s.send_as(secretary, "POST", "/api/v1/points/claims/" + std::to_string(id) + "/approve");
  ASSERT_EQ(approved.status, 200) << approved.body;
  EXPECT_EQ(approved.json()["status"], "approved");
  EXPECT_EQ(s.send_as(secretary, "POST", "/api/v1/points/claims/" + std::to_string(id) + "/approve").status, 409);
  auto rejected = s.send_as(secretary, "POST", "/api/v1/points/claims/" + again.json()["id"].dump() + "/reject", R"({"reason":"重复申报"})");
  EXPECT_EQ(rejected.json()["status"], "rejected");
  EXPECT_EQ(rejected.json()["decision_reason"], "重复申报");

  auto mine = s.get_as(cadre, "/api/v1/me/points").json();
  EXPECT_EQ(mine["base_score"], 60);
  EXPECT_EQ(mine["earned"], 2);
  EXPECT_EQ(mine["score"], 62);
  auto why = s.get_as(cadre, "/api/v1/me/points/entries").json()["items"];
  ASSERT_EQ(why.size(), 1u);
  EXPECT_EQ(why[0]["rule_code"], "study_note");
  EXPECT_EQ(why[0]["claim_id"], id);
  EXPECT_EQ(why[0]["approved_by"], "secretary");
  EXPECT_EQ(why[0]["source_type"], "claim");
  EXPECT_EQ(s.count("SELECT COUNT(*) FROM audit_log WHERE action = 'points.claim_approved'"), 1);
}

TEST_P(Points, NobodyApprovesTheirOwnClaim) {
  START_CITY(s);
  // The cadre's own account also holds a branch secretary grant.
  {
    db::Tx tx(s.app().database());
    const long long cadre_id = s.account_id("cadre");
    auth::AuthService::grant(tx, cadre_id, "branch_secretary", city.branch_a1, "subtree", 0, "t");
    tx.commit();
  }
  const std::string cadre = s.login("cadre");
  auto claim = s.send_as(cadre, "POST", "/api/v1/me/points/claims",
                         Json{{"rule_id", rule_id(s, "honour_unit")}, {"activity_date", s.app().points().today()},
                              {"description", "获单位优秀党员表彰"}, {"evidence", {upload_photo(s, cadre)}}}.dump());
  ASSERT_EQ(claim.status, 201) << claim.body;
  auto own = s.send_as(cadre, "POST", "/api/v1/points/claims/" + claim.json()["id"].dump() + "/approve");
  EXPECT_EQ(own.status, 403);
  EXPECT_EQ(code_of(own), "own_claim");
  auto batch = s.send_as(cadre, "POST", "/api/v1/points/claims/approve-batch", Json{{"ids", {claim.json()["id"]}}}.dump());
  EXPECT_EQ(batch.json()["failed"][0]["code"], "own_claim");
  EXPECT_EQ(s.count("SELECT COUNT(*) FROM ledger_entry"), 0);
}

TEST_P(Points, DisciplineDeductionNeedsTwoDifferentApprovers) {
  START_CITY(s);
  const std::string admin = s.login("admin");
  const std::string unitadmin = s.login("unitadmin");
  auto recorded = s.send_as(admin, "POST", "/api/v1/points/records",
                            Json{{"person_id", city.person_a}, {"rule_id", rule_id(s, "deduct_discipline")},
                                 {"activity_date", s.app().points().today()}, {"reason", "违反规定公款吃喝"}}.dump());
  ASSERT_EQ(recorded.status, 201) << recorded.body;
  EXPECT_EQ(recorded.json()["status"], "first_approved");
  const std::string id = recorded.json()["id"].dump();
  auto same = s.send_as(admin, "POST", "/api/v1/points/claims/" + id + "/approve");
  EXPECT_EQ(same.status, 409);
  EXPECT_EQ(code_of(same), "second_approver_required");
  EXPECT_EQ(s.count("SELECT COUNT(*) FROM ledger_entry"), 0);
  auto second = s.send_as(unitadmin, "POST", "/api/v1/points/claims/" + id + "/approve");
  ASSERT_EQ(second.status, 200) << second.body;
  EXPECT_EQ(second.json()["status"], "approved");
  EXPECT_EQ(s.count("SELECT points FROM ledger_entry"), -10);
  EXPECT_EQ(s.count("SELECT COUNT(*) FROM ledger_entry WHERE approved_by = 'admin、unitadmin'"), 1);
  // A plain deduction is booked at once, and a manual adjustment carries the amount the manager sets.
  auto task = s.send_as(unitadmin, "POST", "/api/v1/points/records",
                        Json{{"person_id", city.person_a}, {"rule_id", rule_id(s, "deduct_task")},
                             {"activity_date", s.app().points().today()}, {"reason", "未按时完成调研报告"}}.dump());
  EXPECT_EQ(task.json()["status"], "approved");
  auto no_amount = s.send_as(unitadmin, "POST", "/api/v1/points/records",
                             Json{{"person_id", city.person_a}, {"rule_id", rule_id(s, "adjustment")},
                                  {"activity_date", s.app().points().today()}, {"reason", "更正"}}.dump());
  EXPECT_EQ(no_amount.json()["error"]["field"], "points");
  EXPECT_EQ(s.count("SELECT COUNT(*) FROM audit_log WHERE action = 'points.recorded'"), 2);
}

TEST_P(Points, TwentySimultaneousApprovalsBookOneEntry) {
  START_CITY(s);
  const std::string cadre = s.login("cadre");
  auto claim = s.send_as(cadre, "POST", "/api/v1/me/points/claims",
                         Json{{"rule_id", rule_id(s, "practice_urgent")}, {"activity_date", s.app().points().today()},
                              {"description", "参加防汛抢险"}, {"evidence", {upload_photo(s, cadre)}}}.dump());
  ASSERT_EQ(claim.status, 201) << claim.body;
  const std::string path = "/api/v1/points/claims/" + claim.json()["id"].dump() + "/approve";
  const std::string secretary = s.login("secretary");
  std::vector<std::future<int>> calls;
  for (int i = 0; i < 20; ++i)
    calls.push_back(std::async(std::launch::async, [&] { return s.send_as(secretary, "POST", path).status; }));
  int ok = 0, conflict = 0;
  for (auto& c : calls) {
    const int status = c.get();
    ok += status == 200;
    conflict += status == 409;
  }
  EXPECT_EQ(ok, 1);
  EXPECT_EQ(conflict, 19);
  EXPECT_EQ(s.count("SELECT COUNT(*) FROM ledger_entry"), 1);
  EXPECT_EQ(s.count("SELECT points FROM point_balance WHERE category_code = '' AND period = '" +
                    s.app().points().today().substr(0, 4) + "'"),
            3);
}

TEST_P(Points, ReversalUndoesOnceAndVerifyFindsTampering) {
  START_CITY(s);
  db::Tx tx(s.app().database());
  tx.publish({.type = "study.lecture_given", .subject_id = 5, .person_id = city.person_a, .occurred_at = "2026-07-01T02:00:00Z"});
  tx.commit();
  const long long entry = s.count("SELECT id FROM ledger_entry");
  const std::string unitadmin = s.login("unitadmin");
  auto reversed = s.send_as(unitadmin, "POST", "/api/v1/points/entries/" + std::to_string(entry) + "/reverse", R"({"reason":"宣讲记录有误"})");
  ASSERT_EQ(reversed.status, 201) << reversed.body;
  EXPECT_EQ(reversed.json()["points"], -3);
  EXPECT_EQ(reversed.json()["reverses_id"], entry);
  EXPECT_EQ(s.send_as(unitadmin, "POST", "/api/v1/points/entries/" + std::to_string(entry) + "/reverse", R"({"reason":"again"})").status, 409);
  EXPECT_EQ(s.count("SELECT points FROM point_balance WHERE period = '2026' AND category_code = ''"), 0);
  auto summary = s.get_as(unitadmin, "/api/v1/points/people/" + std::to_string(city.person_a) + "/entries?year=2026").json()["items"];
  ASSERT_EQ(summary.size(), 2u);
  EXPECT_EQ(summary[1]["reversed_by"], reversed.json()["id"]);

  auto report = s.app().points().verify();
  EXPECT_TRUE(report.mismatches.empty());
  EXPECT_EQ(report.balances_checked, 6);
  {
    auto lease = s.app().database().lease();
    EXPECT_THROW(lease.sql() << "UPDATE ledger_entry SET points = 30", std::exception) << "the ledger is append-only";
    EXPECT_THROW(lease.sql() << "DELETE FROM ledger_entry", std::exception);
  }  // year, quarter, month × category and total
  {
    auto lease = s.app().database().lease();
    lease.sql() << "UPDATE point_balance SET points = points + 5 WHERE period = '2026-Q3' AND category_code = 'lecture'";
  }
  report = s.app().points().verify();
  ASSERT_EQ(report.mismatches.size(), 1u);
  EXPECT_NE(report.mismatches[0].find("2026-Q3"), std::string::npos) << report.mismatches[0];
}

TEST_P(Points, RankingsShareTiesAndStayInScope) {
  START_CITY(s);
  const long long p1 = add_member(s, city, "甲一"), p2 = add_member(s, city, "甲二"), p3 = add_member(s, city, "甲三");
  const auto rule = add_rule(s, "rank_rule", "honour", 5);
  book(s, p1, rule, "2026-10-01", "r1");
  book(s, p2, rule, "2026-10-01", "r2");
  book(s, p1, rule, "2026-10-02", "r3");
  book(s, city.person_a, rule, "2026-10-02", "r4");  // ties with p2
  const std::string unitadmin = s.login("unitadmin");
  auto top = s.get_as(unitadmin, "/api/v1/points/rankings?node_id=" + std::to_string(city.unit_a) + "&period=2026-Q4");
  ASSERT_EQ(top.status, 200) << top.body;
  auto rows = top.json()["items"];
  ASSERT_EQ(rows.size(), 4u);  // person_a, p1, p2, p3 (person_b in unit B is not a member)
  EXPECT_EQ(rows[0]["person_id"], p1);
  EXPECT_EQ(rows[0]["rank"], 1);
  EXPECT_EQ(rows[1]["rank"], 2);
  EXPECT_EQ(rows[2]["rank"], 2);
  EXPECT_EQ(rows[3]["person_id"], p3);
  EXPECT_EQ(rows[3]["rank"], 4);
  EXPECT_EQ(s.get_as(unitadmin, "/api/v1/points/rankings?node_id=" + std::to_string(city.unit_b)).status, 404);
  // The city is read from the balance index when enough people have points, and scored in full otherwise: the same
  // order and ranks either way.
  const std::string admin = s.login("admin");
  const std::string city_top = "/api/v1/points/rankings?node_id=" + std::to_string(city.city) + "&period=2026-Q4&limit=";
  auto two = s.get_as(admin, city_top + "2").json()["items"];
  ASSERT_EQ(two.size(), 2u);
  EXPECT_EQ(two[0]["person_id"], p1);
  EXPECT_EQ(two[1]["person_id"], city.person_a) << "ties by id, as the full scoring orders them";
  EXPECT_EQ(two[1]["rank"], 2);
  auto ten = s.get_as(admin, city_top + "10").json()["items"];
  ASSERT_EQ(ten.size(), 4u) << "fewer than 10 with points: everyone ranked, zeros included";
  EXPECT_EQ(ten[2]["person_id"], p2);
  EXPECT_EQ(ten[2]["rank"], 2);
  EXPECT_EQ(ten[3]["person_id"], p3);
  EXPECT_EQ(ten[3]["rank"], 4);
  auto workbook = s.get_as(unitadmin, "/api/v1/points/rankings/export?node_id=" + std::to_string(city.unit_a) + "&period=2026-Q4");
  EXPECT_EQ(workbook.status, 200);
  EXPECT_EQ(workbook.body.substr(0, 2), "PK") << "an .xlsx file is a zip";
  EXPECT_EQ(s.count("SELECT COUNT(*) FROM audit_log WHERE action = 'points.ranking_exported'"), 1);
  EXPECT_EQ(s.get_as(unitadmin, "/api/v1/points/rankings?node_id=" + std::to_string(city.unit_a) + "&period=2026-13").status, 400);
  const std::string cadre = s.login("cadre");
  auto mine = s.get_as(cadre, "/api/v1/me/points/rank?period=2026-10").json();
  EXPECT_EQ(mine["rank"], 2);
  EXPECT_EQ(mine["of"], 4);
  EXPECT_EQ(mine["points"], 5);
  EXPECT_DOUBLE_EQ(mine["percentile"].get<double>(), 75.0);
  // Someone who is not a party member is not ranked (rank 0), even with points.
  book(s, city.person_b, rule, "2026-10-02", "r5");
  Principal masses;
  masses.account_id = s.account_id("newbie");
  masses.person_id = city.person_b;
  const auto unranked = s.app().points().my_rank(masses, "2026-10", "");
  EXPECT_EQ(unranked.rank, 0);
  EXPECT_EQ(unranked.points, 5);
}

TEST_P(Points, WhatIfReplaysAPeriodUnderDraftRules) {
  START_CITY(s);
  const long long p1 = add_member(s, city, "甲一");
  auto publish = [&](const std::string& type, long long subject, long long person, const std::string& date) {
    db::Tx tx(s.app().database());
    tx.publish({.type = type, .subject_id = subject, .person_id = person, .occurred_at = date + "T02:00:00Z"});
    tx.commit();
  };
  for (int i = 1; i <= 3; ++i) publish("study.checkin", i, city.person_a, "2026-04-01");
  publish("study.lecture_given", 10, city.person_a, "2026-04-02");
  publish("study.lecture_given", 11, p1, "2026-04-03");
  const std::string admin = s.login("admin");
  auto run = [&](const Json& changes) {
    return s.send_as(admin, "POST", "/api/v1/points/simulations",
                     Json{{"from", "2026-01-01"}, {"to", "2026-12-31"}, {"node_id", city.city}, {"changes", changes}}.dump());
  };
  // Check-ins at 2 points with at most 4 a day: 2 + 2 + 0 instead of 1 + 1 + 1.
  auto r = run(Json::array({{{"rule_code", "study_checkin"}, {"points", 2}, {"cap_day", 4}}}));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["people"], 2);
  EXPECT_EQ(r.json()["total_before"], 9);
  EXPECT_EQ(r.json()["total_after"], 10);
  ASSERT_EQ(r.json()["movers_up"].size(), 1u);
  EXPECT_EQ(r.json()["movers_up"][0]["person_id"], city.person_a);
  EXPECT_EQ(r.json()["movers_up"][0]["before"], 6);
  EXPECT_EQ(r.json()["movers_up"][0]["after"], 7);
  // Without lectures p1 falls to nothing and person_a keeps the check-ins.
  auto retired = run(Json::array({{{"rule_code", "lecture"}, {"retire", true}}}));
  EXPECT_EQ(retired.json()["total_after"], 3);
  EXPECT_EQ(retired.json()["movers_down"].size(), 2u);
  EXPECT_EQ(s.count("SELECT COUNT(*) FROM ledger_entry"), 5) << "a simulation writes nothing";
  EXPECT_EQ(run(Json::array({{{"rule_code", "no_such_rule"}, {"points", 1}}})).json()["error"]["field"], "changes");
  EXPECT_EQ(s.send_as(s.login("unitadmin"), "POST", "/api/v1/points/simulations",
                      Json{{"from", "2026-01-01"}, {"to", "2026-12-31"}, {"node_id", city.unit_a},
                           {"changes", Json::array({{{"rule_code", "lecture"}, {"points", 1}}})}}.dump())
                .status,
            403);
}

TEST_P(Points, MyDataFileHoldsMyRecordAndMyPoints) {
  START_CITY(s);
  {
    db::Tx tx(s.app().database());
    tx.publish({.type = "study.checkin", .subject_id = 1, .person_id = city.person_a, .occurred_at = "2026-05-01T02:00:00Z"});
    tx.commit();
  }
  auto file = s.get_as(s.login("cadre"), "/api/v1/me/data");
  ASSERT_EQ(file.status, 200) << file.body;
  EXPECT_NE(file.header("Content-Disposition").find("attachment"), std::string::npos);
  const Json data = file.json();
  EXPECT_EQ(data["account"]["username"], "cadre");
  EXPECT_EQ(data["person"]["id"], city.person_a);
  EXPECT_FALSE(data["sessions"]["items"].empty());
  EXPECT_EQ(data["points"]["person_id"], city.person_a);
  EXPECT_EQ(s.count("SELECT COUNT(*) FROM audit_log WHERE action = 'self.data_exported'"), 1);
  // An account without a person record gets its account parts and no person parts.
  const Json admin = s.get_as(s.login("admin"), "/api/v1/me/data").json();
  EXPECT_EQ(admin["account"]["username"], "admin");
  EXPECT_TRUE(admin["person"].is_null());
  EXPECT_TRUE(admin["points"].is_null());
}

TEST_P(Points, UploadsMustBeTheImagesTheyClaim) {
  START_CITY(s);
  const std::string cadre = s.login("cadre");
  auto send = [&](const std::string& type, const std::string& body) {
    auto headers = api_headers(s.port());
    headers.emplace_back("Cookie", cadre);
    headers[0] = {"Content-Type", type};
    return http_request(s.port(), "POST", "/api/v1/files", headers, body);
  };
  EXPECT_EQ(send("image/png", "<script>alert(1)</script>").status, 415);
  EXPECT_EQ(send("image/jpeg", std::string("\x89PNG\r\n\x1A\nxx", 10)).json()["error"]["field"], "file");
  EXPECT_EQ(send("image/png", "").status, 400);
  EXPECT_EQ(send("image/jpeg", std::string("\xFF\xD8\xFF", 3) + std::string(6 * 1024 * 1024, 'x')).status, 413);
  auto ok = send("image/jpeg", std::string("\xFF\xD8\xFF\xE0", 4) + "jpeg body");
  ASSERT_EQ(ok.status, 201) << ok.body;
  auto back = s.get_as(cadre, "/api/v1/files/" + ok.json()["id"].dump());
  EXPECT_EQ(back.status, 200);
  EXPECT_EQ(back.body, std::string("\xFF\xD8\xFF\xE0", 4) + "jpeg body");
  EXPECT_EQ(s.get_as(s.login("unitadmin"), "/api/v1/files/" + ok.json()["id"].dump()).status, 200)
      << "the administrator of the uploader's unit can read it";
  // A scanned document of 6 MiB as PDF: larger than a photo may be, and read back as a PDF.
  const std::string scan = "%PDF-1.5\n" + std::string(6 * 1024 * 1024, 'p');
  auto pdf = send("application/pdf", scan);
  ASSERT_EQ(pdf.status, 201) << pdf.body;
  EXPECT_EQ(pdf.json()["content_type"], "application/pdf");
  auto pdf_back = s.get_as(cadre, "/api/v1/files/" + pdf.json()["id"].dump());
  EXPECT_EQ(pdf_back.status, 200);
  EXPECT_EQ(pdf_back.header("Content-Type"), "application/pdf");
  EXPECT_EQ(pdf_back.body.size(), scan.size());
  EXPECT_EQ(send("application/pdf", "%PDF-1.5\n" + std::string(20 * 1024 * 1024, 'p')).status, 413);
}

// The upload checks on their own (what the route above answers), including the edges the route test does not send.
TEST(Files, UploadCheckAcceptsOnlyTheImageItClaims) {
  const std::string jpeg("\xFF\xD8\xFF\xE0", 4), png("\x89PNG\r\n\x1A\n", 8), webp("RIFF\0\0\0\0WEBPVP8 ", 16);
  EXPECT_EQ(files::check_upload("image/jpeg", jpeg), "image/jpeg");
  EXPECT_EQ(files::check_upload("image/png; charset=binary", png), "image/png");
  EXPECT_EQ(files::check_upload("image/webp", webp), "image/webp");
  auto status = [](const std::string& type, const std::string& bytes) {
    try {
      files::check_upload(type, bytes);
      return 200;
    } catch (const Error& e) {
      return e.status();
    }
  };
  EXPECT_EQ(status("image/jpeg", ""), 400);
  EXPECT_EQ(status("image/jpeg", std::string("\xFF\xD8", 2)), 415) << "a signature cut short is no image";
  EXPECT_EQ(status("image/webp", "RIFF\0\0\0\0WEB"), 415);
  EXPECT_EQ(status("image/png", jpeg), 400) << "an image of another type than declared";
  EXPECT_EQ(status("IMAGE/JPEG", jpeg), 400) << "the media type is compared as sent";
  EXPECT_EQ(status("image/jpeg", jpeg + std::string(files::kMaxImageBytes - jpeg.size(), 'x')), 200);
  EXPECT_EQ(status("image/jpeg", jpeg + std::string(files::kMaxImageBytes - jpeg.size() + 1, 'x')), 413);
  // A PDF (a decision, a policy text, a scanned form) may be larger than a photo.
  const std::string pdf = "%PDF-1.7\n";
  EXPECT_EQ(files::check_upload("application/pdf", pdf + "1 0 obj"), "application/pdf");
  EXPECT_EQ(status("application/pdf", pdf + std::string(files::kMaxDocumentBytes - pdf.size(), 'x')), 200);
  EXPECT_EQ(status("application/pdf", pdf + std::string(files::kMaxDocumentBytes - pdf.size() + 1, 'x')), 413);
  EXPECT_EQ(status("image/jpeg", pdf), 400) << "a PDF sent as a photo";
  EXPECT_EQ(status("application/pdf", jpeg), 400) << "a photo sent as a PDF";
  EXPECT_EQ(status("application/pdf", "%PDF"), 415) << "a signature cut short";
  EXPECT_EQ(status("application/msword", std::string("\xD0\xCF\x11\xE0", 4)), 415) << "other documents are refused";
}

INSTANTIATE_TEST_SUITE_P(Db, Points, ::testing::Values(Backend::sqlite, Backend::postgresql), backend_name);
