// Oversight: the review deadline of a fault-tolerance case in working days (table) and its overdue flag and warning;
// the steps of a case refused out of order (409) and the applicant seeing the result only once notified; publishing
// to the library refused while the text identifies anyone, and the library holding nothing that leads back; the data
// scope (another unit's case is 404); accountability periods from the form; clarifications shown by the person's
// choice; the policy library; inspection findings past their deadline.
#include <gtest/gtest.h>

#include "oversight/model.hpp"
#include "oversight/service.hpp"
#include "support/party_fixtures.hpp"
#include "support/test_server.hpp"

using namespace xinhuo;
using namespace xinhuo::test;

TEST(OversightRules, TheReviewIsDueByTheEndOfTheNextWorkingDay) {
  struct Case {
    const char *submitted, *due;
  };
  const Case cases[] = {{"2026-11-27", "2026-11-30"},   // Friday → Monday
                        {"2026-11-28", "2026-11-30"},   // Saturday → Monday
                        {"2026-11-29", "2026-11-30"},   // Sunday → Monday
                        {"2026-11-30", "2026-12-01"},   // Monday → Tuesday
                        {"2026-12-03", "2026-12-04"},   // Thursday → Friday
                        {"2026-12-31", "2027-01-01"}};  // public holidays are not known: the next weekday
  for (const auto& c : cases) EXPECT_EQ(format_date(oversight::review_due(*parse_date(c.submitted))), c.due) << c.submitted;
}

TEST(OversightRules, AccountabilityFormsSetTheirPeriods) {
  struct Case {
    const char *form, *from, *until;
  };
  const Case cases[] = {{"admonition", "2026-01-31", "2026-07-30"}, {"reassignment", "2026-03-01", "2027-02-28"},
                        {"demotion", "2026-03-01", "2028-02-29"},   {"discipline_serious_warning", "2026-01-01", "2027-06-30"},
                        {"circulated", "2026-03-01", ""},           {"suspension", "2026-03-01", ""}};
  for (const auto& c : cases) {
    const auto* form = oversight::accountability_form(c.form);
    ASSERT_NE(form, nullptr) << c.form;
    const auto until = oversight::promotion_until(*form, *parse_date(c.from));
    EXPECT_EQ(until ? format_date(*until) : std::string(), c.until) << c.form;
  }
  EXPECT_FALSE(oversight::accountability_form("circulated")->bars_excellent);
  EXPECT_TRUE(oversight::accountability_form("admonition")->bars_excellent);
  EXPECT_EQ(oversight::accountability_form("fine"), nullptr);
}

TEST(OversightRules, IdentifyingTextIsFoundAndRedacted) {
  const std::vector<std::string> names = {"王晓", "甲单位"};
  struct Case {
    const char* text;
    const char* found;
  };
  const Case cases[] = {{"某某同志先行垫付经费", ""},
                        {"王晓同志先行垫付经费", "王晓"},
                        {"经甲单位党委研究", "甲单位"},
                        {"身份证号 33020419900101123X 的干部", "33020419900101123X"},
                        {"联系电话13912345678", "13912345678"},
                        {"垫付 120000 元，编号 20261127", ""},
                        {"座机 05718765432", ""}};
  for (const auto& c : cases) EXPECT_EQ(oversight::identifying_text(c.text, names), c.found) << c.text;
  EXPECT_EQ(oversight::redact("王晓（甲单位，13912345678）", {"王晓"}, {"甲单位"}), "某某（某单位，***********）");
}

class Oversight : public ::testing::TestWithParam<Backend> {};

namespace {

std::string code_of(const HttpResult& r) { return r.json()["error"].value("code", ""); }
std::string field_of(const HttpResult& r) { return r.json()["error"].value("field", ""); }
long long id_of(const HttpResult& r) { return r.json()["id"].get<long long>(); }

Json application() {
  return {{"title", "应急采购的容错申请"}, {"facts", "台风后为按期复课采用简化程序采购维修材料"},
          {"decision_taken", "以询价代替公开招标"}, {"basis", "局党委会议纪要"}, {"loss", "单价略高"}, {"remedy", "已协商退还差价"}};
}

Json decision(const std::string& outcome = "tolerated") {
  return {{"outcome", outcome}, {"votes_for", 5}, {"votes_against", 1}, {"votes_abstain", 1},
          {"distinctions", Json::array({"experiment"})}, {"reasons", "属于先行先试，出于公心，未谋私利"}};
}

}  // namespace

TEST_P(Oversight, ACaseSubmittedFridayEveningIsDueMondayAndOverdueAfter) {
  START_CITY(s);
  s.clock().set(parse_iso_utc("2026-11-27T12:00:00Z"));  // Friday 20:00 in Beijing
  std::string cadre = s.login("cadre"), admin = s.login("admin"), unit = s.login("unitadmin");
  auto applied = s.send_as(cadre, "POST", "/api/v1/me/oversight/cases", application().dump());
  ASSERT_EQ(applied.status, 201) << applied.body;
  EXPECT_EQ(applied.json()["review_due"], "2026-11-30");
  EXPECT_EQ(applied.json()["state"], "submitted");
  EXPECT_EQ(applied.json()["applicant_kind"], "self");
  const long long id = id_of(applied);

  s.clock().set(parse_iso_utc("2026-11-30T15:30:00Z"));  // Monday 23:30: still due today
  admin = s.login("admin");  // the sessions of Friday have expired
  auto monday = s.get_as(admin, "/api/v1/oversight/cases");
  ASSERT_EQ(monday.status, 200) << monday.body;
  EXPECT_EQ(monday.json()["items"][0]["review_overdue"], false);
  EXPECT_EQ(s.get_as(admin, "/api/v1/oversight/cases/warnings").json()["overdue_reviews"], 0);

  s.clock().set(parse_iso_utc("2026-11-30T16:30:00Z"));  // Tuesday 00:30: overdue
  unit = s.login("unitadmin");
  cadre = s.login("cadre");
  admin = s.login("admin");
  auto tuesday = s.get_as(unit, "/api/v1/oversight/cases?overdue=true");
  ASSERT_EQ(tuesday.status, 200) << tuesday.body;
  ASSERT_EQ(tuesday.json()["total"], 1);
  EXPECT_EQ(tuesday.json()["items"][0]["review_overdue"], true);
  EXPECT_EQ(s.get_as(unit, "/api/v1/oversight/cases/warnings").json()["overdue_reviews"], 1);
  EXPECT_EQ(s.get_as(cadre, "/api/v1/me/oversight/cases").json()["items"][0]["state"], "submitted");

  auto reviewed = s.send_as(admin, "POST", "/api/v1/oversight/cases/" + std::to_string(id) + "/review", R"({"accept":true})");
  ASSERT_EQ(reviewed.status, 200) << reviewed.body;
  EXPECT_EQ(reviewed.json()["review_overdue"], false);
  EXPECT_EQ(s.get_as(admin, "/api/v1/oversight/cases/warnings").json()["overdue_reviews"], 0);
}

TEST_P(Oversight, StepsOutOfOrderAreRefusedAndTheApplicantSeesTheResultOnceNotified) {
  START_CITY(s);
  std::string cadre = s.login("cadre"), admin = s.login("admin"), unit = s.login("unitadmin");
  const long long id = id_of(s.send_as(cadre, "POST", "/api/v1/me/oversight/cases", application().dump()));
  const std::string url = "/api/v1/oversight/cases/" + std::to_string(id);
  EXPECT_EQ(s.send_as(admin, "POST", url + "/decide", decision().dump()).status, 409) << "not reviewed yet";
  EXPECT_EQ(code_of(s.send_as(admin, "POST", url + "/notify", "{}")), "case_state");
  EXPECT_EQ(s.send_as(unit, "POST", url + "/review", R"({"accept":true})").status, 403) << "oversight.read only";
  EXPECT_EQ(field_of(s.send_as(admin, "POST", url + "/review", R"({"accept":false})")), "note") << "declining needs a reason";
  ASSERT_EQ(s.send_as(admin, "POST", url + "/review", R"({"accept":true})").status, 200);
  EXPECT_EQ(s.send_as(admin, "POST", url + "/review", R"({"accept":true})").status, 409) << "once";
  ASSERT_EQ(s.send_as(admin, "POST", url + "/notes", R"({"note":"调取会议纪要核实"})").status, 200);

  Json two = decision();
  two["votes_for"] = 1;
  two["votes_abstain"] = 0;
  EXPECT_EQ(field_of(s.send_as(admin, "POST", url + "/decide", two.dump())), "votes_for") << "a collective takes 3 votes";
  Json against = decision();
  against["votes_for"] = 2;
  against["votes_against"] = 3;
  EXPECT_EQ(field_of(s.send_as(admin, "POST", url + "/decide", against.dump())), "votes_for") << "a majority for tolerance";
  Json none = decision();
  none["distinctions"] = Json::array();
  EXPECT_EQ(field_of(s.send_as(admin, "POST", url + "/decide", none.dump())), "distinctions");
  Json wrong = decision();
  wrong["distinctions"] = Json::array({"luck"});
  EXPECT_EQ(field_of(s.send_as(admin, "POST", url + "/decide", wrong.dump())), "distinctions");
  auto decided = s.send_as(admin, "POST", url + "/decide", decision().dump());
  ASSERT_EQ(decided.status, 200) << decided.body;
  EXPECT_EQ(decided.json()["votes"]["for"], 5);

  // Decided but not notified: the applicant sees the state, not the result or the investigation.
  const std::string mine = "/api/v1/me/oversight/cases/" + std::to_string(id);
  auto before = s.get_as(cadre, mine);
  ASSERT_EQ(before.status, 200) << before.body;
  EXPECT_EQ(before.json()["state"], "decided");
  EXPECT_TRUE(before.json()["outcome"].is_null());
  const Json history = before.json()["history"];
  for (const auto& h : history) EXPECT_NE(h["action"], "noted");

  EXPECT_EQ(field_of(s.send_as(admin, "POST", url + "/corrections", R"({"content":"完善审批流程","due_date":"2026-11-01"})")),
            "due_date");
  auto planned = s.send_as(admin, "POST", url + "/corrections", R"({"content":"完善审批流程","due_date":"2026-12-10"})");
  ASSERT_EQ(planned.status, 200) << planned.body;
  const long long item = planned.json()["corrections"][0]["id"];
  ASSERT_EQ(s.send_as(admin, "POST", url + "/notify", R"({"note":"予以容错"})").status, 200);
  auto after = s.get_as(cadre, mine);
  EXPECT_EQ(after.json()["outcome"], "tolerated");
  EXPECT_EQ(after.json()["corrections"].size(), 1u);

  EXPECT_EQ(code_of(s.send_as(admin, "POST", url + "/close", "{}")), "corrections_open");
  const std::string done = url + "/corrections/" + std::to_string(item) + "/done";
  ASSERT_EQ(s.send_as(admin, "POST", done, R"({"note":"已印发制度"})").status, 200);
  EXPECT_EQ(s.send_as(admin, "POST", done, R"({"note":"再次"})").status, 409);
  s.clock().set(parse_iso_utc("2026-12-20T04:00:00Z"));
  admin = s.login("admin");
  EXPECT_EQ(s.get_as(admin, "/api/v1/oversight/cases/warnings").json()["overdue_corrections"], 0) << "done items are not overdue";
  auto closed = s.send_as(admin, "POST", url + "/close", "{}");
  ASSERT_EQ(closed.status, 200) << closed.body;
  EXPECT_EQ(closed.json()["state"], "closed");
  EXPECT_EQ(s.send_as(admin, "POST", url + "/close", "{}").status, 409);
  EXPECT_GE(s.count("SELECT COUNT(*) FROM audit_log WHERE action LIKE 'oversight.case_%'"), 7);
}

TEST_P(Oversight, ThePublishedCaseIdentifiesNoOne) {
  START_CITY(s);
  const std::string cadre = s.login("cadre"), admin = s.login("admin");
  Json app = application();
  app["facts"] = "王晓（甲单位，身份证 330204199001011234，电话 13912345678）先行垫付经费";
  const long long id = id_of(s.send_as(cadre, "POST", "/api/v1/me/oversight/cases", app.dump()));
  const std::string url = "/api/v1/oversight/cases/" + std::to_string(id);
  ASSERT_EQ(s.send_as(admin, "POST", url + "/review", R"({"accept":true})").status, 200);
  ASSERT_EQ(s.send_as(admin, "POST", url + "/decide", decision().dump()).status, 200);
  const std::string clean = "某某同志为推进试点先行垫付经费，出于公心，及时纠正，未造成损失，予以容错。";
  EXPECT_EQ(s.send_as(admin, "POST", url + "/publish", Json{{"title", "经费先行垫付案"}, {"body", clean}}.dump()).status, 409)
      << "not notified yet";
  ASSERT_EQ(s.send_as(admin, "POST", url + "/notify", "{}").status, 200);

  for (const std::string& leak : {std::string("王晓"), std::string("甲单位"), std::string("330204199001011234"),
                                  std::string("13912345678")}) {
    auto refused = s.send_as(admin, "POST", url + "/publish", Json{{"title", "经费先行垫付案"}, {"body", clean + leak}}.dump());
    EXPECT_EQ(refused.status, 400) << leak;
    EXPECT_EQ(field_of(refused), "body") << leak;
  }
  EXPECT_EQ(field_of(s.send_as(admin, "POST", url + "/publish", Json{{"title", "王晓垫付案"}, {"body", clean}}.dump())), "title");

  auto draft = s.get_as(admin, url + "/draft");
  ASSERT_EQ(draft.status, 200) << draft.body;
  const std::string body = draft.json()["body"];
  EXPECT_EQ(body.find("王晓"), std::string::npos);
  EXPECT_EQ(body.find("13912345678"), std::string::npos);
  EXPECT_NE(body.find("某某"), std::string::npos);
  auto published = s.send_as(admin, "POST", url + "/publish", Json{{"title", "经费先行垫付案"}, {"body", body}}.dump());
  ASSERT_EQ(published.status, 201) << published.body;
  EXPECT_EQ(code_of(s.send_as(admin, "POST", url + "/publish", Json{{"title", "经费先行垫付案"}, {"body", body}}.dump())),
            "case_published");

  for (const std::string& who : {cadre, admin, s.login("unitadmin")}) {
    auto lib = s.get_as(who, "/api/v1/oversight/library?q=" + std::string("%E5%9E%AB%E4%BB%98"));  // 垫付
    ASSERT_EQ(lib.status, 200) << lib.body;
    ASSERT_EQ(lib.json()["total"], 1);
    const Json item = lib.json()["items"][0];
    for (const auto& [key, value] : item.items())
      EXPECT_TRUE(key == "id" || key == "title" || key == "body" || key == "published_on") << key;
    EXPECT_EQ(lib.body.find("王晓"), std::string::npos);
    EXPECT_EQ(lib.body.find("甲单位"), std::string::npos);
    auto one = s.get_as(who, "/api/v1/oversight/library/" + std::to_string(item["id"].get<long long>()));
    EXPECT_EQ(one.status, 200);
    EXPECT_FALSE(one.json().contains("person_id"));
    EXPECT_FALSE(one.json().contains("unit_id"));
  }
  EXPECT_EQ(s.get_as(cadre, "/api/v1/oversight/library?q=%E6%97%A0%E5%85%B3").json()["total"], 0);  // 无关

  // A case not tolerated never reaches the library.
  const long long no = id_of(s.send_as(cadre, "POST", "/api/v1/me/oversight/cases", application().dump()));
  const std::string nurl = "/api/v1/oversight/cases/" + std::to_string(no);
  s.send_as(admin, "POST", nurl + "/review", R"({"accept":true})");
  s.send_as(admin, "POST", nurl + "/decide", decision("not_tolerated").dump());
  s.send_as(admin, "POST", nurl + "/notify", "{}");
  EXPECT_EQ(s.send_as(admin, "POST", nurl + "/publish", Json{{"title", "另一案例"}, {"body", clean}}.dump()).status, 409);
}

TEST_P(Oversight, AnotherUnitsCasesAreInvisibleAndInputsAreChecked) {
  START_CITY(s);
  const std::string admin = s.login("admin"), unit = s.login("unitadmin"), cadre = s.login("cadre");
  Json for_b = application();
  for_b["person_id"] = city.person_b;
  auto b_case = s.send_as(admin, "POST", "/api/v1/oversight/cases", for_b.dump());
  ASSERT_EQ(b_case.status, 201) << b_case.body;
  EXPECT_EQ(b_case.json()["applicant_kind"], "unit");
  const std::string burl = "/api/v1/oversight/cases/" + std::to_string(id_of(b_case));
  EXPECT_EQ(s.get_as(unit, burl).status, 404);
  EXPECT_EQ(s.get_as(unit, "/api/v1/oversight/cases").json()["total"], 0);
  EXPECT_EQ(s.get_as(cadre, "/api/v1/me/oversight/cases/" + std::to_string(id_of(b_case))).status, 404);
  EXPECT_EQ(field_of(s.send_as(unit, "POST", "/api/v1/oversight/cases", for_b.dump())), "person_id");
  Json for_a = application();
  for_a["person_id"] = city.person_a;
  auto a_case = s.send_as(unit, "POST", "/api/v1/oversight/cases", for_a.dump());
  ASSERT_EQ(a_case.status, 201) << a_case.body;
  EXPECT_EQ(s.get_as(cadre, "/api/v1/me/oversight/cases").json()["items"].size(), 1u) << "the cadre sees the unit's application";

  for (const char* field : {"facts", "decision_taken", "basis", "loss", "remedy"}) {
    Json bad = application();
    bad[field] = " ";
    EXPECT_EQ(field_of(s.send_as(cadre, "POST", "/api/v1/me/oversight/cases", bad.dump())), field);
  }
  Json kind = application();
  kind["case_kind"] = "later";
  EXPECT_EQ(field_of(s.send_as(cadre, "POST", "/api/v1/me/oversight/cases", kind.dump())), "case_kind");
  Json extra = application();
  extra["state"] = "decided";
  EXPECT_EQ(s.send_as(cadre, "POST", "/api/v1/me/oversight/cases", extra.dump()).status, 400) << "no mass assignment";
  EXPECT_EQ(field_of(s.get_as(admin, "/api/v1/oversight/cases?state=done")), "state");
}

TEST_P(Oversight, AccountabilityAndClarificationsShowToThePersonAndToThoseInScope) {
  START_CITY(s);
  const std::string admin = s.login("admin"), unit = s.login("unitadmin"), cadre = s.login("cadre");
  Json rec = {{"person_id", city.person_a}, {"form", "admonition"}, {"reason", "安全检查履职不到位"},
              {"document_no", "教党〔2026〕12号"}, {"decided_on", "2026-11-01"}, {"effective_from", "2026-11-01"}};
  EXPECT_EQ(s.send_as(unit, "POST", "/api/v1/oversight/accountability", rec.dump()).status, 403);
  Json bad = rec;
  bad["form"] = "fine";
  EXPECT_EQ(field_of(s.send_as(admin, "POST", "/api/v1/oversight/accountability", bad.dump())), "form");
  bad = rec;
  bad["effective_from"] = "2026-10-01";
  EXPECT_EQ(field_of(s.send_as(admin, "POST", "/api/v1/oversight/accountability", bad.dump())), "effective_from");
  auto made = s.send_as(admin, "POST", "/api/v1/oversight/accountability", rec.dump());
  ASSERT_EQ(made.status, 201) << made.body;
  EXPECT_EQ(made.json()["promotion_until"], "2027-04-30");
  EXPECT_EQ(made.json()["evaluation_year"], "2026");
  EXPECT_EQ(made.json()["in_effect"], true);

  Json clar = {{"person_id", city.person_a}, {"complaint", "反映其违规办理入学"}, {"finding", "经核查反映不实"},
               {"clarified_on", "2026-11-10"}, {"announcement_scope", "局机关全体干部会议"}};
  auto clarified = s.send_as(admin, "POST", "/api/v1/oversight/clarifications", clar.dump());
  ASSERT_EQ(clarified.status, 201) << clarified.body;
  EXPECT_EQ(clarified.json()["show_in_record"], false);

  const std::string summary = "/api/v1/oversight/people/" + std::to_string(city.person_a) + "/summary";
  auto seen = s.get_as(unit, summary);
  ASSERT_EQ(seen.status, 200) << seen.body;
  EXPECT_EQ(seen.json()["accountability"].size(), 1u);
  EXPECT_EQ(seen.json()["clarifications"].size(), 0u) << "until the person chooses to show it";
  auto own = s.get_as(cadre, "/api/v1/me/oversight/summary");
  ASSERT_EQ(own.status, 200) << own.body;
  EXPECT_EQ(own.json()["clarifications"].size(), 1u);
  const std::string shown = "/api/v1/me/oversight/clarifications/" + std::to_string(id_of(clarified)) + "/shown";
  ASSERT_EQ(s.send_as(cadre, "PUT", shown, R"({"shown":true})").status, 200);
  EXPECT_EQ(s.get_as(unit, summary).json()["clarifications"].size(), 1u);
  EXPECT_EQ(s.send_as(unit, "PUT", shown, R"({"shown":false})").status, 403) << "the person's own choice";
  EXPECT_EQ(s.get_as(unit, "/api/v1/oversight/people/" + std::to_string(city.person_b) + "/summary").status, 404);
  EXPECT_EQ(s.get_as(cadre, "/api/v1/oversight/people/" + std::to_string(city.person_a) + "/summary").status, 403);

  // Through the service, as the growth archive asks.
  Principal outsider;
  outsider.account_id = s.account_id("unitadmin");
  outsider.permissions = {"oversight.read"};
  outsider.scope.subtree_paths = {"/nowhere/"};
  EXPECT_THROW(s.app().oversight().person_summary(outsider, city.person_a), Error);
}

// The periods come from a table the organisation department keeps in step with the regulations: a change applies to
// decisions recorded after it, and one recorded before keeps its dates.
TEST_P(Oversight, AccountabilityPeriodsFollowTheTableAndEarlierRecordsKeepTheirDates) {
  START_CITY(s);
  const std::string admin = s.login("admin"), unit = s.login("unitadmin");
  auto form = [&](const std::string& code) {
    const Json forms = s.get_as(unit, "/api/v1/oversight/accountability/forms").json();
    for (const auto& f : forms["items"])
      if (f["code"] == code) return f;
    return Json();
  };
  EXPECT_EQ(form("admonition")["promotion_months"], 6);
  EXPECT_EQ(form("admonition")["bars_excellent"], true);
  EXPECT_FALSE(form("admonition")["basis"].get<std::string>().empty());
  EXPECT_TRUE(form("admonition")["updated_at"].is_null());
  EXPECT_EQ(form("circulated")["promotion_months"], 0);

  Json rec = {{"person_id", city.person_a}, {"form", "admonition"}, {"reason", "安全检查履职不到位"},
              {"document_no", "教党〔2026〕12号"}, {"decided_on", "2026-11-01"}, {"effective_from", "2026-11-01"}};
  auto before = s.send_as(admin, "POST", "/api/v1/oversight/accountability", rec.dump());
  ASSERT_EQ(before.status, 201) << before.body;
  EXPECT_EQ(before.json()["promotion_until"], "2027-04-30");

  const std::string url = "/api/v1/oversight/accountability/forms/admonition";
  const Json change = {{"promotion_months", 12}, {"bars_excellent", true}, {"basis", "2027 年修订的诫勉规定"}};
  EXPECT_EQ(s.send_as(unit, "PUT", url, change.dump()).status, 403) << "the city's organisation department sets periods";
  Json bad = change;
  bad["promotion_months"] = 200;
  EXPECT_EQ(field_of(s.send_as(admin, "PUT", url, bad.dump())), "promotion_months");
  bad = change;
  bad["basis"] = " ";
  EXPECT_EQ(field_of(s.send_as(admin, "PUT", url, bad.dump())), "basis");
  EXPECT_EQ(s.send_as(admin, "PUT", "/api/v1/oversight/accountability/forms/fine", change.dump()).status, 404);
  auto changed = s.send_as(admin, "PUT", url, change.dump());
  ASSERT_EQ(changed.status, 200) << changed.body;
  EXPECT_EQ(changed.json()["promotion_months"], 12);
  EXPECT_EQ(form("admonition")["basis"], "2027 年修订的诫勉规定");
  EXPECT_FALSE(form("admonition")["updated_at"].is_null());
  EXPECT_EQ(s.count("SELECT COUNT(*) FROM audit_log WHERE action = 'oversight.accountability_period_changed'"), 1);

  rec["person_id"] = city.person_b;
  auto after = s.send_as(admin, "POST", "/api/v1/oversight/accountability", rec.dump());
  ASSERT_EQ(after.status, 201) << after.body;
  EXPECT_EQ(after.json()["promotion_until"], "2027-10-31");
  const Json list = s.get_as(admin, "/api/v1/oversight/accountability?person_id=" + std::to_string(city.person_a)).json();
  ASSERT_EQ(list["items"].size(), 1u);
  EXPECT_EQ(list["items"][0]["promotion_until"], "2027-04-30") << "decided under the old period";

  // A form that no longer bars 优秀 leaves the evaluation year empty.
  ASSERT_EQ(s.send_as(admin, "PUT", "/api/v1/oversight/accountability/forms/discipline_warning",
                      Json{{"promotion_months", 12}, {"bars_excellent", false}, {"basis", "纪律处分条例"}}.dump())
                .status,
            200);
  rec["form"] = "discipline_warning";
  auto warned = s.send_as(admin, "POST", "/api/v1/oversight/accountability", rec.dump());
  ASSERT_EQ(warned.status, 201) << warned.body;
  EXPECT_TRUE(warned.json()["evaluation_year"].is_null());
}

TEST_P(Oversight, PoliciesAreReadByEveryoneAndEditedOnce) {
  START_CITY(s);
  const std::string admin = s.login("admin"), unit = s.login("unitadmin"), cadre = s.login("cadre");
  Json doc = {{"title", "干部容错纠错实施办法"}, {"category", "tolerance"}, {"issuer", "市纪委 市委组织部"},
              {"doc_number", "市纪〔2024〕7号"}, {"effective_from", "2024-05-01"}, {"effective_to", "2025-12-31"},
              {"body", "坚持三个区分开来，对干部在改革创新中的失误予以容错"}};
  EXPECT_EQ(s.send_as(unit, "POST", "/api/v1/policies", doc.dump()).status, 403);
  Json bad = doc;
  bad["effective_to"] = "2024-01-01";
  EXPECT_EQ(field_of(s.send_as(admin, "POST", "/api/v1/policies", bad.dump())), "effective_to");
  auto made = s.send_as(admin, "POST", "/api/v1/policies", doc.dump());
  ASSERT_EQ(made.status, 201) << made.body;
  EXPECT_EQ(s.get_as(cadre, "/api/v1/policies?q=%E5%AE%B9%E9%94%99").json()["total"], 1);  // 容错
  EXPECT_EQ(s.get_as(cadre, "/api/v1/policies?on=2025-06-01").json()["total"], 1);
  EXPECT_EQ(s.get_as(cadre, "/api/v1/policies?on=2026-06-01").json()["total"], 0) << "expired";
  EXPECT_EQ(s.get_as(cadre, "/api/v1/policies?category=care").json()["total"], 0);
  const std::string url = "/api/v1/policies/" + std::to_string(id_of(made));
  doc["version"] = 1;
  doc["effective_to"] = "2027-12-31";
  ASSERT_EQ(s.send_as(admin, "PUT", url, doc.dump()).status, 200);
  EXPECT_EQ(code_of(s.send_as(admin, "PUT", url, doc.dump())), "policy_version") << "edited from a stale version";
  EXPECT_EQ(s.get_as(cadre, url).json()["version"], 2);
}

TEST_P(Oversight, InspectionFindingsPastTheirDeadlineAreFlagged) {
  START_CITY(s);
  std::string admin = s.login("admin"), unit = s.login("unitadmin");
  auto made = s.send_as(admin, "POST", "/api/v1/oversight/inspections",
                        Json{{"topic", "校园安全专项督查"}, {"description", "督查消防安全责任落实"}, {"start_date", "2026-11-20"},
                             {"node_ids", Json::array({city.unit_a})}}.dump());
  ASSERT_EQ(made.status, 201) << made.body;
  const std::string url = "/api/v1/oversight/inspections/" + std::to_string(id_of(made));
  Json finding = {{"unit_id", city.unit_b}, {"content", "消防通道堆放杂物"}, {"requirement", "立即清理"}, {"due_date", "2026-12-05"}};
  auto outside = s.send_as(admin, "POST", url + "/findings", finding.dump());
  ASSERT_EQ(outside.status, 400) << outside.body;
  EXPECT_EQ(field_of(outside), "unit_id") << "outside the inspection";
  finding["unit_id"] = city.unit_a;
  finding["person_id"] = city.person_a;
  auto f = s.send_as(admin, "POST", url + "/findings", finding.dump());
  ASSERT_EQ(f.status, 201) << f.body;
  EXPECT_EQ(f.json()["overdue"], false);
  s.clock().set(parse_iso_utc("2026-12-06T04:00:00Z"));
  admin = s.login("admin");
  unit = s.login("unitadmin");
  auto overdue = s.get_as(unit, "/api/v1/oversight/findings/overdue");
  ASSERT_EQ(overdue.status, 200) << overdue.body;
  ASSERT_EQ(overdue.json()["items"].size(), 1u);
  EXPECT_EQ(s.get_as(unit, url).json()["overdue_findings"], 1);
  const std::string follow = "/api/v1/oversight/findings/" + std::to_string(id_of(f)) + "/follow-up";
  ASSERT_EQ(s.send_as(admin, "POST", follow, R"({"note":"已清理完毕","rectified":true})").status, 200);
  EXPECT_EQ(s.send_as(admin, "POST", follow, R"({"note":"再次","rectified":true})").status, 409);
  EXPECT_EQ(s.get_as(unit, "/api/v1/oversight/findings/overdue").json()["items"].size(), 0u);
}

INSTANTIATE_TEST_SUITE_P(Db, Oversight, ::testing::Values(Backend::sqlite, Backend::postgresql), backend_name);
