#include "audit/recorder.hpp"

#include "audit/store.hpp"

namespace xinhuo::audit {

void record(db::Tx& tx, const Principal& actor, const AuditEntry& entry, TimePoint at, const std::string& username_override) {
  AuditRow row;
  row.at = iso_utc_millis(at);
  row.account_id = actor.account_id;
  row.username = username_override.empty() ? actor.username : username_override;
  row.action = entry.action;
  row.target_type = entry.target_type;
  row.target_id = entry.target_id;
  row.result = entry.result;
  row.ip = actor.ip;
  row.request_id = actor.request_id;
  row.detail = entry.detail.dump(-1, ' ', false, Json::error_handler_t::replace);
  AuditStore::append(tx, std::move(row));
}

}  // namespace xinhuo::audit
