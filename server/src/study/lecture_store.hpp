#pragma once
// The lecture-team tables. A team, its lecturers and its lectures are visible to a caller whose data scope covers the
// team's owning node (a unit, a district or the city); a lecturer sees their own lectures through /me.
#include <optional>

#include "core/principal.hpp"
#include "db/query.hpp"
#include "db/transaction.hpp"
#include "study/model.hpp"

namespace xinhuo::study {

struct TeamFilter {
  long long node_id = 0;  // teams owned at or below this node
  std::string status, name;
  int page = 1, page_size = 50;
};

struct LectureFilter {
  long long team_id = 0, node_id = 0, person_id = 0;
  std::string status, level, audience_kind;
  std::string from, to;  // held_on, inclusive
  int page = 1, page_size = 50;
};

class LectureStore {
 public:
  static long long insert_team(db::Tx& tx, const LectureTeam& t, long long created_by, const std::string& now);
  // Compare-and-set on an active team: false when it was closed meanwhile.
  static bool update_team(db::Tx& tx, long long id, const std::string& name, const std::string& description,
                          const std::string& now);
  static bool close_team(db::Tx& tx, long long id, const std::string& now);
  static std::optional<LectureTeam> team(soci::session& sql, long long id);
  static bool team_name_taken(soci::session& sql, long long node_id, const std::string& name, long long except_id);
  static std::vector<LectureTeam> teams(soci::session& sql, const Principal& caller, const TeamFilter& f, long long* total);
  static std::vector<Lecturer> lecturers(soci::session& sql, long long team_id);
  // The person's membership of the team: "" none, "active" or "left".
  static std::string member_status(soci::session& sql, long long team_id, long long person_id);
  // Joins the person, or brings back one who had left.
  static void join(db::Tx& tx, long long team_id, long long person_id, const std::string& topics, const std::string& joined_on);
  static bool update_topics(db::Tx& tx, long long team_id, long long person_id, const std::string& topics);
  static bool leave(db::Tx& tx, long long team_id, long long person_id, const std::string& left_on);
  // Whether the person is active and of a unit at or below the node (a city team takes anyone of the city).
  static bool person_under(soci::session& sql, long long person_id, long long node_id);
  // Whether the person lectures (or lectured) for a team in the caller's scope.
  static bool lecturer_in_scope(soci::session& sql, const Principal& caller, long long person_id);
  static std::string person_name(soci::session& sql, long long person_id);
  // The active teams the person lectures for.
  static std::vector<LectureTeam> teams_of(soci::session& sql, long long person_id);

  static long long insert_lecture(db::Tx& tx, const Lecture& l, const std::string& status, long long created_by,
                                  const std::string& now);
  static std::optional<Lecture> lecture(soci::session& sql, long long id);
  // Compare-and-set from `from` to `to` (confirmed, rejected, cancelled): false when another decision came first.
  static bool decide(db::Tx& tx, long long id, const std::string& from, const std::string& to, long long by,
                     const std::string& reason, const std::string& now);
  static std::vector<Lecture> lectures(soci::session& sql, const Principal* caller, const LectureFilter& f, long long* total);
  // Confirmed lectures matching the filter counted by level, year and month (the data scope as for lectures()).
  static LectureStats stats(soci::session& sql, const Principal* caller, const LectureFilter& f);
};

}  // namespace xinhuo::study
