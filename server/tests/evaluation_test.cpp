// Evaluation campaigns: docs/evaluation.md's worked example of 双对双排 (normalised per rater, combined, ranked,
// flagged, leniency) both as arithmetic and through the API on both databases; ranks that tie refused; the lifecycle
// out of order refused; the 优秀 quota; anonymous groups never showing who gave a score and small groups suppressed;
// the data scope; a ratee's own published result.
#include <gtest/gtest.h>

#include <algorithm>

#include "auth/service.hpp"
#include "db/transaction.hpp"
#include "evaluation/campaign_service.hpp"
#include "support/party_fixtures.hpp"
#include "support/test_server.hpp"

using namespace xinhuo;
using namespace xinhuo::test;
using evaluation::DualScore;

namespace {

// docs/evaluation.md: cadres A, B (line 1, lenient leader 甲) and C, D (line 2, strict leader 乙); unit head 丙.
std::vector<DualScore> worked_example(long long a, long long b, long long c, long long d, long long jia, long long yi, long long bing) {
  return {{jia, a, "line", 98, 1}, {jia, b, "line", 94, 2}, {yi, c, "line", 82, 1}, {yi, d, "line", 78, 2},
          {bing, a, "unit", 85, 2}, {bing, b, "unit", 80, 3}, {bing, c, "unit", 90, 1}, {bing, d, "unit", 75, 4}};
}

// The names the young-cadre pool lists for a query.
std::vector<std::string> pool_names(TestServer& s, const std::string& token, const std::string& query) {
  auto r = s.get_as(token, "/api/v1/record/pool?page_size=100&" + query);
  EXPECT_EQ(r.status, 200) << r.body;
  std::vector<std::string> out;
  const Json body = r.json();
  for (const auto& p : body["items"]) out.push_back(p["name"]);
  return out;
}

}  // namespace

TEST(EvaluationRules, TheWorkedExampleOfDualRanking) {
  const auto o = evaluation::combine_dual(worked_example(1, 2, 3, 4, 11, 12, 13), {});
  ASSERT_EQ(o.results.size(), 4u);
  // Combined order C, A, B, D although the raw averages put A (91.5) before C (86): 乙 is strict, not C's line weak.
  EXPECT_EQ(o.results[0].ratee, 3);
  EXPECT_DOUBLE_EQ(o.results[0].combined, 61.71);
  EXPECT_DOUBLE_EQ(o.results[0].unit_normalised, 63.42);
  EXPECT_EQ(o.results[1].ratee, 1);
  EXPECT_DOUBLE_EQ(o.results[1].combined, 57.24);
  EXPECT_DOUBLE_EQ(o.results[1].line_normalised, 60);
  EXPECT_DOUBLE_EQ(o.results[1].unit_normalised, 54.47);
  EXPECT_EQ(o.results[2].ratee, 2);
  EXPECT_DOUBLE_EQ(o.results[2].combined, 42.76);
  EXPECT_EQ(o.results[3].ratee, 4);
  EXPECT_DOUBLE_EQ(o.results[3].combined, 38.29);
  EXPECT_TRUE(o.results[0].top);
  EXPECT_TRUE(o.results[3].bottom);
  EXPECT_FALSE(o.results[1].top || o.results[1].bottom || o.results[2].top || o.results[2].bottom);
  EXPECT_DOUBLE_EQ(o.overall_mean, 85.25);
  ASSERT_EQ(o.raters.size(), 3u);
  EXPECT_DOUBLE_EQ(o.raters[0].mean, 96);
  EXPECT_DOUBLE_EQ(o.raters[0].leniency, 10.75);
  EXPECT_DOUBLE_EQ(o.raters[1].leniency, -5.25);
  EXPECT_DOUBLE_EQ(o.raters[2].spread, 5.59);

  evaluation::Settings minmax;
  minmax.normalisation = "minmax";
  minmax.line_weight = 60;
  minmax.unit_weight = 40;
  const auto m = evaluation::combine_dual(worked_example(1, 2, 3, 4, 11, 12, 13), minmax);
  // C: line 100, unit 100 → 100; A: line 100, unit 100·(85−75)/15 = 66.67 → 0.6·100 + 0.4·66.67 = 86.67.
  EXPECT_EQ(m.results[0].ratee, 3);
  EXPECT_DOUBLE_EQ(m.results[0].combined, 100);
  EXPECT_DOUBLE_EQ(m.results[1].combined, 86.67);
}

TEST(EvaluationRules, RanksQuotasAndSmallAnonymousGroups) {
  EXPECT_EQ(evaluation::first_rank_problem({2, 1, 3}), -1);
  EXPECT_EQ(evaluation::first_rank_problem({1, 2, 2}), 2) << "a tie";
  EXPECT_EQ(evaluation::first_rank_problem({1, 4, 2}), 1) << "past the list";
  EXPECT_EQ(evaluation::excellent_quota(10, 15), 1) << "1.5 rounds down";
  EXPECT_EQ(evaluation::excellent_quota(10, 20), 2);
  EXPECT_EQ(evaluation::excellent_quota(4, 20), 0);
  EXPECT_EQ(evaluation::excellent_quota(23, 20), 4);

  evaluation::Settings s;
  s.groups = {{"leaders", "领导", 40, false}, {"peers", "同事", 40, true}, {"residents", "服务对象", 20, true}};
  const auto r = evaluation::combine_multi({{"leaders", {90}}, {"peers", {80, 70, 90}}, {"residents", {60, 100}}}, s);
  ASSERT_EQ(r.lines.size(), 3u);
  EXPECT_EQ(r.lines[0].code, "leaders");
  EXPECT_EQ(r.lines[1].code, "peers");
  EXPECT_DOUBLE_EQ(r.lines[1].mean, 80);
  EXPECT_EQ(r.lines[2].code, "other");
  EXPECT_TRUE(r.lines[2].suppressed) << "two residents are not reported, alone or folded";
  EXPECT_EQ(r.lines[2].responses, 0);
  EXPECT_DOUBLE_EQ(r.total, 85) << "(40·90 + 40·80) / 80";
}

class Evaluation : public ::testing::TestWithParam<Backend> {};

namespace {

std::string code_of(const HttpResult& r) { return r.json()["error"].value("code", ""); }

long long add_person(TestServer& s, const std::string& name, long long unit) {
  auto lease = s.app().database().lease();
  long long id = 0;
  lease.sql() << "INSERT INTO person (name, gender, ethnicity, birth_date, unit_id, rank, party_status, created_at, updated_at) "
                 "VALUES (:n, 'male', '汉族', '1990-05-01', :u, 'clerk_1', 'full', 't', 't') RETURNING id",
      soci::use(name), soci::use(unit), soci::into(id);
  return id;
}

// A person who can sign in: an account with the built-in rater role (what rates is the assignment, not the role).
std::string rater_login(TestServer& s, const std::string& username, long long person, long long unit) {
  const long long account = s.fresh_account(username);
  {
    db::Tx tx(s.app().database());
    tx.sql() << "UPDATE account SET person_id = :p, password_hash = (SELECT password_hash FROM account WHERE username = 'cadre') "
                "WHERE id = :a",
        soci::use(person), soci::use(account);
    auth::AuthService::grant(tx, account, "rater", unit, "self", 0, "2026-11-01T00:00:00Z");
    tx.commit();
  }
  return s.login(username);
}

Json ids(std::initializer_list<long long> v) {
  Json out = Json::array();
  for (auto x : v) out.push_back(x);
  return out;
}

Json rating(const std::string& role, std::vector<std::array<long long, 3>> items) {
  Json list = Json::array();
  for (const auto& [ratee, score, rank] : items) list.push_back({{"ratee_id", ratee}, {"score", score}, {"rank", rank}});
  return {{"role", role}, {"items", list}};
}

}  // namespace

TEST_P(Evaluation, DualRankingFromAssignmentToTheCadresOwnResult) {
  START_CITY(s);
  const std::string admin = s.login("unitadmin"), cadre = s.login("cadre");
  const long long a = city.person_a, b = add_person(s, "赵磊", city.unit_a), c = add_person(s, "钱芳", city.unit_a),
                  d = add_person(s, "孙伟", city.unit_a);
  const long long jia = add_person(s, "周甲", city.unit_a), yi = add_person(s, "吴乙", city.unit_a),
                  bing = add_person(s, "郑丙", city.unit_a), other = add_person(s, "冯丁", city.unit_a);
  const std::string jia_s = rater_login(s, "jia", jia, city.unit_a), yi_s = rater_login(s, "yi", yi, city.unit_a),
                    bing_s = rater_login(s, "bing", bing, city.unit_a);
  Json body = {{"kind", "dual_ranking"}, {"title", "年度双对双排"}, {"org_node_id", city.unit_a},
               {"lines", Json::array({{{"name", "一条线"}, {"leader_id", jia}, {"ratee_ids", ids({a, b})}},
                                      {{"name", "二条线"}, {"leader_id", other}, {"ratee_ids", ids({c, d})}}})},
               {"unit_heads", Json::array({{{"unit_id", city.unit_a}, {"head_id", bing}}})}};
  auto created = s.send_as(admin, "POST", "/api/v1/evaluation/campaigns", body.dump());
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string url = "/api/v1/evaluation/campaigns/" + std::to_string(created.json()["id"].get<long long>());
  EXPECT_EQ(created.json()["assignments"], 8) << "each cadre: a line leader and the unit head";
  // The organiser moves C and D to 乙 before opening.
  for (long long x : {c, d}) {
    auto moved = s.send_as(admin, "POST", url + "/assignments", Json{{"ratee_id", x}, {"rater_id", yi}, {"role", "line"}}.dump());
    ASSERT_EQ(moved.status, 200) << moved.body;
  }
  EXPECT_EQ(s.get_as(admin, url).json()["assignments"], 8) << "replaced, not added";

  // Out of order: not published nor closed before it opens, not opened twice.
  EXPECT_EQ(code_of(s.send_as(admin, "POST", url + "/publish")), "campaign_state");
  EXPECT_EQ(code_of(s.send_as(admin, "POST", url + "/close")), "campaign_state");
  ASSERT_EQ(s.send_as(admin, "POST", url + "/open").status, 200);
  EXPECT_EQ(s.send_as(admin, "POST", url + "/open").status, 409);
  EXPECT_EQ(s.send_as(admin, "POST", url + "/assignments", Json{{"ratee_id", a}, {"rater_id", yi}, {"role", "line"}}.dump()).status, 409)
      << "assignments are fixed once open";

  const std::string task = "/api/v1/me/evaluation/tasks/" + url.substr(url.rfind('/') + 1);
  auto tasks = s.get_as(jia_s, "/api/v1/me/evaluation/tasks");
  ASSERT_EQ(tasks.json()["items"].size(), 1u) << tasks.body;
  EXPECT_EQ(s.get_as(cadre, task).status, 404) << "the cadre rates nothing here";
  auto tie = s.send_as(jia_s, "PUT", task + "/ratings", rating("line", {{a, 98, 1}, {b, 94, 1}}).dump());
  EXPECT_EQ(tie.status, 400);
  EXPECT_EQ(code_of(tie), "rank_tie");
  EXPECT_EQ(code_of(s.send_as(jia_s, "PUT", task + "/ratings", rating("line", {{a, 98, 1}}).dump())), "ranking_incomplete");
  EXPECT_EQ(s.send_as(jia_s, "PUT", task + "/ratings", rating("line", {{a, 98, 1}, {c, 94, 2}}).dump()).status, 400)
      << "C is not on 甲's list";
  EXPECT_EQ(s.send_as(jia_s, "PUT", task + "/ratings", rating("unit", {{a, 98, 1}, {b, 94, 2}}).dump()).status, 404)
      << "甲 is no unit head here";

  auto progress = s.get_as(admin, url + "/progress");
  EXPECT_EQ(progress.json()["raters_done"], 0);
  auto reminded = s.send_as(admin, "POST", url + "/reminders", "{}");
  ASSERT_EQ(reminded.status, 200) << reminded.body;
  EXPECT_EQ(reminded.json()["reminded"].size(), 3u);

  ASSERT_EQ(s.send_as(jia_s, "PUT", task + "/ratings", rating("line", {{a, 98, 1}, {b, 94, 2}}).dump()).status, 200);
  ASSERT_EQ(s.send_as(yi_s, "PUT", task + "/ratings", rating("line", {{c, 82, 1}, {d, 78, 2}}).dump()).status, 200);
  auto unit = s.send_as(bing_s, "PUT", task + "/ratings", rating("unit", {{a, 85, 2}, {b, 80, 3}, {c, 90, 1}, {d, 75, 4}}).dump());
  ASSERT_EQ(unit.status, 200) << unit.body;
  EXPECT_EQ(unit.json()["lists"][0]["items"][0]["ratee_id"], c) << "the list comes back in the rater's order";
  EXPECT_EQ(s.get_as(admin, url + "/progress").json()["raters_done"], 3);

  // The organiser sees docs/evaluation.md's results.
  auto results = s.get_as(admin, url + "/results");
  ASSERT_EQ(results.status, 200) << results.body;
  const Json items = results.json()["items"];
  ASSERT_EQ(items.size(), 4u);
  EXPECT_EQ(items[0]["person_id"], c);
  EXPECT_EQ(items[0]["combined"], 61.71);
  EXPECT_EQ(items[0]["top"], true);
  EXPECT_EQ(items[1]["person_id"], a);
  EXPECT_EQ(items[1]["combined"], 57.24);
  EXPECT_EQ(items[1]["line_rank"], 1);
  EXPECT_EQ(items[1]["unit_rank"], 2);
  EXPECT_EQ(items[1]["combined_rank"], 2);
  EXPECT_EQ(items[3]["person_id"], d);
  EXPECT_EQ(items[3]["bottom"], true);
  const Json raters = results.json()["raters"];
  ASSERT_EQ(raters.size(), 3u);
  for (const auto& r : raters)
    if (r["rater_id"] == jia) EXPECT_EQ(r["leniency"], 10.75);
  auto xlsx = s.get_as(admin, url + "/results/export");
  EXPECT_EQ(xlsx.status, 200);
  EXPECT_EQ(xlsx.body.substr(0, 2), "PK");
  EXPECT_EQ(s.count("SELECT COUNT(*) FROM audit_log WHERE action = 'evaluation.results_exported'"), 1);

  // The cadre sees nothing until published, then their own result only.
  EXPECT_EQ(s.get_as(cadre, "/api/v1/me/evaluation/results").json()["items"].size(), 0u);
  ASSERT_EQ(s.send_as(admin, "POST", url + "/close").status, 200);
  EXPECT_EQ(code_of(s.send_as(jia_s, "PUT", task + "/ratings", rating("line", {{a, 90, 1}, {b, 94, 2}}).dump())), "campaign_state");
  ASSERT_EQ(s.send_as(admin, "POST", url + "/publish").status, 200);
  auto mine = s.get_as(cadre, "/api/v1/me/evaluation/results");
  ASSERT_EQ(mine.json()["items"].size(), 1u) << mine.body;
  EXPECT_EQ(mine.json()["items"][0]["combined"], 57.24);
  EXPECT_EQ(mine.json()["items"][0]["combined_rank"], 2);
  EXPECT_EQ(mine.body.find("赵磊"), std::string::npos) << "no one else's result";
  EXPECT_EQ(mine.body.find("leniency"), std::string::npos);
  EXPECT_GE(s.count("SELECT COUNT(*) FROM audit_log WHERE action LIKE 'evaluation.campaign_%'"), 4);

  // Published, the flags are final: the young-cadre pool finds the 前列 and leaves out the 末位.
  EXPECT_EQ(pool_names(s, admin, "young_only=false&evaluation=top"), std::vector<std::string>{"钱芳"});
  const auto fine = pool_names(s, admin, "young_only=false&evaluation=no_low");
  EXPECT_EQ(std::count(fine.begin(), fine.end(), "钱芳"), 1);
  EXPECT_EQ(std::count(fine.begin(), fine.end(), "孙伟"), 0) << "末位 is a low result";
}

TEST_P(Evaluation, AnonymousGroupsNeverShowWhoGaveAScore) {
  START_CITY(s);
  const std::string admin = s.login("unitadmin");
  const long long ratee = city.person_a;
  std::vector<std::pair<long long, std::string>> peers, residents;
  for (const char* n : {"陈同事一", "陈同事二", "陈同事三"}) {
    const long long p = add_person(s, n, city.unit_a);
    peers.emplace_back(p, rater_login(s, "peer" + std::to_string(p), p, city.unit_a));
  }
  for (const char* n : {"林居民一", "林居民二"}) {
    const long long p = add_person(s, n, city.unit_a);
    residents.emplace_back(p, rater_login(s, "res" + std::to_string(p), p, city.unit_a));
  }
  const long long boss = add_person(s, "黄领导", city.unit_a);
  const std::string boss_s = rater_login(s, "boss", boss, city.unit_a);
  Json settings = {{"groups", Json::array({{{"code", "leaders"}, {"name", "领导"}, {"weight", 40}, {"anonymous", false}},
                                           {{"code", "peers"}, {"name", "同事"}, {"weight", 40}, {"anonymous", true}},
                                           {{"code", "residents"}, {"name", "服务对象"}, {"weight", 20}, {"anonymous", true}}})}};
  auto bad = s.send_as(admin, "POST", "/api/v1/evaluation/campaigns",
                       Json{{"kind", "multi_source"}, {"title", "立体化评价"}, {"org_node_id", city.unit_a},
                            {"settings", {{"groups", Json::array({{{"code", "a"}, {"name", "甲"}, {"weight", 50}}})}}},
                            {"ratee_ids", ids({ratee})}}.dump());
  EXPECT_EQ(bad.json()["error"]["field"], "settings.groups") << "weights add up to 100";
  auto created = s.send_as(admin, "POST", "/api/v1/evaluation/campaigns",
                           Json{{"kind", "multi_source"}, {"title", "立体化评价"}, {"org_node_id", city.unit_a},
                                {"settings", settings}, {"ratee_ids", ids({ratee})}}.dump());
  ASSERT_EQ(created.status, 201) << created.body;
  const long long id = created.json()["id"];
  const std::string url = "/api/v1/evaluation/campaigns/" + std::to_string(id);
  auto assign = [&](long long rater, const std::string& role) {
    return s.send_as(admin, "POST", url + "/assignments", Json{{"ratee_id", ratee}, {"rater_id", rater}, {"role", role}}.dump());
  };
  ASSERT_EQ(assign(boss, "leaders").status, 200);
  for (const auto& [p, _] : peers) ASSERT_EQ(assign(p, "peers").status, 200);
  for (const auto& [p, _] : residents) ASSERT_EQ(assign(p, "residents").status, 200);
  EXPECT_EQ(assign(boss, "managers").json()["error"]["field"], "role");
  ASSERT_EQ(s.send_as(admin, "POST", url + "/evidence",
                      R"({"ratee_id":)" + std::to_string(ratee) + R"(,"kind":"inspection","note":"实地察看：社区服务中心台账完整"})").status,
            201);
  ASSERT_EQ(s.send_as(admin, "POST", url + "/open").status, 200);

  const std::string task = "/api/v1/me/evaluation/tasks/" + std::to_string(id) + "/ratings";
  auto one = [&](const std::string& session, const std::string& role, int score) {
    return s.send_as(session, "PUT", task, Json{{"role", role}, {"items", Json::array({{{"ratee_id", ratee}, {"score", score}}})}}.dump());
  };
  ASSERT_EQ(one(boss_s, "leaders", 90).status, 200);
  const int peer_scores[] = {81, 71, 91};
  for (std::size_t i = 0; i < peers.size(); ++i) ASSERT_EQ(one(peers[i].second, "peers", peer_scores[i]).status, 200);
  ASSERT_EQ(one(residents[0].second, "residents", 61).status, 200);
  ASSERT_EQ(one(residents[1].second, "residents", 99).status, 200);
  auto again = one(peers[0].second, "peers", 50);
  EXPECT_EQ(again.status, 409);
  EXPECT_EQ(code_of(again), "already_rated");

  // Stored without the rater; the marker says only who has rated.
  EXPECT_EQ(s.count("SELECT COUNT(*) FROM evaluation_anonymous_score"), 5);
  EXPECT_EQ(s.count("SELECT COUNT(*) FROM evaluation_rating"), 1) << "only the leader's named score";
  EXPECT_EQ(s.count("SELECT COUNT(*) FROM evaluation_assignment WHERE role = 'peers' AND rated = 1 AND rated_at IS NULL"), 3);

  auto results = s.get_as(admin, url + "/results");
  ASSERT_EQ(results.status, 200) << results.body;
  const Json groups = results.json()["items"][0]["groups"];
  ASSERT_EQ(groups.size(), 3u);
  EXPECT_EQ(groups[1]["code"], "peers");
  EXPECT_EQ(groups[1]["mean"], 81);
  EXPECT_EQ(groups[2]["code"], "other");
  EXPECT_EQ(groups[2]["suppressed"], true) << "two residents are not reported";
  EXPECT_TRUE(groups[2]["mean"].is_null());
  EXPECT_EQ(results.json()["items"][0]["total"], 85.5) << "(40·90 + 40·81) / 80";
  EXPECT_EQ(results.json()["items"][0]["evidence"].size(), 1u);
  // The export is written from these results (and checked as a file in the 双对双排 test).
  EXPECT_EQ(s.get_as(admin, url + "/results/export").status, 200);
  auto progress = s.get_as(admin, url + "/progress");
  auto tasks = s.get_as(peers[1].second, "/api/v1/me/evaluation/tasks/" + std::to_string(id));
  EXPECT_TRUE(tasks.json()["lists"][0]["items"][0]["score"].is_null()) << "not even the rater sees it back";
  EXPECT_EQ(results.body.find("陈同事"), std::string::npos);
  EXPECT_EQ(results.body.find("林居民"), std::string::npos);
  EXPECT_EQ(results.body.find("rater"), std::string::npos);
  EXPECT_EQ(results.body.find("99"), std::string::npos) << "a suppressed resident's score";
  // Progress names who has rated, never with a score.
  EXPECT_NE(progress.body.find("陈同事"), std::string::npos);
  EXPECT_EQ(progress.body.find("score"), std::string::npos);
  EXPECT_EQ(progress.body.find("81"), std::string::npos);
}

TEST_P(Evaluation, AnnualGradesKeepTheExcellentQuota) {
  START_CITY(s);
  const std::string admin = s.login("unitadmin");
  Json people = Json::array();
  for (int i = 0; i < 10; ++i) people.push_back(add_person(s, "考核对象" + std::to_string(i), city.unit_a));
  auto over = s.send_as(admin, "POST", "/api/v1/evaluation/campaigns",
                        Json{{"kind", "annual"}, {"title", "年度考核"}, {"org_node_id", city.unit_a},
                             {"settings", {{"excellent_percent", 30}}}, {"ratee_ids", people}}.dump());
  EXPECT_EQ(over.json()["error"]["field"], "settings.excellent_percent");
  auto created = s.send_as(admin, "POST", "/api/v1/evaluation/campaigns",
                           Json{{"kind", "annual"}, {"title", "年度考核"}, {"org_node_id", city.unit_a},
                                {"settings", {{"excellent_percent", 15}}}, {"ratee_ids", people}}.dump());
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string url = "/api/v1/evaluation/campaigns/" + std::to_string(created.json()["id"].get<long long>());
  auto grade = [&](const Json& person, const char* g) {
    return s.send_as(admin, "PUT", url + "/grades/" + std::to_string(person.get<long long>()), Json{{"grade", g}}.dump());
  };
  EXPECT_EQ(code_of(grade(people[0], "excellent")), "campaign_state") << "graded while open";
  ASSERT_EQ(s.send_as(admin, "POST", url + "/open").status, 200);
  ASSERT_EQ(grade(people[0], "excellent").status, 200);
  auto second = grade(people[1], "excellent");
  EXPECT_EQ(second.status, 409) << "10 × 15 % = 1.5, rounded down to 1";
  EXPECT_EQ(code_of(second), "excellent_quota");
  EXPECT_EQ(grade(people[0], "excellent").status, 200) << "the same person again is no second 优秀";
  EXPECT_EQ(code_of(grade(people[1], "outstanding")), "validation_failed");
  ASSERT_EQ(grade(people[0], "competent").status, 200);
  EXPECT_EQ(grade(people[1], "excellent").status, 200) << "the place is free again";
  auto results = s.get_as(admin, url + "/results");
  EXPECT_EQ(results.json()["units"][0]["quota"], 1);
  EXPECT_EQ(results.json()["units"][0]["excellent"], 1);

  // Published, the grades are final: the young-cadre pool filters by them and shows each person's latest grade.
  ASSERT_EQ(grade(people[2], "basically_competent").status, 200);
  ASSERT_EQ(s.send_as(admin, "POST", url + "/close").status, 200);
  EXPECT_EQ(pool_names(s, admin, "young_only=false&evaluation=excellent"), std::vector<std::string>{}) << "not yet published";
  ASSERT_EQ(s.send_as(admin, "POST", url + "/publish").status, 200);
  EXPECT_EQ(pool_names(s, admin, "young_only=false&evaluation=excellent"), std::vector<std::string>{"考核对象1"});
  const auto fine = pool_names(s, admin, "young_only=false&evaluation=no_low&name=考核对象");
  EXPECT_EQ(fine.size(), 9u);
  EXPECT_EQ(std::count(fine.begin(), fine.end(), "考核对象2"), 0) << "基本称职 is a low result";
  const Json pool = s.get_as(admin, "/api/v1/record/pool?young_only=false&name=考核对象1").json();
  ASSERT_EQ(pool["items"].size(), 1u);
  EXPECT_EQ(pool["items"][0]["latest_grade"]["grade"], "excellent");
  EXPECT_EQ(pool["items"][0]["evaluation"], Json::array({"excellent", "no_low"}));
  EXPECT_EQ(s.get_as(admin, "/api/v1/record/pool?evaluation=famous").json()["error"]["field"], "evaluation");
}

// An accountability decision bars 优秀 in the year it takes effect and bars promotion for the form's period; both are
// enforced where they matter: the annual grade and the young-cadre pool.
TEST_P(Evaluation, AnAccountabilityDecisionBarsExcellentThatYearAndPromotionForItsPeriod) {
  START_CITY(s);
  const std::string admin = s.login("admin");
  Json people = Json::array();
  for (int i = 0; i < 10; ++i) people.push_back(add_person(s, "受评干部" + std::to_string(i), city.unit_a));
  const long long barred = people[0].get<long long>();
  auto rec = s.send_as(admin, "POST", "/api/v1/oversight/accountability",
                       Json{{"person_id", barred}, {"form", "admonition"}, {"reason", "安全检查履职不到位"},
                            {"document_no", "教党〔2026〕12号"}, {"decided_on", "2026-11-01"}, {"effective_from", "2026-11-01"}}.dump());
  ASSERT_EQ(rec.status, 201) << rec.body;

  auto campaign = [&](const Json& settings) {
    auto made = s.send_as(admin, "POST", "/api/v1/evaluation/campaigns",
                          Json{{"kind", "annual"}, {"title", "年度考核"}, {"org_node_id", city.unit_a}, {"settings", settings},
                               {"ratee_ids", people}}.dump());
    EXPECT_EQ(made.status, 201) << made.body;
    const std::string url = "/api/v1/evaluation/campaigns/" + std::to_string(made.json()["id"].get<long long>());
    EXPECT_EQ(s.send_as(admin, "POST", url + "/open").status, 200);
    return url;
  };
  auto grade = [&](const std::string& url, long long person, const char* g) {
    return s.send_as(admin, "PUT", url + "/grades/" + std::to_string(person), Json{{"grade", g}}.dump());
  };
  EXPECT_EQ(s.send_as(admin, "POST", "/api/v1/evaluation/campaigns",
                      Json{{"kind", "annual"}, {"title", "年度考核"}, {"org_node_id", city.unit_a}, {"settings", {{"year", 1899}}},
                           {"ratee_ids", people}}.dump())
                .json()["error"]["field"],
            "settings.year");

  // Made on 2026-11-29 without a year: the 2026 assessment.
  const std::string this_year = campaign(Json::object());
  auto refused = grade(this_year, barred, "excellent");
  EXPECT_EQ(refused.status, 409);
  EXPECT_EQ(code_of(refused), "accountability_bars_excellent");
  EXPECT_NE(refused.json()["error"]["message"].get<std::string>().find("诫勉"), std::string::npos);
  EXPECT_EQ(grade(this_year, barred, "competent").status, 200);
  EXPECT_EQ(grade(this_year, people[1].get<long long>(), "excellent").status, 200) << "the others keep their chance";
  const Json results = s.get_as(admin, this_year + "/results").json();
  EXPECT_EQ(results["year"], 2026);
  int flagged = 0;
  for (const auto& item : results["items"])
    if (!item["excellent_barred"].is_null()) {
      ++flagged;
      EXPECT_EQ(item["person_id"], barred);
      EXPECT_EQ(item["excellent_barred"]["form"], "admonition");
      EXPECT_EQ(item["excellent_barred"]["effective_from"], "2026-11-01");
    }
  EXPECT_EQ(flagged, 1);
  // The 2025 assessment, made late, is not affected by a decision of 2026.
  const std::string last_year = campaign({{"year", 2025}});
  EXPECT_EQ(grade(last_year, barred, "excellent").status, 200);

  // The pool shows the bar to those who may see accountability, and can leave the barred out.
  const Json pool = s.get_as(admin, "/api/v1/record/pool?young_only=false&name=受评干部0").json();
  ASSERT_EQ(pool["items"].size(), 1u);
  EXPECT_EQ(pool["items"][0]["promotion_barred_until"], "2027-04-30");
  EXPECT_EQ(pool_names(s, admin, "young_only=false&name=受评干部&promotable=true").size(), 9u);
  EXPECT_EQ(pool_names(s, admin, "young_only=false&name=受评干部").size(), 10u);
  // A decision of January: its six months have ended, so the person is promotable again.
  ASSERT_EQ(s.send_as(admin, "POST", "/api/v1/oversight/accountability",
                      Json{{"person_id", people[2]}, {"form", "admonition"}, {"reason", "会议纪律松懈"}, {"document_no", "教党〔2026〕1号"},
                           {"decided_on", "2026-01-05"}, {"effective_from", "2026-01-05"}}.dump())
                .status,
            201);
  EXPECT_EQ(pool_names(s, admin, "young_only=false&name=受评干部&promotable=true").size(), 9u) << "the January bar has ended";
  EXPECT_TRUE(s.get_as(admin, "/api/v1/record/pool?young_only=false&name=受评干部2").json()["items"][0]["promotion_barred_until"].is_null());
  EXPECT_EQ(code_of(grade(this_year, people[2].get<long long>(), "excellent")), "accountability_bars_excellent")
      << "but it still keeps the 2026 assessment from 优秀";
}

TEST_P(Evaluation, CampaignsStayInsideTheDataScope) {
  START_CITY(s);
  const std::string unitadmin = s.login("unitadmin"), admin = s.login("admin"), cadre = s.login("cadre");
  const long long b2 = add_person(s, "乙单位干部", city.unit_b);
  Json body = {{"kind", "annual"}, {"title", "乙单位年度考核"}, {"org_node_id", city.unit_b}, {"ratee_ids", ids({b2})}};
  auto refused = s.send_as(unitadmin, "POST", "/api/v1/evaluation/campaigns", body.dump());
  EXPECT_EQ(refused.status, 400);
  EXPECT_EQ(refused.json()["error"]["field"], "org_node_id");
  body["org_node_id"] = city.unit_a;
  EXPECT_EQ(s.send_as(unitadmin, "POST", "/api/v1/evaluation/campaigns", body.dump()).json()["error"]["field"], "ratee_ids")
      << "a ratee outside the campaign's organisation";
  body["org_node_id"] = city.unit_b;
  auto made = s.send_as(admin, "POST", "/api/v1/evaluation/campaigns", body.dump());
  ASSERT_EQ(made.status, 201) << made.body;
  const std::string url = "/api/v1/evaluation/campaigns/" + std::to_string(made.json()["id"].get<long long>());
  EXPECT_EQ(s.get_as(unitadmin, url).status, 404);
  EXPECT_EQ(s.get_as(unitadmin, url + "/results").status, 404);
  EXPECT_EQ(s.send_as(unitadmin, "POST", url + "/open").status, 404);
  EXPECT_EQ(s.get_as(unitadmin, "/api/v1/evaluation/campaigns").json()["items"].size(), 0u);
  EXPECT_EQ(s.get_as(admin, "/api/v1/evaluation/campaigns").json()["items"].size(), 1u);
  EXPECT_EQ(s.get_as(cadre, url).status, 403);
  EXPECT_EQ(s.get_as(cadre, "/api/v1/me/evaluation/tasks").json()["items"].size(), 0u);
}

INSTANTIATE_TEST_SUITE_P(Db, Evaluation, ::testing::Values(Backend::sqlite, Backend::postgresql), backend_name);
