#pragma once
// The study-group tables. A group is visible to a caller whose data scope covers its unit; coverage counts the
// young cadres (by the org module's rule) of the units in scope and those of them in an active group.
#include <optional>

#include "core/principal.hpp"
#include "db/query.hpp"
#include "db/transaction.hpp"
#include "org/model.hpp"
#include "study/model.hpp"

namespace xinhuo::study {

struct GroupFilter {
  long long node_id = 0;  // groups of units at or below this node; 0: all in scope
  std::string status;     // active | closed | empty: any
  std::string name;       // part of the name
  int page = 1, page_size = 50;
};

struct UncoveredPerson {
  long long person_id = 0;
  std::string name, rank, birth_date, unit_name;
  long long unit_id = 0;
};

class GroupStore {
 public:
  static long long insert(db::Tx& tx, const StudyGroup& g, const std::string& now);
  // Compare-and-set on an active group: false when it was closed meanwhile.
  static bool update_active(db::Tx& tx, const StudyGroup& g, const std::string& now);
  static bool close(db::Tx& tx, long long id, const std::string& now);
  static bool add_member(db::Tx& tx, long long group_id, long long person_id, const std::string& now);
  static bool remove_member(db::Tx& tx, long long group_id, long long person_id);

  static std::optional<StudyGroup> find(soci::session& sql, long long id);
  // Whether the caller's data scope covers the org node (a unit, or the city for a city-wide session).
  static bool unit_in_scope(soci::session& sql, const Principal& caller, long long unit_id);
  // Appends the caller's data scope over the org node aliased `alias` (nodes only: 仅本人 covers no node).
  static void node_scope(db::Query& q, const Principal& caller, const std::string& alias);
  static bool name_taken(soci::session& sql, long long unit_id, const std::string& name);
  static std::vector<StudyGroup> list(soci::session& sql, const Principal& caller, const GroupFilter& f, long long* total);
  static std::vector<GroupMember> members(soci::session& sql, long long group_id, const std::string& today,
                                          const org::YoungCadreRule& rule);
  // Active groups the person is a member of.
  static std::vector<StudyGroup> of_person(soci::session& sql, long long person_id);

  // Units (node_type unit, open) in scope at or below node_id, a page of them with their figures, and the totals of all.
  static Coverage coverage(soci::session& sql, const Principal& caller, long long node_id, const std::string& today,
                           const org::YoungCadreRule& rule, int page, int page_size);
  // Young cadres of those units who are in no active group.
  static std::vector<UncoveredPerson> uncovered(soci::session& sql, const Principal& caller, long long node_id,
                                                const std::string& today, const org::YoungCadreRule& rule, int page,
                                                int page_size, long long* total);
};

}  // namespace xinhuo::study
