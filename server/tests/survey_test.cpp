// Surveys: percentages by largest remainder (a table of cases), branching and the answers' checks (a table), and on
// both databases the lifecycle with locked questions, one response per person (also when two submissions race),
// anonymity (no route, no export, no audit row ties a person to an anonymous answer), suppression of small
// cross-tab cells, the target group, the link, and the data scope.
#include <gtest/gtest.h>

#include <thread>

#include "core/error.hpp"
#include "evaluation/survey_model.hpp"
#include "evaluation/survey_service.hpp"
#include "support/party_fixtures.hpp"
#include "support/test_server.hpp"

using namespace xinhuo;
using namespace xinhuo::test;
namespace sv = xinhuo::evaluation::survey;

TEST(SurveyRules, PercentagesOfOneAnswerEachSumToExactly100) {
  struct Case {
    std::vector<long long> counts;
    std::vector<std::string> percents;
  };
  const Case cases[] = {
      {{1, 1, 1}, {"33.33", "33.33", "33.34"}},             // the worked case: the tie goes to the later option
      {{2, 2, 1, 1}, {"33.33", "33.33", "16.67", "16.67"}},  // larger remainders first
      {{1, 1, 1, 1, 1, 1, 1}, {"14.28", "14.28", "14.28", "14.29", "14.29", "14.29", "14.29"}},
      {{2, 1}, {"66.67", "33.33"}},
      {{5, 0, 0}, {"100.00", "0.00", "0.00"}},
      {{0, 0}, {"0.00", "0.00"}},  // no answers: nothing to share out
      {{4903, 4345, 752}, {"49.03", "43.45", "7.52"}},
  };
  for (const auto& c : cases) {
    const auto bp = sv::largest_remainder_bp(c.counts);
    std::vector<std::string> got;
    int sum = 0;
    for (int b : bp) {
      got.push_back(sv::percent_text(b));
      sum += b;
    }
    EXPECT_EQ(got, c.percents);
    if (c.counts != std::vector<long long>{0, 0}) EXPECT_EQ(sum, 10000);
  }
  EXPECT_EQ(sv::rounded_bp(2, 3), 6667) << "multiple choice: each share rounded half up";
  EXPECT_EQ(sv::rounded_bp(1, 8), 1250);
  EXPECT_EQ(sv::age_band("1997-12-01", "2026-11-29"), "under_30");
  EXPECT_EQ(sv::age_band("1996-11-29", "2026-11-29"), "30_34");
  EXPECT_EQ(sv::age_band("1981-01-01", "2026-11-29"), "45_plus");
}

namespace {

std::vector<sv::Question> branching_survey() {
  return {
      {.id = "q1", .kind = "single", .title = "是否参加过培训", .required = true,
       .options = {{"yes", "是", ""}, {"no", "否", "q3"}, {"skip", "不便回答", "end"}}},
      {.id = "q2", .kind = "scale", .title = "培训满意度", .required = true, .scale_min = 0, .scale_max = 10},
      {.id = "q3", .kind = "multiple", .title = "希望的培训形式", .required = true, .options = {{"a", "线上", ""}, {"b", "线下", ""}}},
      {.id = "q4", .kind = "text", .title = "建议", .max_length = 5},
  };
}

sv::Answer choose(const std::string& q, std::vector<std::string> options) { return {.question_id = q, .option_ids = std::move(options)}; }
sv::Answer scale(const std::string& q, long long v) { return {.question_id = q, .value = v}; }
sv::Answer text(const std::string& q, const std::string& t) { return {.question_id = q, .text = t}; }

// The field of the 400 the answers get, or "" when they pass.
std::string refusal(const std::vector<sv::Answer>& answers) {
  try {
    sv::check_answers(branching_survey(), answers);
    return "";
  } catch (const Error& e) {
    return e.field();
  }
}

}  // namespace

TEST(SurveyRules, BranchingDecidesWhatMustAndMustNotBeAnswered) {
  struct Case {
    const char* name;
    std::vector<sv::Answer> answers;
    std::string field;
  };
  const Case cases[] = {
      {"the whole way", {choose("q1", {"yes"}), scale("q2", 8), choose("q3", {"a", "b"}), text("q4", "多一些")}, ""},
      {"no skips q2", {choose("q1", {"no"}), choose("q3", {"a"})}, ""},
      {"a skipped question answered", {choose("q1", {"no"}), scale("q2", 8), choose("q3", {"a"})}, "answers.q2"},
      {"end skips everything after", {choose("q1", {"skip"})}, ""},
      {"answered after the end", {choose("q1", {"skip"}), text("q4", "x")}, "answers.q4"},
      {"required on the path missing", {choose("q1", {"yes"}), choose("q3", {"a"})}, "answers.q2"},
      {"required first question missing", {}, "answers.q1"},
      {"an option of another question", {choose("q1", {"a"}), scale("q2", 1), choose("q3", {"a"})}, "answers.q1"},
      {"two options of a single choice", {choose("q1", {"yes", "no"}), scale("q2", 1), choose("q3", {"a"})}, "answers.q1"},
      {"scale out of range", {choose("q1", {"yes"}), scale("q2", 11), choose("q3", {"a"})}, "answers.q2"},
      {"text too long", {choose("q1", {"no"}), choose("q3", {"a"}), text("q4", "一二三四五六")}, "answers.q4"},
      {"unknown question", {choose("q1", {"no"}), choose("q3", {"a"}), text("q9", "x")}, "answers[2].question_id"},
      {"a question twice", {choose("q1", {"no"}), choose("q3", {"a"}), choose("q3", {"b"})}, "answers[2].question_id"},
  };
  for (const auto& c : cases) EXPECT_EQ(refusal(c.answers), c.field) << c.name;

  auto definition_refusal = [](std::vector<sv::Question> qs) {
    try {
      sv::check_questions(qs);
      return std::string();
    } catch (const Error& e) {
      return e.field();
    }
  };
  auto backwards = branching_survey();
  backwards[2].kind = "single";
  backwards[2].options[0].skip_to = "q1";
  EXPECT_EQ(definition_refusal(backwards), "questions[2].options[0].skip_to") << "skips go forward only";
  auto from_multiple = branching_survey();
  from_multiple[2].options[0].skip_to = "q4";
  EXPECT_EQ(definition_refusal(from_multiple), "questions[2].options[0].skip_to");
  auto bad_scale = branching_survey();
  bad_scale[1].scale_max = 0;
  EXPECT_EQ(definition_refusal(bad_scale), "questions[1].scale_max");
  EXPECT_EQ(definition_refusal(branching_survey()), "");
}

class Survey : public ::testing::TestWithParam<Backend> {};

namespace {

std::string code_of(const HttpResult& r) { return r.json()["error"].value("code", ""); }
std::string field_of(const HttpResult& r) { return r.json()["error"].value("field", ""); }

Json survey_body(long long node, bool anonymous) {
  return {{"org_node_id", node}, {"title", "学习效果问卷"}, {"anonymous", anonymous},
          {"questions", sv::questions_json(branching_survey())}};
}

// A person of the unit answering through the service (the HTTP routes are covered with the cadre's session).
void answer_as(TestServer& s, long long person, long long survey, const std::vector<sv::Answer>& answers) {
  Principal p;
  p.account_id = s.account_id("admin");
  p.person_id = person;
  s.app().surveys().respond(p, survey, answers);
}

long long publish(TestServer& s, const std::string& cookie, const Json& body) {
  auto created = s.send_as(cookie, "POST", "/api/v1/evaluation/surveys", body.dump());
  EXPECT_EQ(created.status, 201) << created.body;
  const long long id = created.json()["id"].get<long long>();
  auto opened = s.send_as(cookie, "POST", "/api/v1/evaluation/surveys/" + std::to_string(id) + "/publish", "{}");
  EXPECT_EQ(opened.status, 200) << opened.body;
  return id;
}

}  // namespace

TEST_P(Survey, ADraftIsEditedThenLockedOncePublishedAndClosed) {
  START_CITY(s);
  const std::string admin = s.login("unitadmin"), cadre = s.login("cadre");
  Json body = survey_body(city.unit_a, false);
  body["questions"] = Json::array();
  auto created = s.send_as(admin, "POST", "/api/v1/evaluation/surveys", body.dump());
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.json()["status"], "draft");
  const std::string url = "/api/v1/evaluation/surveys/" + std::to_string(created.json()["id"].get<long long>());
  EXPECT_EQ(field_of(s.send_as(admin, "POST", url + "/publish", "{}")), "questions") << "nothing to answer yet";

  body["questions"] = sv::questions_json(branching_survey());
  body["version"] = 1;
  auto saved = s.send_as(admin, "PUT", url, body.dump());
  ASSERT_EQ(saved.status, 200) << saved.body;
  EXPECT_EQ(saved.json()["version"], 2);
  EXPECT_EQ(saved.json()["questions"].size(), 4u);
  EXPECT_EQ(code_of(s.send_as(admin, "PUT", url, body.dump())), "survey_version") << "a stale edit";
  Json backwards = body;
  backwards["version"] = 2;
  backwards["questions"][2]["kind"] = "single";
  backwards["questions"][2]["options"][0]["skip_to"] = "q1";
  EXPECT_EQ(field_of(s.send_as(admin, "PUT", url, backwards.dump())), "questions[2].options[0].skip_to");

  EXPECT_EQ(s.get_as(cadre, "/api/v1/me/surveys/" + url.substr(url.rfind('/') + 1)).status, 404) << "a draft is not answered";
  auto opened = s.send_as(admin, "POST", url + "/publish", "{}");
  ASSERT_EQ(opened.status, 200) << opened.body;
  EXPECT_EQ(opened.json()["status"], "open");
  EXPECT_EQ(s.send_as(admin, "POST", url + "/publish", "{}").status, 409);
  body["version"] = 2;
  auto locked = s.send_as(admin, "PUT", url, body.dump());
  EXPECT_EQ(locked.status, 409);
  EXPECT_EQ(code_of(locked), "survey_state") << "questions are locked once open";

  auto closed = s.send_as(admin, "POST", url + "/close", "{}");
  ASSERT_EQ(closed.status, 200) << closed.body;
  EXPECT_EQ(closed.json()["status"], "closed");
  const std::string my = "/api/v1/me/surveys/" + url.substr(url.rfind('/') + 1) + "/responses";
  auto late = s.send_as(cadre, "POST", my, R"({"answers":[{"question_id":"q1","option_ids":["skip"]}]})");
  EXPECT_EQ(late.status, 409);
  EXPECT_EQ(code_of(late), "survey_state");
  EXPECT_EQ(s.count("SELECT COUNT(*) FROM audit_log WHERE action LIKE 'evaluation.survey_%'"), 4);
}

TEST_P(Survey, OneResponsePerPersonEvenWhenTwoSubmissionsRace) {
  START_CITY(s);
  const std::string admin = s.login("unitadmin"), cadre = s.login("cadre");
  const long long id = publish(s, admin, survey_body(city.unit_a, false));
  const std::string url = "/api/v1/me/surveys/" + std::to_string(id) + "/responses";
  const std::string answers = R"({"answers":[{"question_id":"q1","option_ids":["no"]},{"question_id":"q3","option_ids":["a"]}]})";

  auto mine = s.get_as(cadre, "/api/v1/me/surveys");
  ASSERT_EQ(mine.status, 200) << mine.body;
  ASSERT_EQ(mine.json()["items"].size(), 1u);
  EXPECT_EQ(mine.json()["items"][0]["responded"], false);

  // The skipped question answered: refused, naming it; nothing stored.
  auto skipped = s.send_as(cadre, "POST", url,
                           R"({"answers":[{"question_id":"q1","option_ids":["no"]},{"question_id":"q2","value":5},{"question_id":"q3","option_ids":["a"]}]})");
  EXPECT_EQ(skipped.status, 400);
  EXPECT_EQ(field_of(skipped), "answers.q2");

  HttpResult first, second;
  std::thread a([&] { first = s.send_as(cadre, "POST", url, answers); });
  std::thread b([&] { second = s.send_as(cadre, "POST", url, answers); });
  a.join();
  b.join();
  std::multiset<int> statuses = {first.status, second.status};
  EXPECT_EQ(statuses, (std::multiset<int>{201, 409})) << first.body << " / " << second.body;
  EXPECT_EQ(s.count("SELECT COUNT(*) FROM survey_response WHERE survey_id = " + std::to_string(id)), 1);
  auto again = s.send_as(cadre, "POST", url, answers);
  EXPECT_EQ(again.status, 409);
  EXPECT_EQ(code_of(again), "survey_responded");
  EXPECT_EQ(s.get_as(cadre, "/api/v1/me/surveys").json()["items"][0]["responded"], true);
}

TEST_P(Survey, NoRouteNorExportTiesAPersonToAnAnonymousAnswer) {
  START_CITY(s);
  const std::string admin = s.login("unitadmin"), cadre = s.login("cadre");
  const long long id = publish(s, admin, survey_body(city.unit_a, true));
  auto sent = s.send_as(cadre, "POST", "/api/v1/me/surveys/" + std::to_string(id) + "/responses",
                        R"({"answers":[{"question_id":"q1","option_ids":["yes"]},{"question_id":"q2","value":9},)"
                        R"({"question_id":"q3","option_ids":["b"]},{"question_id":"q4","text":"多实践"}]})");
  ASSERT_EQ(sent.status, 201) << sent.body;
  EXPECT_EQ(sent.json().contains("response_id"), false);
  // Two more of unit A: three respondents, one option each.
  const long long p2 = add_roster_person(s, "赵敏", city.unit_a, 0, "full"), p3 = add_roster_person(s, "钱多", city.unit_a, 0, "full");
  answer_as(s, p2, id, {choose("q1", {"no"}), choose("q3", {"a"})});
  answer_as(s, p3, id, {choose("q1", {"skip"})});

  EXPECT_EQ(s.count("SELECT COUNT(*) FROM survey_response WHERE person_id IS NOT NULL"), 0) << "stored without the person";
  EXPECT_EQ(s.count("SELECT COUNT(*) FROM survey_respondent WHERE survey_id = " + std::to_string(id)), 3);
  EXPECT_EQ(s.count("SELECT COUNT(*) FROM survey_response WHERE LENGTH(submitted_on) <> 10"), 0) << "the date only";
  EXPECT_EQ(s.count("SELECT COUNT(*) FROM audit_log WHERE action = 'evaluation.survey_responded'"), 0);

  const std::string url = "/api/v1/evaluation/surveys/" + std::to_string(id);
  auto results = s.get_as(admin, url + "/results");
  ASSERT_EQ(results.status, 200) << results.body;
  const Json r = results.json();
  EXPECT_EQ(r["responses"], 3);
  const Json q1 = r["questions"][0];
  EXPECT_EQ(q1["options"][0]["percent"], "33.33");
  EXPECT_EQ(q1["options"][1]["percent"], "33.33");
  EXPECT_EQ(q1["options"][2]["percent"], "33.34");
  EXPECT_EQ(r["questions"][1]["mean"], "9.00");
  EXPECT_EQ(r["questions"][3]["texts"], Json::array({"多实践"}));
  // Unit A has 3 respondents: its row is shown, but each cell of 1 is not.
  ASSERT_EQ(q1["by_unit"].size(), 1u);
  EXPECT_EQ(q1["by_unit"][0]["respondents"], 3);
  EXPECT_EQ(q1["by_unit"][0]["counts"], Json::array({nullptr, nullptr, nullptr}));
  // Only the cadre answered q2: the group is suppressed whole.
  EXPECT_EQ(r["questions"][1]["by_unit"][0]["suppressed"], true);
  for (const auto& body : {results.body, s.get_as(admin, url).body, s.get_as(admin, "/api/v1/evaluation/surveys").body,
                           s.get_as(cadre, "/api/v1/me/surveys").body}) {
    EXPECT_EQ(body.find("王晓"), std::string::npos) << body;
    EXPECT_EQ(body.find("person_id"), std::string::npos) << body;
  }
  auto xlsx = s.get_as(admin, url + "/export");
  ASSERT_EQ(xlsx.status, 200);
  EXPECT_EQ(xlsx.body.substr(0, 2), "PK");
  EXPECT_EQ(s.count("SELECT COUNT(*) FROM audit_log WHERE action = 'evaluation.survey_exported'"), 1);

  // The same survey named: the export lists who answered what (they answered under their names).
  const long long named = publish(s, admin, survey_body(city.unit_a, false));
  answer_as(s, p2, named, {choose("q1", {"no"}), choose("q3", {"a"})});
  EXPECT_EQ(s.count("SELECT COUNT(*) FROM survey_response WHERE person_id = " + std::to_string(p2)), 1);
  EXPECT_EQ(s.count("SELECT COUNT(*) FROM audit_log WHERE action = 'evaluation.survey_responded'"), 1);
}

TEST_P(Survey, TheTargetTheLinkAndTheDataScopeDecideWhoAnswersAndWhoSees) {
  START_CITY(s);
  const std::string admin = s.login("admin"), unitadmin = s.login("unitadmin"), cadre = s.login("cadre");
  // Unit B's survey: not the cadre's (unit A), not unit A's administrator's to see.
  const long long b = publish(s, admin, survey_body(city.unit_b, false));
  EXPECT_EQ(s.get_as(cadre, "/api/v1/me/surveys/" + std::to_string(b)).status, 404);
  EXPECT_EQ(s.send_as(cadre, "POST", "/api/v1/me/surveys/" + std::to_string(b) + "/responses",
                      R"({"answers":[{"question_id":"q1","option_ids":["skip"]}]})").status, 404);
  EXPECT_EQ(s.get_as(unitadmin, "/api/v1/evaluation/surveys/" + std::to_string(b)).status, 404);
  EXPECT_EQ(s.get_as(unitadmin, "/api/v1/evaluation/surveys/" + std::to_string(b) + "/results").status, 404);
  EXPECT_EQ(s.get_as(unitadmin, "/api/v1/evaluation/surveys").json()["total"], 0);
  EXPECT_EQ(s.get_as(admin, "/api/v1/evaluation/surveys").json()["total"], 1);
  Json theirs = survey_body(city.unit_b, false);
  EXPECT_EQ(field_of(s.send_as(unitadmin, "POST", "/api/v1/evaluation/surveys", theirs.dump())), "org_node_id");
  EXPECT_EQ(s.get_as(cadre, "/api/v1/evaluation/surveys").status, 403);

  // Open by link: anyone signed in with a person answers it.
  Json linked = survey_body(city.unit_b, false);
  linked["by_link"] = true;
  const long long l = publish(s, admin, linked);
  EXPECT_EQ(s.get_as(cadre, "/api/v1/me/surveys/" + std::to_string(l)).status, 200);
  EXPECT_EQ(s.send_as(cadre, "POST", "/api/v1/me/surveys/" + std::to_string(l) + "/responses",
                      R"({"answers":[{"question_id":"q1","option_ids":["skip"]}]})").status, 201);

  // Party members only: the cadre (a full member) is in it; a person of the masses of unit A is not.
  Json members = survey_body(city.unit_a, false);
  members["target"] = "members";
  const long long m = publish(s, unitadmin, members);
  EXPECT_EQ(s.get_as(cadre, "/api/v1/me/surveys/" + std::to_string(m)).status, 200);
  const long long masses = add_roster_person(s, "孙群", city.unit_a, 0, "masses");
  Principal p;
  p.account_id = s.account_id("admin");
  p.person_id = masses;
  EXPECT_THROW(s.app().surveys().my_survey(p, m), Error);
  auto mine = s.get_as(cadre, "/api/v1/me/surveys").json()["items"];
  EXPECT_EQ(mine.size(), 2u) << "unit A's members survey and the linked one answered; not unit B's";
}

INSTANTIATE_TEST_SUITE_P(Db, Survey, ::testing::Values(Backend::sqlite, Backend::postgresql), backend_name);
