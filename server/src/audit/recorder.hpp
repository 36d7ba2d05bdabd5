#pragma once
// The audit recorder: any service writes its audit rows through this, inside its own transaction, so the row
// exists exactly when the action does.
#include "audit/model.hpp"
#include "core/clock.hpp"
#include "core/principal.hpp"
#include "db/transaction.hpp"

namespace xinhuo::audit {

// `actor` is the caller (its account, IP and request id); for a failed sign-in pass the username tried.
void record(db::Tx& tx, const Principal& actor, const AuditEntry& entry, TimePoint at,
            const std::string& username_override = {});

}  // namespace xinhuo::audit
