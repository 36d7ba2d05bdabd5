#pragma once
// The meeting tables. A meeting is visible to a caller whose data scope covers its branch (or the unit above it),
// as a person of that branch would be.
#include <map>
#include <optional>

#include "core/principal.hpp"
#include "db/transaction.hpp"
#include "party/model.hpp"

namespace xinhuo::party {

struct MeetingFilter {
  long long node_id = 0;     // meetings of branches at or below this node
  std::string meeting_type, status;  // empty: any
  std::string from, to;      // held_on range, inclusive; empty: open-ended
  int page = 1, page_size = 50;
};

// A branch or party group that holds meetings, as the cadence list shows it.
struct MeetingNode {
  long long id = 0;
  std::string name, node_type, unit_name, created_on;
};

class MeetingStore {
 public:
  static long long insert(db::Tx& tx, const Meeting& m, long long created_by, const std::string& now);
  // Compare-and-set on an open meeting: false when it is closed (or gone).
  static bool update_open(db::Tx& tx, const Meeting& m, const std::string& now);
  static bool delete_open(db::Tx& tx, long long id);
  static bool close(db::Tx& tx, long long id, long long by, const std::string& now);

  static void replace_attendance(db::Tx& tx, long long meeting_id, const std::vector<Attendance>& rows);
  static std::vector<Attendance> attendance(soci::session& sql, long long meeting_id);

  static std::optional<Meeting> find(soci::session& sql, long long id);
  static bool visible(soci::session& sql, const Principal& caller, long long id);
  // Whether a meeting of this branch (under this unit) would be visible to the caller.
  static bool branch_in_scope(soci::session& sql, const Principal& caller, long long unit_id, long long branch_id);
  static std::vector<Meeting> list(soci::session& sql, const Principal& caller, const MeetingFilter& filter, long long* total);
  // Meetings the person is on the attendance list of, newest first.
  static std::vector<Meeting> of_person(soci::session& sql, long long person_id, int limit);

  // Active party members (full and probationary) of a branch, by name: the attendance list a new meeting starts with.
  static std::vector<Attendance> branch_members(soci::session& sql, long long branch_id);

  // A page of the active branches and party groups in scope at or below node_id (0: all in scope).
  static std::vector<MeetingNode> nodes(soci::session& sql, const Principal& caller, long long node_id, int page,
                                        int page_size, long long* total);
  // Dates of the closed meetings of these nodes held on or after `since`: node → type → dates. For the secretary's
  // lectures the type is "secretary_lecture".
  static std::map<long long, std::map<std::string, std::vector<std::string>>> held(soci::session& sql,
                                                                                  const std::vector<long long>& node_ids,
                                                                                  const std::string& since);
  // The earliest meeting of each node (any state): a branch is not held to the cadence before it used the platform.
  static std::map<long long, std::string> first_meetings(soci::session& sql, const std::vector<long long>& node_ids);
};

}  // namespace xinhuo::party
