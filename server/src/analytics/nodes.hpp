#pragma once
// The org nodes a dashboard works with: the shown node, its children, and the nodes below the children that are read
// node by node (a summed child is one node to the dashboard); which child each node lies under; what the caller sees.
#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/principal.hpp"
#include "db/sql.hpp"

namespace xinhuo::analytics {

struct NodeInfo {
  long long id = 0, parent_id = 0;
  std::string path, type, name;
};

// The caller sees the node / every node below `path`.
bool visible(const Principal& caller, const NodeInfo& n);
bool covers(const Principal& caller, const std::string& path);

// Active nodes: by one column's value (`where` ends with "column = " or similar), and a whole subtree; in tree order.
std::vector<NodeInfo> load_nodes(soci::session& sql, const std::string& where, const std::string& value);
std::vector<NodeInfo> load_subtree(soci::session& sql, const std::string& path);
// Active nodes of a type below a path (id, path).
std::vector<std::pair<long long, std::string>> nodes_of_type(soci::session& sql, const std::string& path,
                                                              const std::string& type);

// Which child of the shown node a node lies under, from its path (the shown node itself when it lies under none).
class Buckets {
 public:
  Buckets(const NodeInfo& node, const std::vector<const NodeInfo*>& children);
  void know(long long id, const std::string& path) { path_of_[id] = path; }
  // Reads the paths of the ids not known yet.
  void learn(soci::session& sql, const std::vector<long long>& ids);
  long long of(long long id) const;
  long long of_path(const std::string& path) const;

 private:
  const NodeInfo& node_;
  std::set<long long> children_;
  std::map<long long, std::string> path_of_;
};

}  // namespace xinhuo::analytics
