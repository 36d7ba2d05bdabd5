#pragma once
// The SQL of the young-cadre pool: experience conditions over the record's own entries, and the managers' watch
// lists. The people themselves are read through the org module.
#include <map>
#include <optional>

#include "db/query.hpp"
#include "db/transaction.hpp"
#include "record/archive_model.hpp"

namespace xinhuo::record {

class ArchiveStore {
 public:
  // Appends " AND …" over the person aliased `p`: the person has the experience (see pool_experiences()).
  static void experience_condition(db::Query& q, const std::string& experience, const std::string& today);
  // Appends the pool filter's own conditions (experience, education, watch list) over the person aliased `p`.
  static void pool_conditions(db::Query& q, const PoolFilter& f, const std::string& today);
  // The people barred from promotion on `today` by an accountability decision, with the last day of the bar.
  static std::map<long long, std::string> promotion_bars(soci::session& sql, const std::vector<long long>& people,
                                                         const std::string& today);
  // For each of the people: which of pool_experiences() they have.
  static std::map<long long, std::vector<std::string>> experience_of(soci::session& sql, const std::vector<long long>& people,
                                                                     const std::string& today);
  // Confirmed entries of the person by category.
  static std::vector<std::pair<std::string, int>> entries_by_category(soci::session& sql, long long person_id);

  static std::vector<Watchlist> watchlists(soci::session& sql, long long account_id);
  static std::optional<Watchlist> watchlist(soci::session& sql, long long account_id, long long id);
  static bool name_taken(soci::session& sql, long long account_id, const std::string& name);
  static long long insert_watchlist(db::Tx& tx, long long account_id, const std::string& name, const std::string& now);
  static void delete_watchlist(db::Tx& tx, long long id);
  // false when the person was already on the list (the note is then replaced).
  static bool put_person(db::Tx& tx, long long watchlist_id, long long person_id, const std::string& note, const std::string& now);
  static bool remove_person(db::Tx& tx, long long watchlist_id, long long person_id);
  // For each of the people: the caller's lists they are on.
  static std::map<long long, std::vector<long long>> lists_of(soci::session& sql, long long account_id,
                                                               const std::vector<long long>& people);
};

}  // namespace xinhuo::record
