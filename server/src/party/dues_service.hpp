#pragma once
// Party dues: declaring a member's income (the amount follows the brackets), recording payments (one per month,
// back payment at most six months, never for a month without a declared amount), bank-statement rows recorded one
// by one with each row's error, arrears per member. party.read to see, party.write to record, in the caller's scope.
#include "core/clock.hpp"
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

class DuesService {
 public:
  DuesService(db::Database& db, const Clock& clock) : db_(db), clock_(clock) {}

  // `from_month` (YYYY-MM of `year`, empty: keep the year's month already declared, else this month for this year and
  // January for another) is when it takes effect.
  DuesBase set_base(const Principal& caller, long long person_id, int year, const std::string& category, long long income_cents,
                    const std::string& from_month = {});
  std::vector<DuesPayment> record(const Principal& caller, const PaymentInput& input);
  // Each row on its own: the rows that fail are listed with their error, the others are recorded.
  std::vector<BatchFailure> record_batch(const Principal& caller, const std::vector<BatchRow>& rows, int* recorded);
  std::vector<DuesMember> members(const Principal& caller, long long node_id, int page, int page_size, long long* total);
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
};

}  // namespace xinhuo::party
