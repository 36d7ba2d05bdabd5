#pragma once
// Fault tolerance (容错纠错): a cadre applies for their own case, or files a risky decision in advance (容错报备); a
// unit administrator (oversight.read over the person) may apply on the person's behalf. The initial review is due
// by the end of the next working day (overdue ones are flagged and counted); then investigation notes, the
// collective decision against the three distinctions with the vote and reasons, the result notified to the applicant,
// a correction plan followed to completion, and for a tolerated case an anonymised copy published to the library.
// Every step is a compare-and-set on the state it starts from, written to the case's history and audited.
#include "core/clock.hpp"
#include "db/database.hpp"
#include "oversight/case_store.hpp"

namespace xinhuo::oversight {

struct CaseInput {
  long long person_id = 0;  // the unit's application: whose case it is; ignored for the cadre's own
  std::string case_kind = "application", title, facts, decision_taken, basis, loss, remedy;
};

struct DecisionInput {
  std::string outcome;  // tolerated | not_tolerated
  int votes_for = 0, votes_against = 0, votes_abstain = 0;
  std::vector<std::string> distinctions;
  std::string reasons;
};

struct CaseWarnings {
  long long overdue_reviews = 0, overdue_corrections = 0;
};

class CaseService {
 public:
  CaseService(db::Database& db, const Clock& clock) : db_(db), clock_(clock) {}

  ToleranceCase apply(const Principal& caller, const CaseInput& in);           // the cadre's own
  ToleranceCase apply_for(const Principal& caller, const CaseInput& in);       // the unit, on the person's behalf
  std::vector<ToleranceCase> mine(const Principal& caller);
  ToleranceCase my_case(const Principal& caller, long long id);

  std::vector<ToleranceCase> list(const Principal& caller, const CaseFilter& f, long long* total);
  std::string export_xlsx(const Principal& caller, CaseFilter f);
  CaseWarnings warnings(const Principal& caller);
  ToleranceCase get(const Principal& caller, long long id);

  ToleranceCase review(const Principal& caller, long long id, bool accept, const std::string& note);
  ToleranceCase note(const Principal& caller, long long id, const std::string& note);
  ToleranceCase decide(const Principal& caller, long long id, const DecisionInput& in);
  ToleranceCase notify(const Principal& caller, long long id, const std::string& note);
  ToleranceCase add_correction(const Principal& caller, long long id, const std::string& content, const std::string& due);
  ToleranceCase finish_correction(const Principal& caller, long long id, long long item, const std::string& note);
  ToleranceCase close(const Principal& caller, long long id);

  // A first redacted draft of the case for the publisher to edit; publish refuses text that still identifies anyone.
  LibraryCase draft(const Principal& caller, long long id);
  LibraryCase publish(const Principal& caller, long long id, const std::string& title, const std::string& body);
  std::vector<LibraryCase> library(const Principal& caller, const std::string& q, int page, int page_size, long long* total);
  LibraryCase library_case(const Principal& caller, long long id);

  std::string today() const;

 private:
  ToleranceCase create(const Principal& caller, const CaseInput& in, long long person_id, const std::string& kind);
  ToleranceCase load(soci::session& sql, long long id) const;
  ToleranceCase writable(db::Tx& tx, const Principal& caller, long long id) const;
  ToleranceCase step(const Principal& caller, long long id, const std::string& from, const std::string& to,
                     const std::string& action, db::Query set, const std::string& note, const Json& detail);

  db::Database& db_;
  const Clock& clock_;
};

}  // namespace xinhuo::oversight
