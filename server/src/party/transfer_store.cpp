#include "party/transfer_store.hpp"

#include "db/query.hpp"

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

std::optional<std::string> TransferStore::branch_name(soci::session& sql, long long node_id) {
  std::optional<std::string> out;
  db::Query("SELECT name FROM org_node WHERE node_type = 'branch' AND status = 'active' AND id = ")
      .value(node_id)
      .each(sql, [&](const soci::row& r) { out = text(r, 0); });
  return out;
}

}  // namespace xinhuo::party
