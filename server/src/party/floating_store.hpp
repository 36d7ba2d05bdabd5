#pragma once
// The floating-member table. A record is in a caller's scope when the unit or branch it was recorded in is.
#include "core/principal.hpp"
#include "db/transaction.hpp"
#include "party/model.hpp"

namespace xinhuo::party {

class FloatingStore {
 public:
  static long long insert(db::Tx& tx, const FloatingRecord& f, long long recorded_by, const std::string& now);
  static std::optional<FloatingRecord> find(soci::session& sql, long long id);
  // The person's active record, 0 when there is none.
  static long long active_of(soci::session& sql, long long person_id);
  // Compare-and-set from active; false when it ended meanwhile.
  static bool end(db::Tx& tx, long long id, const std::string& status, const std::string& reason, const std::string& on,
                  long long by, const std::string& note, const std::string& now);
  static bool in_scope(soci::session& sql, const Principal& caller, long long id);
  static std::vector<FloatingRecord> list(soci::session& sql, const Principal& caller, const FloatingFilter& filter,
                                          long long* total);
  // How many records of the caller's scope (below node_id) are active, and how many of those are past their expected
  // return on `today`.
  static std::pair<long long, long long> active_counts(soci::session& sql, const Principal& caller, long long node_id,
                                                       const std::string& today);
  static std::vector<FloatingRecord> of_person(soci::session& sql, long long person_id);
};

}  // namespace xinhuo::party
