#pragma once
// The request that exercises each route, made for a role inside or outside its data scope. The access matrix
// defines one per route (access_matrix_test.cpp) and checks who may call it; the probe suite reuses them as the
// valid requests it then corrupts.
#include <functional>
#include <map>
#include <set>
#include <string>

#include "support/test_server.hpp"

namespace xinhuo::test {

struct Role {
  std::string username;
  bool totp = false;
  bool restricted = false;
  std::set<std::string> permissions;
  long long in_node = 0, out_node = 0;      // a node inside / outside the scope (0: none exists)
  long long in_person = 0, out_person = 0;
};

struct Request {
  std::string method, path, body;
  std::string cookie;  // empty: the role's session
  std::string content_type = "application/json";
};

struct Context {
  TestServer& server;
  const TestServer::SmallCity& city;
  const Role& role;
  std::string cookie;
};

// Makes a request for a route; `inside` chooses the target in or out of the role's scope.
using Make = std::function<Request(Context&, bool inside)>;

struct Case {
  Make make;
  int ok;               // status when allowed
  bool scoped = false;  // has an out-of-scope variant (404)
};

// Every route's case, keyed "METHOD /pattern" (defined in access_matrix_test.cpp).
std::map<std::string, Case> access_matrix_cases();

}  // namespace xinhuo::test
