#pragma once
// Organisational life: recording a meeting of a branch or party group (open), its attendance, then closing it —
// which publishes each member's attendance as an event (points) and freezes the record; the cadence lights of the
// branches in scope; a member's own meetings. party.read to see, party.write to record, in the caller's data scope.
#include "core/clock.hpp"
#include "db/database.hpp"
#include "party/meeting_store.hpp"

namespace xinhuo::party {

struct MeetingInput {
  long long node_id = 0;
  std::string meeting_type, held_on, topic;
  long long host_person_id = 0;
  std::string lecturer;
  bool lecturer_is_secretary = false;
  std::string location, minutes;
  std::vector<long long> photos;
};

inline constexpr int kMaxMeetingPhotos = 9;
inline constexpr int kMaxAttendance = 500;

class MeetingService {
 public:
  MeetingService(db::Database& db, const Clock& clock) : db_(db), clock_(clock) {}

  // A new open meeting; its attendance starts as every party member of the branch, present.
  Meeting create(const Principal& caller, const MeetingInput& in);
  // Changes the details of an open meeting (node and type stay).
  Meeting update(const Principal& caller, long long id, const MeetingInput& in);
  Meeting set_attendance(const Principal& caller, long long id, const std::vector<Attendance>& rows);
  // Closes the meeting: held, minutes written, someone present. Publishes attended / absence events.
  Meeting close(const Principal& caller, long long id);
  void remove(const Principal& caller, long long id);

  Meeting get(const Principal& caller, long long id);
  std::vector<Meeting> list(const Principal& caller, const MeetingFilter& filter, long long* total);
  std::vector<BranchCadence> cadence(const Principal& caller, long long node_id, int page, int page_size, long long* total);
  std::vector<Meeting> mine(const Principal& caller);

  std::string today() const;

 private:
  void require(const Principal& caller, const char* permission) const;
  void check_details(soci::session& sql, const Principal& caller, const MeetingInput& in, const Meeting* before) const;
  Meeting open_meeting(db::Tx& tx, const Principal& caller, long long id) const;

  db::Database& db_;
  const Clock& clock_;
};

}  // namespace xinhuo::party
