#include "db/query.hpp"

namespace xinhuo::db {

Query& Query::value(std::string v) {
  text_ += ":q" + std::to_string(values_.size());
  values_.push_back(std::move(v));
  return *this;
}

void Query::each(soci::session& sql, const std::function<void(const soci::row&)>& on_row) const {
  // Values stay bound by reference until the statement is done.
  std::vector<std::string> values = values_;
  soci::row r;
  soci::statement st(sql);
  for (auto& v : values) st.exchange(soci::use(v));
  st.exchange(soci::into(r));
  st.alloc();
  st.prepare(text_);
  st.define_and_bind();
  st.execute(false);
  while (st.fetch()) on_row(r);
}

long long Query::count(soci::session& sql) const {
  long long n = 0;
  bool first = true;
  each(sql, [&](const soci::row& r) {
    if (first) n = column_ll(r, 0);
    first = false;
  });
  return n;
}

void restrict_to_scope(Query& q, const Principal& caller, const std::string& unit_path, const std::string& branch_path,
                       const std::string& unit_id, const std::string& branch_id, const std::string& person_id) {
  const DataScope& s = caller.scope;
  if (s.all) return;
  if (s.empty() || !caller.authenticated()) {
    q.add(" AND 1 = 0");
    return;
  }
  std::vector<std::string> parts;
  q.add(" AND (1 = 0");
  for (const auto& path : s.subtree_paths) {
    if (!unit_path.empty()) q.add(" OR " + unit_path + " LIKE ").value(path + "%");
    if (!branch_path.empty()) q.add(" OR " + branch_path + " LIKE ").value(path + "%");
  }
  for (long long id : s.node_ids) {
    if (!unit_id.empty()) q.add(" OR " + unit_id + " = ").value(id);
    if (!branch_id.empty()) q.add(" OR " + branch_id + " = ").value(id);
  }
  if (s.self && !person_id.empty() && caller.person_id) q.add(" OR " + person_id + " = ").value(caller.person_id);
  q.add(")");
}

}  // namespace xinhuo::db
