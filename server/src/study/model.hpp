#pragma once
// Study (学习): youth theory study groups and their coverage of the young cadres, study sessions with check-in by a
// rotating QR code, and the attendance that closing a session settles.
#include <string>
#include <vector>

namespace xinhuo::study {

inline constexpr const char* kPermRead = "study.read";    // groups, coverage, sessions and attendance in scope
inline constexpr const char* kPermWrite = "study.write";  // manage groups; organise sessions in scope

inline constexpr const char* kEventCheckin = "study.checkin";
inline constexpr const char* kEventAbsence = "study.absence_recorded";
inline constexpr const char* kEventLecture = "study.lecture_given";
inline constexpr const char* kEventLectureCity = "study.lecture_given_city";

struct GroupMember {
  long long person_id = 0;
  std::string name, rank, unit_name, joined_at;
  bool young_cadre = false;
};

struct StudyGroup {
  long long id = 0;
  long long unit_id = 0;
  std::string unit_name;
  std::string name;
  long long leader_person_id = 0;  // 0: none yet
  std::string leader_name;
  std::string status;  // active | closed
  std::string created_at;
  int member_count = 0;
  std::vector<GroupMember> members;  // filled for one group only
};

// Coverage of one unit: its active groups and how many of its young cadres are in one.
struct UnitCoverage {
  long long unit_id = 0;
  std::string unit_name;
  int groups = 0;
  int young_cadres = 0;
  int covered = 0;  // young cadres in at least one active group
};

struct Coverage {
  std::vector<UnitCoverage> units;
  int unit_count = 0, units_with_group = 0, group_count = 0, young_cadres = 0, covered = 0;
};

struct StudySession {
  long long id = 0;
  std::string audience;  // group | unit | city
  long long group_id = 0;
  std::string group_name;
  long long node_id = 0;  // the organising unit, or the city
  std::string node_name;
  std::string title, starts_at, ends_at, place, online_url;
  long long organiser_person_id = 0;
  std::string organiser_name;
  int late_after_minutes = 10;
  std::string status;  // open | closed | cancelled
  std::string created_by_name, created_at, closed_at;
  // Attendance so far; `expected` is the group's members or the unit's people (0 for a city-wide session).
  int expected = 0, present = 0, late = 0, excused = 0, absent = 0;
  std::string my_status;  // the caller's own status (lists of "my sessions")
  // The caller may change it: study.write over its organiser, or the leader of its group. A unit administrator sees
  // city-wide sessions that reach their people without managing them.
  bool manageable = false;
};

struct Checkin {
  long long person_id = 0;
  std::string name, unit_name;
  std::string status;  // present | late | excused | absent | "" (expected, not yet)
  std::string method, checked_in_at, reason;
};

// 宣讲团: a team of lecturers owned by a unit, a district or the city.
struct Lecturer {
  long long person_id = 0;
  std::string name, unit_name, topics, joined_on;
  std::string status;  // active | left
  std::string left_on;
  int lectures = 0;  // confirmed lectures given for the team
};

struct LectureTeam {
  long long id = 0;
  long long node_id = 0;
  std::string node_name, node_type;
  std::string name, description;
  std::string status;  // active | closed
  std::string created_at, closed_at;
  int lecturer_count = 0;                // active lecturers
  int lecture_count = 0;                 // confirmed lectures
  int pending_count = 0;                 // reported, awaiting confirmation
  std::vector<Lecturer> lecturers;       // filled for one team only
};

struct LectureLecturer {
  long long person_id = 0;
  std::string name;
};

struct Lecture {
  long long id = 0;
  long long team_id = 0;
  std::string team_name;
  std::string topic, held_on, place;
  std::string audience_kind;  // cadres | public
  int audience_size = 0;
  std::string level;  // unit | district | city
  std::string notes;
  std::vector<long long> photos;
  std::string status;  // pending | confirmed | rejected | cancelled
  long long reported_by = 0;
  std::string reported_by_name, created_by_name, created_at, decided_by_name, decided_at, reject_reason;
  std::vector<LectureLecturer> lecturers;
};

// A lecturer's record, or a team's statistics: confirmed lectures counted by year, by level, by month.
struct LectureCount {
  std::string key;  // the year, the level or the month (YYYY-MM)
  int lectures = 0;
  long long audience = 0;
};

struct LectureStats {
  int lectures = 0;
  long long audience = 0;
  std::vector<LectureCount> by_level, by_year, by_month;
};

inline constexpr const char* kEventCourseHour = "study.course_hour";            // points: quantity = the course's hours
inline constexpr const char* kEventCourseCompleted = "study.course_completed";  // the cadre record

// An online course (网络课程), offered by an org node to the people of its subtree.
struct Course {
  long long id = 0;
  long long node_id = 0;
  std::string node_name;
  std::string title, description;
  std::string kind;  // video | document
  int credit_minutes = 0;    // 学时 × 60
  int duration_seconds = 0;  // a video's real length; 0: unknown
  std::string url;
  long long file_id = 0;
  std::string required_by;  // ISO date or ""
  std::string status;       // draft | published | withdrawn
  std::string created_by_name, created_at, updated_at, published_at;
  int audience = 0, started = 0, completed = 0;  // people in the caller's scope (console lists)
  // The caller's own progress (my courses).
  int watched_seconds = 0, position_seconds = 0;
  std::string started_at, last_beat_at, completed_at;

  // Watching this long completes the course: the video's length when known, else its hours.
  int required_seconds() const { return duration_seconds > 0 ? duration_seconds : credit_minutes * 60; }
};

// One person's progress in a course report ("" started_at: not started).
struct CourseLearner {
  long long person_id = 0;
  std::string name, unit_name;
  int watched_seconds = 0;
  std::string started_at, last_beat_at, completed_at;
};

struct CourseUnitFigures {
  long long unit_id = 0;
  std::string unit_name;
  int people = 0, started = 0, completed = 0;
};

// A reading activity (读书活动): a book read by a study group or the people of a unit (or the city) over a period;
// members write reading notes (读书笔记) until it is closed.
// One person's study-session attendance in a year.
struct YearAttendance {
  int year = 0;
  int present = 0, late = 0, excused = 0, absent = 0;
};

struct Reading {
  long long id = 0;
  long long node_id = 0, group_id = 0;
  std::string node_name, group_name;
  std::string book_title, author, description, starts_on, ends_on;
  std::string status;  // open | closed
  std::string created_by_name, created_at, closed_at;
  int expected = 0, notes = 0, excellent = 0;  // expected: the group's members or the node's people
};

struct ReadingNote {
  long long id = 0;  // 0: no note yet (a member still to write one)
  long long reading_id = 0, person_id = 0;
  std::string name, unit_name;
  std::string content;
  long long photo_file_id = 0;
  bool excellent = false;
  std::string created_at, updated_at;
};

}  // namespace xinhuo::study
