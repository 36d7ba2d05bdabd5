#pragma once
// Who is calling: made by the session middleware, handed down to services as data. A request without a
// valid session carries the anonymous Principal.
#include <set>
#include <string>
#include <vector>

namespace xinhuo {

// The part of the org tree whose records a caller may see: the union of the scopes of their role grants
// (全部 / 本部门及以下 / 本部门 / 仅本人 / 自定义). Empty means nothing.
struct DataScope {
  bool all = false;
  std::vector<std::string> subtree_paths;  // materialised paths ("/1/7/"): the node and everything below
  std::vector<long long> node_ids;         // these nodes only (本部门, 自定义)
  bool self = false;                       // the caller's own records (仅本人)

  bool empty() const { return !all && subtree_paths.empty() && node_ids.empty() && !self; }
};

struct Principal {
  long long account_id = 0;
  long long person_id = 0;
  std::string username;
  std::string display_name;
  std::set<std::string> permissions;
  DataScope scope;
  long long session_id = 0;
  bool must_change_password = false;  // only the password change and sign-out are open until it is done
  // Where the request came from, for the audit log.
  std::string ip;
  std::string request_id;

  bool authenticated() const { return account_id != 0; }
  bool can(const std::string& permission) const { return permissions.count(permission) > 0; }
};

}  // namespace xinhuo
