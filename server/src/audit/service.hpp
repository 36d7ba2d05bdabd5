#pragma once
// The audit administrator's side: reading, exporting and verifying the log.
#include "audit/model.hpp"
#include "audit/store.hpp"
#include "core/clock.hpp"
#include "core/principal.hpp"

namespace xinhuo::audit {

inline constexpr const char* kPermRead = "audit.read";

class AuditService {
 public:
  AuditService(db::Database& db, const Clock& clock) : db_(db), store_(db), clock_(clock) {}

  // The page of rows matching the filter, newest first; the read itself is audited.
  std::vector<AuditRow> list(const Principal& caller, const AuditFilter& filter, long long* total);
  // Walks the chain from the first row: the first row whose hash or link is wrong.
  VerifyReport verify();

 private:
  db::Database& db_;
  AuditStore store_;
  const Clock& clock_;
};

}  // namespace xinhuo::audit
