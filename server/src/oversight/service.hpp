#pragma once
// Accountability records (问责), complaint clarifications (信访澄清) and special inspections (专项督查). A record about a
// person is seen by the person and by those with oversight.read whose scope covers the person; it is written with
// oversight.write. The growth archive asks person_summary for what the caller may see of a person.
#include "core/clock.hpp"
#include "db/database.hpp"
#include "files/service.hpp"
#include "oversight/store.hpp"

namespace xinhuo::oversight {

struct AccountabilityInput {
  long long person_id = 0, document_file = 0;
  std::string form, reason, document_no, decided_on, effective_from;
};

struct ClarificationInput {
  long long person_id = 0;
  std::string complaint, finding, clarified_on, announcement_scope;
};

struct InspectionInput {
  std::string topic, description, start_date, end_date;
  std::vector<long long> node_ids;
};

struct FindingInput {
  long long unit_id = 0, person_id = 0;
  std::string content, requirement, due_date;
};

class OversightService {
 public:
  OversightService(db::Database& db, const Clock& clock, files::FilesService* files = nullptr)
      : db_(db), clock_(clock), files_(files) {}

  // The forms with the periods in force; changing a period (oversight.write, audited) applies to records made after
  // it: a record keeps the dates it was decided under.
  std::vector<AccountabilityForm> forms(const Principal& caller);
  AccountabilityForm set_period(const Principal& caller, const std::string& form, int promotion_months, bool bars_excellent,
                                const std::string& basis);

  Accountability record_accountability(const Principal& caller, const AccountabilityInput& in);
  std::vector<Accountability> accountability(const Principal& caller, const PersonFilter& f, long long* total);
  std::string export_accountability(const Principal& caller, PersonFilter f);
  // The decision document of a record the caller may see (mine: the person's own).
  std::pair<files::StoredFile, std::string> document(const Principal& caller, long long id, bool mine);

  Clarification record_clarification(const Principal& caller, const ClarificationInput& in);
  std::vector<Clarification> clarifications(const Principal& caller, const PersonFilter& f, long long* total);
  // The person concerned chooses whether the clarification shows in their record.
  Clarification show_clarification(const Principal& caller, long long id, bool shown);

  // What the caller may see of a person: everything when it is the person themself; for oversight.read in scope the
  // accountability records and the clarifications the person chose to show; nothing (404) for anyone else.
  PersonSummary person_summary(const Principal& caller, long long person_id);

  Inspection create_inspection(const Principal& caller, const InspectionInput& in);
  std::vector<Inspection> inspections(const Principal& caller);
  std::pair<Inspection, std::vector<Finding>> inspection(const Principal& caller, long long id);
  Finding add_finding(const Principal& caller, long long inspection_id, const FindingInput& in);
  Finding follow_up(const Principal& caller, long long finding_id, const std::string& note, bool rectified);
  std::vector<Finding> overdue_findings(const Principal& caller);
  std::string export_findings(const Principal& caller, long long inspection_id);

  std::string today() const;

 private:
  db::Database& db_;
  const Clock& clock_;
  files::FilesService* files_;
};

}  // namespace xinhuo::oversight
