// The rest of a member's political life on both databases: the yearly democratic appraisal (every member of the
// branch graded once, notes where the grade needs one, one per year), rewards and punishments (expulsion ends the
// membership), and the timeline that puts a member's records in order — visible in scope, and to the member.
#include <gtest/gtest.h>

#include "core/date.hpp"
#include "db/sql.hpp"
#include "support/party_fixtures.hpp"
#include "support/test_server.hpp"

using namespace xinhuo;
using namespace xinhuo::test;

class PartyLifeRecord : public ::testing::TestWithParam<Backend> {};

namespace {

std::string code_of(const HttpResult& r) { return r.json()["error"]["code"]; }
std::string field_of(const HttpResult& r) { return r.json()["error"].value("field", ""); }

Json grade(long long person, const std::string& g, const std::string& note = {}) {
  Json j = {{"person_id", person}, {"grade", g}};
  if (!note.empty()) j["note"] = note;
  return j;
}

Json appraisal(long long branch, int year, const std::string& on, const Json& grades) {
  return {{"branch_id", branch}, {"year", year}, {"decided_on", on}, {"grades", grades}};
}

}  // namespace

TEST_P(PartyLifeRecord, EveryMemberIsGradedOnceAYear) {
  START_CITY(s);
  const long long zhao = add_roster_person(s, "赵敏", city.unit_a, city.branch_a1, "full");
  const long long qian = add_roster_person(s, "钱进", city.unit_a, city.branch_a1, "probationary");
  const std::string secretary = s.login("secretary");
  auto post = [&](const Json& body) { return s.send_as(secretary, "POST", "/api/v1/party/appraisals", body.dump()); };
  auto missing = post(appraisal(city.branch_a1, 2026, "2026-11-25", {grade(city.person_a, "excellent"), grade(zhao, "qualified")}));
  EXPECT_EQ(missing.status, 400);
  EXPECT_EQ(field_of(missing), "grades");
  EXPECT_NE(missing.json()["error"]["message"].get<std::string>().find("钱进"), std::string::npos) << missing.body;
  auto no_note = post(appraisal(city.branch_a1, 2026, "2026-11-25",
                                {grade(city.person_a, "excellent"), grade(zhao, "unqualified"), grade(qian, "qualified")}));
  EXPECT_EQ(field_of(no_note), "grades[1].note");
  auto outsider = post(appraisal(city.branch_a1, 2026, "2026-11-25", Json::array({grade(city.person_b, "qualified")})));
  EXPECT_EQ(field_of(outsider), "grades[0].person_id");
  auto unknown = post(appraisal(city.branch_a1, 2026, "2026-11-25", Json::array({grade(city.person_a, "good")})));
  EXPECT_EQ(field_of(unknown), "grades[0].grade");
  EXPECT_EQ(field_of(post(appraisal(city.branch_a1, 2027, "2026-11-25", Json::array()))), "year");
  EXPECT_EQ(field_of(post(appraisal(city.branch_a1, 2024, "2026-11-25", Json::array()))), "decided_on")
      << "the appraisal of 2024 is decided by mid-2025";

  const Json grades = {grade(city.person_a, "excellent"), grade(zhao, "unqualified", "限期改正"),
                       grade(qian, "not_rated", "病假")};
  auto ok = post(appraisal(city.branch_a1, 2026, "2026-11-25", grades));
  ASSERT_EQ(ok.status, 201) << ok.body;
  EXPECT_EQ(ok.json()["grades"].size(), 3u);
  EXPECT_EQ(code_of(post(appraisal(city.branch_a1, 2026, "2026-11-26", grades))), "appraisal_exists");
  const std::string url = "/api/v1/party/appraisals/" + std::to_string(ok.json()["id"].get<long long>());
  EXPECT_EQ(s.get_as(s.login("unitadmin"), url).status, 200);
  auto list = s.get_as(secretary, "/api/v1/party/appraisals?year=2026");
  ASSERT_EQ(list.status, 200);
  EXPECT_EQ(list.json()["items"].size(), 1u);
  EXPECT_EQ(s.count("SELECT COUNT(*) FROM audit_log WHERE action = 'party.appraisal_recorded'"), 1);
}

TEST_P(PartyLifeRecord, PunishmentsNeedTheirDecisionAndExpulsionEndsTheMembership) {
  START_CITY(s);
  const long long zhao = add_roster_person(s, "赵敏", city.unit_a, city.branch_a1, "full");
  const std::string secretary = s.login("secretary");
  auto post = [&](Json body) {
    body["decided_by"] = "市直机关纪工委";
    body["reason"] = "违反工作纪律";
    return s.send_as(secretary, "POST", "/api/v1/party/rewards-punishments", body.dump());
  };
  EXPECT_EQ(field_of(post({{"person_id", zhao}, {"form", "warning"}, {"decided_on", "2026-10-01"}})), "document_no");
  EXPECT_EQ(field_of(post({{"person_id", zhao}, {"form", "probation_in_party"}, {"decided_on", "2026-10-01"},
                           {"document_no", "纪发〔2026〕3号"}, {"probation_months", 6}})),
            "probation_months");
  EXPECT_EQ(field_of(post({{"person_id", zhao}, {"form", "demotion"}, {"decided_on", "2026-10-01"}})), "form");
  EXPECT_EQ(field_of(post({{"person_id", zhao}, {"form", "commendation"}, {"decided_on", "2026-12-01"}})), "decided_on");
  EXPECT_EQ(post({{"person_id", city.person_b}, {"form", "commendation"}, {"decided_on", "2026-10-01"}}).status, 404)
      << "not a party member, and outside the secretary's scope";
  auto probation = post({{"person_id", zhao}, {"form", "probation_in_party"}, {"decided_on", "2026-10-01"},
                         {"document_no", "纪发〔2026〕3号"}, {"probation_months", 12}});
  ASSERT_EQ(probation.status, 201) << probation.body;
  EXPECT_EQ(probation.json()["category"], "punishment");
  EXPECT_EQ(s.count("SELECT COUNT(*) FROM person WHERE party_status = 'full' AND id = " + std::to_string(zhao)), 1);
  auto expelled = post({{"person_id", zhao}, {"form", "expulsion"}, {"decided_on", "2026-11-20"}, {"document_no", "纪发〔2026〕9号"}});
  ASSERT_EQ(expelled.status, 201) << expelled.body;
  EXPECT_EQ(s.count("SELECT COUNT(*) FROM person WHERE party_status = 'masses' AND id = " + std::to_string(zhao)), 1);
  EXPECT_EQ(s.count("SELECT COUNT(*) FROM person_history WHERE field = 'party_status' AND new_value = 'masses' AND person_id = " +
                    std::to_string(zhao)),
            1);
  EXPECT_EQ(post({{"person_id", zhao}, {"form", "warning"}, {"decided_on", "2026-11-21"}, {"document_no", "x"}}).status, 404)
      << "no longer a member";
  EXPECT_EQ(s.send_as(s.login("cadre"), "POST", "/api/v1/party/rewards-punishments", "{}").status, 403);
  auto list = s.get_as(secretary, "/api/v1/party/rewards-punishments?category=punishment");
  ASSERT_EQ(list.status, 200);
  EXPECT_EQ(list.json()["items"].size(), 2u);
}

TEST_P(PartyLifeRecord, TheTimelinePutsAMembersRecordsInOrder) {
  START_CITY(s);
  const std::string secretary = s.login("secretary");
  // A closed meeting, an appraisal and a reward of person A.
  Json m = {{"node_id", city.branch_a1}, {"meeting_type", "theme_day"}, {"held_on", "2026-11-05"}, {"topic", "重温入党誓词"},
            {"host_person_id", city.person_a}, {"minutes", "会议记录"}};
  auto meeting = s.send_as(secretary, "POST", "/api/v1/party/meetings", m.dump());
  ASSERT_EQ(meeting.status, 201) << meeting.body;
  ASSERT_EQ(s.send_as(secretary, "POST", "/api/v1/party/meetings/" + std::to_string(meeting.json()["id"].get<long long>()) + "/close")
                .status,
            200);
  ASSERT_EQ(s.send_as(secretary, "POST", "/api/v1/party/appraisals",
                      appraisal(city.branch_a1, 2025, "2026-01-20", Json::array({grade(city.person_a, "excellent")})).dump())
                .status,
            201);
  ASSERT_EQ(s.send_as(secretary, "POST", "/api/v1/party/rewards-punishments",
                      Json{{"person_id", city.person_a}, {"form", "outstanding_member"}, {"decided_on", "2026-07-01"},
                           {"decided_by", "市直机关工委"}, {"reason", "年度优秀共产党员"}}.dump())
                .status,
            201);
  auto t = s.get_as(secretary, "/api/v1/party/people/" + std::to_string(city.person_a) + "/timeline");
  ASSERT_EQ(t.status, 200) << t.body;
  const Json body = t.json();
  EXPECT_EQ(body["person"]["name"], "王晓");
  std::vector<std::string> seen;
  for (const auto& item : body["items"]) seen.push_back(item["date"].get<std::string>() + " " + item["type"].get<std::string>());
  const std::vector<std::string> expected = {"2026-01-20 appraisal", "2026-07-01 reward_punishment", "2026-11-05 meeting"};
  EXPECT_EQ(seen, expected);
  EXPECT_EQ(body["items"][0]["code"], "excellent");
  EXPECT_EQ(body["items"][2]["status"], "present");
  // The member sees their own; a secretary does not see a person of another unit.
  auto mine = s.get_as(s.login("cadre"), "/api/v1/me/party/timeline");
  ASSERT_EQ(mine.status, 200);
  EXPECT_EQ(mine.json()["items"].size(), 3u);
  EXPECT_EQ(s.get_as(secretary, "/api/v1/party/people/" + std::to_string(city.person_b) + "/timeline").status, 404);
}

INSTANTIATE_TEST_SUITE_P(Db, PartyLifeRecord, ::testing::Values(Backend::sqlite, Backend::postgresql), backend_name);
