#pragma once
#include <functional>
#include <vector>

#include "audit/model.hpp"
#include "db/transaction.hpp"

namespace xinhuo::audit {

class AuditStore {
 public:
  explicit AuditStore(db::Database& db) : db_(db) {}

  // Inside the caller's transaction: serialises appends, reads the chain's end, writes the row.
  static void append(db::Tx& tx, AuditRow row);
  std::vector<AuditRow> list(const AuditFilter& filter, long long* total);
  // Every row in id order, in batches, to `visit` (returns false to stop).
  void scan(const std::function<bool(const AuditRow&)>& visit);

 private:
  db::Database& db_;
};

}  // namespace xinhuo::audit
