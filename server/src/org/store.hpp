#pragma once
// The SQL of the org tree and the roster. Every read takes the caller and applies their data scope in SQL.
#include <optional>
#include <vector>

#include "core/principal.hpp"
#include "db/query.hpp"
#include "db/transaction.hpp"
#include "org/model.hpp"

namespace xinhuo::org {

class OrgStore {
 public:
  explicit OrgStore(db::Database& db) : db_(db) {}

  std::vector<OrgNode> nodes(const Principal& caller);
  std::optional<OrgNode> node(const Principal& caller, long long id);
  static std::optional<OrgNode> node_in(db::Tx& tx, long long id);
  static bool code_taken(db::Tx& tx, const std::string& code);
  static long long insert_node(db::Tx& tx, const OrgNode& node, const std::string& now);
  static void update_node(db::Tx& tx, const OrgNode& node, const std::string& now);
  // Moves a subtree: rewrites the paths and depths of the node and everything below it.
  static void move_subtree(db::Tx& tx, const OrgNode& node, const OrgNode& new_parent, const std::string& now);
  static bool close_node(db::Tx& tx, long long id, const std::string& now);

  std::vector<Person> people(const Principal& caller, const PersonFilter& filter, const std::string& today,
                             const YoungCadreRule& rule, long long* total);
  std::optional<Person> person(const Principal& caller, long long id);
  static std::optional<Person> person_in(db::Tx& tx, long long id);
  static void update_person(db::Tx& tx, const Person& p, const std::string& now);
  static void set_person_status(db::Tx& tx, long long id, const std::string& status, const std::string& now);
  // The nearest unit at or above the node (0 when there is none).
  static long long unit_above(db::Tx& tx, long long node_id);
  struct SealedField {
    std::string sealed, hash;  // both empty: no value
  };
  static void update_identity(db::Tx& tx, long long id, const SealedField& id_card, const SealedField& phone);
  static bool id_card_taken(db::Tx& tx, const std::string& hash, long long except_person);
  static void add_history(db::Tx& tx, long long person_id, const PersonChange& change, const Principal& by,
                          const std::string& now);
  std::vector<HistoryRow> history(long long person_id);

  // Appends "(…)": the person aliased `p` is a young cadre on `today` by the rule (rank band and age).
  static void young_cadre_condition(db::Query& q, const std::string& p, const std::string& today,
                                    const YoungCadreRule& rule);

 private:
  db::Database& db_;
};

}  // namespace xinhuo::org
