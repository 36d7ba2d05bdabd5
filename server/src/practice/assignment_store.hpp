#pragma once
// The assignment and plan tables. An assignment is visible to a caller whose data scope covers the unit and branch
// the person belonged to when it was recorded (or the person, for 仅本人).
#include <optional>

#include "core/principal.hpp"
#include "db/transaction.hpp"
#include "practice/model.hpp"

namespace xinhuo::practice {

// A person as practice needs them: where they belong and whether they are still on the roster.
struct PersonRef {
  long long id = 0, unit_id = 0, branch_id = 0;
  std::string name, status, party_status;
};

struct AssignmentFilter {
  long long node_id = 0;  // assignments of units at or below this node
  std::string assignment_type, state;
  int year = 0;           // running at some time in that year
  std::string q;          // part of the person's name or of the host place
  int page = 1, page_size = 50;
};

class AssignmentStore {
 public:
  static std::optional<PersonRef> person(soci::session& sql, long long person_id);
  // Whether the caller's scope covers the person (their unit and branch, or themselves).
  // Whether the caller's scope covers the org node (and it is active).

  static long long insert(db::Tx& tx, const Assignment& a, long long created_by, const std::string& now);
  // Compare-and-set: the row changes only while it is still in `from`; false otherwise.
  static bool start(db::Tx& tx, long long id, const std::string& from, const std::string& started_on, const std::string& now);
  static bool mid_term(db::Tx& tx, long long id, const std::string& from, const std::string& grade, const std::string& note,
                       const std::string& on, const std::string& now);
  static bool complete(db::Tx& tx, long long id, const std::string& from, const std::string& actual_end,
                       const std::string& grade, const std::string& outcome, const std::string& length_class,
                       const std::string& now);
  static bool terminate(db::Tx& tx, long long id, const std::string& from, const std::string& actual_end,
                        const std::string& reason, const std::string& now);

  // The row with the supervisor's phone still sealed.
  static std::optional<Assignment> find(soci::session& sql, long long id);
  static bool visible(soci::session& sql, const Principal& caller, long long id);
  static std::vector<Assignment> list(soci::session& sql, const Principal& caller, const AssignmentFilter& f, long long* total);
  static std::vector<Assignment> of_person(soci::session& sql, long long person_id);

  static void set_plan(db::Tx& tx, long long node_id, int year, int planned, long long by, const std::string& now);
  // The plan of a node for a year (-1: none) and the assignments of units at or below it that started / completed
  // in the year.
  static PlanRow plan_row(soci::session& sql, long long node_id, int year);
  // The active units in scope at or below the node, in tree order.
  static std::vector<PlanRow> units_below(soci::session& sql, const Principal& caller, long long node_id);
};

}  // namespace xinhuo::practice
