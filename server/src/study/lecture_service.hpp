#pragma once
// The lecture team (宣讲团) and its lectures (宣讲). An administrator with study.write over a team's owning node manages
// the team and its lecturers, records lectures (confirmed at once) and confirms or rejects the lectures a lecturer
// reported from the phone. Confirming publishes study.lecture_given, or study.lecture_given_city for a city-level
// lecture, for each lecturer in the same transaction; the ledger books it once per lecture and lecturer.
// A confirmed lecture cannot be cancelled here: its points are booked, and a correction is the points module's
// reversal (points.adjust), which keeps the ledger append-only.
#include "core/clock.hpp"
#include "db/database.hpp"
#include "study/lecture_store.hpp"

namespace xinhuo::study {

struct TeamInput {
  long long node_id = 0;  // on creation only
  std::string name, description;
};

struct LecturerInput {
  long long person_id = 0;
  std::string topics;
  std::string joined_on;  // empty: today
};

struct LectureInput {
  long long team_id = 0;
  std::string topic, held_on, place, audience_kind, level, notes;
  long long audience_size = 0;
  std::vector<long long> lecturer_ids;
  std::vector<long long> photos;
};

// The lecturer's record: their lectures (any status) and the confirmed ones counted.
struct LecturerRecord {
  long long person_id = 0;
  std::string name;
  std::vector<LectureTeam> teams;  // the active teams they lecture for (/me only)
  std::vector<Lecture> lectures;
  LectureStats stats;
};

inline constexpr int kMaxLecturers = 10;
inline constexpr int kMaxLecturePhotos = 9;
inline constexpr long long kMaxAudience = 100000;

class LectureService {
 public:
  LectureService(db::Database& db, const Clock& clock) : db_(db), clock_(clock) {}

  LectureTeam create_team(const Principal& caller, const TeamInput& in);
  LectureTeam update_team(const Principal& caller, long long id, const TeamInput& in);
  LectureTeam close_team(const Principal& caller, long long id);
  LectureTeam add_lecturer(const Principal& caller, long long team_id, const LecturerInput& in);
  LectureTeam update_lecturer(const Principal& caller, long long team_id, const LecturerInput& in);
  LectureTeam remove_lecturer(const Principal& caller, long long team_id, long long person_id);
  LectureTeam team(const Principal& caller, long long id);
  std::vector<LectureTeam> teams(const Principal& caller, const TeamFilter& f, long long* total);

  // Entered by the administrator: confirmed, with its points.
  Lecture record(const Principal& caller, const LectureInput& in);
  // Reported by a lecturer of the team (who is among its lecturers): pending.
  Lecture report(const Principal& caller, const LectureInput& in);
  Lecture confirm(const Principal& caller, long long id);
  Lecture reject(const Principal& caller, long long id, const std::string& reason);
  // A pending lecture: cancelled by the administrator, or withdrawn by the lecturer who reported it (`as_reporter`).
  Lecture cancel(const Principal& caller, long long id, bool as_reporter);
  Lecture lecture(const Principal& caller, long long id);
  std::vector<Lecture> lectures(const Principal& caller, LectureFilter f, long long* total);
  LectureStats stats(const Principal& caller, LectureFilter f);
  std::string export_xlsx(const Principal& caller, LectureFilter f);

  // A lecturer's record as the administrator sees it (lectures of teams in scope), and the caller's own.
  LecturerRecord lecturer_record(const Principal& caller, long long person_id, int year);
  LecturerRecord my_record(const Principal& caller);
  // For an aggregator (the growth archive) that has already checked that its caller may see the person.
  LecturerRecord record_of(long long person_id);

 private:
  LecturerRecord record_of(long long person_id, int limit);
  LectureTeam managed_team(db::Tx& tx, const Principal& caller, long long id, bool must_be_active) const;
  Lecture checked_lecture(db::Tx& tx, const Principal& caller, const LectureInput& in) const;
  Lecture insert(const Principal& caller, const LectureInput& in, bool confirmed);
  void publish_points(db::Tx& tx, const Lecture& l) const;
  LectureFilter checked_filter(LectureFilter f) const;

  db::Database& db_;
  const Clock& clock_;
};

}  // namespace xinhuo::study
