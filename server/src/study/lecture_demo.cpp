#include "study/lecture_demo.hpp"

#include <algorithm>
#include <random>
#include <vector>

#include "core/date.hpp"
#include "db/query.hpp"
#include "study/lecture_service.hpp"

namespace xinhuo::study {

namespace {

// The demo cadres first (they find the team on their phones), then young full members of other units.
constexpr const char* kLecturers =
    "SELECT p.id, p.unit_id FROM person p LEFT JOIN account a ON a.person_id = p.id AND a.username IN ('cadre01', 'cadre02') "
    "WHERE p.status = 'active' AND p.party_status = 'full' AND p.birth_date >= '1988-01-01' "
    "ORDER BY CASE WHEN a.id IS NULL THEN 1 ELSE 0 END, a.username, p.unit_id, p.id";

struct Topic {
  const char* topic;
  const char* place;
  const char* kind;
  const char* level;
};

const std::vector<Topic> kTopics = {
    {"学习贯彻党的二十届四中全会精神", "市委党校报告厅", "cadres", "city"},
    {"新时代青年干部的使命担当", "市青年之家", "cadres", "city"},
    {"民法典进社区：身边的法律常识", "朝阳街道党群服务中心", "public", "district"},
    {"垃圾分类新规解读", "东湖社区文化家园", "public", "district"},
    {"共同富裕示范区建设的实践与思考", "市行政中心会议室", "cadres", "city"},
    {"红色家书里的初心", "市教育局三楼会议室", "cadres", "unit"},
    {"医保新政策宣讲", "西城社区居家养老服务中心", "public", "district"},
    {"讲好身边的好人好事", "市教育局三楼会议室", "cadres", "unit"},
};

}  // namespace

DemoLecturesReport seed_demo_lectures(db::Database& db, const Clock& clock, std::uint64_t seed) {
  DemoLecturesReport report;
  long long admin_account = 0, city = 0, demo_unit = 0;
  std::vector<std::pair<long long, long long>> people;  // person, unit
  {
    auto lease = db.lease();
    admin_account = db::Query("SELECT COALESCE(MIN(id), 0) FROM account").count(lease.sql());
    if (!admin_account || db::Query("SELECT COUNT(*) FROM lecture_team").count(lease.sql()) > 0) return report;
    city = db::Query("SELECT COALESCE(MIN(id), 0) FROM org_node WHERE node_type = 'city' AND status = 'active'").count(lease.sql());
    db::Query(kLecturers).each(lease.sql(), [&](const soci::row& r) {
      if (people.size() < 60) people.emplace_back(db::column_ll(r, 0), db::column_ll(r, 1));
    });
  }
  if (!city || people.size() < 2) return report;
  demo_unit = people[0].second;

  Principal admin;
  admin.account_id = admin_account;
  admin.permissions = {kPermRead, kPermWrite};
  admin.scope.all = true;
  LectureService lectures(db, clock);
  const Date today = *parse_date(beijing_date(clock.now()));

  // The city's team: the demo cadres and young members of six other units.
  const auto team = lectures.create_team(
      admin, {.node_id = city, .name = "潮涌青年宣讲团",
              .description = "由市直机关青年干部组成，面向机关干部和基层群众开展理论宣讲、政策宣讲。"});
  std::vector<long long> lecturers;
  std::vector<long long> units_taken;
  for (const auto& [person, unit] : people) {
    const bool demo_cadre = lecturers.size() < 2;
    if (!demo_cadre && (std::find(units_taken.begin(), units_taken.end(), unit) != units_taken.end() || lecturers.size() >= 8)) continue;
    lectures.add_lecturer(admin, team.id, {.person_id = person, .topics = demo_cadre ? "党的创新理论、青年工作" : "政策解读、基层治理",
                                           .joined_on = format_date(today - std::chrono::days(300))});
    lecturers.push_back(person);
    units_taken.push_back(unit);
    ++report.lecturers;
  }
  ++report.teams;
  // The demo unit's own team, with the demo cadres.
  const auto unit_team = lectures.create_team(admin, {.node_id = demo_unit, .name = "青年宣讲小分队", .description = ""});
  std::vector<long long> unit_lecturers;
  for (std::size_t i = 0; i < lecturers.size(); ++i)
    if (units_taken[i] == demo_unit && unit_lecturers.size() < 2) {
      lectures.add_lecturer(admin, unit_team.id, {.person_id = lecturers[i], .topics = "红色故事"});
      unit_lecturers.push_back(lecturers[i]);
    }
  ++report.teams;

  // A season of confirmed lectures, one or two lecturers each, every few weeks back from yesterday.
  std::mt19937_64 random(seed ^ 0x6c6563747572ULL);
  auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(random); };
  for (int i = 0; i < 12; ++i) {
    const Topic& t = kTopics[static_cast<std::size_t>(i) % kTopics.size()];
    const bool unit_level = std::string(t.level) == "unit";
    LectureInput in{.team_id = unit_level ? unit_team.id : team.id, .topic = t.topic,
                    .held_on = format_date(today - std::chrono::days(1 + i * 19 + pick(0, 6))), .place = t.place,
                    .audience_kind = t.kind, .level = t.level, .notes = "",
                    .audience_size = std::string(t.kind) == "public" ? pick(40, 160) : pick(60, 300),
                    .lecturer_ids = {}, .photos = {}};
    const auto& pool = unit_level ? unit_lecturers : lecturers;
    const std::size_t first = static_cast<std::size_t>(i) % pool.size();
    in.lecturer_ids.push_back(pool[first]);
    if (i % 3 == 0 && pool.size() > 1) in.lecturer_ids.push_back(pool[(first + 1) % pool.size()]);
    lectures.record(admin, in);
    ++report.lectures;
  }
  // Reported from the phone by the second demo cadre, waiting in the confirmation queue.
  Principal reporter = admin;
  reporter.person_id = lecturers[1];
  lectures.report(reporter, {.team_id = team.id, .topic = "学习新修订的《中国共产党纪律处分条例》",
                             .held_on = format_date(today - std::chrono::days(2)), .place = "南湖社区党群服务中心",
                             .audience_kind = "public", .level = "district", .notes = "社区居民代表参加",
                             .audience_size = 56, .lecturer_ids = {lecturers[1]}, .photos = {}});
  ++report.lectures;
  return report;
}

}  // namespace xinhuo::study
