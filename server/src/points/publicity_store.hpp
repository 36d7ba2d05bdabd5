#pragma once
// The publicity and appeal tables.
#include <optional>
#include <vector>

#include "core/json_input.hpp"
#include "core/principal.hpp"
#include "db/transaction.hpp"

namespace xinhuo::points {

struct Publicity {
  long long id = 0;
  long long node_id = 0;
  std::string node_name, node_path, period, title, starts_on, ends_on, status;
  Json snapshot = Json::array();  // [{rank, person_id, name, points}]
  std::string published_by, published_at, closed_by, closed_at, closing_note;
  long long open_appeals = 0;
};

struct Appeal {
  long long id = 0, publicity_id = 0, person_id = 0, account_id = 0;
  std::string person_name, publicity_title, reason, status, created_at, handled_by, handled_at, result;
  long long unit_id = 0;
};

class PublicityStore {
 public:
  static long long insert(db::Tx& tx, const Publicity& p, long long by, const std::string& now);
  static std::optional<Publicity> publicity(soci::session& sql, long long id);
  // Publicities of nodes in the caller's scope (managers).
  static std::vector<Publicity> in_scope(soci::session& sql, const Principal& caller, long long node_id);
  // Publicities whose node's subtree holds the unit or branch path given (what a member sees).
  static std::vector<Publicity> covering(soci::session& sql, const std::string& unit_path, const std::string& branch_path);
  static bool close(db::Tx& tx, long long id, long long by, const std::string& note, const std::string& now);

  static long long insert_appeal(db::Tx& tx, const Appeal& a, const std::string& now);
  static std::optional<Appeal> appeal(soci::session& sql, long long id);
  static std::vector<Appeal> appeals_of_publicity(soci::session& sql, long long publicity_id);
  static std::vector<Appeal> appeals_of_person(soci::session& sql, long long person_id);
  static bool handle(db::Tx& tx, long long id, const std::string& decision, long long by, const std::string& result,
                     const std::string& now);
};

}  // namespace xinhuo::points
