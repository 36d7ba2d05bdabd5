#pragma once
// Organisational relationship transfers: issued by the member's side, confirmed by the receiving branch (or, for a
// member leaving the city, by the issuing side when the receipt returns), cancelled by the issuing side. The member
// moves only on confirmation, in the same transaction, so they always belong to exactly one branch.
#include "core/clock.hpp"
#include "db/database.hpp"
#include "party/transfer_store.hpp"

namespace xinhuo::party {

struct TransferInput {
  long long person_id = 0;
  std::string kind = "internal";
  long long to_branch_id = 0;
  std::string outside_org, letter_no, issued_on, note;
};

class TransferService {
 public:
  TransferService(db::Database& db, const Clock& clock) : db_(db), clock_(clock) {}

  Transfer issue(const Principal& caller, const TransferInput& input);
  Transfer confirm(const Principal& caller, long long id, const std::string& confirmed_on, const std::string& note);
  Transfer cancel(const Principal& caller, long long id, const std::string& reason);
  std::vector<Transfer> list(const Principal& caller, const std::string& status);
  // The names-only directory of open branches across the city (a secretary's scope does not show other units'
  // branches, but a transfer goes to one of them). For those who may issue transfers.
  std::vector<BranchEntry> branch_directory(const Principal& caller, const std::string& q, const std::string& type, int page,
                                            int page_size, long long* total);
  // Pending for more than three months on `today`.
  bool flagged(const Transfer& t) const;

 private:
  void require(const Principal& caller, const char* permission) const;
  Transfer visible(soci::session& sql, const Principal& caller, long long id) const;
  std::string today() const;

  db::Database& db_;
  const Clock& clock_;
};

}  // namespace xinhuo::party
