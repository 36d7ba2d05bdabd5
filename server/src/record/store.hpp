#pragma once
// The record tables. An entry or comment is visible to a caller whose data scope covers the person's current unit
// and branch (or the person, for 仅本人): the record follows the person when they move.
#include <optional>

#include "core/principal.hpp"
#include "db/transaction.hpp"
#include "record/model.hpp"

namespace xinhuo::record {

struct PersonRef {
  long long id = 0;
  std::string name, status;
};

class RecordStore {
 public:
  static std::optional<PersonRef> person(soci::session& sql, long long person_id);

  // Inserts an entry; with a source_key an entry already made from that source is kept and 0 is returned.
  static long long insert(db::Tx& tx, const Entry& e, long long recorded_by, const std::string& now);
  static void add_history(db::Tx& tx, long long entry_id, const HistoryItem& h, long long account_id);

  // Compare-and-set transitions: the row changes only while it is still in `from`; false otherwise.
  static bool decide(db::Tx& tx, long long id, const std::string& from, const std::string& to, const std::string& note,
                     long long by, const std::string& now);
  static bool respond(db::Tx& tx, long long id, const std::string& from, const std::string& text, const std::string& now);
  static bool contest(db::Tx& tx, long long id, const std::string& reason, const std::string& now);
  static bool resolve(db::Tx& tx, long long id, const std::string& outcome, const std::string& note, long long by,
                      const std::string& now);

  static std::optional<Entry> find(soci::session& sql, long long id);
  static bool visible(soci::session& sql, const Principal& caller, long long id);
  static std::vector<Entry> list(soci::session& sql, const Principal& caller, const EntryFilter& f, long long* total);
  static std::vector<Entry> of_person(soci::session& sql, long long person_id);
  static std::vector<HistoryItem> history(soci::session& sql, long long entry_id);

  // Every version of the person's comments, latest period and version first.
  static std::vector<Comment> comments(soci::session& sql, long long person_id);
  // Supersedes the current version of the period when it is `expected_version` (0: none yet); false when it is not.
  static bool supersede(db::Tx& tx, long long person_id, const std::string& period, int expected_version);
  static long long insert_comment(db::Tx& tx, const Comment& c, long long by, const std::string& by_name,
                                  const std::string& now);
};

}  // namespace xinhuo::record
