// Mass work on both databases: households of a contact point paired with a cadre, who sees them on the phone and logs
// a visit sent twice with the same key (one visit, one points entry); another unit's households and visits answer 404;
// validation names its fields; a micro-project claimed by 20 cadres at once has exactly one claimer; its lifecycle
// refuses steps out of order (409 project_state) and rating books the claimer's points once.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "core/error.hpp"
#include "masswork/model.hpp"
#include "masswork/project_service.hpp"
#include "masswork/service.hpp"
#include "support/party_fixtures.hpp"
#include "support/test_server.hpp"

using namespace xinhuo;
using namespace xinhuo::test;

TEST(MassRules, TheLifecycleAllowsEachStepOnlyFromItsState) {
  EXPECT_TRUE(masswork::step_allowed("published", "claim"));
  EXPECT_FALSE(masswork::step_allowed("claimed", "claim"));
  EXPECT_TRUE(masswork::step_allowed("claimed", "progress"));
  EXPECT_TRUE(masswork::step_allowed("claimed", "done"));
  EXPECT_FALSE(masswork::step_allowed("published", "done"));
  EXPECT_FALSE(masswork::step_allowed("claimed", "rate"));
  EXPECT_TRUE(masswork::step_allowed("done", "rate"));
  EXPECT_FALSE(masswork::step_allowed("done", "close"));
  EXPECT_TRUE(masswork::step_allowed("rated", "close"));
  EXPECT_FALSE(masswork::step_allowed("closed", "rate"));
}

class Mass : public ::testing::TestWithParam<Backend> {};

namespace {

std::string code_of(const HttpResult& r) { return r.json()["error"].value("code", ""); }
std::string field_of(const HttpResult& r) { return r.json()["error"].value("field", ""); }
long long id_of(const HttpResult& r) { return r.json()["id"].get<long long>(); }

// A contact point of `unit` with one household paired with `person`, made by the city administrator.
std::pair<long long, long long> household_of(TestServer& s, const std::string& admin, long long unit, long long person) {
  auto point = s.send_as(admin, "POST", "/api/v1/mass/contact-points",
                         Json{{"org_node_id", unit}, {"name", "东湖社区联系点"}, {"area", "东湖社区"}}.dump());
  EXPECT_EQ(point.status, 201) << point.body;
  auto home = s.send_as(admin, "POST", "/api/v1/mass/households",
                        Json{{"contact_point_id", id_of(point)}, {"head_name", "周桂英"}, {"area", "3 幢 101 室"},
                             {"phone", "13805741234"}, {"needs", "代购药品"}, {"cadre_ids", Json::array({person})}}.dump());
  EXPECT_EQ(home.status, 201) << home.body;
  return {id_of(point), id_of(home)};
}

Json visit(long long household, const std::string& key) {
  return {{"client_key", key}, {"household_id", household}, {"visit_date", "2026-11-28"}, {"learned", "老人降压药快吃完了"},
          {"done", "代购两盒"}};
}

}  // namespace

TEST_P(Mass, AVisitSentTwiceWithOneKeyIsOneVisitAndOnePointsEntry) {
  START_CITY(s);
  const std::string admin = s.login("admin"), cadre = s.login("cadre"), unitadmin = s.login("unitadmin");
  const auto [point, home] = household_of(s, admin, city.unit_a, city.person_a);

  auto mine = s.get_as(cadre, "/api/v1/me/mass/households");
  ASSERT_EQ(mine.status, 200) << mine.body;
  const Json items = mine.json()["items"];
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0]["head_name"], "周桂英");
  EXPECT_EQ(items[0]["phone"], "13805741234") << "the paired cadre calls the household";
  auto listed = s.get_as(admin, "/api/v1/mass/households?contact_point_id=" + std::to_string(point));
  EXPECT_EQ(listed.json()["items"][0]["phone"], "138****1234") << "masked in lists";
  EXPECT_EQ(s.count("SELECT COUNT(*) FROM mass_household WHERE phone LIKE '%13805741234%'"), 0) << "sealed at rest";

  auto first = s.send_as(cadre, "POST", "/api/v1/me/mass/visits", visit(home, "k-7f3a").dump());
  ASSERT_EQ(first.status, 201) << first.body;
  auto again = s.send_as(cadre, "POST", "/api/v1/me/mass/visits", visit(home, "k-7f3a").dump());
  ASSERT_EQ(again.status, 200) << again.body;
  EXPECT_EQ(id_of(again), id_of(first)) << "the same visit, answered with the original";
  EXPECT_EQ(s.count("SELECT COUNT(*) FROM mass_visit"), 1);
  EXPECT_EQ(s.count("SELECT COUNT(*) FROM ledger_entry WHERE source_key LIKE 'event:mass.household_visited:%'"), 1);
  EXPECT_EQ(s.count("SELECT COUNT(*) FROM audit_log WHERE action = 'mass.visit_logged'"), 1);
  EXPECT_EQ(s.send_as(cadre, "POST", "/api/v1/me/mass/visits", visit(home, "k-second").dump()).status, 201);
  EXPECT_EQ(s.count("SELECT COUNT(*) FROM mass_visit"), 2);

  // The console sees the visits of people in scope, filtered and exported.
  auto visits = s.get_as(unitadmin, "/api/v1/mass/visits?person_id=" + std::to_string(city.person_a) + "&from=2026-11-01");
  ASSERT_EQ(visits.status, 200) << visits.body;
  EXPECT_EQ(visits.json()["total"], 2);
  EXPECT_EQ(visits.json()["items"][0]["household_name"], "周桂英");
  auto xlsx = s.get_as(unitadmin, "/api/v1/mass/visits/export");
  EXPECT_EQ(xlsx.status, 200);
  EXPECT_EQ(xlsx.body.substr(0, 2), "PK");
  EXPECT_EQ(s.count("SELECT COUNT(*) FROM audit_log WHERE action = 'mass.visits_exported'"), 1);

  // Validation names its fields.
  Json bad = visit(home, "k-3");
  bad["visit_date"] = "2026-12-01";
  EXPECT_EQ(field_of(s.send_as(cadre, "POST", "/api/v1/me/mass/visits", bad.dump())), "visit_date");
  bad = visit(home, "bad key!");
  EXPECT_EQ(field_of(s.send_as(cadre, "POST", "/api/v1/me/mass/visits", bad.dump())), "client_key");
  bad = visit(home, "k-4");
  bad["learned"] = "";
  EXPECT_EQ(field_of(s.send_as(cadre, "POST", "/api/v1/me/mass/visits", bad.dump())), "learned");
  bad = visit(0, "k-5");
  bad.erase("household_id");
  EXPECT_EQ(field_of(s.send_as(cadre, "POST", "/api/v1/me/mass/visits", bad.dump())), "household_id");
  Json phone = {{"contact_point_id", point}, {"head_name", "陈建国"}, {"area", "7 幢"}, {"phone", "12345"},
                {"cadre_ids", Json::array({city.person_a})}};
  EXPECT_EQ(field_of(s.send_as(admin, "POST", "/api/v1/mass/households", phone.dump())), "phone");
  phone["phone"] = "0574-87651234";
  phone["cadre_ids"] = Json::array();
  EXPECT_EQ(field_of(s.send_as(admin, "POST", "/api/v1/mass/households", phone.dump())), "cadre_ids");
}

TEST_P(Mass, AnotherUnitsHouseholdsAndVisitsAreInvisible) {
  START_CITY(s);
  const std::string admin = s.login("admin"), unitadmin = s.login("unitadmin"), cadre = s.login("cadre");
  const auto [point_b, home_b] = household_of(s, admin, city.unit_b, city.person_b);
  const auto [point_a, home_a] = household_of(s, admin, city.unit_a, city.person_a);
  (void)point_a;
  EXPECT_EQ(s.get_as(unitadmin, "/api/v1/mass/households/" + std::to_string(home_b)).status, 404);
  EXPECT_EQ(s.get_as(unitadmin, "/api/v1/mass/households/" + std::to_string(home_a)).status, 200);
  EXPECT_EQ(s.send_as(unitadmin, "PUT", "/api/v1/mass/households/" + std::to_string(home_b),
                      Json{{"head_name", "x"}, {"area", "y"}, {"cadre_ids", Json::array({city.person_a})}}.dump()).status, 404);
  EXPECT_EQ(s.get_as(unitadmin, "/api/v1/mass/households").json()["total"], 1);
  EXPECT_EQ(s.get_as(admin, "/api/v1/mass/households").json()["total"], 2);
  EXPECT_EQ(field_of(s.send_as(unitadmin, "POST", "/api/v1/mass/households",
                               Json{{"contact_point_id", point_b}, {"head_name", "x"}, {"area", "y"},
                                    {"cadre_ids", Json::array({city.person_a})}}.dump())),
            "contact_point_id");
  // Pairing someone outside the scope is refused; the cadre cannot log a visit to a household not paired with them.
  EXPECT_EQ(field_of(s.send_as(unitadmin, "PUT", "/api/v1/mass/households/" + std::to_string(home_a),
                               Json{{"head_name", "周桂英"}, {"area", "3 幢"}, {"cadre_ids", Json::array({city.person_b})}}.dump())),
            "cadre_ids");
  EXPECT_EQ(field_of(s.send_as(cadre, "POST", "/api/v1/me/mass/visits", visit(home_b, "k-x").dump())), "household_id");

  // A visit by the person of unit B is not seen by unit A's administrator, neither listed nor its photo.
  const Principal b{.account_id = s.account_id("newbie"), .person_id = city.person_b};
  const std::string newbie_visit = std::to_string(
      s.app().mass().log_visit(b, {.household_id = home_b, .visit_date = "2026-11-28", .learned = "了解到的情况", .client_key = "k-b"})
          .first.id);
  EXPECT_EQ(s.get_as(unitadmin, "/api/v1/mass/visits").json()["total"], 0);
  EXPECT_EQ(s.get_as(admin, "/api/v1/mass/visits").json()["total"], 1);
  EXPECT_EQ(s.get_as(unitadmin, "/api/v1/mass/visits/" + newbie_visit + "/photos/1").status, 404);
  EXPECT_EQ(s.get_as(cadre, "/api/v1/mass/visits").status, 403);
}

TEST_P(Mass, TwentyCadresClaimAtOnceAndExactlyOneWins) {
  START_CITY(s);
  const std::string admin = s.login("admin");
  auto published = s.send_as(admin, "POST", "/api/v1/mass/projects",
                             Json{{"org_node_id", city.unit_a}, {"title", "楼道扶手"}, {"category", "elderly"},
                                  {"need", "老人上下楼不便"}, {"budget_cap", 2000}, {"deadline", "2026-12-31"}}.dump());
  ASSERT_EQ(published.status, 201) << published.body;
  const long long id = id_of(published);
  std::vector<Principal> cadres;
  for (int i = 0; i < 20; ++i)
    cadres.push_back(Principal{.account_id = s.account_id("cadre"),
                               .person_id = add_roster_person(s, "干部" + std::to_string(i), city.unit_a, 0, "full")});
  std::atomic<int> won{0}, refused{0}, other{0};
  std::vector<std::thread> threads;
  for (const auto& c : cadres)
    threads.emplace_back([&, c] {
      try {
        s.app().mass_projects().claim(c, id, 0);
        ++won;
      } catch (const Error& e) {
        (e.status() == 409 && e.code() == "project_state" ? refused : other)++;
      } catch (const std::exception&) {
        ++other;
      }
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(won.load(), 1);
  EXPECT_EQ(refused.load(), 19);
  EXPECT_EQ(other.load(), 0);
  EXPECT_EQ(s.count("SELECT COUNT(*) FROM mass_project_update WHERE kind = 'claimed'"), 1);
  EXPECT_EQ(s.count("SELECT COUNT(*) FROM mass_project WHERE claimer_person_id IS NOT NULL"), 1);
}

TEST_P(Mass, AMicroProjectGoesThroughItsStepsInOrderOnly) {
  START_CITY(s);
  const std::string admin = s.login("admin"), unitadmin = s.login("unitadmin"), cadre = s.login("cadre");
  Json p = {{"org_node_id", city.unit_a}, {"title", "智能手机课堂"}, {"category", "elderly"}, {"need", "老人不会用手机挂号"},
            {"budget_cap", 500}, {"deadline", "2026-12-20"}};
  Json wrong = p;
  wrong["category"] = "party";
  EXPECT_EQ(field_of(s.send_as(unitadmin, "POST", "/api/v1/mass/projects", wrong.dump())), "category");
  wrong = p;
  wrong["deadline"] = "2026-11-01";
  EXPECT_EQ(field_of(s.send_as(unitadmin, "POST", "/api/v1/mass/projects", wrong.dump())), "deadline");
  wrong = p;
  wrong["org_node_id"] = city.unit_b;
  EXPECT_EQ(field_of(s.send_as(unitadmin, "POST", "/api/v1/mass/projects", wrong.dump())), "org_node_id");
  auto published = s.send_as(unitadmin, "POST", "/api/v1/mass/projects", p.dump());
  ASSERT_EQ(published.status, 201) << published.body;
  const std::string id = std::to_string(id_of(published));
  const std::string url = "/api/v1/mass/projects/" + id, me = "/api/v1/me/mass/projects/" + id;

  EXPECT_EQ(code_of(s.send_as(unitadmin, "POST", url + "/rate", R"({"satisfaction":5})")), "project_state") << "not done yet";
  EXPECT_EQ(s.send_as(cadre, "POST", me + "/done", R"({"note":"已完成课堂","photos":[1]})").status, 404) << "not claimed by them";
  auto board = s.get_as(cadre, "/api/v1/me/mass/projects");
  ASSERT_EQ(board.json()["items"].size(), 1u);
  auto claimed = s.send_as(cadre, "POST", me + "/claim", "{}");
  ASSERT_EQ(claimed.status, 200) << claimed.body;
  EXPECT_EQ(claimed.json()["status"], "claimed");
  EXPECT_EQ(code_of(s.send_as(cadre, "POST", me + "/claim", "{}")), "project_state");
  EXPECT_EQ(s.get_as(cadre, "/api/v1/me/mass/projects").json()["items"].size(), 0u) << "off the open board";
  EXPECT_EQ(code_of(s.send_as(unitadmin, "POST", url + "/close", "{}")), "project_state");
  EXPECT_EQ(s.send_as(cadre, "POST", me + "/progress", R"({"note":"已联系场地和讲师"})").status, 200);
  EXPECT_EQ(field_of(s.send_as(cadre, "POST", me + "/done", R"({"note":"开设 4 次课堂"})")), "photos");
  const Principal cadre_principal{.account_id = s.account_id("cadre"), .person_id = city.person_a};
  const long long photo = s.app().files().upload(cadre_principal, "image/jpeg", std::string("\xFF\xD8\xFF\xE0 photo", 10)).id;
  // A PDF is a document, not a photo of the work done.
  const long long pdf = s.app().files().upload(cadre_principal, "application/pdf", "%PDF-1.4\n% report").id;
  EXPECT_EQ(field_of(s.send_as(cadre, "POST", me + "/done", Json{{"note", "开设 4 次课堂"}, {"photos", Json::array({pdf})}}.dump())),
            "photos");
  auto done = s.send_as(cadre, "POST", me + "/done", Json{{"note", "开设 4 次课堂"}, {"photos", Json::array({photo})}}.dump());
  ASSERT_EQ(done.status, 200) << done.body;
  EXPECT_EQ(done.json()["status"], "done");
  EXPECT_EQ(code_of(s.send_as(cadre, "POST", me + "/progress", R"({"note":"补充进展情况"})")), "project_state");
  EXPECT_EQ(field_of(s.send_as(unitadmin, "POST", url + "/rate", R"({"satisfaction":6})")), "satisfaction");
  auto rated = s.send_as(unitadmin, "POST", url + "/rate", R"({"satisfaction":5,"note":"很实用"})");
  ASSERT_EQ(rated.status, 200) << rated.body;
  EXPECT_EQ(rated.json()["status"], "rated");
  EXPECT_EQ(code_of(s.send_as(unitadmin, "POST", url + "/rate", R"({"satisfaction":4})")), "project_state");
  EXPECT_EQ(s.count("SELECT COUNT(*) FROM ledger_entry WHERE source_key LIKE 'event:mass.micro_project_completed:%'"), 1);
  auto closed = s.send_as(unitadmin, "POST", url + "/close", "{}");
  ASSERT_EQ(closed.status, 200) << closed.body;
  EXPECT_EQ(closed.json()["status"], "closed");
  EXPECT_EQ(closed.json()["updates"].size(), 4u) << "claimed, progress, done, rated";
  EXPECT_EQ(s.get_as(admin, "/api/v1/mass/projects?status=closed").json()["total"], 1);
  EXPECT_EQ(s.get_as(s.login("secretary"), url).status, 404) << "a project of unit A is outside branch A1's scope";
}

TEST_P(Mass, ATeamClaimBooksEachMemberAndCountsTheirHours) {
  START_CITY(s);
  const std::string admin = s.login("admin"), cadre = s.login("cadre");
  const long long mate = add_roster_person(s, "李青", city.unit_a, 0, "full");
  auto team = s.send_as(admin, "POST", "/api/v1/mass/teams",
                        Json{{"org_node_id", city.unit_a}, {"name", "青年服务队"}, {"leader_person_id", city.person_a},
                             {"member_ids", Json::array({city.person_a, mate})}}.dump());
  ASSERT_EQ(team.status, 201) << team.body;
  const long long team_id = id_of(team);
  EXPECT_EQ(s.get_as(cadre, "/api/v1/me/mass/teams").json()["items"].size(), 1u);
  auto p = s.send_as(admin, "POST", "/api/v1/mass/projects",
                     Json{{"org_node_id", city.unit_a}, {"title", "读书角"}, {"category", "children"}, {"need", "作业辅导志愿者"},
                          {"deadline", "2026-12-20"}}.dump());
  const std::string id = std::to_string(id_of(p));
  EXPECT_EQ(field_of(s.send_as(cadre, "POST", "/api/v1/me/mass/projects/" + id + "/claim", R"({"team_id":999})")), "team_id");
  ASSERT_EQ(s.send_as(cadre, "POST", "/api/v1/me/mass/projects/" + id + "/claim", Json{{"team_id", team_id}}.dump()).status, 200);
  // A teammate sees the team's claim and may finish it.
  Principal teammate{.account_id = s.account_id("cadre"), .person_id = mate};
  ASSERT_EQ(s.app().mass_projects().my_claims(teammate).size(), 1u);
  const long long photo = s.app().files().upload(teammate, "image/jpeg", std::string("\xFF\xD8\xFF\xE0 photo", 10)).id;
  s.app().mass_projects().done(teammate, id_of(p), "每周两次辅导", {photo});
  ASSERT_EQ(s.send_as(admin, "POST", "/api/v1/mass/projects/" + id + "/rate", R"({"satisfaction":4})").status, 200);
  EXPECT_EQ(s.count("SELECT COUNT(*) FROM ledger_entry WHERE source_key LIKE 'event:mass.micro_project_completed:%'"), 2)
      << "each member of the team";
  auto hours = s.send_as(admin, "POST", "/api/v1/mass/teams/" + std::to_string(team_id) + "/hours",
                         Json{{"person_id", mate}, {"hours", 2.5}, {"service_date", "2026-11-28"}, {"project_id", id_of(p)}}.dump());
  ASSERT_EQ(hours.status, 200) << hours.body;
  EXPECT_DOUBLE_EQ(hours.json()["members"][1]["hours"].get<double>(), 2.5);
  EXPECT_EQ(field_of(s.send_as(admin, "POST", "/api/v1/mass/teams/" + std::to_string(team_id) + "/hours",
                               Json{{"person_id", city.person_b}, {"hours", 1}, {"service_date", "2026-11-28"}}.dump())),
            "person_id");
}

INSTANTIATE_TEST_SUITE_P(Db, Mass, ::testing::Values(Backend::sqlite, Backend::postgresql), backend_name);
