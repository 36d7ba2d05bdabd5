#pragma once
// Online courses (网络课程): a node offers a course (video or document, 0.5–10 学时) to the people of its subtree;
// the phone's player reports the seconds actually played (or read) in heartbeats, and the server credits them no
// faster than the wall clock. Watching the required time completes the course once: study.course_hour (points,
// quantity = the hours) and study.course_completed (the cadre record) in the completing transaction.
// study.read to see courses and their reports, study.write to manage them, in the caller's data scope.
#include "core/clock.hpp"
#include "db/database.hpp"
#include "files/service.hpp"
#include "study/course_store.hpp"

namespace xinhuo::study {

struct CourseInput {
  long long node_id = 0;  // on creation only
  std::string title, description, kind;
  int credit_minutes = 0;
  int duration_seconds = 0;
  std::string url, required_by;
  long long file_id = 0;  // a document uploaded instead of a link (documents only)
};

struct HeartbeatResult {
  Course course;  // with the caller's progress
  int credited = 0;
  bool completed_now = false;
};

// A heartbeat reports at most this many seconds (the player sends one every 15 s; more means it was offline).
inline constexpr int kMaxBeatSeconds = 120;
// Network delays let a heartbeat arrive a little before its seconds have passed on the server.
inline constexpr int kBeatToleranceSeconds = 5;

// The seconds a heartbeat earns (pure): no more than reported, than the time left to complete the course, or than
// the wall-clock time since `credit_clock` (counting at most one heartbeat's worth, plus the tolerance); the new
// credit clock never falls behind `now`, so time credited ahead of it is not credited again.
struct Credit {
  int seconds = 0;
  TimePoint clock;
};
Credit credit_for(int reported, int watched, int required, TimePoint credit_clock, TimePoint now);

// The course hours as the event quantity: rounded half up, at least 1 (a half-hour course counts as one).
int course_hour_quantity(int credit_minutes);

class CourseService {
 public:
  CourseService(db::Database& db, const Clock& clock, files::FilesService* files = nullptr)
      : db_(db), clock_(clock), files_(files) {}

  Course create(const Principal& caller, const CourseInput& in);
  Course update(const Principal& caller, long long id, const CourseInput& in);
  Course publish(const Principal& caller, long long id);
  Course withdraw(const Principal& caller, long long id);

  Course get(const Principal& caller, long long id);
  std::vector<Course> list(const Principal& caller, const CourseFilter& f, long long* total);
  std::vector<CourseLearner> learners(const Principal& caller, long long id, const std::string& status, const std::string& name,
                                      int page, int page_size, long long* total);
  std::vector<CourseUnitFigures> units(const Principal& caller, long long id);
  std::string export_xlsx(const Principal& caller, long long id);

  // The caller's courses, and one of them with their progress.
  std::vector<Course> mine(const Principal& caller);
  // For an aggregator (the growth archive) that has already checked that its caller may see the person.
  std::vector<Course> of_person(long long person_id);
  Course my_course(const Principal& caller, long long id);
  // Opening the player: the caller's progress row is made if there is none.
  Course start(const Principal& caller, long long id);
  HeartbeatResult heartbeat(const Principal& caller, long long id, int seconds, int position_seconds);
  // The uploaded document of a course: to a manager whose scope covers its unit, or (mine) to a learner of it.
  std::pair<files::StoredFile, std::string> document(const Principal& caller, long long id, bool mine);

 private:
  Course managed(soci::session& sql, const Principal& caller, long long id) const;
  Course learnable(soci::session& sql, const Principal& caller, long long id) const;
  void check(const CourseInput& in) const;

  db::Database& db_;
  const Clock& clock_;
  files::FilesService* files_;
};

}  // namespace xinhuo::study
