// Organisational life: the cadence rules (pure) and, on both databases, recording a meeting, its attendance and
// closing it — which books points for those present and a deduction for an unexcused absence, once — the frozen
// record, the data scope, and the red / yellow / green lights of a branch.
#include <gtest/gtest.h>

#include "core/date.hpp"
#include "db/sql.hpp"
#include "party/meetings.hpp"
#include "support/party_fixtures.hpp"
#include "support/test_server.hpp"

using namespace xinhuo;
using namespace xinhuo::test;
using namespace xinhuo::party;

TEST(MeetingCadence, PeriodsAreCalendarMonthsQuartersAndYears) {
  EXPECT_EQ(period_of("theme_day", "2026-02-14").first, "2026-02-01");
  EXPECT_EQ(period_of("theme_day", "2028-02-14").last, "2028-02-29");
  EXPECT_EQ(period_of("branch_general", "2026-11-29").first, "2026-10-01");
  EXPECT_EQ(period_of("branch_general", "2026-11-29").last, "2026-12-31");
  EXPECT_EQ(period_of("party_lecture", "2026-03-31").last, "2026-03-31");
  EXPECT_EQ(period_of("life_meeting", "2026-07-01").first, "2026-01-01");
  EXPECT_EQ(previous_period("branch_general", period_of("branch_general", "2026-01-15")).first, "2025-10-01");
  EXPECT_EQ(cadence_months("party_group"), 1);
  EXPECT_EQ(std::string(attended_event("life_meeting")), "party.life_meeting_attended");
  EXPECT_EQ(std::string(attended_event("party_lecture")), "party.meeting_attended");
}

TEST(MeetingCadence, LightsFollowTheCurrentAndThePreviousPeriod) {
  const std::string since = "2025-01-01";
  // Held this month: green whatever came before.
  EXPECT_EQ(cadence("theme_day", {"2026-11-03"}, "2026-11-29", since).light, "green");
  // Not yet this month, last month held: green while 7 days or more remain after today, then yellow.
  EXPECT_EQ(cadence("theme_day", {"2026-10-20"}, "2026-11-23", since).light, "green");
  EXPECT_EQ(cadence("theme_day", {"2026-10-20"}, "2026-11-24", since).light, "yellow");
  // Last month passed without one: red, from the first day of this month.
  EXPECT_EQ(cadence("theme_day", {"2026-09-20"}, "2026-11-01", since).light, "red");
  // A quarter: 30 days before its end it turns yellow.
  EXPECT_EQ(cadence("branch_general", {"2026-08-01"}, "2026-12-01", since).light, "green");
  EXPECT_EQ(cadence("branch_general", {"2026-08-01"}, "2026-12-02", since).light, "yellow");
  // A meeting planned later in the period does not count as held yet.
  const auto planned = cadence("theme_day", {"2026-10-20", "2026-11-30"}, "2026-11-29", since);
  EXPECT_FALSE(planned.held_this_period);
  EXPECT_EQ(planned.last_held_on, "2026-10-20");
}

TEST(MeetingCadence, PeriodsBeforeTheBranchCameUnderThePlatformAreNotMissed) {
  // Since 2026-10-15: October began before it, so an empty October is not red and not counted as missed.
  const auto c = cadence("branch_committee", {}, "2026-11-10", "2026-10-15");
  EXPECT_EQ(c.light, "green");
  EXPECT_EQ(c.missed_this_year, 0);
  // Since 2026-06-01: July–October are complete months of this year without a meeting (June too).
  const auto d = cadence("branch_committee", {"2026-08-05"}, "2026-11-10", "2026-06-01");
  EXPECT_EQ(d.light, "red");
  EXPECT_EQ(d.missed_this_year, 4);  // June, July, September, October
  EXPECT_EQ(secretary_lecture_light({}, "2026-06-01", "2025-01-01"), "red");     // none in 2025
  EXPECT_EQ(secretary_lecture_light({}, "2026-06-01", "2026-01-01"), "green");   // 2025 not counted, time left
  EXPECT_EQ(secretary_lecture_light({}, "2026-11-29", "2026-01-01"), "yellow");  // 32 days left
  EXPECT_EQ(secretary_lecture_light({"2026-03-02"}, "2026-11-29", "2025-01-01"), "green");
  EXPECT_EQ(worst_light({"green", "yellow", "green"}), "yellow");
  EXPECT_EQ(worst_light({"yellow", "red"}), "red");
}

class PartyMeeting : public ::testing::TestWithParam<Backend> {};

namespace {

std::string code_of(const HttpResult& r) { return r.json()["error"]["code"]; }
std::string field_of(const HttpResult& r) { return r.json()["error"].value("field", ""); }

long long add_node(TestServer& s, long long parent, const std::string& type, const std::string& code) {
  auto lease = s.app().database().lease();
  std::string path;
  lease.sql() << "SELECT path FROM org_node WHERE id = :id", soci::use(parent), soci::into(path);
  long long id = 0;
  lease.sql() << "INSERT INTO org_node (parent_id, path, depth, node_type, name, code, created_at, updated_at) "
                 "VALUES (:p, '', 4, :t, '新组织', :c, 't', 't') RETURNING id",
      soci::use(parent), soci::use(type), soci::use(code), soci::into(id);
  const std::string child = path + std::to_string(id) + "/";
  lease.sql() << "UPDATE org_node SET path = :p WHERE id = :id", soci::use(child), soci::use(id);
  return id;
}

Json meeting(long long node, const std::string& meeting_type, const std::string& held_on, long long host) {
  return {{"node_id", node}, {"meeting_type", meeting_type}, {"held_on", held_on}, {"topic", "学习贯彻党的二十届四中全会精神"},
          {"host_person_id", host}};
}

long long points_of(TestServer& s, long long person, const std::string& event) {
  return s.count("SELECT COALESCE(SUM(points), 0) FROM ledger_entry WHERE person_id = " + std::to_string(person) +
                 " AND event_type = '" + event + "'");
}

}  // namespace

TEST_P(PartyMeeting, AttendanceIsRecordedAndClosingBooksThePointsOnce) {
  START_CITY(s);
  const long long zhao = add_roster_person(s, "赵强", city.unit_a, city.branch_a1, "full");
  const long long qian = add_roster_person(s, "钱芳", city.unit_a, city.branch_a1, "probationary");
  add_roster_person(s, "孙群众", city.unit_a, city.branch_a1, "masses");
  const std::string secretary = s.login("secretary");
  auto created = s.send_as(secretary, "POST", "/api/v1/party/meetings", meeting(city.branch_a1, "theme_day", "2026-11-20", city.person_a).dump());
  ASSERT_EQ(created.status, 201) << created.body;
  const Json m = created.json();
  const std::string url = "/api/v1/party/meetings/" + std::to_string(m["id"].get<long long>());
  EXPECT_EQ(m["status"], "open");
  EXPECT_EQ(m["branch_id"], city.branch_a1);
  // The attendance starts as the branch's party members (not the masses), all present.
  ASSERT_EQ(m["attendance"].size(), 3u) << m.dump();
  EXPECT_EQ(m["present"], 3);

  auto row = [](long long person, const std::string& status, const std::string& reason = {}) {
    Json r = {{"person_id", person}, {"status", status}};
    if (!reason.empty()) r["reason"] = reason;
    return r;
  };
  auto put = [&](const Json& rows) { return s.send_as(secretary, "PUT", url + "/attendance", Json{{"attendance", rows}}.dump()); };
  auto bad = put(Json::array({row(city.person_a, "present"), row(qian, "excused")}));
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(field_of(bad), "attendance[1].reason");
  bad = put(Json::array({row(city.person_b, "present")}));
  EXPECT_EQ(field_of(bad), "attendance[0].person_id") << "a person of another unit";
  bad = put(Json::array({row(zhao, "absent"), row(zhao, "present")}));
  EXPECT_EQ(field_of(bad), "attendance[1].person_id") << "listed twice";
  bad = put(Json::array({row(zhao, "late")}));
  EXPECT_EQ(field_of(bad), "attendance[0].status");
  auto ok = put(Json::array({row(city.person_a, "present"), row(zhao, "absent"), row(qian, "excused", "出差")}));
  ASSERT_EQ(ok.status, 200) << ok.body;
  EXPECT_EQ(ok.json()["present"], 1);
  EXPECT_EQ(ok.json()["absent"], 1);
  EXPECT_EQ(ok.json()["excused"], 1);

  // No minutes yet: refused, nothing booked.
  auto early = s.send_as(secretary, "POST", url + "/close");
  EXPECT_EQ(early.status, 400);
  EXPECT_EQ(field_of(early), "minutes");
  Json details = {{"held_on", "2026-11-20"}, {"topic", "主题党日：重温入党誓词"}, {"host_person_id", city.person_a},
                  {"location", "三楼会议室"}, {"minutes", "全体党员重温入党誓词，书记领学党章。"}};
  ASSERT_EQ(s.send_as(secretary, "PUT", url, details.dump()).status, 200);
  EXPECT_EQ(s.count("SELECT COUNT(*) FROM ledger_entry"), 0);

  auto closed = s.send_as(secretary, "POST", url + "/close");
  ASSERT_EQ(closed.status, 200) << closed.body;
  EXPECT_EQ(closed.json()["status"], "closed");
  EXPECT_EQ(points_of(s, city.person_a, "party.meeting_attended"), 1);
  EXPECT_EQ(points_of(s, zhao, "party.absence_recorded"), -2);
  EXPECT_EQ(s.count("SELECT COUNT(*) FROM ledger_entry WHERE person_id = " + std::to_string(qian)), 0) << "excused";
  EXPECT_EQ(s.count("SELECT COUNT(*) FROM audit_log WHERE action = 'party.meeting_closed'"), 1);

  // Closed: frozen, and closing again books nothing more.
  EXPECT_EQ(code_of(s.send_as(secretary, "POST", url + "/close")), "meeting_closed");
  EXPECT_EQ(code_of(put(Json::array({row(city.person_a, "absent")}))), "meeting_closed");
  EXPECT_EQ(code_of(s.send_as(secretary, "PUT", url, details.dump())), "meeting_closed");
  EXPECT_EQ(code_of(s.send_as(secretary, "DELETE", url)), "meeting_closed");
  EXPECT_EQ(s.count("SELECT COUNT(*) FROM ledger_entry"), 2);

  // The member sees the meeting and their own attendance, without the minutes.
  auto mine = s.get_as(s.login("cadre"), "/api/v1/me/party/meetings");
  ASSERT_EQ(mine.status, 200) << mine.body;
  const Json items = mine.json()["items"];
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0]["my_status"], "present");
  EXPECT_FALSE(items[0].contains("minutes"));
}

TEST_P(PartyMeeting, DetailsAreCheckedAndOnlyAHeldMeetingCloses) {
  START_CITY(s);
  const std::string secretary = s.login("secretary");
  auto send = [&](const Json& body) { return s.send_as(secretary, "POST", "/api/v1/party/meetings", body.dump()); };
  EXPECT_EQ(field_of(send(meeting(city.branch_a1, "tea_party", "2026-11-20", city.person_a))), "meeting_type");
  EXPECT_EQ(field_of(send(meeting(city.branch_a1, "theme_day", "2026-11-31", city.person_a))), "held_on");
  EXPECT_EQ(field_of(send(meeting(city.branch_a1, "party_lecture", "2026-11-20", city.person_a))), "lecturer");
  EXPECT_EQ(field_of(send(meeting(city.branch_a1, "party_group", "2026-11-20", city.person_a))), "node_id")
      << "a party group meeting is held by a party group";
  EXPECT_EQ(field_of(send(meeting(city.branch_a1, "theme_day", "2026-11-20", city.person_b))), "host_person_id")
      << "a host outside the secretary's branch";
  EXPECT_EQ(field_of(send(meeting(city.unit_a, "theme_day", "2026-11-20", city.person_a))), "node_id") << "a unit";

  const long long group = add_node(s, city.branch_a1, "party_group", "M-G1");
  auto g = send(meeting(group, "party_group", "2026-11-18", city.person_a));
  ASSERT_EQ(g.status, 201) << g.body;
  EXPECT_EQ(g.json()["branch_id"], city.branch_a1) << "a party group's meeting belongs to its branch";
  Json lecture = meeting(city.branch_a1, "party_lecture", "2026-11-19", city.person_a);
  lecture["lecturer"] = "王晓";
  lecture["lecturer_is_secretary"] = true;
  ASSERT_EQ(send(lecture).status, 201);

  // Planned for next week: recorded, but it closes only once held.
  Json later = meeting(city.branch_a1, "branch_general", "2026-12-05", city.person_a);
  later["minutes"] = "预备会议记录";
  auto planned = send(later);
  ASSERT_EQ(planned.status, 201);
  const std::string url = "/api/v1/party/meetings/" + std::to_string(planned.json()["id"].get<long long>());
  auto refused = s.send_as(secretary, "POST", url + "/close");
  EXPECT_EQ(refused.status, 400);
  EXPECT_EQ(field_of(refused), "held_on");
  // A meeting recorded by mistake is deleted while open.
  EXPECT_EQ(s.send_as(secretary, "DELETE", url).status, 204);
  EXPECT_EQ(s.get_as(secretary, url).status, 404);
  EXPECT_EQ(s.count("SELECT COUNT(*) FROM party_meeting_attendance WHERE meeting_id = " +
                    std::to_string(planned.json()["id"].get<long long>())),
            0);
  auto list = s.get_as(secretary, "/api/v1/party/meetings?meeting_type=party_lecture");
  ASSERT_EQ(list.status, 200);
  EXPECT_EQ(list.json()["total"], 1);
  EXPECT_EQ(list.json()["items"][0]["lecturer_is_secretary"], true);
  EXPECT_EQ(s.get_as(secretary, "/api/v1/party/meetings?from=2026-13-01").status, 400);
}

TEST_P(PartyMeeting, AnotherUnitsMeetingsAreOutOfSight) {
  START_CITY(s);
  const long long branch_b = add_node(s, city.unit_b, "branch", "M-B1");
  const long long member_b = add_roster_person(s, "周斌", city.unit_b, branch_b, "full");
  const std::string admin = s.login("admin"), secretary = s.login("secretary"), unitadmin = s.login("unitadmin");
  auto created = s.send_as(admin, "POST", "/api/v1/party/meetings", meeting(branch_b, "branch_committee", "2026-11-10", member_b).dump());
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string url = "/api/v1/party/meetings/" + std::to_string(created.json()["id"].get<long long>());
  EXPECT_EQ(s.get_as(admin, url).status, 200);
  for (const auto& cookie : {secretary, unitadmin}) {
    EXPECT_EQ(s.get_as(cookie, url).status, 404);
    EXPECT_EQ(s.get_as(cookie, "/api/v1/party/meetings").json()["total"], 0);
    EXPECT_EQ(s.send_as(cookie, "POST", url + "/close").status, 404);
  }
  // A branch secretary cannot record a meeting for another unit's branch.
  auto foreign = s.send_as(secretary, "POST", "/api/v1/party/meetings", meeting(branch_b, "theme_day", "2026-11-10", city.person_a).dump());
  EXPECT_EQ(foreign.status, 400);
  EXPECT_EQ(field_of(foreign), "node_id");
}

TEST_P(PartyMeeting, TheCadenceShowsWhatIsHeldMissedAndDueSoon) {
  START_CITY(s);
  const std::string secretary = s.login("secretary");
  auto hold = [&](const std::string& meeting_type, const std::string& date) {
    Json body = meeting(city.branch_a1, meeting_type, date, city.person_a);
    body["minutes"] = "会议记录";
    auto r = s.send_as(secretary, "POST", "/api/v1/party/meetings", body.dump());
    ASSERT_EQ(r.status, 201) << r.body;
    auto c = s.send_as(secretary, "POST", "/api/v1/party/meetings/" + std::to_string(r.json()["id"].get<long long>()) + "/close");
    ASSERT_EQ(c.status, 200) << c.body;
  };
  hold("branch_committee", "2026-09-10");  // the branch's first meeting here: counted from then on
  hold("theme_day", "2026-11-05");
  auto r = s.get_as(secretary, "/api/v1/party/meeting-cadence");
  ASSERT_EQ(r.status, 200) << r.body;
  const Json body = r.json();
  Json branch;
  for (const auto& item : body["items"])
    if (item["node_id"] == city.branch_a1) branch = item;
  ASSERT_TRUE(branch.is_object()) << r.body;
  std::map<std::string, Json> types;
  for (const auto& k : branch["meeting_types"]) types[k["meeting_type"].get<std::string>()] = k;
  EXPECT_EQ(types["theme_day"]["light"], "green");
  EXPECT_EQ(types["theme_day"]["held_this_period"], true) << branch.dump();
  EXPECT_EQ(types["branch_committee"]["light"], "red") << "October passed without a committee meeting";
  EXPECT_EQ(types["branch_committee"]["missed_this_year"], 1);
  EXPECT_EQ(types["branch_committee"]["last_held_on"], "2026-09-10");
  EXPECT_EQ(types["branch_general"]["light"], "green") << "32 days left in the quarter";
  EXPECT_EQ(types["life_meeting"]["light"], "yellow") << "32 days left in the year";
  EXPECT_EQ(branch["secretary_lecture_light"], "yellow");
  EXPECT_EQ(branch["light"], "red");
  EXPECT_EQ(s.get_as(s.login("cadre"), "/api/v1/party/meeting-cadence").status, 403);
}

INSTANTIATE_TEST_SUITE_P(Db, PartyMeeting, ::testing::Values(Backend::sqlite, Backend::postgresql), backend_name);
