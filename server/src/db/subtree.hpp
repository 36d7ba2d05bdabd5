#pragma once
// "The nodes at and below a materialised path" as a range on the path column: `path >= '/1/7/' AND path < '/1/70'`
// (the prefix with its closing '/' raised to '0'). Unlike `path LIKE '/1/7/%'` — which SQLite runs as a scan of every
// node, its LIKE being case-insensitive — a range is read from the path index by both databases.
#include <string>
#include <vector>

#include "db/query.hpp"

namespace xinhuo::db {

inline Query& subtree_range(Query& q, const std::string& column, const std::string& path) {
  std::string upper = path;
  if (!upper.empty()) upper.back() = static_cast<char>(upper.back() + 1);
  return q.add("(" + column + " >= ").value(path).add(" AND " + column + " < ").value(upper).add(")");
}

// The ids of a materialised path, top first ("/1/7/42/" → 1, 7, 42).
inline std::vector<long long> path_ids(const std::string& path) {
  std::vector<long long> ids;
  long long value = 0;
  bool digits = false;
  for (char c : path) {
    if (c >= '0' && c <= '9') {
      value = value * 10 + (c - '0');
      digits = true;
    } else {
      if (digits) ids.push_back(value);
      value = 0;
      digits = false;
    }
  }
  if (digits) ids.push_back(value);
  return ids;
}

}  // namespace xinhuo::db
