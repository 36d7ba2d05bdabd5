// Publicity (公示) and appeals: a unit's results published for N days as a snapshot; members of the unit see them
// and appeal while they are open; every appeal is answered in writing before the publicity can close.
#include <gtest/gtest.h>

#include "db/sql.hpp"
#include "db/transaction.hpp"
#include "points/service.hpp"
#include "support/test_server.hpp"

using namespace xinhuo;
using namespace xinhuo::test;

class Publicity : public ::testing::TestWithParam<Backend> {};

TEST_P(Publicity, PublishAppealAnswerClose) {
  auto holder = TestServer::start(GetParam());
  if (!holder) return;
  TestServer& s = *holder;
  const auto city = s.seed_small_city();
  const std::string year = s.app().points().today().substr(0, 4);
  {
    db::Tx tx(s.app().database());
    tx.publish({.type = "study.lecture_given", .subject_id = 1, .person_id = city.person_a, .occurred_at = year + "-03-01T02:00:00Z"});
    tx.commit();
  }
  const std::string unitadmin = s.login("unitadmin");
  const std::string cadre = s.login("cadre");
  EXPECT_EQ(s.send_as(unitadmin, "POST", "/api/v1/points/publicities", Json{{"node_id", city.unit_b}, {"period", year}}.dump()).status, 404)
      << "only organisations in the publisher's scope";
  EXPECT_EQ(s.send_as(unitadmin, "POST", "/api/v1/points/publicities",
                      Json{{"node_id", city.unit_a}, {"period", year}, {"days", 40}}.dump())
                .json()["error"]["field"],
            "days");
  auto published = s.send_as(unitadmin, "POST", "/api/v1/points/publicities", Json{{"node_id", city.unit_a}, {"period", year}, {"days", 7}}.dump());
  ASSERT_EQ(published.status, 201) << published.body;
  const std::string id = published.json()["id"].dump();
  // 7 days counting today: the last day is six days after the first.
  const std::string starts = published.json()["starts_on"];
  EXPECT_EQ(starts, s.app().points().today());
  EXPECT_EQ(published.json()["ends_on"], iso_utc(parse_iso_utc(starts + "T00:00:00Z") + std::chrono::hours(24 * 6)).substr(0, 10));
  EXPECT_EQ(published.json()["rows"][0]["person_id"], city.person_a);
  EXPECT_EQ(published.json()["rows"][0]["points"], 3);

  // Points booked after publishing do not change what was published.
  {
    db::Tx tx(s.app().database());
    tx.publish({.type = "study.lecture_given", .subject_id = 2, .person_id = city.person_a, .occurred_at = year + "-03-02T02:00:00Z"});
    tx.commit();
  }
  auto mine = s.get_as(cadre, "/api/v1/me/points/publicities").json()["items"];
  ASSERT_EQ(mine.size(), 1u);
  EXPECT_EQ(mine[0]["rows"][0]["points"], 3);

  auto appeal = s.send_as(cadre, "POST", "/api/v1/me/points/publicities/" + id + "/appeals", R"({"reason":"3 月还参加过一次宣讲，未计入"})");
  ASSERT_EQ(appeal.status, 201) << appeal.body;
  EXPECT_EQ(s.send_as(cadre, "POST", "/api/v1/me/points/publicities/" + id + "/appeals", R"({"reason":"再次申诉"})").status, 409)
      << "one open appeal per person and publicity";
  auto early = s.send_as(unitadmin, "POST", "/api/v1/points/publicities/" + id + "/close", R"({"note":"期满"})");
  EXPECT_EQ(early.status, 409);
  EXPECT_EQ(early.json()["error"]["code"], "appeals_open");
  const std::string appeal_path = "/api/v1/points/appeals/" + appeal.json()["id"].dump() + "/handle";
  EXPECT_EQ(s.send_as(unitadmin, "POST", appeal_path, R"({"decision":"maybe","result":"x"})").json()["error"]["field"], "decision");
  auto answered = s.send_as(unitadmin, "POST", appeal_path, R"({"decision":"upheld","result":"已补记 3 月 2 日宣讲积分"})");
  ASSERT_EQ(answered.status, 200) << answered.body;
  EXPECT_EQ(answered.json()["status"], "upheld");
  EXPECT_EQ(s.send_as(unitadmin, "POST", appeal_path, R"({"decision":"dismissed","result":"x"})").status, 409);
  auto my_appeals = s.get_as(cadre, "/api/v1/me/points/appeals").json()["items"];
  EXPECT_EQ(my_appeals[0]["result"], "已补记 3 月 2 日宣讲积分");

  auto closed = s.send_as(unitadmin, "POST", "/api/v1/points/publicities/" + id + "/close", R"({"note":"公示期满，异议已处理"})");
  ASSERT_EQ(closed.status, 200) << closed.body;
  EXPECT_EQ(closed.json()["status"], "closed");
  EXPECT_EQ(closed.json()["closed_by"], "unitadmin");
  EXPECT_EQ(s.send_as(cadre, "POST", "/api/v1/me/points/publicities/" + id + "/appeals", R"({"reason":"x"})").status, 409);
  EXPECT_EQ(s.count("SELECT COUNT(*) FROM audit_log WHERE action IN ('points.publicity_published', 'points.appeal_handled', "
                    "'points.publicity_closed')"),
            3);

  // After its last day a publicity takes no more appeals, even before it is closed.
  auto second = s.send_as(unitadmin, "POST", "/api/v1/points/publicities", Json{{"node_id", city.unit_a}, {"period", year}, {"days", 1}}.dump());
  s.clock().advance(std::chrono::hours(24 * 3));
  const std::string cadre_again = s.login("cadre");
  auto late = s.send_as(cadre_again, "POST", "/api/v1/me/points/publicities/" + second.json()["id"].dump() + "/appeals", R"({"reason":"x"})");
  EXPECT_EQ(late.status, 409);
  EXPECT_EQ(late.json()["error"]["code"], "publicity_over");
}

INSTANTIATE_TEST_SUITE_P(Db, Publicity, ::testing::Values(Backend::sqlite, Backend::postgresql), backend_name);
