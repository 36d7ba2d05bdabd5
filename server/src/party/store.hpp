#pragma once
// The member-development tables. Writes take the caller's transaction; lists take the caller's Principal and are
// limited to its data scope in SQL (a case is in scope when its person is).
#include <optional>

#include "core/principal.hpp"
#include "db/transaction.hpp"
#include "party/model.hpp"

namespace xinhuo::party {

// What development needs to know about a person of the roster.
struct PersonFacts {
  long long id = 0;
  std::string name, birth_date, party_status, status;
  long long unit_id = 0, branch_id = 0;
};

struct CaseFilter {
  long long node_id = 0;  // cases of people whose unit or branch is this node or below it
  std::string status = "active";  // active | completed | disqualified | all
  std::string name;               // part of the person's name
  int stage = 0;                  // 1–5; 0 for any
  int page = 1, page_size = 50;
};

class PartyStore {
 public:
  static std::optional<PersonFacts> person(soci::session& sql, long long person_id);

  static long long insert_case(db::Tx& tx, long long person_id, long long created_by, const std::string& now);
  // Takes the case for a write: compare-and-set on an active case (a row lock on PostgreSQL); false when it is
  // not active (any more).
  static bool lock_active_case(db::Tx& tx, long long case_id, const std::string& now);
  static void set_case_status(db::Tx& tx, long long case_id, const std::string& status, const std::string& now);
  static long long active_case_of(soci::session& sql, long long person_id);
  static std::vector<long long> cases_of(soci::session& sql, long long person_id);

  static long long insert_step(db::Tx& tx, const StepRecord& s, const std::string& now);
  static long long insert_report(db::Tx& tx, const Report& r, const std::string& now);
  // Takes a step back: kept in development_step_revoked with who and why, removed from the case's steps.
  static void revoke_step(db::Tx& tx, const StepRecord& s, long long by, const std::string& reason, const std::string& now);

  // One case with its steps and reports (no scope check: the service checks the person first).
  static std::optional<DevelopmentCase> load(soci::session& sql, long long case_id);
  // A page of the cases in the caller's scope with their steps and reports (three queries whatever the count).
  static std::vector<DevelopmentCase> list(soci::session& sql, const Principal& caller, const CaseFilter& filter,
                                           long long* total);

  // What the time rules derive from a case, stored with each write so that lists and warnings read it directly.
  static void save_derived(db::Tx& tx, long long case_id, int stage, const std::vector<Deadline>& deadlines);
  // A page of the deadlines due on or before `until` of active cases in scope (below node_id when given),
  // earliest first.
  static std::vector<Warning> deadlines_until(soci::session& sql, const Principal& caller, long long node_id,
                                              const std::string& until, int limit, int offset);
  // How many of those are missed (before `today`) and how many are still ahead.
  static std::pair<long long, long long> deadline_counts(soci::session& sql, const Principal& caller, long long node_id,
                                                         const std::string& today, const std::string& until);
  // Active cases per stage in scope, with how many have a deadline missed (before `today`) or due by `until`.
  static std::vector<StageCount> pipeline(soci::session& sql, const Principal& caller, long long node_id,
                                          const std::string& today, const std::string& until);
};

}  // namespace xinhuo::party
