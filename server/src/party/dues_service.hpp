#pragma once
// Party dues: declaring a member's income (the amount follows the brackets), recording payments (one per month,
// back payment at most six months, never for a month without a declared amount), bank-statement rows recorded one
// by one with each row's error, arrears per member. party.read to see, party.write to record, in the caller's scope.
#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/field_cipher.hpp"
#include "db/database.hpp"
#include "party/dues_store.hpp"

namespace xinhuo::party {

struct PaymentInput {
  long long person_id = 0;
  std::vector<std::string> months;
  std::string paid_on, method = "cash", note;
  std::optional<long long> amount_cents;  // per month; default the declared amount
};

struct BatchRow {
  int row = 0;  // the row of the bank statement, for the error list
  PaymentInput payment;
};

struct BatchFailure {
  int row = 0;
  std::string field, message_zh, message_en;
};

// A bank-statement row to find its member by: the ID-card number, or the name (with the branch's name when two
// members share it).
struct MatchRow {
  int row = 0;
  std::string id_card, name, branch;
};

struct MatchResult {
  int row = 0;
  std::string status;  // matched | unknown | ambiguous | invalid_id | name_mismatch
  Text message;        // why it is not matched
  DuesMember member;   // matched: who, where, the first month owed and every month paid
  std::vector<DuesBase> bases;
};

inline constexpr std::size_t kMaxBatchRows = 5000;

class DuesService {
 public:
  // `cipher` gives the keyed hash an ID-card number is looked up by (none: statements match by name only).
  DuesService(db::Database& db, const Clock& clock, const FieldCipher* cipher = nullptr) : db_(db), clock_(clock), cipher_(cipher) {}

  // `from_month` (YYYY-MM of `year`, empty: keep the year's month already declared, else this month for this year and
  // January for another) is when it takes effect.
  DuesBase set_base(const Principal& caller, long long person_id, int year, const std::string& category, long long income_cents,
                    const std::string& from_month = {});
  std::vector<DuesPayment> record(const Principal& caller, const PaymentInput& input);
  // Each row on its own: the rows that fail are listed with their error, the others are recorded.
  std::vector<BatchFailure> record_batch(const Principal& caller, const std::vector<BatchRow>& rows, int* recorded);
  std::vector<DuesMember> members(const Principal& caller, long long node_id, int page, int page_size, long long* total);
  // The members of a bank statement's rows, in the caller's scope, with what the preview checks the rows against
  // (declared amounts, first month owed, months paid). Reads only; nothing is recorded.
  std::vector<MatchResult> match(const Principal& caller, const std::vector<MatchRow>& rows);
  // The .xlsx template of a bank statement to import.
  std::string statement_template() const;
  // The dues report of this year, one row per branch of the members in scope below node_id.
  std::vector<DuesReportRow> report(const Principal& caller, long long node_id);
  // Publishes party.dues_overdue for every member three or more months behind (subject: the first unpaid month of
  // the streak, so a streak is published once however often this runs). Run by the server at start and every few
  // hours, and by `xinhuo party sweep-dues`. Returns how many members are overdue.
  long long publish_overdue();
  // The caller's own dues: bases, payments and arrears.
  DuesMember mine(const Principal& caller, std::vector<DuesBase>* bases, std::vector<DuesPayment>* payments);

  std::string this_month() const;

 private:
  void require(const Principal& caller, const char* permission) const;
  void with_arrears(DuesMember& m) const;

  db::Database& db_;
  const Clock& clock_;
  const FieldCipher* cipher_;
};

}  // namespace xinhuo::party
