#include "party/floating_store.hpp"

#include "db/query.hpp"

namespace xinhuo::party {

namespace {

constexpr const char* kInsert =
    "INSERT INTO party_floating (person_id, unit_id, branch_id, destination, reason, started_on, expected_return_on, "
    "certificate_no, contact_name, note, status, recorded_by, created_at, updated_at) "
    "VALUES (:p, :u, :b, :d, :r, :s, :e, :c, :k, :n, 'active', :by, :at, :at2) RETURNING id";
constexpr const char* kFrom =
    " FROM party_floating f JOIN person p ON p.id = f.person_id JOIN org_node u ON u.id = f.unit_id "
    "LEFT JOIN org_node b ON b.id = f.branch_id JOIN account ra ON ra.id = f.recorded_by "
    "LEFT JOIN account ea ON ea.id = f.ended_by WHERE 1 = 1";
constexpr const char* kColumns =
    "SELECT f.id, f.person_id, p.name, f.unit_id, u.name, COALESCE(f.branch_id, 0), COALESCE(b.name, ''), f.destination, "
    "f.reason, f.started_on, COALESCE(f.expected_return_on, ''), COALESCE(f.certificate_no, ''), "
    "COALESCE(f.contact_name, ''), COALESCE(f.note, ''), f.status, COALESCE(f.ended_on, ''), COALESCE(f.end_reason, ''), "
    "COALESCE(f.end_note, ''), ra.display_name, f.created_at, COALESCE(ea.display_name, '')";
constexpr const char* kEnd =
    "UPDATE party_floating SET status = :s, end_reason = :r, ended_on = :on, ended_by = :by, end_note = :n, updated_at = :at "
    "WHERE id = :id AND status = 'active'";

std::string text(const soci::row& r, std::size_t i) { return r.get_indicator(i) == soci::i_null ? "" : r.get<std::string>(i); }

FloatingRecord from_row(const soci::row& r) {
  FloatingRecord f;
  f.id = db::column_ll(r, 0);
  f.person_id = db::column_ll(r, 1);
  f.person_name = text(r, 2);
  f.unit_id = db::column_ll(r, 3);
  f.unit_name = text(r, 4);
  f.branch_id = db::column_ll(r, 5);
  f.branch_name = text(r, 6);
  f.destination = text(r, 7);
  f.reason = text(r, 8);
  f.started_on = text(r, 9);
  f.expected_return_on = text(r, 10);
  f.certificate_no = text(r, 11);
  f.contact_name = text(r, 12);
  f.note = text(r, 13);
  f.status = text(r, 14);
  f.ended_on = text(r, 15);
  f.end_reason = text(r, 16);
  f.end_note = text(r, 17);
  f.recorded_by_name = text(r, 18);
  f.created_at = text(r, 19);
  f.ended_by_name = text(r, 20);
  return f;
}

void filtered(db::Query& q, const Principal& caller, long long node_id) {
  if (node_id) {
    q.add(" AND (u.path LIKE (SELECT path FROM org_node WHERE id = ").value(node_id).add(") || '%'");
    q.add(" OR COALESCE(b.path, '') LIKE (SELECT path FROM org_node WHERE id = ").value(node_id).add(") || '%')");
  }
  db::restrict_to_scope(q, caller, "u.path", "b.path", "f.unit_id", "f.branch_id", "f.person_id");
}

soci::indicator null_if_empty(const std::string& v) { return v.empty() ? soci::i_null : soci::i_ok; }

}  // namespace

long long FloatingStore::insert(db::Tx& tx, const FloatingRecord& record, long long recorded_by, const std::string& now) {
  FloatingRecord f = record;  // SOCI binds non-const values with their indicators
  std::string at = now, at2 = now;
  soci::indicator branch_i = f.branch_id ? soci::i_ok : soci::i_null, expected_i = null_if_empty(f.expected_return_on),
                  cert_i = null_if_empty(f.certificate_no), contact_i = null_if_empty(f.contact_name),
                  note_i = null_if_empty(f.note);
  long long id = 0;
  tx.sql() << kInsert, soci::use(f.person_id), soci::use(f.unit_id), soci::use(f.branch_id, branch_i),
      soci::use(f.destination), soci::use(f.reason), soci::use(f.started_on), soci::use(f.expected_return_on, expected_i),
      soci::use(f.certificate_no, cert_i), soci::use(f.contact_name, contact_i), soci::use(f.note, note_i),
      soci::use(recorded_by), soci::use(at), soci::use(at2), soci::into(id);
  return id;
}

std::optional<FloatingRecord> FloatingStore::find(soci::session& sql, long long id) {
  std::optional<FloatingRecord> out;
  db::Query(std::string(kColumns) + kFrom).add(" AND f.id = ").value(id).each(sql, [&](const soci::row& r) { out = from_row(r); });
  return out;
}

long long FloatingStore::active_of(soci::session& sql, long long person_id) {
  return db::Query("SELECT COALESCE(MAX(id), 0) FROM party_floating WHERE status = 'active' AND person_id = ")
      .value(person_id)
      .count(sql);
}

bool FloatingStore::end(db::Tx& tx, long long id, const std::string& status, const std::string& reason, const std::string& on,
                        long long by, const std::string& note, const std::string& now) {
  std::string s = status, r = reason, d = on, n = note, at = now;
  long long who = by;
  soci::indicator by_i = by ? soci::i_ok : soci::i_null, note_i = null_if_empty(n);
  soci::statement st = (tx.sql().prepare << kEnd, soci::use(s), soci::use(r), soci::use(d), soci::use(who, by_i),
                        soci::use(n, note_i), soci::use(at), soci::use(id));
  st.execute(true);
  return db::affected_rows(st) == 1;
}

bool FloatingStore::in_scope(soci::session& sql, const Principal& caller, long long id) {
  db::Query q(std::string("SELECT COUNT(*)") + kFrom);
  q.add(" AND f.id = ").value(id);
  filtered(q, caller, 0);
  return q.count(sql) > 0;
}

std::vector<FloatingRecord> FloatingStore::list(soci::session& sql, const Principal& caller, const FloatingFilter& filter,
                                                long long* total) {
  auto where = [&](db::Query& q) {
    if (!filter.status.empty()) q.add(" AND f.status = ").value(filter.status);
    if (!filter.name.empty()) q.add(" AND p.name LIKE ").value("%" + filter.name + "%");
    filtered(q, caller, filter.node_id);
  };
  db::Query counted(std::string("SELECT COUNT(*)") + kFrom);
  where(counted);
  *total = counted.count(sql);
  db::Query q(std::string(kColumns) + kFrom);
  where(q);
  // Active first (the ones to follow up), then the latest departures.
  q.add(" ORDER BY CASE WHEN f.status = 'active' THEN 0 ELSE 1 END, f.started_on DESC, f.id DESC LIMIT " +
        std::to_string(filter.page_size) + " OFFSET " + std::to_string((filter.page - 1) * filter.page_size));
  std::vector<FloatingRecord> out;
  q.each(sql, [&](const soci::row& r) { out.push_back(from_row(r)); });
  return out;
}

std::pair<long long, long long> FloatingStore::active_counts(soci::session& sql, const Principal& caller, long long node_id,
                                                             const std::string& today) {
  db::Query active(std::string("SELECT COUNT(*)") + kFrom + " AND f.status = 'active'");
  filtered(active, caller, node_id);
  db::Query late(std::string("SELECT COUNT(*)") + kFrom + " AND f.status = 'active' AND f.expected_return_on < ");
  late.value(today);
  filtered(late, caller, node_id);
  return {active.count(sql), late.count(sql)};
}

std::vector<FloatingRecord> FloatingStore::of_person(soci::session& sql, long long person_id) {
  std::vector<FloatingRecord> out;
  db::Query(std::string(kColumns) + kFrom).add(" AND f.person_id = ").value(person_id).add(" ORDER BY f.started_on, f.id")
      .each(sql, [&](const soci::row& r) { out.push_back(from_row(r)); });
  return out;
}

}  // namespace xinhuo::party
