#include "party/transfer_store.hpp"

#include <map>

#include "db/query.hpp"
#include "db/subtree.hpp"

namespace xinhuo::party {

namespace {

constexpr const char* kInsert =
    "INSERT INTO party_transfer (person_id, kind, from_branch_id, to_branch_id, outside_org, letter_no, issued_on, status, "
    "note, issued_by, created_at) VALUES (:p, :k, :f, :t, :o, :l, :d, 'pending', :n, :by, :at) RETURNING id";
constexpr const char* kColumns =
    "SELECT x.id, x.person_id, p.name, x.kind, COALESCE(x.from_branch_id, 0), COALESCE(x.to_branch_id, 0), "
    "COALESCE(fb.name, ''), COALESCE(tb.name, ''), COALESCE(x.outside_org, ''), COALESCE(x.letter_no, ''), x.issued_on, "
    "x.status, COALESCE(x.note, ''), ia.display_name, x.created_at, COALESCE(da.display_name, ''), "
    "COALESCE(x.decided_on, ''), COALESCE(x.decision_note, '') "
    "FROM party_transfer x JOIN person p ON p.id = x.person_id JOIN org_node u ON u.id = p.unit_id "
    "LEFT JOIN org_node b ON b.id = p.branch_id LEFT JOIN org_node fb ON fb.id = x.from_branch_id "
    "LEFT JOIN org_node tb ON tb.id = x.to_branch_id JOIN account ia ON ia.id = x.issued_by "
    "LEFT JOIN account da ON da.id = x.decided_by WHERE 1 = 1";
// Each open branch with the unit above it (the unit whose path is a prefix of the branch's).
constexpr const char* kBranchFrom =
    " FROM org_node n LEFT JOIN org_node u ON u.node_type = 'unit' AND n.path LIKE u.path || '%' "
    "WHERE n.status = 'active'";
constexpr const char* kDecide =
    "UPDATE party_transfer SET status = :s, decided_by = :by, decided_on = :on, decision_note = :n "
    "WHERE id = :id AND status = 'pending'";

std::string text(const soci::row& r, std::size_t i) { return r.get_indicator(i) == soci::i_null ? "" : r.get<std::string>(i); }

Transfer from_row(const soci::row& r) {
  Transfer t;
  t.id = db::column_ll(r, 0);
  t.person_id = db::column_ll(r, 1);
  t.person_name = text(r, 2);
  t.kind = text(r, 3);
  t.from_branch_id = db::column_ll(r, 4);
  t.to_branch_id = db::column_ll(r, 5);
  t.from_branch_name = text(r, 6);
  t.to_branch_name = text(r, 7);
  t.outside_org = text(r, 8);
  t.letter_no = text(r, 9);
  t.issued_on = text(r, 10);
  t.status = text(r, 11);
  t.note = text(r, 12);
  t.issued_by_name = text(r, 13);
  t.created_at = text(r, 14);
  t.decided_by_name = text(r, 15);
  t.decided_on = text(r, 16);
  t.decision_note = text(r, 17);
  return t;
}

// The member's side (their unit or branch) or the receiving branch inside the caller's scope.
void add_visibility(db::Query& q, const Principal& caller) {
  if (caller.scope.all) return;
  q.add(" AND ((1 = 1");
  db::restrict_to_scope(q, caller, "u.path", "b.path", "p.unit_id", "p.branch_id", "p.id");
  q.add(") OR (x.to_branch_id IS NOT NULL");
  db::restrict_to_scope(q, caller, "tb.path", "", "x.to_branch_id", "", "");
  q.add("))");
}

}  // namespace

long long TransferStore::insert(db::Tx& tx, const Transfer& t, long long issued_by, const std::string& now) {
  Transfer x = t;  // SOCI binds non-const values with their indicators
  soci::indicator from_i = x.from_branch_id ? soci::i_ok : soci::i_null, to_i = x.to_branch_id ? soci::i_ok : soci::i_null,
                  org_i = x.outside_org.empty() ? soci::i_null : soci::i_ok, letter_i = x.letter_no.empty() ? soci::i_null : soci::i_ok,
                  note_i = x.note.empty() ? soci::i_null : soci::i_ok;
  long long id = 0;
  tx.sql() << kInsert, soci::use(x.person_id), soci::use(x.kind), soci::use(x.from_branch_id, from_i),
      soci::use(x.to_branch_id, to_i), soci::use(x.outside_org, org_i), soci::use(x.letter_no, letter_i),
      soci::use(x.issued_on), soci::use(x.note, note_i), soci::use(issued_by), soci::use(now), soci::into(id);
  return id;
}

std::optional<Transfer> TransferStore::find(soci::session& sql, long long id) {
  std::optional<Transfer> out;
  db::Query(kColumns).add(" AND x.id = ").value(id).each(sql, [&](const soci::row& r) { out = from_row(r); });
  return out;
}

long long TransferStore::pending_of(soci::session& sql, long long person_id) {
  return db::Query("SELECT COALESCE(MAX(id), 0) FROM party_transfer WHERE status = 'pending' AND person_id = ")
      .value(person_id)
      .count(sql);
}

bool TransferStore::decide(db::Tx& tx, long long id, const std::string& status, long long by, const std::string& on,
                           const std::string& note) {
  std::string s = status, d = on, n = note;
  soci::indicator note_i = n.empty() ? soci::i_null : soci::i_ok;
  soci::statement st = (tx.sql().prepare << kDecide, soci::use(s), soci::use(by), soci::use(d), soci::use(n, note_i), soci::use(id));
  st.execute(true);
  return db::affected_rows(st) == 1;
}

bool TransferStore::visible(soci::session& sql, const Principal& caller, const Transfer& t) {
  db::Query q("SELECT COUNT(*) FROM party_transfer x JOIN person p ON p.id = x.person_id JOIN org_node u ON u.id = p.unit_id "
              "LEFT JOIN org_node b ON b.id = p.branch_id LEFT JOIN org_node tb ON tb.id = x.to_branch_id WHERE x.id = ");
  q.value(t.id);
  add_visibility(q, caller);
  return q.count(sql) > 0;
}

std::vector<Transfer> TransferStore::list(soci::session& sql, const Principal& caller, const std::string& status, int limit) {
  db::Query q(kColumns);
  if (!status.empty()) q.add(" AND x.status = ").value(status);
  add_visibility(q, caller);
  std::vector<Transfer> out;
  q.add(" ORDER BY x.issued_on DESC, x.id DESC LIMIT " + std::to_string(limit)).each(sql, [&](const soci::row& r) {
    out.push_back(from_row(r));
  });
  return out;
}

std::vector<BranchEntry> TransferStore::branches(soci::session& sql, const std::string& q, const std::string& type, int page,
                                                 int page_size, long long* total) {
  auto where = [&](db::Query& query) {
    if (type.empty())
      query.add(" AND n.node_type IN ('branch', 'general_branch')");
    else
      query.add(" AND n.node_type = ").value(type);
    if (!q.empty()) {
      query.add(" AND (n.name LIKE ").value("%" + q + "%");
      query.add(" OR u.name LIKE ").value("%" + q + "%").add(")");
    }
  };
  db::Query counted(std::string("SELECT COUNT(*)") + kBranchFrom);
  where(counted);
  *total = counted.count(sql);
  db::Query query(std::string("SELECT n.id, n.name, n.node_type, n.path, COALESCE(u.id, 0), COALESCE(u.name, '')") + kBranchFrom);
  where(query);
  query.add(" ORDER BY COALESCE(u.sort_order, 0), COALESCE(u.id, 0), n.path LIMIT " + std::to_string(page_size) + " OFFSET " +
            std::to_string((page - 1) * page_size));
  std::vector<BranchEntry> out;
  std::vector<std::string> paths;
  query.each(sql, [&](const soci::row& r) {
    BranchEntry b;
    b.id = db::column_ll(r, 0);
    b.name = text(r, 1);
    b.node_type = text(r, 2);
    paths.push_back(text(r, 3));
    b.unit_id = db::column_ll(r, 4);
    b.unit_name = text(r, 5);
    out.push_back(std::move(b));
  });
  // The label: the names along each path below the city, one query for the page (ids read from the paths).
  std::map<long long, std::pair<std::string, int>> names;  // id → name, depth
  std::string ids;
  for (const auto& p : paths)
    for (long long id : db::path_ids(p)) ids += (ids.empty() ? "" : ",") + std::to_string(id);
  if (!ids.empty())
    db::Query("SELECT id, name, depth FROM org_node WHERE id IN (" + ids + ")").each(sql, [&](const soci::row& r) {
      names[db::column_ll(r, 0)] = {text(r, 1), static_cast<int>(db::column_ll(r, 2))};
    });
  for (std::size_t i = 0; i < out.size(); ++i)
    for (long long id : db::path_ids(paths[i])) {
      auto it = names.find(id);
      if (it == names.end() || it->second.second == 0) continue;  // the city itself says nothing
      out[i].path_label += (out[i].path_label.empty() ? "" : " / ") + it->second.first;
    }
  return out;
}

std::optional<std::string> TransferStore::branch_name(soci::session& sql, long long node_id) {
  std::optional<std::string> out;
  db::Query("SELECT name FROM org_node WHERE node_type = 'branch' AND status = 'active' AND id = ")
      .value(node_id)
      .each(sql, [&](const soci::row& r) { out = text(r, 0); });
  return out;
}

}  // namespace xinhuo::party
