#pragma once
// Who is calling: made by the session middleware, handed down to services as data. A request without a
// valid session carries the anonymous Principal.
#include <initializer_list>
#include <memory>
#include <set>
#include <string>
#include <string_view>
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

// The permission codes of a caller, shared between copies and never changed in place (assigning makes a new set): a
// Principal is copied for every signed-in request (from the session cache into the request), and copying a set of
// ~60 strings cost more than reading the session.
class PermissionSet {
 public:
  using Set = std::set<std::string, std::less<>>;
  PermissionSet() = default;
  PermissionSet(std::initializer_list<std::string> codes) : set_(std::make_shared<Set>(codes.begin(), codes.end())) {}
  template <class It>
  PermissionSet(It first, It last) : set_(std::make_shared<Set>(first, last)) {}
  PermissionSet& operator=(std::initializer_list<std::string> codes) {
    set_ = std::make_shared<Set>(codes.begin(), codes.end());
    return *this;
  }

  bool count(std::string_view code) const { return set_ && set_->count(code) > 0; }
  std::size_t size() const { return set_ ? set_->size() : 0; }
  bool empty() const { return size() == 0; }
  Set::const_iterator begin() const { return set_ ? set_->begin() : empty_set().begin(); }
  Set::const_iterator end() const { return set_ ? set_->end() : empty_set().end(); }

 private:
  static const Set& empty_set() {
    static const Set none;
    return none;
  }
  std::shared_ptr<const Set> set_;
};

struct Principal {
  long long account_id = 0;
  long long person_id = 0;
  std::string username;
  std::string display_name;
  PermissionSet permissions;
  DataScope scope;
  long long session_id = 0;
  bool must_change_password = false;  // only the password change and sign-out are open until it is done
  // Where the request came from, for the audit log.
  std::string ip;
  std::string request_id;

  bool authenticated() const { return account_id != 0; }
  bool can(std::string_view permission) const { return permissions.count(permission); }
};

}  // namespace xinhuo
