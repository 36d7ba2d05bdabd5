// The growth archive and the young-cadre pool on both databases: the archive assembles what the other modules
// recorded (a training class, a competition, points, record entries, a leader's comment) in time order, the same for
// the manager and for the cadre, without listing twice what a module's event put in the record; a manager's reading is
// audited, the scope and the permission hold; the pool filters by experience and by watch list, the lists are the
// caller's own, and the comparison takes two to four people in scope.
#include <gtest/gtest.h>

#include "db/events.hpp"
#include "db/transaction.hpp"
#include "evaluation/campaign_service.hpp"
#include "support/party_fixtures.hpp"
#include "support/test_server.hpp"

using namespace xinhuo;
using namespace xinhuo::test;

class Archive : public ::testing::TestWithParam<Backend> {};

namespace {

std::string code_of(const HttpResult& r) { return r.json()["error"].value("code", ""); }
std::string field_of(const HttpResult& r) { return r.json()["error"].value("field", ""); }
long long id_of(const HttpResult& r) { return r.json()["id"].get<long long>(); }

Json entry(long long person, const std::string& category, const std::string& date, const std::string& title) {
  return {{"person_id", person}, {"category", category}, {"fact_date", date}, {"title", title},
          {"content", title + "，有据可查"}, {"source_kind", "unit"}, {"source_name", "办公室"}};
}

// The items of one section and kind, in the order the archive lists them.
std::vector<Json> items_of(const Json& archive, const std::string& section, const std::string& kind) {
  std::vector<Json> out;
  for (const auto& i : archive["items"])
    if (i["section"] == section && i["kind"] == kind) out.push_back(i);
  return out;
}

}  // namespace

TEST_P(Archive, AssemblesEveryModuleInTimeOrderForTheManagerAndTheCadre) {
  START_CITY(s);
  const std::string admin = s.login("unitadmin");
  // A training class completed with a result, and a published competition.
  auto training = s.send_as(admin, "POST", "/api/v1/practice/trainings",
                            Json{{"node_id", city.unit_a}, {"title", "年轻干部能力提升培训班"}, {"kind", "young_cadre"},
                                 {"starts_on", "2026-10-12"}, {"ends_on", "2026-10-16"}, {"hours", 40}, {"capacity", 5}}.dump());
  ASSERT_EQ(training.status, 201) << training.body;
  const std::string turl = "/api/v1/practice/trainings/" + std::to_string(id_of(training));
  ASSERT_EQ(s.send_as(admin, "POST", turl + "/enrolments", Json{{"person_ids", {city.person_a}}}.dump()).status, 200);
  ASSERT_EQ(s.send_as(admin, "PUT", turl + "/results",
                      Json{{"results", Json::array({{{"person_id", city.person_a}, {"attended_days", 5}, {"completion", "completed"},
                                                     {"result", "excellent"}}})}}.dump()).status, 200);
  ASSERT_EQ(s.send_as(admin, "POST", turl + "/close").status, 200);
  auto competition = s.send_as(admin, "POST", "/api/v1/practice/competitions",
                               Json{{"node_id", city.unit_a}, {"title", "岗位练兵比武"}, {"level", "unit"}, {"held_on", "2026-09-20"}}.dump());
  const std::string curl = "/api/v1/practice/competitions/" + std::to_string(id_of(competition));
  ASSERT_EQ(s.send_as(admin, "PUT", curl + "/entries", Json{{"entries", Json::array({{{"person_id", city.person_a}, {"score", 96}}})}}.dump()).status, 200);
  ASSERT_EQ(s.send_as(admin, "POST", curl + "/publish").status, 200);
  // Record entries: one recorded by the unit, and one a module made from its own fact (listed by that module).
  ASSERT_EQ(s.send_as(admin, "POST", "/api/v1/record/entries", entry(city.person_a, "work_result", "2026-11-20", "牵头完成调研报告").dump()).status, 201);
  {
    db::Tx tx(s.app().database());
    tx.publish({.type = "practice.assignment_completed_long", .subject_id = 7, .person_id = city.person_a,
                .occurred_at = "2026-11-10T02:00:00Z", .payload = {{"activity_date", "2026-11-10"}, {"assignment_type", "secondment"}}});
    tx.publish({.type = "study.checkin", .subject_id = 99, .person_id = city.person_a, .occurred_at = "2026-11-03T12:00:00Z"});
    tx.commit();
  }
  ASSERT_EQ(s.send_as(admin, "PUT", "/api/v1/record/people/" + std::to_string(city.person_a) + "/comments/2026",
                      Json{{"leader_name", "张主任"}, {"content", "政治素质好，工作主动。"}}.dump()).status, 200);

  const std::string url = "/api/v1/record/people/" + std::to_string(city.person_a) + "/archive";
  auto seen = s.get_as(admin, url);
  ASSERT_EQ(seen.status, 200) << seen.body;
  const Json a = seen.json();
  EXPECT_EQ(a["person"]["name"], "王晓");
  EXPECT_EQ(a["person"]["young_cadre"], true);

  const auto trainings = items_of(a, "training", "training");
  ASSERT_EQ(trainings.size(), 1u);
  EXPECT_EQ(trainings[0]["title"], "年轻干部能力提升培训班");
  EXPECT_EQ(trainings[0]["date"], "2026-10-16");
  EXPECT_EQ(trainings[0]["status"], "completed");
  EXPECT_EQ(trainings[0]["detail"], "40|excellent");
  const auto competitions = items_of(a, "practice", "competition");
  ASSERT_EQ(competitions.size(), 1u);
  EXPECT_EQ(competitions[0]["status"], "1") << "ranked first";
  const auto entries = items_of(a, "record", "entry");
  ASSERT_EQ(entries.size(), 1u) << "the entry made from the assignment's event is not listed twice";
  EXPECT_EQ(entries[0]["title"], "牵头完成调研报告");
  EXPECT_EQ(entries[0]["code"], "work_result");

  std::string last;
  for (const auto& i : a["items"]) {
    EXPECT_LE(last, i["date"].get<std::string>()) << "in time order";
    last = i["date"].get<std::string>();
  }
  ASSERT_EQ(a["points"].size(), 1u);
  EXPECT_EQ(a["points"][0]["year"], 2026);
  long long by_category = 0;
  for (const auto& c : a["points"][0]["categories"]) by_category += c["points"].get<long long>();
  EXPECT_GE(a["points"][0]["earned"].get<long long>(), 1) << "the check-in's point at least";
  EXPECT_EQ(a["points"][0]["earned"].get<long long>(), by_category);
  ASSERT_EQ(a["comments"].size(), 1u);
  EXPECT_EQ(a["comments"][0]["leader_name"], "张主任");
  EXPECT_EQ(s.count("SELECT COUNT(*) FROM audit_log WHERE action = 'record.archive_viewed'"), 1) << "a manager's reading";

  // The cadre reads the same archive of their own, without a trail of their own reading.
  auto own = s.get_as(s.login("cadre"), "/api/v1/me/archive");
  ASSERT_EQ(own.status, 200) << own.body;
  EXPECT_EQ(own.json()["items"], a["items"]);
  EXPECT_EQ(own.json()["points"], a["points"]);
  EXPECT_EQ(s.count("SELECT COUNT(*) FROM audit_log WHERE action = 'record.archive_viewed'"), 1);

  // An accountability record and a published annual grade join the archive, for the manager and the cadre alike.
  const std::string city_admin = s.login("admin");
  ASSERT_EQ(s.send_as(city_admin, "POST", "/api/v1/oversight/accountability",
                      Json{{"person_id", city.person_a}, {"form", "circulated"}, {"reason", "材料报送不及时"}, {"document_no", "教党〔2026〕3号"},
                           {"decided_on", "2026-03-01"}, {"effective_from", "2026-03-01"}}.dump()).status, 201);
  {
    Principal organiser;
    organiser.account_id = s.account_id("admin");
    organiser.display_name = "admin";
    organiser.permissions = {"evaluation.read", "evaluation.manage"};
    organiser.scope.all = true;
    auto& campaigns = s.app().campaigns();
    const long long id = campaigns.create(organiser, {.kind = "annual", .title = "2026 年度考核", .org_node_id = city.unit_a,
                                                      .ratee_ids = {city.person_a}}).id;
    campaigns.transition(organiser, id, "open");
    campaigns.set_grade(organiser, id, city.person_a, "competent");
    campaigns.transition(organiser, id, "close");
    campaigns.transition(organiser, id, "publish");
  }
  const Json later = s.get_as(admin, url).json();
  const auto accountability = items_of(later, "oversight", "accountability");
  ASSERT_EQ(accountability.size(), 1u);
  EXPECT_EQ(accountability[0]["title"], "通报");
  const auto grades = items_of(later, "evaluation", "annual");
  ASSERT_EQ(grades.size(), 1u);
  EXPECT_EQ(grades[0]["code"], "competent");
  EXPECT_EQ(grades[0]["title"], "2026 年度考核");
  const Json mine = s.get_as(s.login("cadre"), "/api/v1/me/archive").json();
  EXPECT_EQ(items_of(mine, "oversight", "accountability").size(), 1u) << "the person sees every record about them";

  // Nobody else's: outside the unit's scope 404, without record.read 403.
  EXPECT_EQ(s.get_as(admin, "/api/v1/record/people/" + std::to_string(city.person_b) + "/archive").status, 404);
  EXPECT_EQ(s.get_as(s.login("cadre"), "/api/v1/record/people/" + std::to_string(city.person_b) + "/archive").status, 403);
  EXPECT_EQ(s.get_as(s.login("secretary"), url).status, 403);
}

TEST_P(Archive, ThePoolFiltersByExperienceAndTheCallersWatchLists) {
  START_CITY(s);
  const long long zhao = add_roster_person(s, "赵强", city.unit_a, city.branch_a1, "full");
  const long long qian = add_roster_person(s, "钱芳", city.unit_a, city.branch_a1, "full");
  {
    auto lease = s.app().database().lease();
    lease.sql() << "UPDATE person SET birth_date = '1994-05-01', rank = 'senior_clerk_4' WHERE id IN (" + std::to_string(zhao) + ", " +
                       std::to_string(qian) + ")";
  }
  const std::string admin = s.login("unitadmin");
  ASSERT_EQ(s.send_as(admin, "POST", "/api/v1/record/entries", entry(zhao, "frontline", "2026-06-01", "防汛一线值守").dump()).status, 201);
  ASSERT_EQ(s.send_as(admin, "POST", "/api/v1/record/entries", entry(qian, "frontline", "2026-07-01", "抗疫一线").dump()).status, 201);
  ASSERT_EQ(s.send_as(admin, "POST", "/api/v1/record/entries", entry(qian, "shortcoming", "2025-03-01", "工作不细致").dump()).status, 201);

  auto names = [&](const std::string& query) {
    auto r = s.get_as(admin, "/api/v1/record/pool?" + query);
    EXPECT_EQ(r.status, 200) << r.body;
    std::vector<std::string> out;
    const Json body = r.json();
    for (const auto& p : body["items"]) out.push_back(p["name"]);
    return out;
  };
  EXPECT_EQ(names("sort=name&experience=frontline").size(), 2u);
  EXPECT_EQ(names("experience=frontline,no_shortcoming"), std::vector<std::string>{"赵强"}) << "钱芳 has a shortcoming this year";
  EXPECT_EQ(names("experience=frontline&name=钱"), std::vector<std::string>{"钱芳"});
  const Json all = s.get_as(admin, "/api/v1/record/pool?experience=frontline").json();
  for (const auto& p : all["items"])
    if (p["name"] == "赵强") EXPECT_EQ(p["experience"], Json::array({"frontline", "no_shortcoming"}));
  EXPECT_EQ(field_of(s.get_as(admin, "/api/v1/record/pool?experience=fame")), "experience");
  EXPECT_EQ(field_of(s.get_as(admin, "/api/v1/record/pool?sort=salary")), "sort");
  EXPECT_EQ(s.get_as(s.login("cadre"), "/api/v1/record/pool").status, 403);

  // Watch lists are the caller's own.
  auto list = s.send_as(admin, "POST", "/api/v1/record/watchlists", R"({"name":"重点培养"})");
  ASSERT_EQ(list.status, 201) << list.body;
  const long long list_id = id_of(list);
  EXPECT_EQ(code_of(s.send_as(admin, "POST", "/api/v1/record/watchlists", R"({"name":" 重点培养 "})")), "watchlist_name_taken");
  EXPECT_EQ(field_of(s.send_as(admin, "POST", "/api/v1/record/watchlists", R"({"name":"  "})")), "name");
  const std::string lurl = "/api/v1/record/watchlists/" + std::to_string(list_id) + "/people/";
  ASSERT_EQ(s.send_as(admin, "PUT", lurl + std::to_string(qian), R"({"note":"拟提任"})").status, 204);
  EXPECT_EQ(s.send_as(admin, "PUT", lurl + std::to_string(city.person_b)).status, 404) << "outside the scope";
  EXPECT_EQ(names("watchlist_id=" + std::to_string(list_id)), std::vector<std::string>{"钱芳"});
  auto lists = s.get_as(admin, "/api/v1/record/watchlists");
  ASSERT_EQ(lists.json()["items"].size(), 1u);
  EXPECT_EQ(lists.json()["items"][0]["people"], 1);
  const std::string other = s.login("admin");
  EXPECT_EQ(s.get_as(other, "/api/v1/record/watchlists").json()["items"].size(), 0u);
  EXPECT_EQ(s.get_as(other, "/api/v1/record/pool?watchlist_id=" + std::to_string(list_id)).status, 404) << "not theirs";
  EXPECT_EQ(s.send_as(other, "PUT", lurl + std::to_string(zhao)).status, 404);
  ASSERT_EQ(s.send_as(admin, "DELETE", lurl + std::to_string(qian)).status, 204);
  EXPECT_EQ(s.send_as(admin, "DELETE", lurl + std::to_string(qian)).status, 404);
  ASSERT_EQ(s.send_as(admin, "DELETE", "/api/v1/record/watchlists/" + std::to_string(list_id)).status, 204);
  EXPECT_EQ(s.count("SELECT COUNT(*) FROM audit_log WHERE action LIKE 'record.watch%'"), 4);

  // Comparison: two to four different people in scope.
  const std::string both = std::to_string(zhao) + "," + std::to_string(qian);
  auto compared = s.get_as(admin, "/api/v1/record/compare?ids=" + both);
  ASSERT_EQ(compared.status, 200) << compared.body;
  ASSERT_EQ(compared.json()["items"].size(), 2u);
  EXPECT_EQ(compared.json()["items"][0]["person"]["name"], "赵强");
  EXPECT_EQ(compared.json()["items"][1]["entries_by_category"]["shortcoming"], 1);
  EXPECT_EQ(field_of(s.get_as(admin, "/api/v1/record/compare?ids=" + std::to_string(zhao))), "ids");
  EXPECT_EQ(field_of(s.get_as(admin, "/api/v1/record/compare?ids=" + std::to_string(zhao) + "," + std::to_string(zhao))), "ids");
  EXPECT_EQ(field_of(s.get_as(admin, "/api/v1/record/compare?ids=1,x")), "ids");
  EXPECT_EQ(s.get_as(admin, "/api/v1/record/compare?ids=" + both + "," + std::to_string(city.person_b)).status, 404);
  EXPECT_EQ(s.count("SELECT COUNT(*) FROM audit_log WHERE action = 'record.cadres_compared'"), 1);
}

INSTANTIATE_TEST_SUITE_P(Db, Archive, ::testing::Values(Backend::sqlite, Backend::postgresql), backend_name);
