#pragma once
// Member development: who may see and record what (party.read / party.write in their data scope, the person
// themselves for their own case and thought reports), the time rules of rules.hpp applied inside the write
// transaction, the person's party status moved with the steps, and every record audited.
#include "core/clock.hpp"
#include "db/database.hpp"
#include "party/rules.hpp"
#include "party/store.hpp"

namespace xinhuo::party {

class PartyService {
 public:
  PartyService(db::Database& db, const Clock& clock) : db_(db), clock_(clock) {}

  std::vector<DevelopmentCase> cases(const Principal& caller, const CaseFilter& filter, long long* total);
  DevelopmentCase development_case(const Principal& caller, long long case_id);
  // Opens a case for a person of the masses by recording step 1 (the application).
  DevelopmentCase open_case(const Principal& caller, long long person_id, StepRecord application);
  // Records the next step; `step.step_no` must be the one next_step() names.
  DevelopmentCase record_step(const Principal& caller, long long case_id, StepRecord step);
  // Takes back the latest step of an active case, recorded by mistake (not the application): the person's party
  // status follows the steps that remain, and the joining date goes with the admission (step 17).
  DevelopmentCase revoke_step(const Principal& caller, long long case_id, long long step_id, const std::string& reason);
  // A thought report or an assessment entered by the branch.
  Report add_report(const Principal& caller, long long case_id, Report report);

  // Deadlines near or missed in the caller's scope (below node_id when given), the most urgent first, a page at a
  // time, with the counts of the whole scope.
  WarningPage warnings(const Principal& caller, long long node_id, int page = 1, int page_size = 100);
  std::vector<StageCount> pipeline(const Principal& caller, long long node_id);

  // The caller's own case (the latest one), if they have any.
  std::optional<DevelopmentCase> my_case(const Principal& caller);
  // The caller's quarterly thought report, dated today.
  Report submit_thought_report(const Principal& caller, const std::string& content);

  std::string today() const;

 private:
  void require(const Principal& caller, const char* permission) const;
  // Fills contact and sponsor names from the roster and checks they are full members.
  void check_people(soci::session& sql, StepRecord& step) const;
  // After `step` is in `c`: moves the person's party status and closes the case when the steps say so.
  void apply_outcome(db::Tx& tx, const Principal& caller, DevelopmentCase& c, const StepRecord& step);
  // Stores the stage and deadlines of the case as it now stands (inside the write's transaction).
  static void refresh(db::Tx& tx, long long case_id);
  // 404 unless the node is inside the caller's scope (0: no node filter).
  static void check_node(soci::session& sql, const Principal& caller, long long node_id);

  db::Database& db_;
  const Clock& clock_;
};

}  // namespace xinhuo::party
