#include "practice/demo.hpp"

#include "core/date.hpp"
#include "db/query.hpp"
#include "practice/assignment_service.hpp"
#include "practice/training_service.hpp"

namespace xinhuo::practice {

namespace {

std::vector<long long> ids(soci::session& sql, const std::string& query) {
  std::vector<long long> out;
  db::Query(query).each(sql, [&](const soci::row& r) { out.push_back(db::column_ll(r, 0)); });
  return out;
}

}  // namespace

DemoPracticeReport seed_demo_practice(db::Database& db, const Clock& clock, const FieldCipher& cipher) {
  DemoPracticeReport report;
  Principal admin;
  long long city = 0, unit = 0;
  std::vector<long long> cadres, people, others;
  {
    auto lease = db.lease();
    auto& sql = lease.sql();
    if (db::Query("SELECT COUNT(*) FROM practice_assignment").count(sql) > 0) return report;
    admin.account_id = db::Query("SELECT COALESCE(MIN(id), 0) FROM account").count(sql);
    city = db::Query("SELECT COALESCE(MIN(id), 0) FROM org_node WHERE node_type = 'city'").count(sql);
    unit = db::Query("SELECT COALESCE(MIN(id), 0) FROM org_node WHERE node_type = 'unit' AND name = '市教育局'").count(sql);
    if (!admin.account_id || !city || !unit) return report;
    // The demo cadres first (their phones show the records), then other members of the unit and of other units.
    cadres = ids(sql, "SELECT person_id FROM account WHERE person_id IS NOT NULL AND username IN ('cadre01', 'cadre02') "
                      "ORDER BY username");
    people = ids(sql, "SELECT id FROM person WHERE status = 'active' AND party_status = 'full' AND unit_id = " +
                          std::to_string(unit) + " AND id NOT IN (SELECT person_id FROM account WHERE person_id IS NOT NULL) "
                          "ORDER BY id LIMIT 8");
    others = ids(sql, "SELECT MIN(p.id) FROM person p JOIN org_node u ON u.id = p.unit_id WHERE p.status = 'active' AND "
                      "p.party_status = 'full' AND u.id <> " + std::to_string(unit) + " GROUP BY p.unit_id ORDER BY MIN(p.id) LIMIT 6");
  }
  while (cadres.size() < 2 && !people.empty()) {
    cadres.push_back(people.back());
    people.pop_back();
  }
  if (cadres.size() < 2 || people.size() < 6) return report;
  admin.permissions = {kPermRead, kPermWrite};
  admin.scope.all = true;
  admin.display_name = "demo";

  const Date today = *parse_date(beijing_date(clock.now()));
  auto day = [&](int offset) { return format_date(today + std::chrono::days(offset)); };
  AssignmentService assignments(db, clock, cipher);
  auto record = [&](long long person, const std::string& type, const std::string& kind, const std::string& place,
                    const std::string& task, int from, int to, const std::string& supervisor) {
    AssignmentInput in{.person_id = person, .assignment_type = type, .urgent_kind = kind, .host_place = place, .task = task,
                       .starts_on = day(from), .planned_end = day(to), .supervisor_name = supervisor,
                       .supervisor_phone = "13905741234"};
    ++report.assignments;
    return assignments.create(admin, in).id;
  };
  auto step = [&](long long id, const std::string& action, const std::string& date, const std::string& grade = {},
                  const std::string& text = {}) { assignments.transition(admin, id, action, {date, grade, text}); };

  long long a = record(cadres[0], "frontline", "", "鄞州区姜山镇", "驻村指导乡村振兴项目", -120, -30, "王建国");
  step(a, "start", day(-120));
  step(a, "mid_term", day(-75), "good", "深入农户走访，工作扎实");
  step(a, "complete", day(-32), "excellent", "牵头完成3个村集体增收项目，撰写调研报告1篇");
  a = record(cadres[0], "urgent", "flood", "奉化区溪口镇", "台风期间防汛抢险转移群众", -21, -10, "李海峰");
  step(a, "start", day(-21));
  step(a, "complete", day(-10), "excellent", "参与转移群众 230 人，连续值守 12 天");
  a = record(cadres[1], "secondment", "", "市发展改革委", "挂职锻炼，协助重大项目推进", -60, 120, "陈立");
  step(a, "start", day(-60));
  step(a, "mid_term", day(-5), "qualified", "熟悉业务较快，需加强统筹协调");
  a = record(people[0], "east_west", "", "贵州省黔西南州", "东西部协作教育帮扶", -30, 300, "杨帆");
  step(a, "start", day(-30));
  record(people[1], "counterpart", "", "四川省凉山州", "对口支援学校管理", 15, 200, "周敏");
  a = record(people[2], "mountain_sea", "", "丽水市景宁县", "山海协作产业项目对接", -90, 90, "吴刚");
  step(a, "start", day(-90));
  step(a, "terminate", day(-40), "", "工作需要，提前召回");
  a = record(people[3], "urgent", "epidemic", "市疾控中心", "疫情防控流调支援", -50, -40, "郑丽");
  step(a, "start", day(-50));
  step(a, "complete", day(-41), "good", "完成流调信息核查 600 余条");
  for (std::size_t i = 0; i < others.size(); ++i) {
    a = record(others[i], i % 2 ? "frontline" : "secondment", "", i % 2 ? "北仑区大碶街道" : "市行政服务中心", "基层一线锻炼",
               -100 + static_cast<int>(i) * 5, 60, "张志");
    step(a, "start", day(-100 + static_cast<int>(i) * 5));
    if (i % 3 == 0) step(a, "complete", day(-3), "good", "圆满完成历练任务");
  }
  const int year = std::stoi(day(0).substr(0, 4));
  assignments.set_plan(admin, city, year, 500);
  assignments.set_plan(admin, unit, year, 12);

  TrainingService trainings(db, clock);
  std::vector<long long> trainees = {cadres[0], cadres[1], people[0], people[1], people[2], people[3]};
  auto closed = trainings.create(admin, {.node_id = unit, .title = "年轻干部能力提升培训班", .kind = "young_cadre",
                                         .starts_on = day(-40), .ends_on = day(-36), .hours = 40, .capacity = 30,
                                         .place = "市委党校"});
  trainings.enrol(admin, closed.id, trainees);
  std::vector<Enrolment> results;
  const char* grades[] = {"excellent", "qualified", "qualified", "excellent", "qualified", "unqualified"};
  for (std::size_t i = 0; i < trainees.size(); ++i) {
    Enrolment e{.person_id = trainees[i], .attended_days = i == 5 ? 2 : 5,
                .completion = i == 5 ? "not_completed" : "completed", .result = grades[i],
                .score = 95.0 - static_cast<double>(i) * 4.5};
    results.push_back(e);
  }
  trainings.set_results(admin, closed.id, results);
  trainings.close(admin, closed.id);
  auto open = trainings.create(admin, {.node_id = unit, .title = "党性教育专题培训班", .kind = "party_spirit", .starts_on = day(10),
                                       .ends_on = day(12), .hours = 24, .capacity = 40, .place = "四明山革命老区"});
  trainings.enrol(admin, open.id, {cadres[0], people[4], people[5]});
  report.trainings = 2;

  CompetitionService competitions(db, clock);
  auto c = competitions.create(admin, {.node_id = unit, .title = "教育系统岗位练兵比武", .level = "unit", .held_on = day(-20)});
  std::vector<Entry> entries;
  const double scores[] = {96.5, 92.0, 96.5, 88.5, 90.0, 85.0};
  const std::vector<long long> players = {people[0], cadres[0], people[2], people[3], cadres[1], people[5]};
  for (std::size_t i = 0; i < players.size(); ++i) entries.push_back({.person_id = players[i], .score = scores[i]});
  competitions.set_entries(admin, c.id, entries);
  competitions.publish(admin, c.id);
  report.competitions = 1;
  return report;
}

}  // namespace xinhuo::practice
