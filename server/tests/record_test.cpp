// The cadre record: the vocabularies as tables, and on both databases an entry recorded by the unit, seen by the
// cadre and contested (both sides shown) and resolved; conduct outside working hours refused without a named source
// or an accountable recorder; self-reports confirmed once (compare-and-set); the data scope; leaders' comments with
// versions; entries made from practice events exactly once.
#include <gtest/gtest.h>

#include "db/events.hpp"
#include "db/transaction.hpp"
#include "files/service.hpp"
#include "record/model.hpp"
#include "support/party_fixtures.hpp"
#include "support/test_server.hpp"

using namespace xinhuo;
using namespace xinhuo::test;

TEST(RecordRules, PeriodsAreAYearOrAHalf) {
  struct Case {
    const char* period;
    bool valid;
  };
  const Case cases[] = {{"2026", true}, {"2026H1", true}, {"2026H2", true}, {"2026H3", false}, {"2026Q1", false},
                        {"1999", false}, {"26", false},    {"", false},       {"abcd", false},   {"2026h1", false}};
  for (const auto& c : cases) EXPECT_EQ(record::valid_period(c.period), c.valid) << c.period;
  EXPECT_EQ(record::categories().size(), 8u);
  EXPECT_TRUE(record::one_of(record::source_kinds(), "residents"));
}

class Record : public ::testing::TestWithParam<Backend> {};

namespace {

std::string code_of(const HttpResult& r) { return r.json()["error"].value("code", ""); }
std::string field_of(const HttpResult& r) { return r.json()["error"].value("field", ""); }
long long id_of(const HttpResult& r) { return r.json()["id"].get<long long>(); }

Json entry(long long person, const std::string& category, const std::string& kind, const std::string& source = "办公室") {
  Json e = {{"person_id", person}, {"category", category}, {"fact_date", "2026-11-20"}, {"title", "牵头完成调研报告"},
            {"content", "走访 23 所学校，形成调研报告"}, {"source_kind", kind}};
  if (!source.empty()) e["source_name"] = source;
  return e;
}

}  // namespace

TEST_P(Record, TheCadreSeesAndContestsAnEntryAndBothSidesShow) {
  START_CITY(s);
  const std::string admin = s.login("unitadmin"), cadre = s.login("cadre");
  auto created = s.send_as(admin, "POST", "/api/v1/record/entries", entry(city.person_a, "shortcoming", "unit").dump());
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.json()["state"], "confirmed") << "recorded by the unit: in force at once";
  EXPECT_EQ(created.json()["recorder_name"], "unitadmin");
  const long long id = id_of(created);

  // The cadre sees it at once, with who recorded it and from what source.
  auto mine = s.get_as(cadre, "/api/v1/me/record/entries");
  ASSERT_EQ(mine.status, 200) << mine.body;
  const Json items = mine.json()["items"];
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0]["id"], id);
  EXPECT_EQ(items[0]["source_name"], "办公室");

  const std::string url = "/api/v1/me/record/entries/" + std::to_string(id);
  EXPECT_EQ(field_of(s.send_as(cadre, "POST", url + "/contest", R"({"reason":""})")), "reason");
  auto contested = s.send_as(cadre, "POST", url + "/contest", R"({"reason":"当日在外参加培训，有通知为证"})");
  ASSERT_EQ(contested.status, 200) << contested.body;
  EXPECT_EQ(contested.json()["state"], "contested");
  EXPECT_EQ(s.send_as(cadre, "POST", url + "/contest", R"({"reason":"再次提出异议"})").status, 409) << "once";

  // The unit sees both sides: its entry and the cadre's reasons.
  auto queue = s.get_as(admin, "/api/v1/record/entries?state=contested");
  ASSERT_EQ(queue.json()["total"], 1);
  EXPECT_EQ(queue.json()["items"][0]["content"], "走访 23 所学校，形成调研报告");
  EXPECT_EQ(queue.json()["items"][0]["contest_reason"], "当日在外参加培训，有通知为证");

  const std::string aurl = "/api/v1/record/entries/" + std::to_string(id);
  EXPECT_EQ(field_of(s.send_as(admin, "POST", aurl + "/resolve", R"({"outcome":"dropped","note":"核实"})")), "outcome");
  auto resolved = s.send_as(admin, "POST", aurl + "/resolve", R"({"outcome":"withdrawn","note":"经核实为外出培训，撤销"})");
  ASSERT_EQ(resolved.status, 200) << resolved.body;
  EXPECT_EQ(resolved.json()["state"], "withdrawn");
  EXPECT_EQ(s.send_as(admin, "POST", aurl + "/resolve", R"({"outcome":"upheld","note":"维持"})").status, 409);

  // Kept, never deleted; the cadre sees the outcome and every step.
  auto after = s.get_as(cadre, url);
  ASSERT_EQ(after.status, 200) << after.body;
  EXPECT_EQ(after.json()["state"], "withdrawn");
  EXPECT_EQ(after.json()["contest_reason"], "当日在外参加培训，有通知为证");
  EXPECT_EQ(after.json()["resolution_note"], "经核实为外出培训，撤销");
  EXPECT_EQ(after.json()["history"].size(), 3u);
  EXPECT_EQ(s.count("SELECT COUNT(*) FROM record_entry"), 1);
  EXPECT_EQ(s.count("SELECT COUNT(*) FROM audit_log WHERE action LIKE 'record.%'"), 3);

  // A photo the unit attached is shown to the cadre through the entry (the files module alone would not).
  const long long photo = s.app().files().upload(Principal{.account_id = s.account_id("unitadmin")}, "image/jpeg",
                                                 std::string("\xFF\xD8\xFF\xE0 photo", 10)).id;
  Json with_photo = entry(city.person_a, "work_result", "unit");
  with_photo["evidence"] = Json::array({photo});
  const long long pictured = id_of(s.send_as(admin, "POST", "/api/v1/record/entries", with_photo.dump()));
  EXPECT_EQ(s.get_as(cadre, "/api/v1/files/" + std::to_string(photo)).status, 404);
  auto shown = s.get_as(cadre, "/api/v1/me/record/entries/" + std::to_string(pictured) + "/evidence/" + std::to_string(photo));
  EXPECT_EQ(shown.status, 200);
  EXPECT_EQ(shown.body.substr(0, 3), "\xFF\xD8\xFF");
  EXPECT_EQ(s.get_as(cadre, "/api/v1/me/record/entries/" + std::to_string(id) + "/evidence/" + std::to_string(photo)).status, 404)
      << "only the entry's own files";

  // A response on another entry is a note; the state stays.
  const long long other = id_of(s.send_as(admin, "POST", "/api/v1/record/entries", entry(city.person_a, "work_result", "leader", "李明").dump()));
  auto responded = s.send_as(cadre, "POST", "/api/v1/me/record/entries/" + std::to_string(other) + "/respond",
                             R"({"response":"感谢认可"})");
  ASSERT_EQ(responded.status, 200) << responded.body;
  EXPECT_EQ(responded.json()["state"], "confirmed");
  EXPECT_EQ(responded.json()["response"], "感谢认可");
}

TEST_P(Record, ConductOutsideWorkingHoursNeedsANamedSourceAndAnAccountableRecorder) {
  START_CITY(s);
  std::string admin = s.login("unitadmin");
  auto unnamed = s.send_as(admin, "POST", "/api/v1/record/entries", entry(city.person_a, "conduct_outside", "residents", "").dump());
  EXPECT_EQ(unnamed.status, 400);
  EXPECT_EQ(field_of(unnamed), "source_name");
  auto no_person = s.send_as(admin, "POST", "/api/v1/record/entries",
                             entry(city.person_a, "conduct_outside", "residents", "社区网格员 张红梅").dump());
  EXPECT_EQ(no_person.status, 400);
  EXPECT_EQ(field_of(no_person), "recorder") << "an account with no person is accountable to nobody";
  // Linked to a person, the administrator is the accountable recorder.
  const long long me = add_roster_person(s, "赵主任", city.unit_a, 0, "full");
  {
    auto lease = s.app().database().lease();
    lease.sql() << "UPDATE account SET person_id = " + std::to_string(me) + " WHERE username = 'unitadmin'";
  }
  admin = s.login("unitadmin");
  auto ok = s.send_as(admin, "POST", "/api/v1/record/entries",
                      entry(city.person_a, "conduct_outside", "residents", "社区网格员 张红梅").dump());
  ASSERT_EQ(ok.status, 201) << ok.body;
  EXPECT_EQ(ok.json()["recorder_name"], "赵主任");
  EXPECT_EQ(ok.json()["recorder_person_id"], me);

  // The other checks name their fields.
  Json future = entry(city.person_a, "work_result", "unit");
  future["fact_date"] = "2026-12-01";
  EXPECT_EQ(field_of(s.send_as(admin, "POST", "/api/v1/record/entries", future.dump())), "fact_date");
  EXPECT_EQ(field_of(s.send_as(admin, "POST", "/api/v1/record/entries", entry(city.person_a, "gossip", "unit").dump())), "category");
  EXPECT_EQ(field_of(s.send_as(admin, "POST", "/api/v1/record/entries", entry(city.person_a, "work_result", "self").dump())),
            "source_kind");
  Json long_title = entry(city.person_a, "work_result", "unit");
  long_title["title"] = std::string(101, 'x');
  EXPECT_EQ(field_of(s.send_as(admin, "POST", "/api/v1/record/entries", long_title.dump())), "title");
}

TEST_P(Record, ASelfReportIsConfirmedOnceAndOthersCannotSeeIt) {
  START_CITY(s);
  const std::string admin = s.login("unitadmin"), cadre = s.login("cadre");
  Json self = {{"category", "training"}, {"fact_date", "2026-11-25"}, {"title", "参加青年干部专题培训"},
               {"content", "市委党校 5 天，结业合格"}};
  EXPECT_EQ(field_of(s.send_as(cadre, "POST", "/api/v1/me/record/entries",
                               Json{{"category", "shortcoming"}, {"fact_date", "2026-11-25"}, {"title", "x"}, {"content", "自查问题"}}.dump())),
            "category");
  auto reported = s.send_as(cadre, "POST", "/api/v1/me/record/entries", self.dump());
  ASSERT_EQ(reported.status, 201) << reported.body;
  EXPECT_EQ(reported.json()["state"], "pending");
  EXPECT_EQ(reported.json()["source_kind"], "self");
  const std::string url = "/api/v1/record/entries/" + std::to_string(id_of(reported));
  EXPECT_EQ(s.send_as(cadre, "POST", url + "/confirm", "{}").status, 403) << "not the cadre's own decision";

  auto first = s.send_as(admin, "POST", url + "/confirm", "{}");
  ASSERT_EQ(first.status, 200) << first.body;
  EXPECT_EQ(first.json()["state"], "confirmed");
  auto second = s.send_as(admin, "POST", url + "/confirm", "{}");
  EXPECT_EQ(second.status, 409);
  EXPECT_EQ(code_of(second), "record_state");
  EXPECT_EQ(s.send_as(admin, "POST", url + "/reject", R"({"reason":"重复"})").status, 409);
  EXPECT_EQ(s.count("SELECT COUNT(*) FROM record_entry_history WHERE action = 'confirmed'"), 1);
  EXPECT_EQ(s.count("SELECT COUNT(*) FROM audit_log WHERE action = 'record.entry_confirmed'"), 1);
  EXPECT_EQ(s.send_as(cadre, "POST", "/api/v1/me/record/entries/" + std::to_string(id_of(reported)) + "/contest",
                      R"({"reason":"不同意本人申报"})").status, 409) << "one's own report is answered, not contested";

  // A person of unit B: unit A's administrator neither records about them nor sees their entries.
  const std::string city_admin = s.login("admin");
  auto theirs = s.send_as(city_admin, "POST", "/api/v1/record/entries", entry(city.person_b, "work_result", "unit").dump());
  ASSERT_EQ(theirs.status, 201) << theirs.body;
  const std::string burl = "/api/v1/record/entries/" + std::to_string(id_of(theirs));
  EXPECT_EQ(field_of(s.send_as(admin, "POST", "/api/v1/record/entries", entry(city.person_b, "work_result", "unit").dump())), "person_id");
  EXPECT_EQ(s.get_as(admin, burl).status, 404);
  EXPECT_EQ(s.send_as(admin, "POST", burl + "/withdraw", R"({"reason":"错误"})").status, 404);
  EXPECT_EQ(s.get_as(admin, "/api/v1/record/entries").json()["total"], 1) << "the list leaves unit B out";
  EXPECT_EQ(s.get_as(city_admin, "/api/v1/record/entries").json()["total"], 2);
  EXPECT_EQ(s.get_as(cadre, "/api/v1/me/record/entries/" + std::to_string(id_of(theirs))).status, 404);
  EXPECT_EQ(s.get_as(admin, "/api/v1/record/people/" + std::to_string(city.person_b) + "/comments").status, 404);
  EXPECT_EQ(s.get_as(cadre, "/api/v1/record/entries").status, 403);
  auto xlsx = s.get_as(admin, "/api/v1/record/entries/export");
  EXPECT_EQ(xlsx.status, 200);
  EXPECT_EQ(xlsx.body.substr(0, 2), "PK");
}

TEST_P(Record, ALeadersCommentKeepsEveryVersion) {
  START_CITY(s);
  const std::string admin = s.login("unitadmin"), cadre = s.login("cadre");
  const std::string url = "/api/v1/record/people/" + std::to_string(city.person_a) + "/comments/";
  Json c = {{"leader_name", "李明"}, {"leader_position", "分管副局长"}, {"content", "政治素质好，工作主动。"}};
  EXPECT_EQ(field_of(s.send_as(admin, "PUT", url + "2026Q1", c.dump())), "period");
  EXPECT_EQ(field_of(s.send_as(admin, "PUT", url + "2027", c.dump())), "period");
  auto first = s.send_as(admin, "PUT", url + "2026H1", c.dump());
  ASSERT_EQ(first.status, 200) << first.body;
  EXPECT_EQ(first.json()["version"], 1);
  EXPECT_EQ(s.send_as(admin, "PUT", url + "2026H1", c.dump()).status, 409) << "a second first version";
  c["content"] = "政治素质好，工作主动，调研能力突出。";
  c["base_version"] = 1;
  auto second = s.send_as(admin, "PUT", url + "2026H1", c.dump());
  ASSERT_EQ(second.status, 200) << second.body;
  EXPECT_EQ(second.json()["version"], 2);
  EXPECT_EQ(code_of(s.send_as(admin, "PUT", url + "2026H1", c.dump())), "comment_version") << "stale edit";
  auto mine = s.get_as(cadre, "/api/v1/me/record/comments");
  ASSERT_EQ(mine.json()["items"].size(), 2u);
  EXPECT_EQ(mine.json()["items"][0]["current"], true);
  EXPECT_EQ(mine.json()["items"][0]["content"], "政治素质好，工作主动，调研能力突出。");
  EXPECT_EQ(mine.json()["items"][1]["current"], false);
}

TEST_P(Record, PracticeEventsMakeOneEntryEach) {
  START_CITY(s);
  auto publish = [&] {
    db::Tx tx(s.app().database());
    tx.publish({.type = "practice.training_completed", .subject_id = 41, .person_id = city.person_a,
                .occurred_at = "2026-11-20T02:00:00Z", .payload = {{"activity_date", "2026-11-20"}, {"hours", 16}, {"kind", "theory"}}});
    tx.publish({.type = "practice.assignment_completed_long", .subject_id = 7, .person_id = city.person_a,
                .occurred_at = "2026-11-10T02:00:00Z",
                .payload = {{"activity_date", "2026-11-10"}, {"assignment_type", "secondment"}}});
    tx.commit();
  };
  publish();
  publish();  // delivered again: no second entry
  EXPECT_EQ(s.count("SELECT COUNT(*) FROM record_entry"), 2);
  const std::string cadre = s.login("cadre");
  auto mine = s.get_as(cadre, "/api/v1/me/record/entries");
  const Json items = mine.json()["items"];
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0]["category"], "training");
  EXPECT_EQ(items[0]["state"], "confirmed");
  EXPECT_EQ(items[0]["source_kind"], "module");
  EXPECT_EQ(items[0]["title"], "完成培训：理论培训");
  EXPECT_EQ(items[1]["category"], "frontline");
  EXPECT_EQ(items[1]["title"], "完成挂职");
  EXPECT_EQ(items[1]["from_event"], true);
}

INSTANTIATE_TEST_SUITE_P(Db, Record, ::testing::Values(Backend::sqlite, Backend::postgresql), backend_name);
