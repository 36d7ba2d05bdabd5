#include "points/publicity_store.hpp"

#include "db/query.hpp"

namespace xinhuo::points {

namespace {
const char* const kInsertPublicity =
    "INSERT INTO point_publicity (node_id, period, title, starts_on, ends_on, status, snapshot, published_by, "
    "published_at) VALUES (:n, :p, :t, :s, :e, 'open', :snap, :by, :now) RETURNING id";
const char* const kPublicityColumns =
    "SELECT x.id, x.node_id, n.name, n.path, x.period, x.title, x.starts_on, x.ends_on, x.status, x.snapshot, "
    "pa.display_name, x.published_at, COALESCE(ca.display_name, ''), COALESCE(x.closed_at, ''), "
    "COALESCE(x.closing_note, ''), (SELECT COUNT(*) FROM point_appeal a WHERE a.publicity_id = x.id AND a.status = 'open') "
    "FROM point_publicity x JOIN org_node n ON n.id = x.node_id JOIN account pa ON pa.id = x.published_by "
    "LEFT JOIN account ca ON ca.id = x.closed_by WHERE 1 = 1";
const char* const kClosePublicity =
    "UPDATE point_publicity SET status = 'closed', closed_by = :by, closed_at = :now, closing_note = :note "
    "WHERE id = :id AND status = 'open'";
const char* const kInsertAppeal =
    "INSERT INTO point_appeal (publicity_id, person_id, account_id, reason, status, created_at) "
    "VALUES (:x, :p, :a, :r, 'open', :now) RETURNING id";
const char* const kAppealColumns =
    "SELECT a.id, a.publicity_id, a.person_id, a.account_id, p.name, x.title, a.reason, a.status, a.created_at, "
    "COALESCE(h.display_name, ''), COALESCE(a.handled_at, ''), COALESCE(a.result, ''), p.unit_id "
    "FROM point_appeal a JOIN person p ON p.id = a.person_id JOIN point_publicity x ON x.id = a.publicity_id "
    "LEFT JOIN account h ON h.id = a.handled_by WHERE 1 = 1";
const char* const kHandleAppeal =
    "UPDATE point_appeal SET status = :d, handled_by = :by, handled_at = :now, result = :r WHERE id = :id AND status = 'open'";

Publicity publicity_from(const soci::row& r) {
  Publicity p;
  p.id = db::column_ll(r, 0);
  p.node_id = db::column_ll(r, 1);
  p.node_name = r.get<std::string>(2);
  p.node_path = r.get<std::string>(3);
  p.period = r.get<std::string>(4);
  p.title = r.get<std::string>(5);
  p.starts_on = r.get<std::string>(6);
  p.ends_on = r.get<std::string>(7);
  p.status = r.get<std::string>(8);
  p.snapshot = Json::parse(r.get<std::string>(9), nullptr, false);
  p.published_by = r.get<std::string>(10);
  p.published_at = r.get<std::string>(11);
  p.closed_by = r.get<std::string>(12);
  p.closed_at = r.get<std::string>(13);
  p.closing_note = r.get<std::string>(14);
  p.open_appeals = db::column_ll(r, 15);
  return p;
}

Appeal appeal_from(const soci::row& r) {
  Appeal a;
  a.id = db::column_ll(r, 0);
  a.publicity_id = db::column_ll(r, 1);
  a.person_id = db::column_ll(r, 2);
  a.account_id = db::column_ll(r, 3);
  a.person_name = r.get<std::string>(4);
  a.publicity_title = r.get<std::string>(5);
  a.reason = r.get<std::string>(6);
  a.status = r.get<std::string>(7);
  a.created_at = r.get<std::string>(8);
  a.handled_by = r.get<std::string>(9);
  a.handled_at = r.get<std::string>(10);
  a.result = r.get<std::string>(11);
  a.unit_id = db::column_ll(r, 12);
  return a;
}

bool changed_one(soci::statement& st) {
  st.execute(true);
  return db::affected_rows(st) == 1;
}
}  // namespace

long long PublicityStore::insert(db::Tx& tx, const Publicity& p, long long by, const std::string& now) {
  long long id = 0;
  const std::string snapshot = p.snapshot.dump();
  tx.sql() << kInsertPublicity, soci::use(p.node_id), soci::use(p.period), soci::use(p.title), soci::use(p.starts_on),
      soci::use(p.ends_on), soci::use(snapshot), soci::use(by), soci::use(now), soci::into(id);
  return id;
}

std::optional<Publicity> PublicityStore::publicity(soci::session& sql, long long id) {
  std::optional<Publicity> out;
  db::Query(kPublicityColumns).add(" AND x.id = ").value(id).each(sql, [&](const soci::row& r) { out = publicity_from(r); });
  return out;
}

std::vector<Publicity> PublicityStore::in_scope(soci::session& sql, const Principal& caller, long long node_id) {
  db::Query q(kPublicityColumns);
  if (node_id) q.add(" AND x.node_id = ").value(node_id);
  db::restrict_to_scope(q, caller, "n.path", "", "n.id", "", "");
  q.add(" ORDER BY x.id DESC LIMIT 200");
  std::vector<Publicity> out;
  q.each(sql, [&](const soci::row& r) { out.push_back(publicity_from(r)); });
  return out;
}

std::vector<Publicity> PublicityStore::covering(soci::session& sql, const std::string& unit_path, const std::string& branch_path) {
  db::Query q(kPublicityColumns);
  q.add(" AND (").value(unit_path).add(" LIKE n.path || '%'");
  if (!branch_path.empty()) q.add(" OR ").value(branch_path).add(" LIKE n.path || '%'");
  q.add(") ORDER BY x.id DESC LIMIT 50");
  std::vector<Publicity> out;
  q.each(sql, [&](const soci::row& r) { out.push_back(publicity_from(r)); });
  return out;
}

bool PublicityStore::close(db::Tx& tx, long long id, long long by, const std::string& note, const std::string& now) {
  soci::statement st = (tx.sql().prepare << kClosePublicity, soci::use(by), soci::use(now), soci::use(note), soci::use(id));
  return changed_one(st);
}

long long PublicityStore::insert_appeal(db::Tx& tx, const Appeal& a, const std::string& now) {
  long long id = 0;
  tx.sql() << kInsertAppeal, soci::use(a.publicity_id), soci::use(a.person_id), soci::use(a.account_id), soci::use(a.reason),
      soci::use(now), soci::into(id);
  return id;
}

std::optional<Appeal> PublicityStore::appeal(soci::session& sql, long long id) {
  std::optional<Appeal> out;
  db::Query(kAppealColumns).add(" AND a.id = ").value(id).each(sql, [&](const soci::row& r) { out = appeal_from(r); });
  return out;
}

std::vector<Appeal> PublicityStore::appeals_of_publicity(soci::session& sql, long long publicity_id) {
  std::vector<Appeal> out;
  db::Query(kAppealColumns).add(" AND a.publicity_id = ").value(publicity_id).add(" ORDER BY a.id").each(sql, [&](const soci::row& r) {
    out.push_back(appeal_from(r));
  });
  return out;
}

std::vector<Appeal> PublicityStore::appeals_of_person(soci::session& sql, long long person_id) {
  std::vector<Appeal> out;
  db::Query(kAppealColumns).add(" AND a.person_id = ").value(person_id).add(" ORDER BY a.id DESC").each(sql, [&](const soci::row& r) {
    out.push_back(appeal_from(r));
  });
  return out;
}

bool PublicityStore::handle(db::Tx& tx, long long id, const std::string& decision, long long by, const std::string& result,
                            const std::string& now) {
  soci::statement st = (tx.sql().prepare << kHandleAppeal, soci::use(decision), soci::use(by), soci::use(now),
                        soci::use(result), soci::use(id));
  return changed_one(st);
}

}  // namespace xinhuo::points
