#pragma once
// Study sessions (学习活动): organised for a study group, a unit or the whole city; people check in on their phones by
// scanning the rotating QR code on the organiser's screen (or the organiser marks them); closing the session records
// the expected people who did not come as absent. A check-in publishes study.checkin (points, the cadre record) in
// its transaction; check-ins arriving together share one commit. study.read to see, study.write to organise.
#include "core/clock.hpp"
#include "db/database.hpp"
#include "db/group_commit.hpp"
#include "study/session_store.hpp"

namespace xinhuo::study {

struct SessionInput {
  std::string audience;     // on creation only
  long long group_id = 0;   // audience group
  long long node_id = 0;    // audience unit (the unit) or city (the city)
  std::string title, starts_at, ends_at, place, online_url;
  long long organiser_person_id = 0;
  int late_after_minutes = 10;
};

struct QrCode {
  std::string token;
  long long session_id = 0;
  std::string valid_until;  // the end of the next period (UTC)
  int period_seconds = 0;
  StudySession session;     // with the live counts
};

struct CheckinResult {
  StudySession session;
  std::string status;  // present | late
  std::string checked_in_at;
  bool already = false;  // this person had checked in before: nothing new was recorded
};

struct AttendanceMark {
  long long person_id = 0;
  std::string status;  // present | late | excused
  std::string reason;
};

inline constexpr int kCheckinOpensMinutesBefore = 30;
inline constexpr int kMaxMarksPerRequest = 500;

class SessionService {
 public:
  SessionService(db::Database& db, const Clock& clock) : db_(db), clock_(clock), checkins_(db) {}

  StudySession create(const Principal& caller, const SessionInput& in);
  StudySession update(const Principal& caller, long long id, const SessionInput& in);
  StudySession close(const Principal& caller, long long id);
  StudySession cancel(const Principal& caller, long long id);
  StudySession mark(const Principal& caller, long long id, const std::vector<AttendanceMark>& marks);

  // The token the organiser's screen shows now.
  QrCode qr(const Principal& caller, long long id);
  // The caller checks in with a scanned token. Scanning again is the same check-in.
  CheckinResult checkin(const Principal& caller, const std::string& token);

  StudySession get(const Principal& caller, long long id);
  std::vector<StudySession> list(const Principal& caller, const SessionFilter& f, long long* total);
  std::vector<Checkin> attendance(const Principal& caller, long long id, const std::string& status, int page, int page_size,
                                  long long* total);
  // My sessions: from today (Beijing) for `days` days, or the latest past ones.
  // For an aggregator (the growth archive) that has already checked that its caller may see the person: the
  // person's study-session attendance counted by year (Beijing time), oldest year first.
  std::vector<YearAttendance> attendance_by_year_of(long long person_id);
  std::vector<StudySession> mine(const Principal& caller, bool past, int days);

 private:
  // The session the caller may organise: study.write over its organiser, or the leader of its study group (a leader
  // organises their own group's sessions without study.write; authorised here, not by a role).
  SessionRow organised(soci::session& sql, const Principal& caller, long long id, bool must_be_open) const;
  // The session the caller may read, and whether they see it as a viewer only (a city-wide session of another
  // organiser that reaches their people).
  SessionRow readable(soci::session& sql, const Principal& caller, long long id, bool* viewer_only) const;
  // `leader_unit`: the caller organises as a group's leader; the organiser must then be a person of that unit.
  void check_details(db::Tx& tx, const Principal& caller, const SessionInput& in, long long leader_unit) const;

  db::Database& db_;
  const Clock& clock_;
  db::GroupCommit checkins_;
};

}  // namespace xinhuo::study
