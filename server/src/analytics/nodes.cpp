#include "analytics/nodes.hpp"

#include <algorithm>

#include "db/query.hpp"
#include "db/subtree.hpp"

namespace xinhuo::analytics {

namespace {

// The active nodes the query's conditions (after "… WHERE status = 'active' AND ") pick, in tree order.
std::vector<NodeInfo> nodes_of(soci::session& sql, db::Query& q) {
  std::vector<NodeInfo> out;
  q.add(" ORDER BY depth, sort_order, id");
  q.each(sql, [&](const soci::row& r) {
    out.push_back({db::column_ll(r, 0), db::column_ll(r, 1), r.get<std::string>(2), r.get<std::string>(3), r.get<std::string>(4)});
  });
  return out;
}

constexpr const char* kNodes = "SELECT id, COALESCE(parent_id, 0), path, node_type, name FROM org_node WHERE status = 'active' AND ";

}  // namespace

bool covers(const Principal& caller, const std::string& path) {
  if (caller.scope.all) return true;
  for (const auto& p : caller.scope.subtree_paths)
    if (path.rfind(p, 0) == 0) return true;
  return false;
}

bool visible(const Principal& caller, const NodeInfo& n) {
  if (covers(caller, n.path)) return true;
  const auto& ids = caller.scope.node_ids;
  return std::find(ids.begin(), ids.end(), n.id) != ids.end();
}

std::vector<NodeInfo> load_nodes(soci::session& sql, const std::string& where, const std::string& value) {
  db::Query q(kNodes + where);
  q.value(value);
  return nodes_of(sql, q);
}

std::vector<NodeInfo> load_subtree(soci::session& sql, const std::string& path) {
  db::Query q(kNodes);
  db::subtree_range(q, "path", path);
  return nodes_of(sql, q);
}

std::vector<std::pair<long long, std::string>> nodes_of_type(soci::session& sql, const std::string& path,
                                                              const std::string& type) {
  db::Query q("SELECT id, path FROM org_node WHERE status = 'active' AND node_type = ");
  q.value(type).add(" AND ");
  db::subtree_range(q, "path", path);
  std::vector<std::pair<long long, std::string>> out;
  q.each(sql, [&](const soci::row& r) { out.push_back({db::column_ll(r, 0), r.get<std::string>(1)}); });
  return out;
}

Buckets::Buckets(const NodeInfo& node, const std::vector<const NodeInfo*>& children) : node_(node) {
  for (const auto* c : children) children_.insert(c->id);
  know(node.id, node.path);
}

void Buckets::learn(soci::session& sql, const std::vector<long long>& ids) {
  std::vector<long long> unknown;
  for (long long id : ids)
    if (!path_of_.count(id)) unknown.push_back(id);
  for (std::size_t at = 0; at < unknown.size(); at += 500) {  // a few hundred values a statement
    const std::vector<long long> part(unknown.begin() + static_cast<std::ptrdiff_t>(at),
                                      unknown.begin() + static_cast<std::ptrdiff_t>(std::min(unknown.size(), at + 500)));
    db::Query q("SELECT id, path FROM org_node WHERE ");
    db::in_ids(q, "id", part);
    q.each(sql, [&](const soci::row& r) { know(db::column_ll(r, 0), r.get<std::string>(1)); });
  }
}

long long Buckets::of(long long id) const {
  const auto it = path_of_.find(id);
  return it == path_of_.end() ? node_.id : of_path(it->second);
}

long long Buckets::of_path(const std::string& path) const {
  const std::string& top = node_.path;
  if (path.size() <= top.size() || path.compare(0, top.size(), top) != 0) return node_.id;
  const auto slash = path.find('/', top.size());
  if (slash == std::string::npos) return node_.id;
  const long long child = std::stoll(path.substr(top.size(), slash - top.size()));
  return children_.count(child) ? child : node_.id;
}

}  // namespace xinhuo::analytics
