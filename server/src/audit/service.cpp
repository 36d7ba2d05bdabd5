#include "audit/service.hpp"

#include "audit/recorder.hpp"
#include "core/error.hpp"

namespace xinhuo::audit {

std::vector<AuditRow> AuditService::list(const Principal& caller, const AuditFilter& filter, long long* total) {
  if (!caller.can(kPermRead)) throw Error::forbidden("forbidden", {"没有查看审计日志的权限", "Not allowed to read the audit log"});
  auto rows = store_.list(filter, total);
  db::Tx tx(db_);
  record(tx, caller, {.action = "audit.read", .target_type = "audit_log", .target_id = "",
                      .detail = {{"action", filter.action}, {"username", filter.username}, {"page", filter.page}}},
         clock_.now());
  tx.commit();
  return rows;
}

VerifyReport AuditService::verify() {
  VerifyReport report;
  std::string expected_prev(64, '0');
  long long expected_id = 1;
  store_.scan([&](const AuditRow& row) {
    ++report.rows;
    if (row.id != expected_id) {
      report.first_broken_id = row.id;
      report.reason = "row " + std::to_string(expected_id) + " is missing";
      return false;
    }
    if (row.prev_hash != expected_prev) {
      report.first_broken_id = row.id;
      report.reason = "does not link to the previous row";
      return false;
    }
    if (chain_hash(row) != row.hash) {
      report.first_broken_id = row.id;
      report.reason = "contents changed after it was written";
      return false;
    }
    expected_prev = row.hash;
    ++expected_id;
    return true;
  });
  return report;
}

}  // namespace xinhuo::audit
