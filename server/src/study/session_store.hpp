#pragma once
// The study-session tables. A session is visible to a caller whose data scope covers its organising node (the unit,
// or the city for a city-wide session). Its audience — who may check in and who is missed when it closes — is the
// group's members (group), the unit's people (unit), or anyone of the city (city: nobody is expected).
#include <optional>

#include "core/principal.hpp"
#include "db/query.hpp"
#include "db/transaction.hpp"
#include "study/model.hpp"

namespace xinhuo::study {

struct SessionFilter {
  long long node_id = 0;  // sessions organised at or below this node
  long long group_id = 0;
  std::string audience, status;  // empty: any
  std::string from, to;          // Beijing dates, inclusive, of starts_at
  int page = 1, page_size = 50;
};

struct SessionRow {  // what the service needs to decide about a session
  long long id = 0;
  std::string audience;
  long long group_id = 0, node_id = 0;
  std::string starts_at, ends_at, status, qr_secret;
  int late_after_minutes = 10;
  std::string title, place;
};

class SessionStore {
 public:
  static long long insert(db::Tx& tx, const StudySession& s, const std::string& qr_secret, long long created_by,
                          const std::string& now);
  static bool update_open(db::Tx& tx, const StudySession& s, const std::string& now);
  // Compare-and-set from open to closed or cancelled.
  static bool finish(db::Tx& tx, long long id, const std::string& status, long long by, const std::string& now);

  static std::optional<SessionRow> row(soci::session& sql, long long id);
  static std::optional<StudySession> find(soci::session& sql, long long id);
  // Sessions the caller sees: organised in their scope, or city-wide sessions that reach people of their scope (read
  // only), or — for a group's leader without study.read — the sessions of the group they lead (`f.group_id`).
  static std::vector<StudySession> list(soci::session& sql, const Principal& caller, const SessionFilter& f, long long* total);
  // Whether the session is city-wide and reaches people in the caller's scope (an org node of the scope lies under it).
  static bool reaches_scope(soci::session& sql, const Principal& caller, long long id);

  static bool in_audience(soci::session& sql, const SessionRow& s, long long person_id);
  // The status of the person's check-in ("" when none).
  static std::string checkin_status(soci::session& sql, long long session_id, long long person_id);
  // A new check-in row; false when the person has one already (nothing written).
  static bool insert_checkin(db::Tx& tx, long long session_id, const Checkin& c, long long recorded_by);
  static void update_checkin(db::Tx& tx, long long session_id, const Checkin& c, long long recorded_by);
  // Writes an absent row for every expected person without a row; returns their ids.
  static std::vector<long long> record_absences(db::Tx& tx, const SessionRow& s);
  static int checked_in(soci::session& sql, long long session_id);  // present or late

  // The audience (group, unit) with their check-ins, and whoever else checked in; status "pending" = expected and
  // not yet come; "" any.
  // `only_scope`: a viewer of another organiser's city-wide session sees the check-ins of their own people only.
  static std::vector<Checkin> attendance(soci::session& sql, const SessionRow& s, const std::string& status, int page,
                                         int page_size, long long* total, const Principal* only_scope = nullptr);
  // Sessions whose audience includes the person, starting in [from, to) (UTC timestamps), with the person's status.
  static std::vector<StudySession> of_person(soci::session& sql, long long person_id, const std::string& from,
                                             const std::string& to, bool newest_first, int limit);
  // The start (UTC) of every session the person has a status in, with that status (closed sessions have one for
  // everyone expected: absent when nothing else was recorded).
  static std::vector<std::pair<std::string, std::string>> statuses_of(soci::session& sql, long long person_id);
};

}  // namespace xinhuo::study
