#pragma once
// The transfer table. A transfer is visible to a caller whose scope covers the member or the receiving branch.
#include "core/principal.hpp"
#include "db/transaction.hpp"
#include "party/model.hpp"

namespace xinhuo::party {

class TransferStore {
 public:
  static long long insert(db::Tx& tx, const Transfer& t, long long issued_by, const std::string& now);
  static std::optional<Transfer> find(soci::session& sql, long long id);
  static long long pending_of(soci::session& sql, long long person_id);
  // Compare-and-set from pending; false when it was decided meanwhile.
  static bool decide(db::Tx& tx, long long id, const std::string& status, long long by, const std::string& on,
                     const std::string& note);
  static bool visible(soci::session& sql, const Principal& caller, const Transfer& t);
  static std::vector<Transfer> list(soci::session& sql, const Principal& caller, const std::string& status, int limit);
  // Open branches (and general branches unless `type` is branch) of the whole city whose name or unit name has `q`,
  // a page at a time: the directory a transfer picks its receiving branch from.
  static std::vector<BranchEntry> branches(soci::session& sql, const std::string& q, const std::string& type, int page,
                                           int page_size, long long* total);
  // A branch (node type branch, active) and its name.
  static std::optional<std::string> branch_name(soci::session& sql, long long node_id);
};

}  // namespace xinhuo::party
