// Dashboards: on both databases, the rollups kept by events equal a rebuild from the modules' data after a random
// stream of check-ins, meetings (with the points they book) and people's changes made through the real services;
// every figure within the caller's data scope; the warning thresholds validated and editable by the organisation
// department only.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "analytics/model.hpp"
#include "analytics/rollup.hpp"
#include "analytics/service.hpp"
#include "files/service.hpp"
#include "org/service.hpp"
#include "party/meeting_service.hpp"
#include "points/service.hpp"
#include "study/session_service.hpp"
#include "support/party_fixtures.hpp"
#include "support/test_server.hpp"

using namespace xinhuo;
using namespace xinhuo::test;

TEST(AnalyticsRules, ThresholdsAreValidatedPerKindOfRule) {
  const auto* rate = analytics::find_rule("dues_rate");
  const auto* count = analytics::find_rule("development_overdue");
  ASSERT_TRUE(rate && count);
  EXPECT_NO_THROW(analytics::check_threshold(*rate, 90, 70));
  EXPECT_NO_THROW(analytics::check_threshold(*rate, 1, 0));
  EXPECT_THROW(analytics::check_threshold(*rate, 70, 90), Error) << "red must be below yellow for a rate";
  EXPECT_THROW(analytics::check_threshold(*rate, 101, 50), Error);
  EXPECT_THROW(analytics::check_threshold(*rate, 50, -1), Error);
  EXPECT_NO_THROW(analytics::check_threshold(*count, 1, 5));
  EXPECT_THROW(analytics::check_threshold(*count, 5, 1), Error) << "red must be above yellow for a count";
  EXPECT_THROW(analytics::check_threshold(*count, 0, 5), Error);
  const analytics::Threshold t{"dues_rate", 90, 70, "", ""};
  EXPECT_EQ(analytics::light_of(*rate, t, 95), "green");
  EXPECT_EQ(analytics::light_of(*rate, t, 89.9), "yellow");
  EXPECT_EQ(analytics::light_of(*rate, t, 69), "red");
  const analytics::Threshold c{"development_overdue", 1, 5, "", ""};
  EXPECT_EQ(analytics::light_of(*count, c, 0), "green");
  EXPECT_EQ(analytics::light_of(*count, c, 1), "yellow");
  EXPECT_EQ(analytics::light_of(*count, c, 5), "red");
}

class Analytics : public ::testing::TestWithParam<Backend> {};

namespace {

Principal admin_of(TestServer& s) {
  Principal p;
  p.account_id = s.account_id("admin");
  p.username = p.display_name = "admin";
  p.permissions = {"study.read", "study.write", "party.read", "party.write", "people.read", "people.write", "org.read",
                   "org.write", "analytics.read"};
  p.scope.all = true;
  return p;
}

// Every row of the rollup tables as text, sorted (rows summing to nothing are no figure).
std::vector<std::string> snapshot(TestServer& s) {
  std::vector<std::string> out;
  auto lease = s.app().database().lease();
  auto dump = [&](const std::string& sql) {
    db::Query(sql).each(lease.sql(), [&](const soci::row& r) {
      std::string line;
      for (std::size_t i = 0; i < r.size(); ++i) {
        const auto t = r.get_properties(i).get_data_type();
        line += (t == soci::dt_string ? r.get<std::string>(i) : std::to_string(db::column_ll(r, i))) + "|";
      }
      out.push_back(line);
    });
  };
  dump("SELECT 'daily', node_id, unit_id, day, metric, dimension, young, value FROM analytics_daily WHERE value <> 0 "
       "ORDER BY node_id, day, metric, dimension, young");
  dump("SELECT 'tree', node_id, month, metric, dimension, young, value FROM analytics_tree WHERE value <> 0 "
       "ORDER BY node_id, month, metric, dimension, young");
  dump("SELECT 'people', node_id, unit_id, birth_date, rank, party_status, n FROM analytics_people WHERE n <> 0 "
       "ORDER BY node_id, birth_date, rank, party_status");
  dump("SELECT 'person', person_id, node_id, unit_id, birth_date, rank, party_status FROM analytics_person ORDER BY person_id");
  dump("SELECT 'seen', metric, period, item FROM analytics_seen ORDER BY metric, period, item");
  return out;
}

Json dashboard(TestServer& s, const std::string& cookie, const std::string& query) {
  auto r = s.get_as(cookie, "/api/v1/analytics/dashboard" + query);
  EXPECT_EQ(r.status, 200) << r.body;
  return r.status == 200 ? r.json() : Json::object();
}

}  // namespace

TEST_P(Analytics, RollupsKeptByEventsEqualARebuild) {
  START_CITY(s);
  // A branch of party members and a unit of masses, written directly (no events): the rebuild is the baseline.
  std::vector<long long> members, everyone;
  for (int i = 0; i < 8; ++i) members.push_back(add_roster_person(s, "党员" + std::to_string(i), city.unit_a, city.branch_a1, "full"));
  for (int i = 0; i < 4; ++i) everyone.push_back(add_roster_person(s, "群众" + std::to_string(i), city.unit_b, 0, "masses"));
  everyone.insert(everyone.end(), members.begin(), members.end());
  analytics::rebuild(s.app().database(), {});
  const auto baseline = snapshot(s);
  ASSERT_FALSE(baseline.empty());

  const Principal admin = admin_of(s);
  int sessions = 0, meetings = 0;
  long long district = 0;
  std::mt19937 rng(20261129);
  auto pick = [&](const std::vector<long long>& v) { return v[rng() % v.size()]; };
  const std::vector<std::string> ranks = {"clerk_1", "senior_clerk_2", "researcher_4", "inspector_2"};
  try {
  // People's changes first (the history of an activity stays as and where it was recorded, see architecture.md).
  for (int i = 0; i < 6; ++i) {
    org::PersonPatch patch;
    if (i % 2) patch.rank = ranks[rng() % ranks.size()];
    else patch.birth_date = std::to_string(1975 + rng() % 25) + "-0" + std::to_string(1 + rng() % 9) + "-15";
    s.app().org().update_person(admin, pick(everyone), patch);
  }
  const std::vector<std::string> meeting_types = {"branch_committee", "branch_general", "party_lecture", "theme_day"};
  // A district (summed: its subtree is also summed by month in analytics_tree) that unit A joins and leaves.
  org::NodeInput district_in{.parent_id = city.city, .node_type = "district", .name = "东区"};
  district = s.app().org().create_node(admin, district_in).id;
  for (int step = 0; step < 24; ++step) {
    SCOPED_TRACE("step " + std::to_string(step));
    if (step == 8) s.app().org().move_node(admin, city.unit_a, district);
    if (step == 20) s.app().org().move_node(admin, city.unit_a, city.city);
    s.clock().set(s.clock().now() + std::chrono::hours(20 + rng() % 60));
    const int what = static_cast<int>(rng() % 3);
    if (what == 0) {  // a study session of unit A with some of its people marked present or late
      const auto now = s.clock().now();
      study::SessionInput in{.audience = "unit", .node_id = city.unit_a, .title = "夜学" + std::to_string(step),
                             .starts_at = iso_utc(now - std::chrono::minutes(10)), .ends_at = iso_utc(now + std::chrono::hours(2)),
                             .place = "会议室"};
      const long long id = s.app().study_sessions().create(admin, in).id;
      std::vector<study::AttendanceMark> marks;
      for (long long p : members)
        if (rng() % 3) marks.push_back({p, rng() % 4 ? "present" : "late", ""});
      if (!marks.empty()) s.app().study_sessions().mark(admin, id, marks);
      ++sessions;
    } else if (what == 1) {  // a meeting of branch A1 held today, closed: attendance events and their points
      party::MeetingInput in{.node_id = city.branch_a1, .meeting_type = meeting_types[rng() % meeting_types.size()],
                             .held_on = beijing_date(s.clock().now()), .topic = "学习贯彻", .host_person_id = members[0],
                             .minutes = "会议记录：传达学习上级精神，讨论本支部工作。"};
      if (in.meeting_type == "party_lecture") in.lecturer = "书记";
      const long long id = s.app().meetings().create(admin, in).id;
      s.app().meetings().close(admin, id);
      ++meetings;
    } else {  // a member's party status changes (probationary ↔ full), a move in the roster counts
      org::PersonPatch patch;
      const long long who = pick(members);
      patch.party_status = rng() % 2 ? "probationary" : "full";
      s.app().org().update_person(admin, who, patch);
    }
  }
  } catch (const Error& e) {
    FAIL() << e.code() << " " << e.field() << ": " << e.message().en;
  }
  ASSERT_GT(sessions + meetings, 5);
  const auto incremental = snapshot(s);
  EXPECT_NE(incremental, baseline) << "the events moved the rollups";
  analytics::rebuild(s.app().database(), {});
  const auto rebuilt = snapshot(s);
  EXPECT_EQ(incremental, rebuilt);
  EXPECT_GT(s.count("SELECT COUNT(*) FROM analytics_daily WHERE metric = 'points.net'"), 0) << "points followed the bookings";
  EXPECT_EQ(s.count("SELECT COUNT(*) FROM analytics_daily WHERE metric = 'meetings.held'") > 0, meetings > 0);
  EXPECT_GT(s.count("SELECT COUNT(*) FROM analytics_tree WHERE node_id = " + std::to_string(city.city)), 0);

  // Read node by node (a small tree) or by metric and day (as a wide one is): the same figures.
  s.app().org().move_node(admin, city.unit_a, district);
  const std::string cookie = s.login("admin");
  const std::vector<std::string> views = {"", "?young=true", "?from=2026-11-10&to=2026-12-20", "?from=2026-06-01",
                                          "?node_id=" + std::to_string(district), "?node_id=" + std::to_string(city.unit_a)};
  std::vector<Json> node_by_node;
  for (const auto& v : views) node_by_node.push_back(dashboard(s, cookie, v));
  EXPECT_GT(node_by_node[0]["totals"]["branches"].get<long long>(), 0);
  EXPECT_GT(node_by_node[0]["totals"]["points"].get<long long>(), 0);
  s.app().analytics().set_read_limits({.narrow_nodes = 0, .node_by_node_branches = 0, .read_whole_above = 0});
  s.count("DELETE FROM analytics_state RETURNING node_id");  // the day's figures read again, the other way
  for (std::size_t i = 0; i < views.size(); ++i) EXPECT_EQ(dashboard(s, cookie, views[i]), node_by_node[i]) << views[i];
  s.app().analytics().set_read_limits({});
}

// A summed child (a district, a unit) is read from its monthly sums, completed by day rows where the period cuts a month;
// every period gives the figures a count of the day rows below it gives.
// approve-batch sums its rank counts and rollups in memory and writes them at commit: the result is what approving
// one by one writes (a rebuild from the ledger and `points verify` agree), a refused claim adds nothing, and a
// person approved twice in the batch moves through both scores.
TEST_P(Analytics, ABatchOfApprovalsWritesWhatApprovingOneByOneWould) {
  START_CITY(s);
  std::vector<long long> members;
  for (int i = 0; i < 5; ++i) members.push_back(add_roster_person(s, "党员" + std::to_string(i), city.unit_a, city.branch_a1, "full"));
  members.push_back(add_roster_person(s, "乙单位党员", city.unit_b, 0, "full"));
  // Written directly (no events): the rebuilds are the baseline.
  analytics::rebuild(s.app().database(), {});
  s.app().points().rebuild_ranks();
  const long long rule = s.count("SELECT id FROM point_rule WHERE code = 'honour_unit' AND status = 'current'");
  const long long submitter = s.account_id("cadre");
  ASSERT_GT(rule, 0);
  auto claim_for = [&](long long person, int n) {
    auto lease = s.app().database().lease();
    long long id = 0;
    const std::string fingerprint = "batch-" + std::to_string(n);
    lease.sql() << "INSERT INTO point_claim (kind, person_id, unit_id, branch_id, rule_id, points, activity_date, description, "
                   "evidence, fingerprint, status, created_by, created_at) SELECT 'self_report', id, unit_id, branch_id, :r, 3, "
                   "'2026-11-20', '获单位表彰', '[]', :f, 'pending', :c, '2026-11-20T00:00:00Z' FROM person WHERE id = :p RETURNING id",
        soci::use(rule), soci::use(fingerprint), soci::use(submitter), soci::use(person), soci::into(id);
    return id;
  };
  std::vector<long long> ids;
  for (std::size_t i = 0; i < members.size(); ++i) ids.push_back(claim_for(members[i], static_cast<int>(i)));
  ids.push_back(claim_for(members[0], 100));  // the same person again, later in the batch
  const std::string admin = s.login("admin");
  ASSERT_EQ(s.send_as(admin, "POST", "/api/v1/points/claims/" + std::to_string(ids[2]) + "/approve").status, 200);
  auto batch = s.send_as(admin, "POST", "/api/v1/points/claims/approve-batch", Json{{"ids", ids}}.dump());
  ASSERT_EQ(batch.status, 200) << batch.body;
  EXPECT_EQ(batch.json()["approved"].size(), ids.size() - 1);
  ASSERT_EQ(batch.json()["failed"].size(), 1u);
  EXPECT_EQ(batch.json()["failed"][0]["id"], ids[2]) << "decided before: refused, its share undone";
  EXPECT_EQ(s.count("SELECT points FROM point_balance WHERE period = '2026' AND category_code = '' AND person_id = " +
                    std::to_string(members[0])),
            6);

  const auto report = s.app().points().verify();
  EXPECT_TRUE(report.mismatches.empty());
  EXPECT_EQ(report.rank_mismatch_count, 0) << (report.rank_mismatches.empty() ? "" : report.rank_mismatches.front());
  const auto kept = snapshot(s);
  EXPECT_NE(std::find_if(kept.begin(), kept.end(), [](const std::string& l) { return l.rfind("tree|", 0) == 0; }), kept.end());
  analytics::rebuild(s.app().database(), {});
  EXPECT_EQ(kept, snapshot(s)) << "the batch's rollups equal a rebuild";
}

TEST_P(Analytics, SummedSubtreesEqualTheDayRowsForAnyPeriod) {
  START_CITY(s);
  const Principal admin = admin_of(s);
  org::NodeInput district_in{.parent_id = city.city, .node_type = "district", .name = "东区"};
  const long long district = s.app().org().create_node(admin, district_in).id;
  s.app().org().move_node(admin, city.unit_a, district);
  const std::string district_path = "/" + std::to_string(city.city) + "/" + std::to_string(district) + "/";
  analytics::rebuild(s.app().database(), {});  // the roster's counts
  // Points on days around the months' edges, of young and older people, added as the modules' events add them.
  {
    db::Tx tx(s.app().database());
    analytics::Rollup rollup(tx, {});
    std::mt19937 rng(7);
    const std::vector<std::string> days = {"2026-01-01", "2026-01-15", "2026-01-31", "2026-02-01", "2026-02-14",
                                           "2026-02-28", "2026-06-10", "2026-09-30", "2026-10-01", "2026-10-17",
                                           "2026-11-02", "2026-11-16", "2026-11-29", "2025-12-31"};
    for (const auto& day : days)
      for (const long long node : {city.branch_a1, city.unit_a, city.unit_b})
        for (bool young : {false, true})
          rollup.add(node, node == city.unit_b ? city.unit_b : city.unit_a, day, analytics::kMetricPoints, "study", young,
                     1 + static_cast<long long>(rng() % 9));
    tx.commit();
  }
  EXPECT_GT(s.count("SELECT COUNT(*) FROM analytics_tree WHERE node_id = " + std::to_string(district)), 0);
  const std::string cookie = s.login("admin");
  auto expected = [&](const std::string& from, const std::string& to, bool young) {
    return s.count("SELECT COALESCE(SUM(a.value), 0) FROM analytics_daily a JOIN org_node n ON n.id = a.node_id WHERE "
                   "a.metric = 'points.net' AND n.path LIKE '" + district_path + "%' AND a.day >= '" + from +
                   "' AND a.day <= '" + to + "'" + (young ? " AND a.young = 1" : ""));
  };
  const std::vector<std::pair<std::string, std::string>> periods = {
      {"2026-01-01", "2026-11-29"}, {"2026-01-15", "2026-11-16"}, {"2026-02-02", "2026-02-27"},
      {"2026-01-31", "2026-10-01"}, {"2025-12-31", "2026-01-01"}, {"2026-10-01", "2026-10-31"},
      {"2026-02-14", "2026-12-31"}, {"2026-03-01", "2026-05-31"}};
  for (const auto& [from, to] : periods)
    for (bool young : {false, true}) {
      SCOPED_TRACE(from + " … " + to + (young ? " young" : ""));
      const Json d = dashboard(s, cookie, "?from=" + from + "&to=" + to + (young ? "&young=true" : ""));
      long long district_points = -1, all_points = 0;
      for (const auto& k : d["children"]) {
        if (k["id"] == district) district_points = k["figures"]["points"].get<long long>();
        all_points += k["figures"]["points"].get<long long>();
      }
      EXPECT_EQ(district_points, expected(from, to, young));
      EXPECT_EQ(d["totals"]["points"], all_points);
    }
  // A node whose children are all summed ranks those children by points per person; a unit ranks the units below it
  // (none here).
  const Json inside = dashboard(s, cookie, "?node_id=" + std::to_string(district));
  EXPECT_EQ(inside["points_ranked"], "children");
  ASSERT_FALSE(inside["points_top_units"].empty());
  EXPECT_EQ(inside["points_top_units"][0]["id"], city.unit_a);
  EXPECT_EQ(inside["points_top_units"][0]["points_per_person"],
            static_cast<double>(expected("2026-01-01", "2026-11-29", false)) /
                static_cast<double>(s.count("SELECT COUNT(*) FROM person WHERE status = 'active' AND unit_id = " +
                                            std::to_string(city.unit_a))));
}

// A unit's figures of the day are kept (analytics_state) and read again once something below it changes: after each
// kind of change the dashboard equals one read with nothing kept.
TEST_P(Analytics, KeptFiguresOfTheDayFollowEveryChangeBelow) {
  START_CITY(s);
  for (int i = 0; i < 3; ++i) add_roster_person(s, "甲" + std::to_string(i), city.unit_a, city.branch_a1, "full");
  const long long masses_b = add_roster_person(s, "乙申请", city.unit_b, 0, "masses");
  analytics::rebuild(s.app().database(), {});
  const Principal admin = admin_of(s);
  const std::string cookie = s.login("admin");
  auto unit_figures = [&](long long unit) {
    const Json d = dashboard(s, cookie, "");
    for (const auto& k : d["children"])
      if (k["id"] == unit) return k["figures"];
    ADD_FAILURE() << "no row for unit " << unit;
    return Json();
  };
  auto same_as_unkept = [&](const std::string& after) {
    SCOPED_TRACE(after);
    EXPECT_GT(s.count("SELECT COUNT(*) FROM analytics_state"), 0) << "figures were kept";
    const Json kept = dashboard(s, cookie, "");
    s.count("DELETE FROM analytics_state RETURNING node_id");
    EXPECT_EQ(kept, dashboard(s, cookie, ""));
  };
  // The server reads the top's figures once a day begins: one kept row for each child of the city, for today.
  EXPECT_EQ(s.app().analytics().keep_figures_of_the_day(), "2026-11-29");
  EXPECT_EQ(s.count("SELECT COUNT(*) FROM analytics_state WHERE as_of = '2026-11-29'"),
            s.count("SELECT COUNT(*) FROM org_node WHERE parent_id = " + std::to_string(city.city)));
  const Json before = unit_figures(city.unit_a);
  same_as_unkept("nothing changed");

  // A person of unit B moved to unit A.
  org::PersonPatch move;
  move.unit_id = city.unit_a, move.branch_id = city.branch_a1;
  s.app().org().update_person(admin, city.person_b, move);
  EXPECT_EQ(unit_figures(city.unit_a)["people"], before["people"].get<long long>() + 1);
  same_as_unkept("a person moved");

  // Dues paid by a member of unit A.
  ASSERT_EQ(s.send_as(cookie, "PUT", "/api/v1/party/dues/bases/" + std::to_string(city.person_a),
                      R"({"year":2026,"category":"employed","income_cents":600000,"from_month":"2026-01"})").status, 200);
  const long long paid = unit_figures(city.unit_a)["dues_paid"];
  ASSERT_EQ(s.send_as(cookie, "POST", "/api/v1/party/dues/payments",
                      Json{{"person_id", city.person_a}, {"months", {"2026-11"}}, {"paid_on", "2026-11-29"},
                           {"method", "transfer"}}.dump()).status, 201);
  EXPECT_EQ(unit_figures(city.unit_a)["dues_paid"], paid + 1);
  same_as_unkept("dues paid");

  // A development case opened in unit B.
  const long long active = unit_figures(city.unit_b)["development_active"];
  ASSERT_EQ(s.send_as(cookie, "POST", "/api/v1/party/cases", Json{{"person_id", masses_b}, {"date", "2026-11-20"}}.dump()).status, 201);
  EXPECT_EQ(unit_figures(city.unit_b)["development_active"], active + 1);
  same_as_unkept("a development case opened");

  // A meeting of branch A1 closed: its light.
  const Json lights = unit_figures(city.unit_a);
  for (const std::string type : {"branch_committee", "branch_general", "party_lecture", "theme_day", "life_meeting"}) {
    party::MeetingInput m{.node_id = city.branch_a1, .meeting_type = type, .held_on = "2026-11-28", .topic = "学习贯彻",
                          .host_person_id = city.person_a, .minutes = "会议记录：传达学习上级精神，讨论本支部工作。"};
    if (type == "party_lecture") m.lecturer = "书记";
    s.app().meetings().close(admin, s.app().meetings().create(admin, m).id);
  }
  EXPECT_EQ(unit_figures(city.unit_a)["branches_green"], 1) << "every type held this period: " << lights.dump();
  same_as_unkept("meetings closed");
}

TEST_P(Analytics, FiguresStayInsideTheCallersScope) {
  START_CITY(s);
  for (int i = 0; i < 3; ++i) add_roster_person(s, "甲" + std::to_string(i), city.unit_a, city.branch_a1, "full");
  for (int i = 0; i < 5; ++i) add_roster_person(s, "乙" + std::to_string(i), city.unit_b, 0, "masses");
  analytics::rebuild(s.app().database(), {});
  const std::string admin = s.login("admin"), unit = s.login("unitadmin"), secretary = s.login("secretary"),
                    cadre = s.login("cadre");
  const long long people_a = s.count("SELECT COUNT(*) FROM person WHERE status = 'active' AND unit_id = " + std::to_string(city.unit_a));
  const long long people_all = s.count("SELECT COUNT(*) FROM person WHERE status = 'active'");

  Json city_view = dashboard(s, admin, "");
  EXPECT_EQ(city_view["node"]["id"], city.city) << "the organisation department starts at the city";
  EXPECT_EQ(city_view["totals"]["people"], people_all);
  const Json kids = city_view["children"];
  ASSERT_GE(kids.size(), 2u);
  long long sum = 0;
  for (const auto& k : kids) sum += k["figures"]["people"].get<long long>();
  EXPECT_EQ(sum, people_all) << "the drill-down rows add up to the total";

  Json unit_view = dashboard(s, unit, "");
  EXPECT_EQ(unit_view["node"]["id"], city.unit_a) << "a unit administrator starts at their unit";
  EXPECT_EQ(unit_view["totals"]["people"], people_a);
  EXPECT_EQ(s.get_as(unit, "/api/v1/analytics/dashboard?node_id=" + std::to_string(city.city)).status, 404);
  EXPECT_EQ(s.get_as(unit, "/api/v1/analytics/dashboard?node_id=" + std::to_string(city.unit_b)).status, 404);
  Json branch_view = dashboard(s, secretary, "");
  EXPECT_EQ(branch_view["node"]["id"], city.branch_a1);
  EXPECT_EQ(branch_view["totals"]["people"],
            s.count("SELECT COUNT(*) FROM person WHERE status = 'active' AND branch_id = " + std::to_string(city.branch_a1)));
  EXPECT_EQ(s.get_as(secretary, "/api/v1/analytics/dashboard?node_id=" + std::to_string(city.unit_a)).status, 404);
  EXPECT_EQ(s.get_as(cadre, "/api/v1/analytics/dashboard").status, 403);
  // Young cadres only: born 1995 with a section-level rank, they are young in 2026.
  Json young = dashboard(s, admin, "?young=true");
  EXPECT_EQ(young["totals"]["people"], young["totals"]["young"]);
  EXPECT_EQ(s.get_as(admin, "/api/v1/analytics/dashboard?from=2026-13-01").status, 400);
  EXPECT_EQ(s.get_as(admin, "/api/v1/analytics/dashboard?from=2026-12-01&to=2026-01-01").status, 400);
  // The export is a workbook and leaves a trace in the audit log.
  auto x = s.get_as(unit, "/api/v1/analytics/export?chart=children");
  EXPECT_EQ(x.status, 200);
  EXPECT_EQ(x.body.substr(0, 2), "PK");
  EXPECT_EQ(s.count("SELECT COUNT(*) FROM audit_log WHERE action = 'analytics.exported'"), 1);
  EXPECT_EQ(s.get_as(unit, "/api/v1/analytics/export?chart=nope").status, 400);
}

// Annual grades, micro-projects and fault-tolerance cases, counted where they belong and only inside the caller's
// scope, with the two counting warnings they raise.
TEST_P(Analytics, EvaluationMassWorkAndOversightFiguresCountTheModulesRecords) {
  START_CITY(s);
  std::vector<long long> staff;
  for (int i = 0; i < 5; ++i) staff.push_back(add_roster_person(s, "职员" + std::to_string(i), city.unit_a, city.branch_a1, "full"));
  std::string admin = s.login("admin"), cadre = s.login("cadre");
  auto ok = [](const HttpResult& r, int status) {
    EXPECT_EQ(r.status, status) << r.body;
    return r.status == status ? r.json() : Json::object();
  };
  // Last year's annual assessment of unit A, published: one 优秀, one 称职, one 基本称职 (the rest ungraded).
  Json ratees = Json::array({staff[0], staff[1], staff[2], staff[3], staff[4], city.person_a});
  const Json campaign = ok(s.send_as(admin, "POST", "/api/v1/evaluation/campaigns",
                                     Json{{"kind", "annual"}, {"title", "2026 年度考核"}, {"org_node_id", city.unit_a},
                                          {"ratee_ids", ratees}}.dump()),
                           201);
  const std::string url = "/api/v1/evaluation/campaigns/" + std::to_string(campaign.value("id", 0LL));
  ok(s.send_as(admin, "POST", url + "/open"), 200);
  const std::vector<std::pair<long long, const char*>> grades = {
      {staff[0], "excellent"}, {staff[1], "competent"}, {staff[2], "basically_competent"}};
  for (const auto& [person, grade] : grades)
    ok(s.send_as(admin, "PUT", url + "/grades/" + std::to_string(person), Json{{"grade", grade}}.dump()), 200);
  ok(s.send_as(admin, "POST", url + "/close"), 200);
  ok(s.send_as(admin, "POST", url + "/publish"), 200);

  // Micro-projects: two of unit A (one claimed, rated 4 once done below), one of unit B.
  auto project = [&](long long node, const char* title) {
    return ok(s.send_as(admin, "POST", "/api/v1/mass/projects",
                        Json{{"org_node_id", node}, {"title", title}, {"category", "elderly"}, {"need", "老人上下楼不便"},
                             {"budget_cap", 500}, {"deadline", "2026-12-20"}}.dump()),
              201)
        .value("id", 0LL);
  };
  const long long claimed = project(city.unit_a, "楼道扶手");
  project(city.unit_a, "助餐点");
  project(city.unit_b, "儿童课堂");
  const std::string mine = "/api/v1/me/mass/projects/" + std::to_string(claimed);
  ok(s.send_as(cadre, "POST", mine + "/claim", "{}"), 200);
  const Principal cadre_principal{.account_id = s.account_id("cadre"), .person_id = city.person_a};
  const long long photo = s.app().files().upload(cadre_principal, "image/jpeg", std::string("\xFF\xD8\xFF\xE0 photo", 10)).id;
  ok(s.send_as(cadre, "POST", mine + "/done", Json{{"note", "扶手已安装"}, {"photos", {photo}}}.dump()), 200);
  ok(s.send_as(admin, "POST", "/api/v1/mass/projects/" + std::to_string(claimed) + "/rate", R"({"satisfaction":4})"), 200);

  // Fault tolerance: the cadre of unit A applies (left waiting), unit B's case is declined at the initial review.
  const Json application = {{"title", "应急采购的容错申请"}, {"facts", "台风后为按期复课采用简化程序采购维修材料"},
                            {"decision_taken", "以询价代替公开招标"}, {"basis", "局党委会议纪要"}, {"loss", "单价略高"},
                            {"remedy", "已协商退还差价"}};
  ok(s.send_as(cadre, "POST", "/api/v1/me/oversight/cases", application.dump()), 201);
  Json for_b = application;
  for_b["person_id"] = city.person_b;
  const long long b_case = ok(s.send_as(admin, "POST", "/api/v1/oversight/cases", for_b.dump()), 201).value("id", 0LL);
  ok(s.send_as(admin, "POST", "/api/v1/oversight/cases/" + std::to_string(b_case) + "/review",
               R"({"accept":false,"note":"不属于容错纠错的适用情形"})"),
     200);

  // Into January: the open projects are past their deadline, unit A's application past its review day.
  s.clock().set(parse_iso_utc("2027-01-05T04:00:00Z"));
  admin = s.login("admin");
  const std::string unit = s.login("unitadmin"), period = "?from=2026-01-01&to=2027-01-05";
  const Json d = dashboard(s, admin, period);
  const Json& t = d["totals"];
  EXPECT_EQ(d["grades"], (Json{{"excellent", 1}, {"competent", 1}, {"basically_competent", 1}}));
  EXPECT_EQ(t["graded"], 3);
  EXPECT_EQ(t["excellent_rate"], 33.3);
  EXPECT_EQ(t["projects_published"], 3);
  EXPECT_EQ(t["projects_claimed"], 1);
  EXPECT_EQ(t["projects_done"], 1);
  EXPECT_EQ(t["projects_overdue"], 2);
  EXPECT_EQ(t["project_satisfaction"], 4.0);
  EXPECT_EQ(t["cases_submitted"], 2);
  EXPECT_EQ(t["cases_declined"], 1);
  EXPECT_EQ(t["cases_pending"], 1);
  EXPECT_EQ(t["cases_review_overdue"], 1);
  EXPECT_EQ(t["cases_tolerated"], 0);
  // The same figures, by child: unit A's row holds its own.
  for (const auto& c : d["children"])
    if (c["id"] == city.unit_a) {
      EXPECT_EQ(c["figures"]["projects_published"], 2);
      EXPECT_EQ(c["figures"]["cases_review_overdue"], 1);
      EXPECT_EQ(c["figures"]["graded"], 3);
    }
  bool warned = false;
  for (const auto& w : d["warnings"])
    if (w["rule"] == "tolerance_review_overdue" && w["node"]["id"] == city.unit_a) {
      warned = true;
      EXPECT_EQ(w["level"], "yellow");
      EXPECT_EQ(w["link"], "/oversight/cases?overdue=1&node_id=" + std::to_string(city.unit_a));
    }
  EXPECT_TRUE(warned);

  // Unit A's administrator sees none of unit B's project or case.
  const Json a = dashboard(s, unit, period)["totals"];
  EXPECT_EQ(a["projects_published"], 2);
  EXPECT_EQ(a["projects_overdue"], 1);
  EXPECT_EQ(a["cases_submitted"], 1);
  EXPECT_EQ(a["cases_declined"], 0);
  EXPECT_EQ(a["graded"], 3);
  // Outside the period nothing counts.
  const Json before = dashboard(s, admin, "?from=2025-01-01&to=2025-12-31")["totals"];
  EXPECT_EQ(before["projects_published"], 0);
  EXPECT_EQ(before["cases_submitted"], 0);
  EXPECT_EQ(before["graded"], 0);
  for (const char* chart : {"evaluation", "projects", "cases"}) {
    auto x = s.get_as(admin, std::string("/api/v1/analytics/export") + period + "&chart=" + chart);
    EXPECT_EQ(x.status, 200) << chart;
    EXPECT_EQ(x.body.substr(0, 2), "PK") << chart;
  }
}

TEST_P(Analytics, ThresholdsAreValidatedAndSetByTheOrganisationDepartmentOnly) {
  START_CITY(s);
  const std::string admin = s.login("admin"), unit = s.login("unitadmin");
  auto bad = s.send_as(admin, "PUT", "/api/v1/analytics/thresholds/dues_rate", R"({"yellow":60,"red":80})");
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(bad.json()["error"].value("field", ""), "red");
  EXPECT_EQ(s.send_as(admin, "PUT", "/api/v1/analytics/thresholds/dues_rate", R"({"yellow":"x","red":80})").status, 400);
  EXPECT_EQ(s.send_as(admin, "PUT", "/api/v1/analytics/thresholds/no_such_rule", R"({"yellow":60,"red":50})").status, 404);
  EXPECT_EQ(s.send_as(unit, "PUT", "/api/v1/analytics/thresholds/dues_rate", R"({"yellow":60,"red":50})").status, 403);
  auto ok = s.send_as(admin, "PUT", "/api/v1/analytics/thresholds/dues_rate", R"({"yellow":95,"red":80})");
  ASSERT_EQ(ok.status, 200) << ok.body;
  EXPECT_EQ(ok.json()["yellow"], 95);
  EXPECT_EQ(ok.json()["updated_by"], "admin");
  EXPECT_EQ(s.count("SELECT COUNT(*) FROM audit_log WHERE action = 'analytics.threshold_changed'"), 1);
  auto list = s.get_as(unit, "/api/v1/analytics/thresholds");
  ASSERT_EQ(list.status, 200);
  const Json items = list.json()["items"];
  EXPECT_EQ(items.size(), analytics::rules().size());
  // A warning names its rule, the bounds in force and where the records behind it are.
  add_roster_person(s, "党员甲", city.unit_a, city.branch_a1, "full");
  analytics::rebuild(s.app().database(), {});
  auto w = s.get_as(admin, "/api/v1/analytics/warnings");
  ASSERT_EQ(w.status, 200) << w.body;
  bool dues_red = false;
  const Json warned = w.json()["items"];
  for (const auto& item : warned)
    if (item["rule"] == "dues_rate" && item["node"]["id"] == city.unit_a) {
      dues_red = item["level"] == "red" && item["red"] == 80 && item["link"].get<std::string>().find("/party/dues") == 0;
    }
  EXPECT_TRUE(dues_red) << "nobody in unit A paid this month: red under the new threshold";
}

INSTANTIATE_TEST_SUITE_P(Db, Analytics, ::testing::Values(Backend::sqlite, Backend::postgresql), backend_name);
