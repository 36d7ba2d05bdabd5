#pragma once
// Front-line assignments: recorded (planned) for a person in scope, then started, evaluated at mid-term, and completed
// — which publishes the completion event its length earns, in the same transaction — or terminated early. Each
// transition is a compare-and-set on the state it starts from, so a stale or repeated one answers 409. The yearly
// plan per org node and the report of plan against what started and completed. practice.read to see,
// practice.write to record, in the caller's data scope; a cadre sees their own through the /me routes.
#include "core/clock.hpp"
#include "core/field_cipher.hpp"
#include "db/database.hpp"
#include "practice/assignment_store.hpp"

namespace xinhuo::practice {

struct AssignmentInput {
  long long person_id = 0;
  std::string assignment_type, urgent_kind, host_place, task, starts_on, planned_end;
  long long supervisor_person_id = 0;
  std::string supervisor_name, supervisor_phone;
};

// What a transition carries (each uses its own fields; the routes read only those).
struct Transition {
  std::string date;     // start: the actual start; mid_term: evaluated on; complete / terminate: the actual end
  std::string grade;    // mid_term, complete
  std::string text;     // mid_term: the note; complete: the outcome; terminate: the reason
};

class AssignmentService {
 public:
  AssignmentService(db::Database& db, const Clock& clock, const FieldCipher& cipher) : db_(db), clock_(clock), cipher_(cipher) {}

  Assignment create(const Principal& caller, const AssignmentInput& in);
  // action: start | mid_term | complete | terminate.
  Assignment transition(const Principal& caller, long long id, const std::string& action, const Transition& t);

  Assignment get(const Principal& caller, long long id);
  std::vector<Assignment> list(const Principal& caller, const AssignmentFilter& filter, long long* total);
  // The filtered list as an .xlsx workbook (phones masked); audited with the filter and the row count.
  std::string export_xlsx(const Principal& caller, AssignmentFilter filter);
  std::vector<Assignment> mine(const Principal& caller);
  // For an aggregator (the growth archive) that has already checked that its caller may see the person.
  std::vector<Assignment> of_person(long long person_id);

  void set_plan(const Principal& caller, long long node_id, int year, int planned);
  PlanReport plan_report(const Principal& caller, long long node_id, int year);

  std::string today() const;

 private:
  void require(const Principal& caller, const char* permission) const;
  void check_filter(const AssignmentFilter& f) const;
  // Masks the sealed phone for reading.
  Assignment readable(Assignment a) const;

  db::Database& db_;
  const Clock& clock_;
  const FieldCipher& cipher_;
};

}  // namespace xinhuo::practice
