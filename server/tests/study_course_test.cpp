// Online courses and reading activities: the heartbeat credit rule (pure, as a table), and on both databases the
// course life cycle, progress credited no faster than the wall clock, completion once (also under concurrent
// heartbeats) with its points, the progress report and its scope; reading activities with notes.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "auth/service.hpp"
#include "core/date.hpp"
#include "files/service.hpp"
#include "study/course_service.hpp"
#include "support/party_fixtures.hpp"
#include "support/test_server.hpp"

using namespace xinhuo;
using namespace xinhuo::test;
using namespace xinhuo::study;

namespace {

const TimePoint kT0 = parse_iso_utc("2026-11-29T04:00:00Z");

struct CreditCase {
  int reported, watched, required, clock_offset, elapsed;  // clock at kT0 + clock_offset, now at kT0 + elapsed
  int credited, new_clock_offset;
  const char* why;
};

// clang-format off
const CreditCase kCreditCases[] = {
  {15,   0, 1800,   0,  15,  15,  15, "an on-time heartbeat is credited in full"},
  {15,   0, 1800,   0,  12,  15,  15, "arriving up to 5 s early is tolerated; the clock moves ahead of now"},
  {15,  15, 1800,  15,  16,   6,  21, "…so a second heartbeat right after gets only what is left of the tolerance"},
  {15,  21, 1800,  21,  16,   0,  21, "…and a third nothing"},
  {100,  0, 1800,   0,  15,  20,  20, "more than the wall clock allows is cut to it plus the tolerance"},
  {60,   0, 1800,   0, 3600, 60, 3600, "after a long pause only what was played counts"},
  {120,  0, 1800,   0, 3600, 120, 3600, "a burst after a day away: one heartbeat's worth …"},
  {120, 120, 1800, 3600, 3600, 5, 3605, "… and the burst's second request only the tolerance"},
  {15, 1790, 1800,  0,  15,  10,  15, "never beyond what completes the course"},
  {15, 1800, 1800,  0,  15,   0,  15, "a completed course earns nothing more"},
  {0,    0, 1800,   0,  15,   0,  15, "paused: nothing"},
};
// clang-format on

}  // namespace

TEST(CourseCredit, HeartbeatsAreCreditedNoFasterThanTheWallClock) {
  for (const auto& c : kCreditCases) {
    const auto got = credit_for(c.reported, c.watched, c.required, kT0 + std::chrono::seconds(c.clock_offset),
                                kT0 + std::chrono::seconds(c.elapsed));
    EXPECT_EQ(got.seconds, c.credited) << c.why;
    EXPECT_EQ(iso_utc(got.clock), iso_utc(kT0 + std::chrono::seconds(c.new_clock_offset))) << c.why;
  }
}

TEST(CourseCredit, TheEventQuantityIsTheHoursRoundedHalfUp) {
  EXPECT_EQ(course_hour_quantity(30), 1);
  EXPECT_EQ(course_hour_quantity(60), 1);
  EXPECT_EQ(course_hour_quantity(90), 2);
  EXPECT_EQ(course_hour_quantity(600), 10);
}

class StudyCourse : public ::testing::TestWithParam<Backend> {};

namespace {

std::string code_of(const HttpResult& r) { return r.json()["error"]["code"]; }
std::string field_of(const HttpResult& r) { return r.json()["error"].value("field", ""); }

Json course_body(long long node, double hours = 1, int duration = 120) {
  Json j = {{"node_id", node}, {"title", "学习贯彻党的二十届四中全会精神"}, {"kind", "video"}, {"hours", hours},
            {"url", "https://study.example.cn/v/2026-4.mp4"}, {"required_by", "2026-12-31"}};
  if (duration) j["duration_seconds"] = duration;
  return j;
}

long long ledger_points(TestServer& s, long long person) {
  return s.count("SELECT COALESCE(SUM(points), 0) FROM ledger_entry WHERE person_id = " + std::to_string(person));
}

long long published_course(TestServer& s, const std::string& admin, Json body) {
  auto r = s.send_as(admin, "POST", "/api/v1/study/courses", body.dump());
  EXPECT_EQ(r.status, 201) << r.body;
  const long long id = r.json()["id"];
  r = s.send_as(admin, "POST", "/api/v1/study/courses/" + std::to_string(id) + "/publish");
  EXPECT_EQ(r.status, 200) << r.body;
  return id;
}

HttpResult beat(TestServer& s, const std::string& cookie, long long course, int seconds, int position = 0) {
  return s.send_as(cookie, "POST", "/api/v1/me/study/courses/" + std::to_string(course) + "/progress",
                   Json{{"seconds", seconds}, {"position_seconds", position}}.dump());
}

}  // namespace

TEST_P(StudyCourse, CoursesAreValidatedScopedAndPublishedByCompareAndSet) {
  START_CITY(s);
  const std::string admin = s.login("admin"), unitadmin = s.login("unitadmin"), cadre = s.login("cadre");
  for (const auto& [field, value, expect] : std::vector<std::tuple<std::string, Json, std::string>>{
           {"hours", 0.3, "hours"}, {"hours", 10.5, "hours"}, {"hours", 1.25, "hours"}, {"hours", "2", "hours"},
           {"url", "ftp://files.example.cn/a.mp4", "url"}, {"url", "javascript:alert(1)", "url"}, {"kind", "audio", "kind"},
           {"title", "", "title"}, {"required_by", "2026-13-01", "required_by"}, {"duration_seconds", 10, "duration_seconds"}}) {
    Json b = course_body(city.unit_a);
    b[field] = value;
    auto r = s.send_as(admin, "POST", "/api/v1/study/courses", b.dump());
    EXPECT_EQ(r.status, 400) << field << "=" << value << " " << r.body;
    EXPECT_EQ(field_of(r), expect) << field << "=" << value;
  }
  auto r = s.send_as(unitadmin, "POST", "/api/v1/study/courses", course_body(city.unit_b).dump());
  EXPECT_EQ(r.status, 400) << "unit B is outside the unit administrator's scope";
  EXPECT_EQ(field_of(r), "node_id");
  EXPECT_EQ(s.send_as(cadre, "POST", "/api/v1/study/courses", course_body(city.unit_a).dump()).status, 403);

  r = s.send_as(unitadmin, "POST", "/api/v1/study/courses", course_body(city.unit_a, 0.5).dump());
  ASSERT_EQ(r.status, 201) << r.body;
  const long long id = r.json()["id"];
  EXPECT_EQ(r.json()["status"], "draft");
  EXPECT_DOUBLE_EQ(r.json()["hours"].get<double>(), 0.5);
  EXPECT_EQ(r.json()["required_seconds"], 120) << "the video's length when given";
  EXPECT_EQ(r.json()["audience"], 1) << "the people of unit A";
  const std::string base = "/api/v1/study/courses/" + std::to_string(id);
  // A draft is not offered to anyone.
  EXPECT_EQ(s.get_as(cadre, "/api/v1/me/study/courses").json()["items"].size(), 0u);
  EXPECT_EQ(s.send_as(cadre, "POST", "/api/v1/me/study/courses/" + std::to_string(id) + "/start").status, 404);
  EXPECT_EQ(s.send_as(unitadmin, "POST", base + "/publish").status, 200);
  r = s.send_as(unitadmin, "POST", base + "/publish");
  EXPECT_EQ(r.status, 409);
  EXPECT_EQ(code_of(r), "course_published");
  EXPECT_EQ(s.get_as(cadre, "/api/v1/me/study/courses").json()["items"].size(), 1u);
  // Unit B's person is not in unit A's audience; the city's administrator sees the course, unit B's would not.
  EXPECT_EQ(s.get_as(admin, base).status, 200);
  EXPECT_EQ(s.get_as(unitadmin, "/api/v1/study/courses?status=published").json()["total"], 1);

  // Once someone has started, the hours are fixed; the title is not.
  ASSERT_EQ(s.send_as(cadre, "POST", "/api/v1/me/study/courses/" + std::to_string(id) + "/start").status, 200);
  Json edit = course_body(city.unit_a, 2);
  edit.erase("node_id");
  r = s.send_as(unitadmin, "PUT", base, edit.dump());
  EXPECT_EQ(r.status, 409);
  EXPECT_EQ(code_of(r), "course_started");
  edit["hours"] = 0.5;
  edit["title"] = "新标题";
  r = s.send_as(unitadmin, "PUT", base, edit.dump());
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["title"], "新标题");

  // Withdrawn: gone from the phone, progress kept.
  EXPECT_EQ(s.send_as(unitadmin, "POST", base + "/withdraw").status, 200);
  EXPECT_EQ(s.send_as(unitadmin, "POST", base + "/withdraw").status, 409);
  EXPECT_EQ(beat(s, cadre, id, 10).status, 404);
  EXPECT_EQ(s.count("SELECT COUNT(*) FROM study_course_progress WHERE course_id = " + std::to_string(id)), 1);
  EXPECT_EQ(s.count("SELECT COUNT(*) FROM audit_log WHERE action LIKE 'study.course%'"), 4);
}

// A document course may be an uploaded PDF instead of a link: served to the course's managers and, once published, to
// its learners (never in a frame: the player draws it), while the file stays closed to anyone else.
TEST_P(StudyCourse, AnUploadedDocumentIsTheCourseAndIsServedToItsLearners) {
  START_CITY(s);
  const std::string admin = s.login("admin"), unitadmin = s.login("unitadmin"), cadre = s.login("cadre");
  const std::string pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";
  const Principal uploader{.account_id = s.account_id("unitadmin")}, other{.account_id = s.account_id("admin")};
  const long long file = s.app().files().upload(uploader, "application/pdf", pdf).id;
  const long long admins_file = s.app().files().upload(other, "application/pdf", pdf).id;
  Json doc = {{"node_id", city.unit_a}, {"title", "《中国共产党纪律处分条例》逐条解读"}, {"kind", "document"}, {"hours", 1},
              {"file_id", file}};
  auto refused = [&](Json body, const char* field) {
    auto r = s.send_as(unitadmin, "POST", "/api/v1/study/courses", body.dump());
    EXPECT_EQ(r.status, 400) << body.dump() << " " << r.body;
    EXPECT_EQ(field_of(r), field) << body.dump();
  };
  Json video = doc;
  video["kind"] = "video";
  refused(video, "file_id");
  Json both = doc;
  both["url"] = "https://study.example.cn/doc.pdf";
  refused(both, "file_id");
  Json neither = doc;
  neither.erase("file_id");
  refused(neither, "url");
  Json not_theirs = doc;
  not_theirs["file_id"] = admins_file;
  refused(not_theirs, "file_id");

  auto made = s.send_as(unitadmin, "POST", "/api/v1/study/courses", doc.dump());
  ASSERT_EQ(made.status, 201) << made.body;
  const std::string id = std::to_string(made.json()["id"].get<long long>());
  EXPECT_EQ(made.json()["url"], "/api/v1/study/courses/" + id + "/document");
  EXPECT_EQ(made.json()["file_id"], file);
  const std::string mine = "/api/v1/me/study/courses/" + id + "/document";
  EXPECT_EQ(s.get_as(cadre, mine).status, 404) << "a draft is offered to no one";
  ASSERT_EQ(s.send_as(unitadmin, "POST", "/api/v1/study/courses/" + id + "/publish").status, 200);

  const Json course = s.get_as(cadre, "/api/v1/me/study/courses/" + id).json();
  EXPECT_EQ(course["url"], mine);
  EXPECT_EQ(course["uploaded"], true);
  auto served = s.get_as(cadre, mine);
  ASSERT_EQ(served.status, 200) << served.body;
  EXPECT_EQ(served.body, pdf);
  EXPECT_EQ(served.header("Content-Type"), "application/pdf");
  EXPECT_EQ(served.header("X-Frame-Options"), "DENY") << "the player draws it; no page may frame it";
  EXPECT_NE(served.header("Content-Security-Policy").find("frame-ancestors 'none'"), std::string::npos);
  EXPECT_EQ(s.get_as(cadre, "/api/v1/me/study/courses/" + id).header("X-Frame-Options"), "DENY");
  EXPECT_EQ(s.get_as(cadre, "/api/v1/files/" + std::to_string(file)).status, 404) << "the file itself stays the uploader's";
  EXPECT_EQ(s.get_as(cadre, "/api/v1/study/courses/" + id + "/document").status, 403);
  EXPECT_EQ(s.get_as(admin, "/api/v1/study/courses/" + id + "/document").body, pdf);

  // A link course has no document to serve; changing the document to a link keeps the course.
  Json link = doc;
  link.erase("node_id");
  link.erase("file_id");
  link["url"] = "https://study.example.cn/doc.pdf";
  auto edited = s.send_as(unitadmin, "PUT", "/api/v1/study/courses/" + id, link.dump());
  ASSERT_EQ(edited.status, 200) << edited.body;
  EXPECT_EQ(edited.json()["url"], "https://study.example.cn/doc.pdf");
  EXPECT_TRUE(edited.json()["file_id"].is_null());
  EXPECT_EQ(s.get_as(cadre, mine).status, 404);
}

TEST_P(StudyCourse, ProgressFollowsTheWallClockAndCompletionEarnsTheHoursOnce) {
  START_CITY(s);
  const std::string admin = s.login("admin"), cadre = s.login("cadre");
  // 1 学时, a 2-minute video offered by the city.
  const long long id = published_course(s, admin, course_body(city.city, 1, 120));
  auto r = s.send_as(cadre, "POST", "/api/v1/me/study/courses/" + std::to_string(id) + "/start");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["watched_seconds"], 0);

  s.clock().advance(std::chrono::seconds(15));
  r = beat(s, cadre, id, 15, 15);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["credited"], 15);
  // A client claiming 100 s after 15 s gets 15 + the tolerance.
  s.clock().advance(std::chrono::seconds(15));
  r = beat(s, cadre, id, 100, 115);
  EXPECT_EQ(r.json()["credited"], 20);
  EXPECT_EQ(r.json()["watched_seconds"], 35);
  EXPECT_EQ(r.json()["position_seconds"], 115);
  r = beat(s, cadre, id, 15);
  EXPECT_EQ(r.json()["credited"], 0) << "no time has passed";
  EXPECT_EQ(beat(s, cadre, id, 121).status, 400);
  EXPECT_EQ(ledger_points(s, city.person_a), 0);

  // The rest of the video: completed, 1 point (1 学时), once.
  s.clock().advance(std::chrono::seconds(120));
  r = beat(s, cadre, id, 120, 120);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["credited"], 85) << "never beyond the course's length";
  EXPECT_EQ(r.json()["watched_seconds"], 120);
  EXPECT_TRUE(r.json()["completed_now"].get<bool>());
  EXPECT_FALSE(r.json()["completed_at"].is_null());
  EXPECT_EQ(ledger_points(s, city.person_a), 1);
  s.clock().advance(std::chrono::seconds(30));
  r = beat(s, cadre, id, 30);
  EXPECT_FALSE(r.json()["completed_now"].get<bool>());
  EXPECT_EQ(r.json()["watched_seconds"], 120);
  EXPECT_EQ(ledger_points(s, city.person_a), 1);
  EXPECT_EQ(s.count("SELECT COUNT(*) FROM ledger_entry WHERE source_key LIKE 'event:study.course_hour:%'"), 1);

  // Three hours earn three points, but the rule's day cap is 2.
  const long long long_course = published_course(s, admin, course_body(city.city, 3, 60));
  s.send_as(cadre, "POST", "/api/v1/me/study/courses/" + std::to_string(long_course) + "/start");
  s.clock().advance(std::chrono::seconds(60));
  r = beat(s, cadre, long_course, 60);
  EXPECT_TRUE(r.json()["completed_now"].get<bool>());
  EXPECT_EQ(ledger_points(s, city.person_a), 2) << "the day cap of study_course_hour";

  // Someone outside the audience cannot learn it; an account without a person has no courses.
  const long long b_course = published_course(s, admin, course_body(city.unit_b));
  EXPECT_EQ(s.send_as(cadre, "POST", "/api/v1/me/study/courses/" + std::to_string(b_course) + "/start").status, 404);
  EXPECT_EQ(beat(s, admin, id, 10).status, 403);
  EXPECT_EQ(s.get_as(admin, "/api/v1/me/study/courses").json()["items"].size(), 0u);

  // My courses: the completed ones last.
  const Json mine = s.get_as(cadre, "/api/v1/me/study/courses").json()["items"];
  ASSERT_EQ(mine.size(), 2u);
  EXPECT_FALSE(mine[1]["completed_at"].is_null());
}

TEST_P(StudyCourse, ConcurrentHeartbeatsCompleteOnce) {
  START_CITY(s);
  const std::string admin = s.login("admin"), cadre = s.login("cadre");
  const long long id = published_course(s, admin, course_body(city.unit_a, 1, 120));
  ASSERT_EQ(s.send_as(cadre, "POST", "/api/v1/me/study/courses/" + std::to_string(id) + "/start").status, 200);
  {
    auto lease = s.app().database().lease();
    lease.sql() << "UPDATE study_course_progress SET watched_seconds = 110 WHERE course_id = :c", soci::use(id);
  }
  s.clock().advance(std::chrono::seconds(60));
  std::atomic<int> completed{0}, ok{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 8; ++i)
    threads.emplace_back([&] {
      auto r = beat(s, cadre, id, 15);
      if (r.status == 200) ++ok;
      if (r.status == 200 && r.json()["completed_now"].get<bool>()) ++completed;
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(completed.load(), 1);
  EXPECT_GE(ok.load(), 7) << "a heartbeat that loses the race is taken again from the winner's result";
  EXPECT_EQ(s.count("SELECT watched_seconds FROM study_course_progress WHERE course_id = " + std::to_string(id)), 120);
  EXPECT_EQ(ledger_points(s, city.person_a), 1);
  EXPECT_EQ(s.count("SELECT COUNT(*) FROM ledger_entry WHERE person_id = " + std::to_string(city.person_a)), 1);
}

TEST_P(StudyCourse, TheProgressReportCountsThePeopleInScope) {
  START_CITY(s);
  const std::string admin = s.login("admin"), unitadmin = s.login("unitadmin"), cadre = s.login("cadre");
  const long long id = published_course(s, admin, course_body(city.city, 1, 120));
  s.send_as(cadre, "POST", "/api/v1/me/study/courses/" + std::to_string(id) + "/start");
  s.clock().advance(std::chrono::seconds(60));
  beat(s, cadre, id, 60);
  const std::string base = "/api/v1/study/courses/" + std::to_string(id);
  auto r = s.get_as(admin, base + "/learners");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["total"], 2) << "everyone of the city";
  EXPECT_EQ(r.json()["course"]["started"], 1);
  ASSERT_EQ(r.json()["units"].size(), 2u);
  EXPECT_EQ(r.json()["units"][0]["started"], 1);
  r = s.get_as(admin, base + "/learners?status=started");
  ASSERT_EQ(r.json()["total"], 1);
  EXPECT_EQ(r.json()["items"][0]["person_id"], city.person_a);
  EXPECT_EQ(r.json()["items"][0]["percent"], 50);
  EXPECT_EQ(s.get_as(admin, base + "/learners?status=not_started").json()["total"], 1);
  EXPECT_EQ(s.get_as(admin, base + "/learners?status=bogus").status, 400);
  // The city's course is not the unit administrator's to manage.
  EXPECT_EQ(s.get_as(unitadmin, base + "/learners").status, 404);
  r = s.get_as(admin, base + "/learners/export");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.body.substr(0, 2), "PK");
  EXPECT_EQ(s.count("SELECT COUNT(*) FROM audit_log WHERE action = 'study.course_progress_exported'"), 1);
}

TEST_P(StudyCourse, ReadingActivitiesCollectNotesUntilClosed) {
  START_CITY(s);
  const std::string admin = s.login("admin"), unitadmin = s.login("unitadmin"), cadre = s.login("cadre");
  add_roster_person(s, "周岚", city.unit_a, 0, "full");
  Json body = {{"node_id", city.unit_a}, {"book_title", "习近平新时代中国特色社会主义思想学习纲要"}, {"author", "中共中央宣传部"},
               {"starts_on", "2026-11-20"}, {"ends_on", "2026-12-20"}};
  Json bad = body;
  bad["ends_on"] = "2026-11-01";
  auto r = s.send_as(unitadmin, "POST", "/api/v1/study/readings", bad.dump());
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(field_of(r), "ends_on");
  bad = body;
  bad["node_id"] = city.unit_b;
  EXPECT_EQ(s.send_as(unitadmin, "POST", "/api/v1/study/readings", bad.dump()).status, 400);
  r = s.send_as(unitadmin, "POST", "/api/v1/study/readings", body.dump());
  ASSERT_EQ(r.status, 201) << r.body;
  const long long id = r.json()["id"];
  EXPECT_EQ(r.json()["expected"], 2);
  const std::string mine = "/api/v1/me/study/readings/" + std::to_string(id);

  r = s.send_as(cadre, "PUT", mine + "/note", Json{{"content", "太短"}}.dump());
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(field_of(r), "content");
  const std::string text = "读了第一章，体会到坚持以人民为中心的发展思想，要在本职工作中落到实处。";
  r = s.send_as(cadre, "PUT", mine + "/note", Json{{"content", text}}.dump());
  ASSERT_EQ(r.status, 200) << r.body;
  const long long note = r.json()["id"];
  r = s.send_as(cadre, "PUT", mine + "/note", Json{{"content", text + "再读第二章。"}}.dump());
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.json()["id"], note) << "editing keeps one note";
  EXPECT_EQ(s.get_as(cadre, "/api/v1/me/study/readings").json()["items"][0]["my_note"]["id"], note);
  r = s.get_as(unitadmin, "/api/v1/study/readings/" + std::to_string(id) + "/notes?status=pending");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.json()["total"], 1);
  r = s.get_as(unitadmin, "/api/v1/study/readings/" + std::to_string(id) + "/notes?status=submitted");
  EXPECT_EQ(r.json()["total"], 1);
  const std::string mark = "/api/v1/study/readings/" + std::to_string(id) + "/notes/" + std::to_string(note) + "/excellent";
  r = s.send_as(unitadmin, "PUT", mark, Json{{"excellent", true}}.dump());
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_TRUE(r.json()["excellent"].get<bool>());
  EXPECT_EQ(s.send_as(unitadmin, "PUT", mark, Json{{"excellent", true}}.dump()).status, 409);
  r = s.send_as(cadre, "PUT", mine + "/note", Json{{"content", text + "改写。"}}.dump());
  EXPECT_EQ(r.status, 409);
  EXPECT_EQ(code_of(r), "note_excellent");

  r = s.send_as(unitadmin, "POST", "/api/v1/study/readings/" + std::to_string(id) + "/close");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.json()["notes"], 1);
  EXPECT_EQ(r.json()["excellent"], 1);
  EXPECT_EQ(s.send_as(unitadmin, "POST", "/api/v1/study/readings/" + std::to_string(id) + "/close").status, 409);
  EXPECT_EQ(s.send_as(admin, "PUT", mark, Json{{"excellent", false}}.dump()).status, 200);
  r = s.send_as(cadre, "PUT", mine + "/note", Json{{"content", text}}.dump());
  EXPECT_EQ(r.status, 409);
  EXPECT_EQ(code_of(r), "reading_closed");
  EXPECT_EQ(s.count("SELECT COUNT(*) FROM audit_log WHERE action LIKE 'study.reading%'"), 4);
}

INSTANTIATE_TEST_SUITE_P(Db, StudyCourse, ::testing::Values(Backend::sqlite, Backend::postgresql), backend_name);
