#pragma once
// The reading-activity tables. An activity is managed by callers whose data scope covers its organising node; its
// audience is the study group's members, or the active people whose unit or branch lies under the node.
#include <optional>

#include "core/principal.hpp"
#include "db/query.hpp"
#include "db/transaction.hpp"
#include "study/model.hpp"

namespace xinhuo::study {

struct ReadingFilter {
  long long id = 0;
  long long node_id = 0;
  std::string status, title;
  int page = 1, page_size = 50;
};

class ReadingStore {
 public:
  static long long insert(db::Tx& tx, const Reading& r, long long created_by, const std::string& now);
  // Compare-and-set on an open activity.
  static bool update_open(db::Tx& tx, const Reading& r, const std::string& now);
  static bool close(db::Tx& tx, long long id, long long by, const std::string& now);

  static std::optional<Reading> find(soci::session& sql, long long id);
  static std::vector<Reading> list(soci::session& sql, const Principal& caller, const ReadingFilter& f, long long* total);
  static bool in_audience(soci::session& sql, const Reading& r, long long person_id);

  // The audience (in the caller's scope) with their notes; status submitted | pending | excellent | "".
  static std::vector<ReadingNote> notes(soci::session& sql, const Principal& caller, const Reading& r, const std::string& status,
                                        int page, int page_size, long long* total);
  static std::optional<ReadingNote> note(soci::session& sql, long long reading_id, long long person_id);
  static std::optional<ReadingNote> note_by_id(soci::session& sql, long long note_id);
  // Writes the person's note: a new row, or the existing one while it is not marked excellent.
  static bool save_note(db::Tx& tx, long long reading_id, long long person_id, const std::string& content, long long photo,
                        const std::string& now);
  static bool mark(db::Tx& tx, long long note_id, bool excellent, long long by, const std::string& now);

  // Activities of the person's audience (open ones, and those closed in the last year) with their own note.
  static std::vector<std::pair<Reading, std::optional<ReadingNote>>> of_person(soci::session& sql, long long person_id,
                                                                              const std::string& closed_since);
};

}  // namespace xinhuo::study
