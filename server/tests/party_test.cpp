// Member development through the HTTP API on both databases: a branch secretary records an applicant's steps,
// the one-year rule refuses an early date with the day it becomes possible, party status and history follow the
// steps, a whole development runs to a full member, scope and permissions hold, parallel writers of one case
// cannot record a step twice, and the member sees their next step and submits a thought report.
#include <gtest/gtest.h>

#include <future>

#include "core/date.hpp"
#include "core/field_cipher.hpp"
#include "db/migrations.hpp"
#include "db/sql.hpp"
#include "party/demo.hpp"
#include "party/rules.hpp"
#include "party/service.hpp"
#include "party/store.hpp"
#include "seed/generator.hpp"
#include "support/test_db.hpp"
#include "support/party_fixtures.hpp"
#include "support/test_server.hpp"

using namespace xinhuo;
using namespace xinhuo::test;

class Party : public ::testing::TestWithParam<Backend> {};

namespace {

std::string code_of(const HttpResult& r) { return r.json()["error"]["code"]; }

long long add_person(TestServer& s, long long unit, long long branch, const std::string& name,
                     const std::string& party_status = "masses", const std::string& birth = "1998-05-04") {
  auto lease = s.app().database().lease();
  long long id = 0;
  soci::indicator bi = branch ? soci::i_ok : soci::i_null;
  lease.sql() << "INSERT INTO person (name, gender, ethnicity, birth_date, unit_id, branch_id, rank, party_status, "
                 "created_at, updated_at) VALUES (:n, 'female', '汉族', :b, :u, :br, 'clerk_1', :ps, 't', 't') RETURNING id",
      soci::use(name), soci::use(birth), soci::use(unit), soci::use(branch, bi), soci::use(party_status), soci::into(id);
  return id;
}

// The body of a step that meets its rules.
Json step_body(int no, const std::string& date, long long member_a, long long member_b) {
  Json b = {{"step_no", no}, {"date", date}};
  switch (no) {
    case 2:
    case 16: b["people"] = Json::array({{{"role", "talker"}, {"name", "王书记"}}}); break;
    case 3: b["outcome"] = "recommendation"; break;
    case 5: b["people"] = Json::array({{{"role", "contact"}, {"person_id", member_a}}}); break;
    case 9:
      b["people"] = Json::array({{{"role", "sponsor"}, {"person_id", member_a}}, {{"role", "sponsor"}, {"person_id", member_b}}});
      break;
    case 11: b["training_hours"] = 24; break;
    case 13:
      b["publicity_from"] = "2025-05-12";
      b["publicity_to"] = "2025-05-16";
      break;
    case 15:
    case 23:
      b["vote"] = {{"eligible", 12}, {"present", 10}, {"yes", 9}, {"no", 1}};
      if (no == 23) b["outcome"] = "convert";
      break;
    default: break;
  }
  return b;
}

const char* kDates[] = {"2024-01-08", "2024-01-22", "2024-02-19", "2024-03-01", "2024-03-04", "2024-03-05",
                        "2025-03-03", "2025-03-10", "2025-03-20", "2025-04-01", "2025-04-15", "2025-05-06",
                        "2025-05-19", "2025-05-21", "2025-06-03", "2025-06-20", "2025-07-15", "2025-07-20",
                        "2025-07-25", "2025-07-28", "2025-08-01", "2026-05-20", "2026-06-05", "2026-06-20",
                        "2026-07-01"};

}  // namespace

TEST_P(Party, ASecretaryRecordsStepsAndTheOneYearRuleRefusesAnEarlyDate) {
  START_CITY(s);
  const long long applicant = add_person(s, city.unit_a, city.branch_a1, "赵申请");
  const std::string secretary = s.login("secretary");
  auto opened = s.send_as(secretary, "POST", "/api/v1/party/cases",
                          Json{{"person_id", applicant}, {"date", "2025-06-02"}, {"note", "本人递交申请书"}}.dump());
  ASSERT_EQ(opened.status, 201) << opened.body;
  const long long id = opened.json()["id"];
  EXPECT_EQ(opened.json()["party_status"], "applicant");
  EXPECT_EQ(opened.json()["next_step"]["step_no"], 2);
  EXPECT_EQ(opened.json()["next_step"]["due"], "2025-07-02");
  const std::string path = "/api/v1/party/cases/" + std::to_string(id) + "/steps";
  const char* dates[] = {"", "2025-06-20", "2025-08-01", "2025-08-11", "2025-08-15", "2025-08-16"};
  for (int no = 2; no <= 6; ++no) {
    auto r = s.send_as(secretary, "POST", path, step_body(no, dates[no - 1], city.person_a, 0).dump());
    ASSERT_EQ(r.status, 201) << no << r.body;
  }
  // Filed on 2025-08-11: a development candidate from 2026-08-11 on.
  auto early = s.send_as(secretary, "POST", path, step_body(7, "2026-08-10", 0, 0).dump());
  ASSERT_EQ(early.status, 400) << early.body;
  EXPECT_EQ(early.json()["error"]["field"], "date");
  EXPECT_EQ(early.json()["error"]["earliest"], "2026-08-11");
  auto out_of_order = s.send_as(secretary, "POST", path, step_body(9, "2026-08-20", city.person_a, city.person_a).dump());
  EXPECT_EQ(out_of_order.status, 409);
  EXPECT_EQ(out_of_order.json()["error"]["expected_step"], "7");
  auto ok = s.send_as(secretary, "POST", path, step_body(7, "2026-08-11", 0, 0).dump());
  ASSERT_EQ(ok.status, 201) << ok.body;
  EXPECT_EQ(ok.json()["party_status"], "candidate");
  EXPECT_EQ(ok.json()["stage"], 3);
  EXPECT_EQ(ok.json()["steps"].size(), 7u);
  EXPECT_EQ(ok.json()["steps"][4]["people"][0]["name"], "王晓");  // the contact's name comes from the roster

  // The person's record and its history follow; every step is audited.
  auto person = s.get_as(secretary, "/api/v1/people/" + std::to_string(applicant));
  EXPECT_EQ(person.json()["party_status"], "candidate");
  EXPECT_EQ(s.count("SELECT COUNT(*) FROM person_history WHERE person_id = " + std::to_string(applicant) +
                    " AND field = 'party_status'"),
            3);
  EXPECT_EQ(s.count("SELECT COUNT(*) FROM audit_log WHERE action = 'party.step_recorded' AND target_id = '" +
                    std::to_string(id) + "'"),
            6);
  EXPECT_EQ(s.count("SELECT COUNT(*) FROM audit_log WHERE action = 'party.case_opened'"), 1);
}

TEST_P(Party, OnlyTheMassesApplyAndContactsMustBeFullMembers) {
  START_CITY(s);
  const std::string admin = s.login("admin");
  auto member = s.send_as(admin, "POST", "/api/v1/party/cases", Json{{"person_id", city.person_a}, {"date", "2025-06-02"}}.dump());
  EXPECT_EQ(member.status, 409);
  EXPECT_EQ(code_of(member), "not_masses");
  const long long young = add_person(s, city.unit_a, city.branch_a1, "钱少年", "masses", "2009-01-01");
  auto minor = s.send_as(admin, "POST", "/api/v1/party/cases", Json{{"person_id", young}, {"date", "2026-11-01"}}.dump());
  EXPECT_EQ(minor.status, 400);
  EXPECT_EQ(minor.json()["error"]["earliest"], "2027-01-01");
  EXPECT_EQ(s.count("SELECT COUNT(*) FROM development_case"), 0);  // nothing half-written

  const long long applicant = add_person(s, city.unit_a, city.branch_a1, "孙申请");
  auto opened = s.send_as(admin, "POST", "/api/v1/party/cases", Json{{"person_id", applicant}, {"date", "2024-01-08"}}.dump());
  ASSERT_EQ(opened.status, 201);
  auto twice = s.send_as(admin, "POST", "/api/v1/party/cases", Json{{"person_id", applicant}, {"date", "2024-01-08"}}.dump());
  EXPECT_EQ(code_of(twice), "case_exists");
  const std::string path = "/api/v1/party/cases/" + std::to_string(opened.json()["id"].get<long long>()) + "/steps";
  for (int no = 2; no <= 4; ++no) ASSERT_EQ(s.send_as(admin, "POST", path, step_body(no, kDates[no - 1], 0, 0).dump()).status, 201);
  const long long masses = add_person(s, city.unit_a, city.branch_a1, "周群众");
  auto bad = s.send_as(admin, "POST", path, step_body(5, "2024-03-04", masses, 0).dump());
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(bad.json()["error"]["field"], "people[0].person_id");
  auto unknown = s.send_as(admin, "POST", path, Json{{"step_no", 5}, {"date", "2024-03-04"}, {"colour", "red"}}.dump());
  EXPECT_EQ(unknown.status, 400);
  EXPECT_EQ(unknown.json()["error"]["field"], "colour");
}

TEST_P(Party, AWholeDevelopmentEndsWithAFullMember) {
  START_CITY(s);
  const long long applicant = add_person(s, city.unit_a, city.branch_a1, "吴发展");
  const long long second = add_person(s, city.unit_a, city.branch_a1, "郑党员", "full");
  const std::string admin = s.login("admin");
  auto opened = s.send_as(admin, "POST", "/api/v1/party/cases", Json{{"person_id", applicant}, {"date", kDates[0]}}.dump());
  ASSERT_EQ(opened.status, 201);
  const long long id = opened.json()["id"];
  const std::string path = "/api/v1/party/cases/" + std::to_string(id) + "/steps";
  HttpResult last;
  for (int no = 2; no <= 25; ++no) {
    last = s.send_as(admin, "POST", path, step_body(no, kDates[no - 1], city.person_a, second).dump());
    ASSERT_EQ(last.status, 201) << no << " " << last.body;
    if (no == 17) {
      EXPECT_EQ(last.json()["party_status"], "probationary");
      EXPECT_EQ(last.json()["probation_end"], "2026-06-03");
    }
  }
  EXPECT_EQ(last.json()["status"], "completed");
  EXPECT_EQ(last.json()["party_status"], "full");
  EXPECT_TRUE(last.json()["next_step"].is_null());
  auto person = s.get_as(admin, "/api/v1/people/" + std::to_string(applicant));
  EXPECT_EQ(person.json()["party_status"], "full");
  EXPECT_EQ(person.json()["party_joined_date"], "2025-06-03");  // the branch meeting that admitted them
  auto closed = s.send_as(admin, "POST", path, step_body(25, "2026-07-02", 0, 0).dump());
  EXPECT_EQ(closed.status, 409);
  EXPECT_EQ(code_of(closed), "case_closed");
  auto listed = s.get_as(admin, "/api/v1/party/cases?status=completed");
  ASSERT_EQ(listed.json()["items"].size(), 1u);
  EXPECT_EQ(s.get_as(admin, "/api/v1/party/cases").json()["items"].size(), 0u);
}

TEST_P(Party, ScopeAndPermissionsHold) {
  START_CITY(s);
  const long long in_a = add_person(s, city.unit_a, city.branch_a1, "甲申请");
  const long long in_b = add_person(s, city.unit_b, 0, "乙申请");
  const std::string admin = s.login("admin"), secretary = s.login("secretary"), cadre = s.login("cadre");
  auto a = s.send_as(admin, "POST", "/api/v1/party/cases", Json{{"person_id", in_a}, {"date", "2026-11-02"}}.dump());
  auto b = s.send_as(admin, "POST", "/api/v1/party/cases", Json{{"person_id", in_b}, {"date", "2026-11-02"}}.dump());
  ASSERT_EQ(a.status, 201);
  ASSERT_EQ(b.status, 201);
  const std::string b_path = "/api/v1/party/cases/" + std::to_string(b.json()["id"].get<long long>());
  EXPECT_EQ(s.get_as(secretary, b_path).status, 404);
  auto foreign = s.send_as(secretary, "POST", b_path + "/steps", step_body(2, "2026-11-10", 0, 0).dump());
  EXPECT_EQ(foreign.status, 404) << foreign.body;
  EXPECT_EQ(s.get_as(cadre, b_path).status, 403);
  auto listed = s.get_as(secretary, "/api/v1/party/cases");
  ASSERT_EQ(listed.json()["items"].size(), 1u);
  EXPECT_EQ(listed.json()["items"][0]["person_name"], "甲申请");
  EXPECT_EQ(s.get_as(secretary, "/api/v1/party/cases?node_id=" + std::to_string(city.unit_b)).status, 404);
  // Both talks are due on 2026-12-02, three days ahead: the secretary's to-do list shows only their own.
  auto todo = s.get_as(secretary, "/api/v1/party/warnings");
  ASSERT_EQ(todo.json()["items"].size(), 1u);
  EXPECT_EQ(todo.json()["items"][0]["kind"], "talk");
  EXPECT_EQ(todo.json()["items"][0]["level"], "due_soon");
  EXPECT_EQ(todo.json()["items"][0]["days_left"], 3);
  EXPECT_EQ(todo.json()["due_soon"], 1);
  EXPECT_EQ(todo.json()["overdue"], 0);
  auto city_page = s.get_as(admin, "/api/v1/party/warnings?page_size=1&page=2").json();
  EXPECT_EQ(city_page["items"].size(), 1u);  // the second of two, a page of one
  EXPECT_EQ(city_page["total"], 2);
  s.clock().advance(std::chrono::hours(24 * 4));
  const std::string admin_later = s.login("admin");
  auto late = s.get_as(admin_later, "/api/v1/party/pipeline");
  EXPECT_EQ(late.json()["items"][0]["cases"], 2);
  EXPECT_EQ(late.json()["items"][0]["overdue"], 2);
  auto late_todo = s.get_as(admin_later, "/api/v1/party/warnings").json();
  EXPECT_EQ(late_todo["overdue"], 2);
  EXPECT_EQ(late_todo["items"][0]["level"], "overdue");
  EXPECT_EQ(late_todo["items"][0]["days_left"], -1);
}

TEST_P(Party, ParallelWritersRecordAStepOnce) {
  START_CITY(s);
  const long long applicant = add_person(s, city.unit_a, city.branch_a1, "冯申请");
  const std::string admin = s.login("admin");
  auto opened = s.send_as(admin, "POST", "/api/v1/party/cases", Json{{"person_id", applicant}, {"date", "2026-10-08"}}.dump());
  const std::string path = "/api/v1/party/cases/" + std::to_string(opened.json()["id"].get<long long>()) + "/steps";
  std::vector<std::future<int>> runs;
  for (int i = 0; i < 8; ++i)
    runs.push_back(std::async(std::launch::async, [&] {
      return s.send_as(admin, "POST", path, step_body(2, "2026-10-20", 0, 0).dump()).status;
    }));
  int created = 0, refused = 0;
  for (auto& r : runs) (r.get() == 201 ? created : refused)++;
  EXPECT_EQ(created, 1);
  EXPECT_EQ(refused, 7);
  EXPECT_EQ(s.count("SELECT COUNT(*) FROM development_step WHERE step_no = 2"), 1);
}

TEST_P(Party, AStepRecordedByMistakeIsTakenBackAndRecordedAgain) {
  START_CITY(s);
  const long long applicant = add_person(s, city.unit_a, city.branch_a1, "褚申请");
  const std::string secretary = s.login("secretary");
  auto opened = s.send_as(secretary, "POST", "/api/v1/party/cases", Json{{"person_id", applicant}, {"date", "2025-06-02"}}.dump());
  ASSERT_EQ(opened.status, 201) << opened.body;
  const std::string path = "/api/v1/party/cases/" + std::to_string(opened.json()["id"].get<long long>());
  ASSERT_EQ(s.send_as(secretary, "POST", path + "/steps", step_body(2, "2025-06-20", 0, 0).dump()).status, 201);
  auto third = s.send_as(secretary, "POST", path + "/steps", step_body(3, "2025-08-01", 0, 0).dump());
  ASSERT_EQ(third.status, 201) << third.body;
  EXPECT_EQ(third.json()["party_status"], "activist");
  const Json steps = third.json()["steps"];
  const long long talk = steps[1]["id"], recommendation = steps[2]["id"];
  auto revoke = [&](long long step, const std::string& reason) {
    return s.send_as(secretary, "POST", path + "/steps/" + std::to_string(step) + "/revoke", Json{{"reason", reason}}.dump());
  };
  EXPECT_EQ(code_of(revoke(talk, "日期有误")), "not_latest_step");
  EXPECT_EQ(revoke(recommendation, "").status, 400);
  auto back = revoke(recommendation, "推荐对象录错");
  ASSERT_EQ(back.status, 200) << back.body;
  EXPECT_EQ(back.json()["party_status"], "applicant") << "the status follows the steps that remain";
  EXPECT_EQ(back.json()["next_step"]["step_no"], 3);
  EXPECT_EQ(s.count("SELECT COUNT(*) FROM development_step_revoked WHERE reason = '推荐对象录错'"), 1);
  EXPECT_EQ(s.count("SELECT COUNT(*) FROM audit_log WHERE action = 'party.step_revoked'"), 1);
  EXPECT_EQ(s.count("SELECT COUNT(*) FROM person_history WHERE field = 'party_status' AND new_value = 'applicant' "
                    "AND old_value = 'activist' AND person_id = " + std::to_string(applicant)),
            1);
  auto again = s.send_as(secretary, "POST", path + "/steps", step_body(3, "2025-08-04", 0, 0).dump());
  ASSERT_EQ(again.status, 201) << again.body;
  EXPECT_EQ(again.json()["party_status"], "activist");
  const long long application = again.json()["steps"][0]["id"];
  ASSERT_EQ(revoke(again.json()["steps"][2]["id"], "再次更正").status, 200);
  ASSERT_EQ(revoke(talk, "谈话未进行").status, 200);
  EXPECT_EQ(code_of(revoke(application, "申请人撤回")), "application_kept");
  EXPECT_EQ(s.get_as(s.login("unitadmin"), path).json()["steps"].size(), 1u);
}

TEST_P(Party, TakingBackTheAdmissionTakesTheJoiningDateWithIt) {
  START_CITY(s);
  const long long applicant = add_person(s, city.unit_a, city.branch_a1, "韩发展");
  const long long second = add_person(s, city.unit_a, city.branch_a1, "杨党员", "full");
  const std::string admin = s.login("admin");
  auto opened = s.send_as(admin, "POST", "/api/v1/party/cases", Json{{"person_id", applicant}, {"date", kDates[0]}}.dump());
  ASSERT_EQ(opened.status, 201);
  const std::string path = "/api/v1/party/cases/" + std::to_string(opened.json()["id"].get<long long>());
  HttpResult admitted;
  for (int no = 2; no <= 17; ++no) {
    admitted = s.send_as(admin, "POST", path + "/steps", step_body(no, kDates[no - 1], city.person_a, second).dump());
    ASSERT_EQ(admitted.status, 201) << no << " " << admitted.body;
  }
  const std::string person = "/api/v1/people/" + std::to_string(applicant);
  EXPECT_EQ(s.get_as(admin, person).json()["party_joined_date"], "2025-06-03");
  const long long step17 = admitted.json()["steps"].back()["id"];
  auto back = s.send_as(admin, "POST", path + "/steps/" + std::to_string(step17) + "/revoke", R"({"reason":"审批日期录错"})");
  ASSERT_EQ(back.status, 200) << back.body;
  EXPECT_EQ(back.json()["party_status"], "candidate");
  const Json after = s.get_as(admin, person).json();
  EXPECT_EQ(after["party_status"], "candidate");
  EXPECT_TRUE(after["party_joined_date"].is_null() || after["party_joined_date"] == "") << after.dump();
  auto again = s.send_as(admin, "POST", path + "/steps", step_body(17, kDates[16], city.person_a, second).dump());
  ASSERT_EQ(again.status, 201) << again.body;
  EXPECT_EQ(s.get_as(admin, person).json()["party_joined_date"], "2025-06-03");
}

TEST_P(Party, ARepeatedStepWithTheSameIdempotencyKeyIsRecordedOnce) {
  START_CITY(s);
  const long long applicant = add_person(s, city.unit_a, city.branch_a1, "卫申请");
  const std::string secretary = s.login("secretary");
  auto opened = s.send_as(secretary, "POST", "/api/v1/party/cases", Json{{"person_id", applicant}, {"date", "2025-06-02"}}.dump());
  const std::string path = "/api/v1/party/cases/" + std::to_string(opened.json()["id"].get<long long>()) + "/steps";
  auto send = [&](const std::string& key, const Json& body) {
    auto h = api_headers(s.port());
    h.emplace_back("Cookie", secretary);
    h.emplace_back("Idempotency-Key", key);
    return http_request(s.port(), "POST", path, h, body.dump());
  };
  // A phone on a bad network sends the same step twice: the second answer is the first one, nothing is added.
  auto first = send("step-2-a41f", step_body(2, "2025-06-20", 0, 0));
  ASSERT_EQ(first.status, 201) << first.body;
  auto repeat = send("step-2-a41f", step_body(2, "2025-06-20", 0, 0));
  EXPECT_EQ(repeat.status, 201);
  EXPECT_EQ(repeat.body, first.body);
  EXPECT_EQ(send("step-2-a41f", step_body(2, "2025-06-21", 0, 0)).status, 422) << "the same key with another body";
  EXPECT_EQ(s.count("SELECT COUNT(*) FROM development_step WHERE step_no = 2"), 1);
}

TEST_P(Party, TheMemberSeesTheNextStepAndSubmitsAThoughtReport) {
  START_CITY(s);
  const long long applicant = add_person(s, city.unit_a, city.branch_a1, "陈申请");
  {
    auto lease = s.app().database().lease();
    lease.sql() << "UPDATE account SET person_id = :p WHERE username = 'cadre'", soci::use(applicant);
  }
  const std::string admin = s.login("admin"), me = s.login("cadre");
  EXPECT_TRUE(s.get_as(me, "/api/v1/me/party").json()["case"].is_null());
  auto none = s.send_as(me, "POST", "/api/v1/me/party/thought-reports", R"({"content":"我的第一份思想汇报，认真学习党章。"})");
  EXPECT_EQ(code_of(none), "no_case");
  auto opened = s.send_as(admin, "POST", "/api/v1/party/cases", Json{{"person_id", applicant}, {"date", "2024-01-08"}}.dump());
  const long long id = opened.json()["id"];
  const std::string path = "/api/v1/party/cases/" + std::to_string(id) + "/steps";
  for (int no = 2; no <= 6; ++no) ASSERT_EQ(s.send_as(admin, "POST", path, step_body(no, kDates[no - 1], city.person_a, 0).dump()).status, 201);
  auto mine = s.get_as(me, "/api/v1/me/party").json()["case"];
  EXPECT_EQ(mine["stage"], 2);
  EXPECT_EQ(mine["next_step"]["step_no"], 7);
  EXPECT_EQ(mine["next_step"]["earliest"], "2025-03-01");
  // No thought report since the filing on 2024-03-01: overdue; one today clears it.
  auto warned = s.get_as(admin, "/api/v1/party/cases/" + std::to_string(id)).json()["warnings"];
  bool overdue = false;
  for (const auto& w : warned) overdue = overdue || (w["kind"] == "thought_report" && w["level"] == "overdue");
  EXPECT_TRUE(overdue);
  auto short_report = s.send_as(me, "POST", "/api/v1/me/party/thought-reports", R"({"content":"太短"})");
  EXPECT_EQ(short_report.status, 400);
  auto report = s.send_as(me, "POST", "/api/v1/me/party/thought-reports", R"({"content":"本季度认真学习党的二十大精神，对照党员标准查找差距。"})");
  ASSERT_EQ(report.status, 201) << report.body;
  EXPECT_EQ(report.json()["date"], "2026-11-29");
  auto after = s.get_as(admin, "/api/v1/party/cases/" + std::to_string(id)).json();
  EXPECT_EQ(after["reports"].size(), 1u);
  for (const auto& w : after["warnings"]) EXPECT_NE(w["kind"], "thought_report");
  auto assessment = s.send_as(admin, "POST", "/api/v1/party/cases/" + std::to_string(id) + "/reports",
                              R"({"kind":"assessment","date":"2026-11-28","content":"表现良好，继续培养"})");
  EXPECT_EQ(assessment.status, 201);
  auto future = s.send_as(admin, "POST", "/api/v1/party/cases/" + std::to_string(id) + "/reports",
                          R"({"kind":"assessment","date":"2026-12-28","content":"未来"})");
  EXPECT_EQ(future.status, 400);
}

// The demo: every person in development has a case whose steps pass the rules and match their party status, and on
// the day of seeding some deadlines are near and some are missed.
TEST_P(Party, TheDemoCityHasCasesAtEveryStageWithDeadlinesNearAndMissed) {
  XINHUO_TEST_DB(db, GetParam());
  db::migrate(db);
  const auto now = parse_iso_utc("2026-11-29T02:00:00Z");
  seed::generate(db, {}, now, FieldCipher(std::string(32, 'k')));
  {
    auto lease = db.lease();
    lease.sql() << "INSERT INTO account (username, display_name, password_hash, password_changed_at, created_at, updated_at) "
                   "VALUES ('admin', '组织部管理员', 'x', 't', 't', 't')";
  }
  const std::string today = beijing_date(now);
  const auto report = party::seed_demo_development(db, today, 7);
  auto lease = db.lease();
  long long developing = 0;
  lease.sql() << "SELECT COUNT(*) FROM person WHERE party_status IN ('applicant', 'activist', 'candidate', 'probationary')",
      soci::into(developing);
  EXPECT_EQ(report.cases, developing);
  EXPECT_GT(report.cases, 200);
  Principal all;
  all.account_id = 1;
  all.scope.all = true;
  party::CaseFilter filter;
  filter.page_size = 100000;
  long long total = 0;
  const auto cases = party::PartyStore::list(lease.sql(), all, filter, &total);
  ASSERT_EQ(total, report.cases);
  std::set<int> stages;
  std::map<std::string, int> levels;
  for (const auto& c : cases) {
    EXPECT_EQ(c.party_status, party::party_status_after(c)) << c.person_name;
    EXPECT_EQ(c.stage, party::stage_of(c));
    stages.insert(c.stage);
    party::DevelopmentCase replay = c;
    replay.steps.clear();
    for (const auto& s : c.steps) {
      EXPECT_NO_THROW(party::check_step(replay, s, today)) << c.person_name << " step " << s.step_no;
      replay.steps.push_back(s);
    }
    for (const auto& w : party::warnings(c, today)) ++levels[w.level];
  }
  EXPECT_EQ(stages, (std::set<int>{1, 2, 3, 4, 5}));
  EXPECT_GT(levels["overdue"], 10);
  EXPECT_GT(levels["due_soon"], 10);
}

INSTANTIATE_TEST_SUITE_P(Db, Party, ::testing::Values(Backend::sqlite, Backend::postgresql), backend_name);
