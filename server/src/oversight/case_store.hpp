#pragma once
// The tables of fault-tolerance cases. A case is visible to a caller whose data scope covers the person's current
// unit and branch (or the person, for 仅本人).
#include <optional>

#include "core/principal.hpp"
#include "db/query.hpp"
#include "db/transaction.hpp"
#include "oversight/model.hpp"

namespace xinhuo::oversight {

struct PersonRef {
  long long id = 0, unit_id = 0;
  std::string name, status, unit_name;
};

class CaseStore {
 public:
  static std::optional<PersonRef> person(soci::session& sql, long long person_id);

  static long long insert(db::Tx& tx, const ToleranceCase& c, long long by, const std::string& now);
  static void add_history(db::Tx& tx, long long case_id, const HistoryItem& h, long long account_id);
  // Compare-and-set: `set` (a list of "column = value" made with Query) applies only while the state is `from`.
  static bool transition(db::Tx& tx, long long id, const std::string& from, const std::string& to, db::Query set,
                         const std::string& now);

  // today: the Beijing date that decides what is overdue.
  static std::optional<ToleranceCase> find(soci::session& sql, long long id, const std::string& today);
  static bool visible(soci::session& sql, const Principal& caller, long long id);
  static std::vector<ToleranceCase> list(soci::session& sql, const Principal& caller, const CaseFilter& f,
                                         const std::string& today, long long* total);
  static std::vector<ToleranceCase> of_person(soci::session& sql, long long person_id, const std::string& today);
  static long long count_overdue_reviews(soci::session& sql, const Principal& caller, const std::string& today);
  static long long count_overdue_corrections(soci::session& sql, const Principal& caller, const std::string& today);

  static std::vector<Correction> corrections(soci::session& sql, long long case_id, const std::string& today);
  static long long add_correction(db::Tx& tx, long long case_id, const std::string& content, const std::string& due,
                                  const std::string& now);
  static bool finish_correction(db::Tx& tx, long long case_id, long long item_id, const std::string& note,
                                const std::string& now);
  static std::vector<HistoryItem> history(soci::session& sql, long long case_id);

  static bool published(soci::session& sql, long long case_id);
  static long long publish(db::Tx& tx, long long case_id, const std::string& title, const std::string& body,
                           const std::string& on);
  static std::vector<LibraryCase> library(soci::session& sql, const std::string& q, int page, int page_size, long long* total);
  static std::optional<LibraryCase> library_case(soci::session& sql, long long id);
};

}  // namespace xinhuo::oversight
