// Floating members (流动党员) on both databases: a full or probationary member is marked once (a second mark, even
// at the same time, is refused), marked returned with a date not before the departure, seen only in the recording
// branch's scope, and the record ends by itself when the member is transferred out or leaves the party. The period
// appears on the member's timeline.
#include <gtest/gtest.h>

#include <future>

#include "db/sql.hpp"
#include "support/party_fixtures.hpp"
#include "support/test_server.hpp"

using namespace xinhuo;
using namespace xinhuo::test;

class PartyFloating : public ::testing::TestWithParam<Backend> {};

namespace {

std::string code_of(const HttpResult& r) { return r.json()["error"]["code"]; }

Json away(long long person, const std::string& started = "2026-09-01") {
  return {{"person_id", person}, {"destination", "深圳市南山区"}, {"reason", "work"}, {"started_on", started},
          {"expected_return_on", "2027-06-30"}, {"certificate_no", "LD-2026-018"}, {"contact_name", "南山区流动党员服务站 陈站长"}};
}

long long branch_under(TestServer& s, long long unit, const std::string& code) {
  auto lease = s.app().database().lease();
  std::string path;
  lease.sql() << "SELECT path FROM org_node WHERE id = :id", soci::use(unit), soci::into(path);
  long long id = 0;
  lease.sql() << "INSERT INTO org_node (parent_id, path, depth, node_type, name, code, created_at, updated_at) "
                 "VALUES (:p, '', 2, 'branch', '乙单位第一党支部', :c, 't', 't') RETURNING id",
      soci::use(unit), soci::use(code), soci::into(id);
  const std::string child = path + std::to_string(id) + "/";
  lease.sql() << "UPDATE org_node SET path = :p WHERE id = :id", soci::use(child), soci::use(id);
  return id;
}

std::string status_of(TestServer& s, long long id) {
  auto lease = s.app().database().lease();
  std::string status, reason;
  soci::indicator ri;
  lease.sql() << "SELECT status, end_reason FROM party_floating WHERE id = :id", soci::use(id), soci::into(status),
      soci::into(reason, ri);
  return ri == soci::i_null ? status : status + "/" + reason;
}

}  // namespace

TEST_P(PartyFloating, AMemberIsMarkedOnceAndMarkedReturned) {
  START_CITY(s);
  const std::string admin = s.login("admin");
  auto marked = s.send_as(admin, "POST", "/api/v1/party/floating", away(city.person_a).dump());
  ASSERT_EQ(marked.status, 201) << marked.body;
  const long long id = marked.json()["id"];
  EXPECT_EQ(marked.json()["status"], "active");
  EXPECT_EQ(marked.json()["branch_id"], city.branch_a1);
  EXPECT_EQ(marked.json()["certificate_no"], "LD-2026-018");
  EXPECT_EQ(code_of(s.send_as(admin, "POST", "/api/v1/party/floating", away(city.person_a, "2026-10-01").dump())), "floating_active");

  // Validation: a future departure, an expected return before it or too far off, a reason not in the list.
  const long long other = add_roster_person(s, "赵流", city.unit_a, city.branch_a1, "probationary");
  auto field_of = [&](Json body) {
    auto r = s.send_as(admin, "POST", "/api/v1/party/floating", body.dump());
    return r.status == 400 ? r.json()["error"]["field"].get<std::string>() : std::to_string(r.status);
  };
  EXPECT_EQ(field_of(away(other, "2026-11-30")), "started_on");
  EXPECT_EQ(field_of(away(other, "2015-01-01")), "started_on");
  Json early = away(other);
  early["expected_return_on"] = "2026-08-01";
  EXPECT_EQ(field_of(early), "expected_return_on");
  Json far = away(other);
  far["expected_return_on"] = "2032-01-01";
  EXPECT_EQ(field_of(far), "expected_return_on");
  Json odd = away(other);
  odd["reason"] = "holiday";
  EXPECT_EQ(field_of(odd), "reason");
  // A person of the masses is no party member: the same answer as an unknown person.
  EXPECT_EQ(s.send_as(admin, "POST", "/api/v1/party/floating", away(city.person_b).dump()).status, 404);

  auto list = s.get_as(admin, "/api/v1/party/floating?status=active").json();
  ASSERT_EQ(list["items"].size(), 1u);
  EXPECT_EQ(list["active"], 1);
  EXPECT_EQ(list["items"][0]["person_name"], "王晓");
  EXPECT_FALSE(list["items"][0]["past_expected"].get<bool>());

  const std::string back = "/api/v1/party/floating/" + std::to_string(id) + "/return";
  EXPECT_EQ(s.send_as(admin, "POST", back, R"({"returned_on":"2026-08-31"})").json()["error"]["field"], "returned_on");
  EXPECT_EQ(s.send_as(admin, "POST", back, R"({"returned_on":"2026-12-01"})").status, 400);
  auto returned = s.send_as(admin, "POST", back, R"({"returned_on":"2026-11-20","note":"项目结束返回"})");
  ASSERT_EQ(returned.status, 200) << returned.body;
  EXPECT_EQ(returned.json()["status"], "returned");
  EXPECT_EQ(returned.json()["ended_on"], "2026-11-20");
  EXPECT_EQ(code_of(s.send_as(admin, "POST", back, R"({"returned_on":"2026-11-21"})")), "floating_ended");
  // Back home, the member may go away again.
  EXPECT_EQ(s.send_as(admin, "POST", "/api/v1/party/floating", away(city.person_a, "2026-11-25").dump()).status, 201);
  EXPECT_EQ(s.get_as(admin, "/api/v1/party/floating?status=returned").json()["total"], 1);
  EXPECT_EQ(s.count("SELECT COUNT(*) FROM audit_log WHERE action = 'party.floating_recorded'"), 2);
  EXPECT_EQ(s.count("SELECT COUNT(*) FROM audit_log WHERE action = 'party.floating_returned'"), 1);
}

TEST_P(PartyFloating, TwoMarksAtOnceMakeOneRecordAndAKeyRepeatsTheAnswer) {
  START_CITY(s);
  const std::string admin = s.login("admin");
  std::vector<std::future<int>> runs;
  for (int i = 0; i < 6; ++i)
    runs.push_back(std::async(std::launch::async, [&] {
      return s.send_as(admin, "POST", "/api/v1/party/floating", away(city.person_a).dump()).status;
    }));
  int created = 0, refused = 0;
  for (auto& r : runs) (r.get() == 201 ? created : refused)++;
  EXPECT_EQ(created, 1);
  EXPECT_EQ(refused, 5);
  EXPECT_EQ(s.count("SELECT COUNT(*) FROM party_floating"), 1);

  const long long other = add_roster_person(s, "钱远", city.unit_a, city.branch_a1, "full");
  auto headers = api_headers(s.port());
  headers.emplace_back("Cookie", admin);
  headers.emplace_back("Idempotency-Key", "floating-qian-1");
  auto first = http_request(s.port(), "POST", "/api/v1/party/floating", headers, away(other).dump());
  auto again = http_request(s.port(), "POST", "/api/v1/party/floating", headers, away(other).dump());
  ASSERT_EQ(first.status, 201) << first.body;
  EXPECT_EQ(again.status, 201) << again.body;
  EXPECT_EQ(again.json()["id"], first.json()["id"]);
  EXPECT_EQ(s.count("SELECT COUNT(*) FROM party_floating WHERE person_id = " + std::to_string(other)), 1);
}

TEST_P(PartyFloating, ASecretarySeesAndRecordsOnlyTheirBranch) {
  START_CITY(s);
  const std::string admin = s.login("admin"), secretary = s.login("secretary"), cadre = s.login("cadre");
  const long long outsider = add_roster_person(s, "孙外", city.unit_b, 0, "full");
  auto theirs = s.send_as(admin, "POST", "/api/v1/party/floating", away(outsider).dump());
  ASSERT_EQ(theirs.status, 201) << theirs.body;
  EXPECT_EQ(s.send_as(secretary, "POST", "/api/v1/party/floating", away(outsider, "2026-10-01").dump()).status, 404);
  ASSERT_EQ(s.send_as(secretary, "POST", "/api/v1/party/floating", away(city.person_a).dump()).status, 201);
  auto mine = s.get_as(secretary, "/api/v1/party/floating").json();
  ASSERT_EQ(mine["total"], 1);
  EXPECT_EQ(mine["items"][0]["person_id"], city.person_a);
  EXPECT_EQ(s.get_as(admin, "/api/v1/party/floating").json()["total"], 2);
  EXPECT_EQ(s.get_as(admin, "/api/v1/party/floating?node_id=" + std::to_string(city.unit_b)).json()["total"], 1);
  EXPECT_EQ(s.get_as(secretary, "/api/v1/party/floating?node_id=" + std::to_string(city.unit_b)).status, 404);
  EXPECT_EQ(s.send_as(secretary, "POST", "/api/v1/party/floating/" + std::to_string(theirs.json()["id"].get<long long>()) + "/return",
                      R"({"returned_on":"2026-11-20"})").status,
            404);
  EXPECT_EQ(s.get_as(cadre, "/api/v1/party/floating").status, 403);
  EXPECT_EQ(s.send_as(cadre, "POST", "/api/v1/party/floating", away(city.person_a).dump()).status, 403);
}

TEST_P(PartyFloating, TheRecordEndsWhenTheMemberMovesOnOrLeavesTheParty) {
  START_CITY(s);
  const std::string admin = s.login("admin");
  // Transferred to a branch of unit B while away: the floating record ends with the move.
  const long long b1 = branch_under(s, city.unit_b, "F-B-B1");
  const long long a = s.send_as(admin, "POST", "/api/v1/party/floating", away(city.person_a).dump()).json()["id"];
  auto issued = s.send_as(admin, "POST", "/api/v1/party/transfers",
                          Json{{"person_id", city.person_a}, {"to_branch_id", b1}, {"issued_on", "2026-11-20"}}.dump());
  ASSERT_EQ(issued.status, 201) << issued.body;
  EXPECT_EQ(status_of(s, a), "active");  // not while the transfer waits
  ASSERT_EQ(s.send_as(admin, "POST", "/api/v1/party/transfers/" + std::to_string(issued.json()["id"].get<long long>()) + "/confirm",
                      R"({"confirmed_on":"2026-11-28"})").status, 200);
  EXPECT_EQ(status_of(s, a), "ended/transferred");
  // The timeline shows the period: its start and its end.
  auto timeline = s.get_as(admin, "/api/v1/party/people/" + std::to_string(city.person_a) + "/timeline").json();
  std::vector<std::string> kinds;
  for (const auto& i : timeline["items"])
    if (i["type"].get<std::string>().rfind("floating", 0) == 0) kinds.push_back(i["type"].get<std::string>() + ":" + i["code"].get<std::string>());
  EXPECT_EQ(kinds, (std::vector<std::string>{"floating:work", "floating_end:transferred"})) << timeline.dump();
  // The member sees it too.
  auto own = s.get_as(s.login("cadre"), "/api/v1/me/party/timeline").json();
  EXPECT_NE(own.dump().find("深圳市南山区"), std::string::npos);

  // Converted to full membership while away: the record goes on. Expelled: it ends.
  const long long p = add_roster_person(s, "周转", city.unit_a, city.branch_a1, "probationary");
  const long long pid = s.send_as(admin, "POST", "/api/v1/party/floating", away(p).dump()).json()["id"];
  ASSERT_EQ(s.send_as(admin, "PATCH", "/api/v1/people/" + std::to_string(p), R"({"party_status":"full"})").status, 200);
  EXPECT_EQ(status_of(s, pid), "active");
  ASSERT_EQ(s.send_as(admin, "POST", "/api/v1/party/rewards-punishments",
                      Json{{"person_id", p}, {"form", "expulsion"}, {"decided_on", "2026-11-25"}, {"decided_by", "市纪委"},
                           {"document_no", "纪字〔2026〕9号"}, {"reason", "严重违纪"}}.dump()).status,
            201);
  EXPECT_EQ(status_of(s, pid), "ended/left_party");
  EXPECT_EQ(s.count("SELECT COUNT(*) FROM audit_log WHERE action = 'party.floating_ended'"), 2);
  // An ended record cannot be marked returned.
  EXPECT_EQ(code_of(s.send_as(admin, "POST", "/api/v1/party/floating/" + std::to_string(pid) + "/return",
                              R"({"returned_on":"2026-11-26"})")),
            "floating_ended");
}

INSTANTIATE_TEST_SUITE_P(Db, PartyFloating, ::testing::Values(Backend::sqlite, Backend::postgresql), backend_name);
