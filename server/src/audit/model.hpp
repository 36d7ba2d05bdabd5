#pragma once
// The audit log: who did what to which record, when, from where, with what result. Append-only and
// hash-chained so that a changed or removed row is found by `xinhuo audit verify`.
#include <string>

#include "core/json_input.hpp"

namespace xinhuo::audit {

struct AuditEntry {
  std::string action;       // "auth.login", "auth.locked", "people.export" …
  std::string target_type;  // "account", "person" …
  std::string target_id;
  std::string result = "success";  // success | failure | denied
  Json detail = Json::object();    // never sensitive values (no passwords, full ID or phone numbers)
};

struct AuditRow {
  long long id = 0;
  std::string at;
  long long account_id = 0;
  std::string username, action, target_type, target_id, result, ip, request_id, detail, prev_hash, hash;
};

struct AuditFilter {
  std::string from, to;  // ISO timestamps, inclusive / exclusive
  std::string username;
  std::string action;    // prefix: "auth." matches every sign-in event
  std::string result;
  int page = 1;
  int page_size = 50;
};

struct VerifyReport {
  long long rows = 0;
  long long first_broken_id = 0;  // 0 when the chain is intact
  std::string reason;
};

// The hash of a row, chained to the previous row's hash.
std::string chain_hash(const AuditRow& row);

}  // namespace xinhuo::audit
