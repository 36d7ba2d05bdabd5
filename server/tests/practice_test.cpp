// Training and practice: the rules (assignment length → completion event, competition ranks) as tables, and on
// both databases the assignment lifecycle with its compare-and-set transitions, the date rules, the completion
// points booked once, competition results with shared ranks, training completion events, the data scope, the
// plan-against-actual report and the export.
#include <gtest/gtest.h>

#include "db/events.hpp"
#include "db/transaction.hpp"
#include "practice/rules.hpp"
#include "support/party_fixtures.hpp"
#include "support/test_server.hpp"

using namespace xinhuo;
using namespace xinhuo::test;
using namespace xinhuo::practice;

TEST(PracticeRules, TheLengthOfAnAssignmentChoosesItsCompletionEvent) {
  struct Case {
    const char* from;
    const char* to;
    const char* expected;
  };
  // Both the first and the last day count.
  const Case cases[] = {
      {"2026-03-01", "2026-03-01", "none"},   // one day
      {"2026-03-01", "2026-03-06", "none"},   // 6 days
      {"2026-03-01", "2026-03-07", "short"},  // a week
      {"2026-03-01", "2026-03-31", "short"},  // a month
      {"2026-03-01", "2026-04-20", "short"},  // between one and two months: the smaller award
      {"2026-03-01", "2026-04-30", "short"},  // exactly two months (March and April)
      {"2026-03-01", "2026-05-01", "long"},   // more than two months
      {"2025-12-31", "2026-02-28", "long"},   // 31 December, all of January and February: more than two months
      {"2026-01-01", "2026-12-31", "long"},
      {"2026-03-10", "2026-03-01", "none"},   // an end before the start earns nothing
  };
  for (const auto& c : cases) EXPECT_EQ(length_class(c.from, c.to), c.expected) << c.from << " → " << c.to;
  EXPECT_STREQ(completion_event("short"), "practice.assignment_completed_short");
  EXPECT_STREQ(completion_event("long"), "practice.assignment_completed_long");
  EXPECT_EQ(completion_event("none"), nullptr);
}

TEST(PracticeRules, EqualScoresShareARankAndTheNextRankSkips) {
  struct Case {
    std::vector<double> scores;
    std::vector<int> expected;
  };
  const Case cases[] = {
      {{}, {}},
      {{88}, {1}},
      {{90, 95, 95, 80}, {3, 1, 1, 4}},
      {{70, 70, 70}, {1, 1, 1}},
      {{99.5, 99.0, 99.5, 98.0, 99.0}, {1, 3, 1, 5, 3}},
  };
  for (const auto& c : cases) EXPECT_EQ(ranks(c.scores), c.expected);
}

TEST(PracticeRules, TransitionsStartFromTheirStates) {
  EXPECT_EQ(transition_from("start"), std::vector<std::string>{"planned"});
  EXPECT_EQ(transition_from("mid_term"), std::vector<std::string>{"active"});
  EXPECT_EQ(transition_from("complete"), (std::vector<std::string>{"active", "mid_term"}));
  EXPECT_EQ(transition_from("terminate"), (std::vector<std::string>{"planned", "active", "mid_term"}));
  EXPECT_TRUE(transition_from("reopen").empty());
}

class Practice : public ::testing::TestWithParam<Backend> {};

namespace {

std::string code_of(const HttpResult& r) { return r.json()["error"].value("code", ""); }
std::string field_of(const HttpResult& r) { return r.json()["error"].value("field", ""); }
long long id_of(const HttpResult& r) { return r.json()["id"].get<long long>(); }

Json assignment(long long person, const std::string& type, const std::string& from, const std::string& to) {
  return {{"person_id", person}, {"assignment_type", type}, {"host_place", "鄞州区姜山镇"}, {"starts_on", from},
          {"planned_end", to}, {"supervisor_name", "王建国"}, {"supervisor_phone", "13905741234"}};
}

long long points_of(TestServer& s, long long person, const std::string& event) {
  return s.count("SELECT COALESCE(SUM(points), 0) FROM ledger_entry WHERE person_id = " + std::to_string(person) +
                 " AND event_type = '" + event + "'");
}

}  // namespace

TEST_P(Practice, AnAssignmentRunsItsLifecycleOnceAndEarnsItsPointsOnce) {
  START_CITY(s);
  const std::string admin = s.login("unitadmin");
  auto created = s.send_as(admin, "POST", "/api/v1/practice/assignments",
                           assignment(city.person_a, "frontline", "2026-09-01", "2026-11-30").dump());
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.json()["state"], "planned");
  EXPECT_EQ(created.json()["supervisor_phone"], "139****1234") << "the phone is masked when read";
  EXPECT_EQ(s.count("SELECT COUNT(*) FROM practice_assignment WHERE supervisor_phone LIKE '%13905741234%'"), 0)
      << "sealed at rest";
  const std::string url = "/api/v1/practice/assignments/" + std::to_string(id_of(created));
  auto post = [&](const std::string& step, const Json& body) { return s.send_as(admin, "POST", url + "/" + step, body.dump()); };

  // Only the next step from the current state; anything else is a conflict.
  EXPECT_EQ(code_of(post("mid-term", {{"evaluated_on", "2026-10-01"}, {"grade", "good"}})), "assignment_state");
  auto started = post("start", {{"started_on", "2026-09-01"}});
  ASSERT_EQ(started.status, 200) << started.body;
  EXPECT_EQ(started.json()["state"], "active");
  auto again = post("start", Json::object());
  EXPECT_EQ(again.status, 409) << "a stale start";
  EXPECT_EQ(code_of(again), "assignment_state");
  auto mid = post("mid-term", {{"evaluated_on", "2026-10-15"}, {"grade", "good"}, {"note", "工作扎实"}});
  ASSERT_EQ(mid.status, 200) << mid.body;
  EXPECT_EQ(mid.json()["state"], "mid_term");
  EXPECT_EQ(post("mid-term", {{"evaluated_on", "2026-10-16"}, {"grade", "good"}}).status, 409);

  // The completion needs a grade, an outcome and a real end; nothing is booked until it holds.
  EXPECT_EQ(field_of(post("complete", {{"actual_end", "2026-11-20"}, {"grade", "great"}, {"outcome", "完成"}})), "grade");
  EXPECT_EQ(field_of(post("complete", {{"actual_end", "2026-11-20"}, {"grade", "excellent"}})), "outcome");
  EXPECT_EQ(s.count("SELECT COUNT(*) FROM ledger_entry"), 0);
  auto done = post("complete", {{"actual_end", "2026-11-20"}, {"grade", "excellent"}, {"outcome", "牵头完成3个村集体增收项目"}});
  ASSERT_EQ(done.status, 200) << done.body;
  EXPECT_EQ(done.json()["state"], "completed");
  EXPECT_EQ(done.json()["completion_event"], "long");
  EXPECT_EQ(points_of(s, city.person_a, "practice.assignment_completed_long"), 5);
  // Completed: every step is stale now, and nothing is booked twice.
  EXPECT_EQ(post("complete", {{"actual_end", "2026-11-21"}, {"grade", "good"}, {"outcome", "再次"}}).status, 409);
  EXPECT_EQ(post("terminate", {{"reason", "误操作"}, {"actual_end", "2026-11-21"}}).status, 409);
  EXPECT_EQ(s.count("SELECT COUNT(*) FROM ledger_entry"), 1);
  EXPECT_EQ(s.count("SELECT COUNT(*) FROM audit_log WHERE action LIKE 'practice.assignment_%'"), 4);

  // A two-week urgent task earns the short award, straight from active; under a week earns nothing.
  Json urgent = assignment(city.person_a, "urgent", "2026-11-01", "2026-11-14");
  urgent["urgent_kind"] = "flood";
  const long long u = id_of(s.send_as(admin, "POST", "/api/v1/practice/assignments", urgent.dump()));
  const std::string uurl = "/api/v1/practice/assignments/" + std::to_string(u);
  ASSERT_EQ(s.send_as(admin, "POST", uurl + "/start", "{}").status, 200);
  auto short_done = s.send_as(admin, "POST", uurl + "/complete",
                              Json{{"actual_end", "2026-11-14"}, {"grade", "good"}, {"outcome", "转移群众 230 人"}}.dump());
  ASSERT_EQ(short_done.status, 200) << short_done.body;
  EXPECT_EQ(points_of(s, city.person_a, "practice.assignment_completed_short"), 2);
  const long long brief = id_of(s.send_as(admin, "POST", "/api/v1/practice/assignments",
                                          assignment(city.person_a, "frontline", "2026-11-20", "2026-11-25").dump()));
  const std::string burl = "/api/v1/practice/assignments/" + std::to_string(brief);
  ASSERT_EQ(s.send_as(admin, "POST", burl + "/start", "{}").status, 200);
  auto brief_done = s.send_as(admin, "POST", burl + "/complete",
                              Json{{"actual_end", "2026-11-24"}, {"grade", "good"}, {"outcome", "完成"}}.dump());
  ASSERT_EQ(brief_done.status, 200);
  EXPECT_EQ(brief_done.json()["completion_event"], "none");
  EXPECT_EQ(s.count("SELECT COUNT(*) FROM ledger_entry"), 2);

  // The cadre's phone shows all three, and the points are in their own score.
  const std::string cadre = s.login("cadre");
  auto mine = s.get_as(cadre, "/api/v1/me/practice/assignments");
  ASSERT_EQ(mine.status, 200) << mine.body;
  EXPECT_EQ(mine.json()["items"].size(), 3u);
  auto score = s.get_as(cadre, "/api/v1/me/points?year=2026");
  ASSERT_EQ(score.status, 200) << score.body;
  EXPECT_NE(score.body.find("practice"), std::string::npos) << score.body;
}

TEST_P(Practice, AnAssignmentSentTwiceWithTheSameIdempotencyKeyIsRecordedOnce) {
  START_CITY(s);
  const std::string admin = s.login("unitadmin");
  auto send = [&](const std::string& key, const Json& body) {
    auto h = api_headers(s.port());
    h.emplace_back("Cookie", admin);
    h.emplace_back("Idempotency-Key", key);
    return http_request(s.port(), "POST", "/api/v1/practice/assignments", h, body.dump());
  };
  const Json body = assignment(city.person_a, "secondment", "2026-09-01", "2027-02-28");
  auto first = send("assignment-9c1e", body);
  ASSERT_EQ(first.status, 201) << first.body;
  auto repeat = send("assignment-9c1e", body);
  EXPECT_EQ(repeat.status, 201);
  EXPECT_EQ(repeat.body, first.body);
  EXPECT_EQ(s.count("SELECT COUNT(*) FROM practice_assignment"), 1);
}

TEST_P(Practice, DatesAndFieldsAreChecked) {
  START_CITY(s);
  const std::string admin = s.login("unitadmin");
  auto send = [&](const Json& body) { return s.send_as(admin, "POST", "/api/v1/practice/assignments", body.dump()); };
  EXPECT_EQ(field_of(send(assignment(city.person_a, "holiday", "2026-09-01", "2026-10-01"))), "assignment_type");
  EXPECT_EQ(field_of(send(assignment(city.person_a, "urgent", "2026-09-01", "2026-10-01"))), "urgent_kind");
  Json wrong_kind = assignment(city.person_a, "frontline", "2026-09-01", "2026-10-01");
  wrong_kind["urgent_kind"] = "flood";
  EXPECT_EQ(field_of(send(wrong_kind)), "urgent_kind");
  EXPECT_EQ(field_of(send(assignment(city.person_a, "frontline", "2026-02-30", "2026-10-01"))), "starts_on");
  EXPECT_EQ(field_of(send(assignment(city.person_a, "frontline", "2026-09-01", "2026-09-01"))), "planned_end")
      << "the planned end is after the start";
  Json bad_phone = assignment(city.person_a, "frontline", "2026-09-01", "2026-10-01");
  bad_phone["supervisor_phone"] = "12345";
  EXPECT_EQ(field_of(send(bad_phone)), "supervisor_phone");
  Json no_supervisor = assignment(city.person_a, "frontline", "2026-09-01", "2026-10-01");
  no_supervisor.erase("supervisor_name");
  EXPECT_EQ(field_of(send(no_supervisor)), "supervisor_name");
  Json unknown = assignment(city.person_a, "frontline", "2026-09-01", "2026-10-01");
  unknown["state"] = "completed";
  EXPECT_EQ(field_of(send(unknown)), "state") << "no mass assignment";

  // Planned for next month: it cannot start before its day, nor end in the future or before its start.
  const long long later = id_of(send(assignment(city.person_a, "secondment", "2026-12-10", "2027-06-30")));
  const std::string lurl = "/api/v1/practice/assignments/" + std::to_string(later);
  EXPECT_EQ(field_of(s.send_as(admin, "POST", lurl + "/start", "{}")), "started_on");
  // Terminated before it began: a reason, and no actual end.
  EXPECT_EQ(field_of(s.send_as(admin, "POST", lurl + "/terminate", "{}")), "reason");
  EXPECT_EQ(field_of(s.send_as(admin, "POST", lurl + "/terminate", Json{{"reason", "人选调整"}, {"actual_end", "2026-11-01"}}.dump())),
            "actual_end");
  auto cancelled = s.send_as(admin, "POST", lurl + "/terminate", Json{{"reason", "人选调整"}}.dump());
  ASSERT_EQ(cancelled.status, 200) << cancelled.body;
  EXPECT_EQ(cancelled.json()["state"], "terminated");

  const long long running = id_of(send(assignment(city.person_a, "frontline", "2026-10-01", "2026-12-31")));
  const std::string rurl = "/api/v1/practice/assignments/" + std::to_string(running);
  ASSERT_EQ(s.send_as(admin, "POST", rurl + "/start", "{}").status, 200);
  auto complete = [&](const std::string& end) {
    return s.send_as(admin, "POST", rurl + "/complete", Json{{"actual_end", end}, {"grade", "good"}, {"outcome", "完成"}}.dump());
  };
  EXPECT_EQ(field_of(complete("2026-11-30")), "actual_end") << "tomorrow in Beijing";
  EXPECT_EQ(field_of(complete("2026-09-30")), "actual_end") << "before the start";
  EXPECT_EQ(field_of(s.send_as(admin, "POST", rurl + "/mid-term", Json{{"evaluated_on", "2026-12-01"}, {"grade", "good"}}.dump())),
            "evaluated_on");
  EXPECT_EQ(complete("2026-11-29").status, 200) << "today is fine";
  EXPECT_EQ(s.get_as(admin, "/api/v1/practice/assignments?state=finished").status, 400);
}

TEST_P(Practice, AnotherUnitsRecordsAreOutOfSight) {
  START_CITY(s);
  const std::string admin = s.login("admin"), unitadmin = s.login("unitadmin"), secretary = s.login("secretary");
  auto created = s.send_as(admin, "POST", "/api/v1/practice/assignments",
                           assignment(city.person_b, "counterpart", "2026-09-01", "2026-12-31").dump());
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string url = "/api/v1/practice/assignments/" + std::to_string(id_of(created));
  auto training = s.send_as(admin, "POST", "/api/v1/practice/trainings",
                            Json{{"node_id", city.unit_b}, {"title", "乙单位业务培训"}, {"kind", "skill"}, {"starts_on", "2026-11-02"},
                                 {"ends_on", "2026-11-03"}, {"hours", 16}, {"capacity", 20}}.dump());
  ASSERT_EQ(training.status, 201) << training.body;
  const std::string turl = "/api/v1/practice/trainings/" + std::to_string(id_of(training));
  EXPECT_EQ(s.get_as(admin, url).status, 200);
  for (const auto& cookie : {unitadmin, secretary}) {
    EXPECT_EQ(s.get_as(cookie, url).status, 404);
    EXPECT_EQ(s.get_as(cookie, "/api/v1/practice/assignments").json()["total"], 0);
    EXPECT_EQ(s.get_as(cookie, turl).status, 404);
    EXPECT_EQ(s.get_as(cookie, "/api/v1/practice/trainings").json()["total"], 0);
    EXPECT_EQ(s.get_as(cookie, "/api/v1/practice/plan-report?node_id=" + std::to_string(city.unit_b)).status, 404);
  }
  EXPECT_EQ(s.send_as(unitadmin, "POST", url + "/start", "{}").status, 404);
  EXPECT_EQ(s.send_as(secretary, "POST", url + "/start", "{}").status, 403) << "a branch secretary reads only";
  // Recording for a person or under a node outside the scope names the field, as the party routes do.
  auto foreign = s.send_as(unitadmin, "POST", "/api/v1/practice/assignments",
                           assignment(city.person_b, "frontline", "2026-09-01", "2026-12-31").dump());
  EXPECT_EQ(foreign.status, 400);
  EXPECT_EQ(field_of(foreign), "person_id");
  auto enrol = s.send_as(admin, "POST", turl + "/enrolments", Json{{"person_ids", {city.person_b}}}.dump());
  ASSERT_EQ(enrol.status, 200) << enrol.body;
  auto outside = s.send_as(unitadmin, "PUT", "/api/v1/practice/plans", Json{{"node_id", city.unit_b}, {"year", 2026}, {"planned", 3}}.dump());
  EXPECT_EQ(field_of(outside), "node_id");
  EXPECT_EQ(s.get_as(s.login("cadre"), "/api/v1/practice/assignments").status, 403);
  EXPECT_EQ(s.get_as(s.login("cadre"), "/api/v1/me/practice/assignments").json()["items"].size(), 0u);
}

TEST_P(Practice, CompetitionResultsArePublishedOnceWithSharedRanks) {
  START_CITY(s);
  const long long zhao = add_roster_person(s, "赵强", city.unit_a, city.branch_a1, "full");
  const long long qian = add_roster_person(s, "钱芳", city.unit_a, city.branch_a1, "full");
  const long long sun = add_roster_person(s, "孙丽", city.unit_a, 0, "masses");
  const std::string admin = s.login("unitadmin");
  auto created = s.send_as(admin, "POST", "/api/v1/practice/competitions",
                           Json{{"node_id", city.unit_a}, {"title", "岗位练兵比武"}, {"level", "unit"}, {"held_on", "2026-11-20"}}.dump());
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string url = "/api/v1/practice/competitions/" + std::to_string(id_of(created));
  auto entries = [&](const Json& rows) { return s.send_as(admin, "PUT", url + "/entries", Json{{"entries", rows}}.dump()); };
  EXPECT_EQ(field_of(entries(Json::array({{{"person_id", zhao}, {"score", 101}}}))), "entries[0].score");
  EXPECT_EQ(field_of(entries(Json::array({{{"person_id", zhao}}}))), "entries[0].score");
  EXPECT_EQ(field_of(entries(Json::array({{{"person_id", city.person_b}, {"score", 80}}}))), "entries[0].person_id");
  EXPECT_EQ(code_of(s.send_as(admin, "POST", url + "/publish")), "validation_failed") << "nobody yet";
  auto set = entries(Json::array({{{"person_id", zhao}, {"score", 90}}, {{"person_id", qian}, {"score", 95.5}},
                                  {{"person_id", sun}, {"score", 95.5}}, {{"person_id", city.person_a}, {"score", 80}}}));
  ASSERT_EQ(set.status, 200) << set.body;
  EXPECT_TRUE(set.json()["entries"][0]["rank"].is_null()) << "no ranks before publishing";
  const std::string cadre = s.login("cadre");  // city.person_a, who took part
  EXPECT_EQ(s.get_as(cadre, "/api/v1/me/practice/competitions").json()["items"].size(), 0u) << "not on the phone until published";
  auto published = s.send_as(admin, "POST", url + "/publish");
  ASSERT_EQ(published.status, 200) << published.body;
  const Json board = published.json();
  std::map<long long, int> rank;
  for (const auto& e : board["entries"]) rank[e["person_id"].get<long long>()] = e["rank"].get<int>();
  EXPECT_EQ(rank[qian], 1);
  EXPECT_EQ(rank[sun], 1);
  EXPECT_EQ(rank[zhao], 3);
  EXPECT_EQ(rank[city.person_a], 4);
  EXPECT_EQ(board["entries"][0]["score"], 95.5);
  const Json mine = s.get_as(cadre, "/api/v1/me/practice/competitions").json();
  ASSERT_EQ(mine["items"].size(), 1u);
  EXPECT_EQ(mine["items"][0]["title"], "岗位练兵比武");
  EXPECT_EQ(mine["items"][0]["participants"], 4);
  EXPECT_EQ(mine["items"][0]["mine"]["rank"], 4);
  EXPECT_EQ(mine["items"][0]["mine"]["score"], 80);
  EXPECT_FALSE(mine["items"][0].contains("entries")) << "the others' scores stay with the organisers";
  EXPECT_EQ(code_of(s.send_as(admin, "POST", url + "/publish")), "competition_published");
  EXPECT_EQ(code_of(entries(Json::array({{{"person_id", zhao}, {"score", 99}}}))), "competition_published");
  EXPECT_EQ(s.count("SELECT COUNT(*) FROM audit_log WHERE action = 'practice.competition_published'"), 1);
}

// 编辑培训班: an open class's facts change (the organiser stays), checked like new ones, never below the people
// enrolled; audited.
TEST_P(Practice, AnOpenTrainingClassIsEditedWithinItsEnrolment) {
  START_CITY(s);
  const std::string admin = s.login("unitadmin");
  auto created = s.send_as(admin, "POST", "/api/v1/practice/trainings",
                           Json{{"node_id", city.unit_a}, {"title", "理论培训班"}, {"kind", "theory"}, {"starts_on", "2026-12-07"},
                                {"ends_on", "2026-12-08"}, {"hours", 8}, {"capacity", 5}}.dump());
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string url = "/api/v1/practice/trainings/" + std::to_string(id_of(created));
  const long long zhao = add_roster_person(s, "赵强", city.unit_a, city.branch_a1, "full");
  ASSERT_EQ(s.send_as(admin, "POST", url + "/enrolments", Json{{"person_ids", {city.person_a, zhao}}}.dump()).status, 200);
  auto facts = [](const std::string& ends_on, int capacity) {
    return Json{{"title", "理论培训班（第二期）"}, {"kind", "party_spirit"}, {"starts_on", "2026-12-07"}, {"ends_on", ends_on},
                {"hours", 16}, {"capacity", capacity}, {"place", "市委党校"}};
  };
  EXPECT_EQ(field_of(s.send_as(admin, "PUT", url, facts("2026-12-06", 5).dump())), "ends_on");
  EXPECT_EQ(field_of(s.send_as(admin, "PUT", url, facts("2026-12-09", 1).dump())), "capacity") << "two are enrolled";
  Json without_title = facts("2026-12-09", 5);
  without_title.erase("title");
  EXPECT_EQ(field_of(s.send_as(admin, "PUT", url, without_title.dump())), "title");
  EXPECT_EQ(s.get_as(admin, url).json()["title"], "理论培训班") << "the refused edits changed nothing";
  auto saved = s.send_as(admin, "PUT", url, facts("2026-12-09", 2).dump());
  ASSERT_EQ(saved.status, 200) << saved.body;
  const Json t = s.get_as(admin, url).json();
  EXPECT_EQ(t["title"], "理论培训班（第二期）");
  EXPECT_EQ(t["kind"], "party_spirit");
  EXPECT_EQ(t["ends_on"], "2026-12-09");
  EXPECT_EQ(t["hours"], 16);
  EXPECT_EQ(t["capacity"], 2);
  EXPECT_EQ(t["place"], "市委党校");
  EXPECT_EQ(t["node_id"], city.unit_a);
  EXPECT_EQ(t["enrolled"], 2);
  EXPECT_EQ(s.count("SELECT COUNT(*) FROM audit_log WHERE action = 'practice.training_updated'"), 1);
  EXPECT_EQ(s.send_as(s.login("secretary"), "PUT", url, facts("2026-12-09", 2).dump()).status, 403);
}

// 按日考勤: each day of a class that has begun is marked with who was present; the days attended follow the marks.
TEST_P(Practice, AttendanceIsMarkedDayByDayAndCountsTheDaysAttended) {
  START_CITY(s);  // today is 2026-11-29
  const std::string admin = s.login("unitadmin");
  auto created = s.send_as(admin, "POST", "/api/v1/practice/trainings",
                           Json{{"node_id", city.unit_a}, {"title", "技能培训班"}, {"kind", "skill"}, {"starts_on", "2026-11-27"},
                                {"ends_on", "2026-12-01"}, {"hours", 24}, {"capacity", 5}}.dump());
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string url = "/api/v1/practice/trainings/" + std::to_string(id_of(created));
  const long long zhao = add_roster_person(s, "赵强", city.unit_a, city.branch_a1, "full");
  const long long outsider = add_roster_person(s, "钱多", city.unit_a, 0, "masses");
  ASSERT_EQ(s.send_as(admin, "POST", url + "/enrolments", Json{{"person_ids", {city.person_a, zhao}}}.dump()).status, 200);
  auto mark = [&](const std::string& day, const std::vector<long long>& present) {
    return s.send_as(admin, "PUT", url + "/attendance", Json{{"day", day}, {"present", present}}.dump());
  };
  EXPECT_EQ(field_of(mark("2026-11-26", {city.person_a})), "day") << "before the class";
  EXPECT_EQ(field_of(mark("2026-11-30", {city.person_a})), "day") << "a day not come yet";
  EXPECT_EQ(field_of(mark("2026-11-3", {city.person_a})), "day");
  EXPECT_EQ(field_of(mark("2026-11-27", {city.person_a, outsider})), "present[1]") << "not enrolled";
  EXPECT_EQ(field_of(mark("2026-11-27", {zhao, zhao})), "present[1]");
  ASSERT_EQ(mark("2026-11-27", {city.person_a, zhao}).status, 200);
  ASSERT_EQ(mark("2026-11-28", {city.person_a}).status, 200);
  auto day3 = mark("2026-11-29", {});
  ASSERT_EQ(day3.status, 200) << day3.body;
  auto days_of = [&](const Json& t, long long person) {
    for (const auto& e : t["enrolments"])
      if (e["person_id"] == person) return e["attended_days"].get<int>();
    return -1;
  };
  Json t = day3.json();
  EXPECT_EQ(days_of(t, city.person_a), 2);
  EXPECT_EQ(days_of(t, zhao), 1);
  ASSERT_EQ(t["days"].size(), 3u) << "a day with nobody present is marked too";
  EXPECT_EQ(t["days"][2]["day"], "2026-11-29");
  EXPECT_TRUE(t["days"][2]["present"].empty());
  // Marking a day again replaces it.
  t = mark("2026-11-28", {zhao}).json();
  EXPECT_EQ(days_of(t, city.person_a), 1);
  EXPECT_EQ(days_of(t, zhao), 2);
  EXPECT_EQ(s.count("SELECT COUNT(*) FROM audit_log WHERE action = 'practice.training_day_marked'"), 4);
  // Taken off the class, their marks go; enrolled again, they start from none.
  ASSERT_EQ(s.send_as(admin, "DELETE", url + "/enrolments/" + std::to_string(zhao)).status, 200);
  ASSERT_EQ(s.send_as(admin, "POST", url + "/enrolments", Json{{"person_ids", {zhao}}}.dump()).status, 200);
  EXPECT_EQ(days_of(s.get_as(admin, url).json(), zhao), 0);
  EXPECT_EQ(s.send_as(s.login("secretary"), "PUT", url + "/attendance", Json{{"day", "2026-11-27"}, {"present", Json::array()}}.dump()).status, 403);
}

TEST_P(Practice, ClosingATrainingClassPublishesTheCompletions) {
  START_CITY(s);
  const long long zhao = add_roster_person(s, "赵强", city.unit_a, city.branch_a1, "full");
  std::vector<long long> completed;
  s.app().database().events().subscribe("practice.training_completed",
                                        [&](db::Tx&, const db::Event& e) { completed.push_back(e.person_id); });
  const std::string admin = s.login("unitadmin");
  auto created = s.send_as(admin, "POST", "/api/v1/practice/trainings",
                           Json{{"node_id", city.unit_a}, {"title", "年轻干部能力提升培训班"}, {"kind", "young_cadre"},
                                {"starts_on", "2026-11-16"}, {"ends_on", "2026-11-20"}, {"hours", 40}, {"capacity", 2},
                                {"place", "市委党校"}}.dump());
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string url = "/api/v1/practice/trainings/" + std::to_string(id_of(created));
  const long long third = add_roster_person(s, "孙丽", city.unit_a, 0, "masses");
  EXPECT_EQ(field_of(s.send_as(admin, "POST", url + "/enrolments", Json{{"person_ids", {city.person_a, zhao, third}}}.dump())),
            "person_ids") << "over the capacity of 2";
  ASSERT_EQ(s.send_as(admin, "POST", url + "/enrolments", Json{{"person_ids", {city.person_a, zhao}}}.dump()).status, 200);
  EXPECT_EQ(field_of(s.send_as(admin, "POST", url + "/close")), "results") << "nobody decided yet";
  auto results = [&](const Json& rows) { return s.send_as(admin, "PUT", url + "/results", Json{{"results", rows}}.dump()); };
  EXPECT_EQ(field_of(results(Json::array({{{"person_id", zhao}, {"attended_days", 6}, {"completion", "completed"}}}))),
            "results[0].attended_days") << "a five-day class";
  EXPECT_EQ(field_of(results(Json::array({{{"person_id", zhao}, {"completion", "completed"}, {"result", "unqualified"}}}))),
            "results[0].result");
  EXPECT_EQ(field_of(results(Json::array({{{"person_id", third}, {"completion", "completed"}}}))), "results[0].person_id");
  auto ok = results(Json::array({{{"person_id", city.person_a}, {"attended_days", 5}, {"completion", "completed"},
                                  {"result", "excellent"}, {"score", 92.5}},
                                 {{"person_id", zhao}, {"attended_days", 2}, {"completion", "not_completed"},
                                  {"result", "unqualified"}}}));
  ASSERT_EQ(ok.status, 200) << ok.body;
  auto closed = s.send_as(admin, "POST", url + "/close");
  ASSERT_EQ(closed.status, 200) << closed.body;
  EXPECT_EQ(closed.json()["status"], "closed");
  EXPECT_EQ(closed.json()["completed"], 1);
  EXPECT_EQ(completed, std::vector<long long>{city.person_a});
  EXPECT_EQ(code_of(s.send_as(admin, "POST", url + "/close")), "training_closed");
  EXPECT_EQ(completed.size(), 1u);

  EXPECT_EQ(code_of(s.send_as(admin, "PUT", url, Json{{"title", "改名"}, {"kind", "theory"}, {"starts_on", "2026-11-16"},
                                                    {"ends_on", "2026-11-20"}, {"hours", 40}, {"capacity", 2}}.dump())),
            "training_closed") << "a closed class keeps its facts";

  auto mine = s.get_as(s.login("cadre"), "/api/v1/me/practice/trainings");
  ASSERT_EQ(mine.status, 200) << mine.body;
  ASSERT_EQ(mine.json()["items"].size(), 1u);
  EXPECT_EQ(mine.json()["items"][0]["mine"]["result"], "excellent");
  EXPECT_EQ(mine.json()["items"][0]["mine"]["score"], 92.5);
}

TEST_P(Practice, ThePlanReportCountsWhatStartedAndCompletedInTheYear) {
  START_CITY(s);
  const std::string admin = s.login("admin");
  const long long b_member = add_roster_person(s, "周斌", city.unit_b, 0, "full");
  auto make = [&](long long person, const std::string& from, const std::string& to, const std::string& end) {
    const long long id = id_of(s.send_as(admin, "POST", "/api/v1/practice/assignments", assignment(person, "frontline", from, to).dump()));
    const std::string url = "/api/v1/practice/assignments/" + std::to_string(id);
    if (end == "planned") return;
    EXPECT_EQ(s.send_as(admin, "POST", url + "/start", "{}").status, 200);
    if (!end.empty())
      EXPECT_EQ(s.send_as(admin, "POST", url + "/complete", Json{{"actual_end", end}, {"grade", "good"}, {"outcome", "完成"}}.dump()).status,
                200);
  };
  make(city.person_a, "2025-11-01", "2026-02-28", "2026-02-20");  // started last year, completed this year
  make(city.person_a, "2026-03-01", "2026-06-30", "2026-06-30");  // started and completed this year
  make(city.person_a, "2026-09-01", "2027-03-01", "");            // started, running
  make(city.person_a, "2026-12-15", "2027-01-31", "planned");     // not started: not counted
  make(b_member, "2026-05-01", "2026-08-31", "2026-08-31");
  ASSERT_EQ(s.send_as(admin, "PUT", "/api/v1/practice/plans", Json{{"node_id", city.city}, {"year", 2026}, {"planned", 500}}.dump()).status, 200);
  ASSERT_EQ(s.send_as(admin, "PUT", "/api/v1/practice/plans", Json{{"node_id", city.unit_a}, {"year", 2026}, {"planned", 4}}.dump()).status, 200);
  ASSERT_EQ(s.send_as(admin, "PUT", "/api/v1/practice/plans", Json{{"node_id", city.unit_a}, {"year", 2026}, {"planned", 3}}.dump()).status, 200)
      << "setting a plan again changes it";

  auto r = s.get_as(admin, "/api/v1/practice/plan-report?year=2026&node_id=" + std::to_string(city.city));
  ASSERT_EQ(r.status, 200) << r.body;
  const Json report = r.json();
  EXPECT_EQ(report["node"]["planned"], 500);
  EXPECT_EQ(report["node"]["started"], 3);
  EXPECT_EQ(report["node"]["completed"], 3);
  std::map<long long, Json> units;
  for (const auto& u : report["units"]) units[u["node_id"].get<long long>()] = u;
  EXPECT_EQ(units[city.unit_a]["planned"], 3);
  EXPECT_EQ(units[city.unit_a]["started"], 2);
  EXPECT_EQ(units[city.unit_a]["completed"], 2);
  EXPECT_TRUE(units[city.unit_b]["planned"].is_null());
  EXPECT_EQ(units[city.unit_b]["started"], 1);
  EXPECT_EQ(units[city.unit_b]["completed"], 1);
  auto last = s.get_as(admin, "/api/v1/practice/plan-report?year=2025&node_id=" + std::to_string(city.unit_a));
  EXPECT_EQ(last.json()["node"]["started"], 1);
  EXPECT_EQ(last.json()["node"]["completed"], 0);
  // The list's year filter takes what ran at some time in the year.
  EXPECT_EQ(s.get_as(admin, "/api/v1/practice/assignments?year=2025").json()["total"], 1);
  EXPECT_EQ(s.get_as(admin, "/api/v1/practice/assignments?year=2026&state=completed").json()["total"], 3);

  auto file = s.get_as(admin, "/api/v1/practice/assignments/export?year=2026");
  ASSERT_EQ(file.status, 200);
  EXPECT_EQ(file.body.substr(0, 2), "PK") << "an .xlsx (zip) file";
  EXPECT_EQ(s.count("SELECT COUNT(*) FROM audit_log WHERE action = 'practice.assignments_exported'"), 1);
}

INSTANTIATE_TEST_SUITE_P(Db, Practice, ::testing::Values(Backend::sqlite, Backend::postgresql), backend_name);
