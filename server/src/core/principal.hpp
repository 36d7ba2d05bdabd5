#pragma once
// Who is calling: made by the session middleware, handed down to services as data. A request without a
// valid session carries the anonymous Principal.
#include <set>
#include <string>
#include <vector>

namespace xinhuo {

enum class ScopeKind { none, all, subtree, node, self, custom };

// The part of the org tree whose records a caller may see (全部 / 本部门及以下 / 本部门 / 仅本人 / 自定义).
struct DataScope {
  ScopeKind kind = ScopeKind::none;
  std::vector<long long> org_node_ids;  // subtree/node: one root; custom: several
};

struct Principal {
  long long account_id = 0;
  long long person_id = 0;
  std::string username;
  std::set<std::string> permissions;
  DataScope scope;

  bool authenticated() const { return account_id != 0; }
  bool can(const std::string& permission) const { return permissions.count(permission) > 0; }
};

}  // namespace xinhuo
