#include "study/course_demo.hpp"

#include <algorithm>
#include <iterator>
#include <random>
#include <vector>

#include "core/date.hpp"
#include "db/bulk_insert.hpp"
#include "db/query.hpp"
#include "db/transaction.hpp"

namespace xinhuo::study {

namespace {

// The demo's course numbers start at 90001, apart from those an administrator creates in the demo.
constexpr long long kFirstCourseId = 90001;

struct DemoCourse {
  const char* title;
  const char* description;
  const char* kind;
  int credit_minutes, duration_seconds;
  const char* url;
  bool unit_only;
};

const DemoCourse kCourses[] = {
    {"深入学习贯彻党的二十届四中全会精神", "全会精神专题辅导，重点解读“十五五”规划建议的主要目标和重大举措。", "video", 120, 0,
     "https://media.xinhuo.example/courses/plenum-4.mp4", false},
    {"《中国共产党纪律处分条例》逐章解读", "结合典型案例，逐章讲解六项纪律的要求和处分规定。", "video", 60, 2400,
     "https://media.xinhuo.example/courses/discipline-rules.mp4", false},
    {"习近平新时代中国特色社会主义思想学习纲要（第五章）", "阅读原文并完成学习，理解“以人民为中心”的发展思想。", "document", 30, 0,
     "https://media.xinhuo.example/docs/outline-ch5.pdf", false},
    {"教育系统年轻干部履职能力提升：政策文件解读", "解读教育强国建设规划纲要，面向本单位干部。", "video", 90, 0,
     "https://media.xinhuo.example/courses/edu-policy.mp4", true},
};

const char* const kNotes[] = {
    "通读全书，深刻体会到“江山就是人民，人民就是江山”的道理。作为教育系统的年轻干部，要把群众的急难愁盼放在心上，在解决入学难、减负担等具体问题中践行初心。",
    "书中关于调查研究的论述让我印象深刻。下一步准备结合“四下基层”，到学校一线蹲点调研，把情况摸清、把问题找准，提出可落地的工作建议。",
    "重读第三章，对“坚持问题导向”有了新的认识。工作中遇到矛盾不能绕着走，要敢于担当、善于作为，在急难险重任务中经受锻炼。",
};

}  // namespace

DemoCoursesReport seed_demo_courses(db::Database& db, TimePoint now, std::uint64_t seed) {
  DemoCoursesReport report;
  db::Tx tx(db);
  const long long recorder = db::Query("SELECT COALESCE(MIN(id), 0) FROM account").count(tx.sql());
  const long long city = db::Query("SELECT COALESCE(MIN(id), 0) FROM org_node WHERE node_type = 'city'").count(tx.sql());
  const long long unit =
      db::Query("SELECT COALESCE(MIN(id), 0) FROM org_node WHERE node_type = 'unit' AND name = '市教育局'").count(tx.sql());
  if (!recorder || !city || !unit || db::Query("SELECT COUNT(*) FROM study_course").count(tx.sql()) > 0) return report;

  std::vector<long long> people;
  db::Query("SELECT id FROM person WHERE status = 'active' AND unit_id = ").value(unit).add(" ORDER BY id LIMIT 60").each(
      tx.sql(), [&](const soci::row& r) { people.push_back(db::column_ll(r, 0)); });
  const long long cadre01 =
      db::Query("SELECT COALESCE(MIN(person_id), 0) FROM account WHERE username = 'cadre01'").count(tx.sql());

  if (cadre01 && std::find(people.begin(), people.end(), cadre01) == people.end()) people.insert(people.begin(), cadre01);
  std::mt19937_64 random(seed ^ 0x636f75727365ULL);
  const std::string created = iso_utc(now - std::chrono::hours(24 * 20));
  const std::string due = format_date(*parse_date(beijing_date(now)) + std::chrono::days(30));
  db::BulkInsert courses(tx.sql(), "study_course",
                         {"id", "node_id", "title", "description", "kind", "credit_minutes", "duration_seconds", "url",
                          "required_by", "status", "created_by", "created_at", "updated_at", "published_at"});
  db::BulkInsert progress(tx.sql(), "study_course_progress",
                          {"course_id", "person_id", "watched_seconds", "position_seconds", "credit_clock", "started_at",
                           "last_beat_at", "completed_at"},
                          400);
  progress.write_after(courses);
  long long id = kFirstCourseId;
  for (const auto& c : kCourses) {
    const long long course = id++;
    const int required = c.duration_seconds ? c.duration_seconds : c.credit_minutes * 60;
    courses.add({std::to_string(course), std::to_string(c.unit_only ? unit : city), std::string(c.title), std::string(c.description),
                 std::string(c.kind), std::to_string(c.credit_minutes),
                 c.duration_seconds ? db::Cell(std::to_string(c.duration_seconds)) : db::Cell(), std::string(c.url),
                 course == kFirstCourseId ? db::Cell(due) : db::Cell(), std::string("published"), std::to_string(recorder),
                 created, created, created});
    ++report.courses;
    const std::size_t index = static_cast<std::size_t>(course - kFirstCourseId);
    for (long long person : people) {
      // cadre01: the first course half watched, the second completed, the third and fourth still to start.
      int watched = 0;
      if (person == cadre01) {
        if (index == 2 || index == 3) continue;
        watched = index == 0 ? required / 2 : required;
      } else {
        const int roll = static_cast<int>(random() % 100);
        if (roll < 35) continue;  // not started
        watched = roll < 70 ? required : static_cast<int>(random() % static_cast<unsigned>(required));
      }
      const TimePoint last = now - std::chrono::hours(static_cast<int>(random() % 240) + 2);
      const std::string at = iso_utc(last);
      const std::string started = iso_utc(last - std::chrono::seconds(watched) - std::chrono::hours(1));
      progress.add({std::to_string(course), std::to_string(person), std::to_string(watched),
                    std::to_string(std::string_view(c.kind) == "video" ? watched : 0), at, started, at,
                    watched >= required ? db::Cell(at) : db::Cell()});
      ++report.progress;
    }
  }
  courses.flush();
  progress.flush();

  // A reading activity of the whole unit (cadre01 among its people), with notes from a few of them.
  {
    const Date today = *parse_date(beijing_date(now));
    const long long reading =
        db::Query("INSERT INTO study_reading (node_id, book_title, author, description, starts_on, ends_on, status, "
                  "created_by, created_at, updated_at) VALUES (")
            .value(unit)
            .add(", '习近平新时代中国特色社会主义思想学习纲要（2023年版）', '中共中央宣传部', "
                 "'利用一个月时间通读全书，每人提交一篇不少于 300 字的读书笔记。', ")
            .value(format_date(today - std::chrono::days(10)))
            .add(", ")
            .value(format_date(today + std::chrono::days(20)))
            .add(", 'open', ")
            .value(recorder)
            .add(", ")
            .value(created)
            .add(", ")
            .value(created)
            .add(") RETURNING id")
            .count(tx.sql());
    ++report.readings;
    std::size_t written = 0;
    for (long long person : people) {
      if (person == cadre01 || written >= std::size(kNotes)) continue;  // cadre01 writes theirs in the demo
      const std::string at = iso_utc(now - std::chrono::hours(24 * static_cast<int>(written + 1)));
      db::Query("INSERT INTO study_reading_note (reading_id, person_id, content, excellent, created_at, updated_at) VALUES (")
          .value(reading)
          .add(", ")
          .value(person)
          .add(", ")
          .value(kNotes[written])
          .add(", ")
          .value(written == 0 ? 1 : 0)
          .add(", ")
          .value(at)
          .add(", ")
          .value(at)
          .add(")")
          .run(tx.sql());
      ++written;
      ++report.notes;
    }
  }
  if (db.dialect() == db::Dialect::postgresql)
    tx.sql() << "SELECT setval(pg_get_serial_sequence('study_course', 'id'), (SELECT MAX(id) FROM study_course))";
  tx.commit();
  return report;
}

}  // namespace xinhuo::study
