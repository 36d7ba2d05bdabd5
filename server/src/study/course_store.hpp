#pragma once
// The online-course tables. A course is managed by callers whose data scope covers its offering node, and is for
// the active people whose unit or branch lies in that node's subtree. Figures about learners count only the people
// in the caller's scope.
#include <optional>

#include "core/principal.hpp"
#include "db/query.hpp"
#include "db/transaction.hpp"
#include "study/model.hpp"

namespace xinhuo::study {

struct CourseFilter {
  long long id = 0;       // this course only
  long long node_id = 0;  // courses offered at or below this node
  std::string status, kind, title;
  int page = 1, page_size = 50;
};

struct ProgressRow {
  int watched_seconds = 0, position_seconds = 0;
  std::string credit_clock, started_at, last_beat_at, completed_at;
};

// A credited heartbeat, written only if the row still holds `before` (compare-and-set).
struct ProgressStep {
  int watched_seconds = 0, position_seconds = 0;
  std::string credit_clock, now;
  bool completes = false;
};

class CourseStore {
 public:
  static long long insert(db::Tx& tx, const Course& c, long long created_by, const std::string& now);
  static void update(db::Tx& tx, const Course& c, const std::string& now);
  // Compare-and-set of the status: false when the course was not in one of `from`.
  static bool set_status(db::Tx& tx, long long id, const std::vector<std::string>& from, const std::string& to,
                         const std::string& now);

  static std::optional<Course> find(soci::session& sql, long long id);
  static std::vector<Course> list(soci::session& sql, const Principal& caller, const CourseFilter& f, long long* total);
  static bool has_progress(soci::session& sql, long long id);

  // Whether the person (active) is in the course's audience.
  static bool in_audience(soci::session& sql, long long node_id, long long person_id);
  // Published courses for the person with their progress: in progress first, then not started, then completed.
  static std::vector<Course> of_person(soci::session& sql, long long person_id);
  static std::optional<ProgressRow> progress(soci::session& sql, long long course_id, long long person_id);
  // The same, locked until the transaction ends on PostgreSQL (SQLite's write transaction holds the database), so
  // heartbeats of one person and course queue instead of losing the compare-and-set.
  static std::optional<ProgressRow> progress_for_update(db::Tx& tx, long long course_id, long long person_id);
  // Creates the person's row if there is none (a second start leaves it as it is).
  static void start(db::Tx& tx, long long course_id, long long person_id, const std::string& now);
  static bool advance(db::Tx& tx, long long course_id, long long person_id, const ProgressRow& before, const ProgressStep& step);

  // The report: the audience people in the caller's scope; status started | completed | not_started | in_progress | "".
  static std::vector<CourseLearner> learners(soci::session& sql, const Principal& caller, const Course& c,
                                             const std::string& status, const std::string& name, int page, int page_size,
                                             long long* total);
  static std::vector<CourseUnitFigures> units(soci::session& sql, const Principal& caller, const Course& c);
};

}  // namespace xinhuo::study
