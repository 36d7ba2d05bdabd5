#include "app/bench_archive.hpp"

#include <cstdio>
#include <stdexcept>

#include "core/clock.hpp"
#include "core/date.hpp"
#include "db/query.hpp"
#include "evaluation/campaign_service.hpp"
#include "points/service.hpp"
#include "practice/assignment_service.hpp"
#include "practice/training_service.hpp"
#include "record/service.hpp"
#include "study/session_service.hpp"

namespace xinhuo::app {

namespace {

std::string day(int year, int month, int d) {
  char buf[40];  // room for any int, so the compiler can see nothing is cut
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, d);
  return buf;
}

// Noon in Beijing of a day, as an instant.
TimePoint noon(const std::string& date) { return parse_iso_utc(date + "T04:00:00Z"); }

}  // namespace

ArchiveBench prepare_archive_bench(db::Database& db, int people, int years, const FieldCipher& cipher) {
  ArchiveBench out;
  const TimePoint real_now = std::chrono::system_clock::now();
  const int this_year = std::stoi(beijing_date(real_now).substr(0, 4));
  const int first_year = this_year - years + 1;
  {
    auto lease = db.lease();
    auto& sql = lease.sql();
    // The unit with the most party members young enough to be young cadres all through the years generated.
    const std::string born_after = day(this_year - 33, 1, 1);
    out.unit_id = db::Query("SELECT unit_id FROM person WHERE status = 'active' AND party_status = 'full' AND birth_date >= ")
                      .value(born_after)
                      .add(" GROUP BY unit_id ORDER BY COUNT(*) DESC, unit_id LIMIT 1")
                      .count(sql);
    if (!out.unit_id) throw std::runtime_error("no young party members: run gen first");
    db::Query q("SELECT id FROM person WHERE status = 'active' AND party_status = 'full' AND unit_id = ");
    q.value(out.unit_id).add(" AND birth_date >= ").value(born_after).add(" ORDER BY id LIMIT " + std::to_string(people));
    q.each(sql, [&](const soci::row& r) { out.people.push_back(db::column_ll(r, 0)); });
  }
  if (out.people.empty()) throw std::runtime_error("no young party members in the unit");

  Principal org;
  {
    auto lease = db.lease();
    org.account_id = db::Query("SELECT id FROM account ORDER BY id LIMIT 1").count(lease.sql());
  }
  if (!org.account_id) throw std::runtime_error("no account in the database: run gen with --accounts or init-admin first");
  org.username = org.display_name = "bench";
  org.permissions = {"record.read", "record.write", "study.read", "study.write", "practice.read", "practice.write",
                     "evaluation.read", "evaluation.manage", "points.read", "points.adjust", "people.read"};
  org.scope.all = true;

  ManualClock clock(real_now);
  // The events the activities publish earn their points and make their record entries, as when served.
  points::PointsService points(db, clock);
  points.ensure_default_catalog();
  points.subscribe(db.events());
  record::RecordService record(db, clock);
  record.subscribe(db.events());
  study::SessionService sessions(db, clock);
  practice::TrainingService trainings(db, clock);
  practice::CompetitionService competitions(db, clock);
  practice::AssignmentService assignments(db, clock, cipher);
  evaluation::CampaignService campaigns(db, clock);

  static const char* kCategories[] = {"work_result", "key_task", "conduct_work", "mass_evaluation", "work_result", "training"};
  for (int year = first_year; year <= this_year; ++year) {
    const int last_month = year == this_year ? std::stoi(beijing_date(real_now).substr(5, 2)) - 1 : 12;
    // Study sessions of the unit on the 5th and the 19th, 19:00 Beijing time; most attend, one is excused.
    for (int month = 1; month <= last_month; ++month)
      for (int d : {5, 19}) {
        const std::string date = day(year, month, d);
        clock.set(parse_iso_utc(date + "T10:00:00Z"));
        const auto s = sessions.create(org, {.audience = "unit", .node_id = out.unit_id, .title = "青年理论学习小组集中学习",
                                             .starts_at = date + "T11:00:00Z", .ends_at = date + "T13:00:00Z", .place = "机关会议室"});
        clock.set(parse_iso_utc(date + "T12:00:00Z"));
        std::vector<study::AttendanceMark> marks;
        for (std::size_t i = 0; i < out.people.size(); ++i)
          marks.push_back(i == (static_cast<std::size_t>(month) % out.people.size()) && d == 19
                              ? study::AttendanceMark{out.people[i], "excused", "出差"}
                              : study::AttendanceMark{out.people[i], "present", ""});
        sessions.mark(org, s.id, marks);
        clock.set(parse_iso_utc(date + "T13:30:00Z"));
        sessions.close(org, s.id);
        ++out.sessions;
      }
    if (last_month < 7) continue;  // the year's other activities fall in its second half
    // A training class in April, a competition in June.
    clock.set(noon(day(year, 4, 1)));
    const auto t = trainings.create(org, {.node_id = out.unit_id, .title = std::to_string(year) + " 年年轻干部能力提升培训班",
                                          .kind = "young_cadre", .starts_on = day(year, 4, 13), .ends_on = day(year, 4, 17),
                                          .hours = 40, .capacity = static_cast<int>(out.people.size()), .place = "市委党校"});
    trainings.enrol(org, t.id, out.people);
    clock.set(noon(day(year, 4, 20)));
    std::vector<practice::Enrolment> results;
    for (std::size_t i = 0; i < out.people.size(); ++i)
      results.push_back({.person_id = out.people[i], .attended_days = 5, .completion = "completed",
                         .result = i % 4 == 0 ? "excellent" : "qualified", .score = 80.0 + static_cast<double>(i % 20)});
    trainings.set_results(org, t.id, results);
    trainings.close(org, t.id);
    ++out.trainings;
    clock.set(noon(day(year, 6, 20)));
    practice::Competition c{.node_id = out.unit_id, .title = std::to_string(year) + " 年岗位练兵比武", .level = "unit",
                            .held_on = day(year, 6, 18)};
    const long long cid = competitions.create(org, c).id;
    std::vector<practice::Entry> entries;
    for (std::size_t i = 0; i < out.people.size(); ++i)
      entries.push_back({.person_id = out.people[i], .score = 70.0 + static_cast<double>((i * 7) % 30)});
    competitions.set_entries(org, cid, entries);
    competitions.publish(org, cid);
    ++out.competitions;
    // Every other year each cadre serves three months at the front line.
    if ((year - first_year) % 2 == 1)
      for (long long person : out.people) {
        clock.set(noon(day(year, 2, 20)));
        const auto a = assignments.create(org, {.person_id = person, .assignment_type = "frontline", .host_place = "鄞州区姜山镇",
                                                .task = "乡村振兴驻村工作", .starts_on = day(year, 3, 1),
                                                .planned_end = day(year, 5, 31), .supervisor_name = "王建国",
                                                .supervisor_phone = "13905741234"});
        clock.set(noon(day(year, 3, 1)));
        assignments.transition(org, a.id, "start", {.date = day(year, 3, 1)});
        clock.set(noon(day(year, 4, 15)));
        assignments.transition(org, a.id, "mid_term", {.date = day(year, 4, 15), .grade = "good", .text = "工作扎实"});
        clock.set(noon(day(year, 6, 2)));
        assignments.transition(org, a.id, "complete", {.date = day(year, 5, 31), .grade = "excellent", .text = "完成驻村任务"});
        ++out.assignments;
      }
    // Record entries through the year and the leader's comment at its end.
    for (long long person : out.people) {
      for (int month = 1; month <= 12; month += 2) {
        const std::string date = day(year, month, 25);
        if (noon(date) > real_now) break;
        clock.set(noon(date));
        record.create(org, {.person_id = person, .category = kCategories[(month / 2) % 6], .fact_date = date,
                            .title = "完成" + std::to_string(month) + "月重点工作", .content = "按期高质量完成，有据可查",
                            .source_kind = "unit", .source_name = "办公室"});
        ++out.entries;
      }
      if (year < this_year) {
        clock.set(noon(day(year, 12, 28)));
        record.write_comment(org, person, {.period = std::to_string(year), .leader_name = "张主任", .leader_position = "局长",
                                           .content = "政治素质好，工作主动，敢于担当。"});
      }
    }
    // The annual assessment, published in January of the next year (20 % 优秀, rounded down).
    if (year < this_year) {
      clock.set(noon(day(year + 1, 1, 10)));
      evaluation::CampaignInput in{.kind = "annual", .title = std::to_string(year) + " 年度考核", .org_node_id = out.unit_id};
      in.ratee_ids = out.people;
      const long long id = campaigns.create(org, in).id;
      campaigns.transition(org, id, "open");
      const std::size_t excellent = out.people.size() / 5;
      for (std::size_t i = 0; i < out.people.size(); ++i)
        campaigns.set_grade(org, id, out.people[(i + static_cast<std::size_t>(year)) % out.people.size()],
                            i < excellent ? "excellent" : "competent");
      campaigns.transition(org, id, "close");
      clock.set(noon(day(year + 1, 1, 20)));
      campaigns.transition(org, id, "publish");
      ++out.campaigns;
    }
  }
  return out;
}

}  // namespace xinhuo::app
