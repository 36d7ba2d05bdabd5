#include "masswork/store.hpp"

#include "core/json_input.hpp"
#include "db/query.hpp"

namespace xinhuo::masswork {

namespace {

std::string text(const soci::row& r, std::size_t i) { return r.get_indicator(i) == soci::i_null ? "" : r.get<std::string>(i); }

db::Query& value_or_null(db::Query& q, const std::string& v) { return v.empty() ? q.add("NULL") : q.value(v); }
db::Query& id_or_null(db::Query& q, long long v) { return v ? q.value(v) : q.add("NULL"); }

void node_scope(db::Query& q, const Principal& caller, const std::string& alias) {
  Principal nodes_only = caller;
  nodes_only.scope.self = false;
  db::restrict_to_scope(q, nodes_only, alias + ".path", "", alias + ".id", "", "");
}

void person_scope(db::Query& q, const Principal& caller) {
  db::restrict_to_scope(q, caller, "u.path", "b.path", "p.unit_id", "p.branch_id", "p.id");
}

bool changed(db::Tx& tx, db::Query& q) {
  long long rows = 0;
  q.add(" RETURNING id").each(tx.sql(), [&](const soci::row&) { ++rows; });
  return rows == 1;
}

constexpr const char* kPoint =
    "SELECT c.id, c.org_node_id, n.name, c.name, c.area, COALESCE(c.note, ''), c.status, "
    "(SELECT COUNT(*) FROM mass_household h WHERE h.contact_point_id = c.id AND h.status = 'active'), c.created_at, c.updated_at "
    "FROM mass_contact_point c JOIN org_node n ON n.id = c.org_node_id WHERE 1 = 1";
constexpr const char* kPointCount =
    "SELECT COUNT(*) FROM mass_contact_point c JOIN org_node n ON n.id = c.org_node_id WHERE 1 = 1";

ContactPoint point_of(const soci::row& r) {
  ContactPoint p;
  p.id = db::column_ll(r, 0);
  p.org_node_id = db::column_ll(r, 1);
  p.org_node_name = text(r, 2);
  p.name = text(r, 3);
  p.area = text(r, 4);
  p.note = text(r, 5);
  p.status = text(r, 6);
  p.households = db::column_ll(r, 7);
  p.created_at = text(r, 8);
  p.updated_at = text(r, 9);
  return p;
}

// The phone column (index 6) is handed back sealed; the service opens and masks it.
constexpr const char* kHousehold =
    "SELECT h.id, h.contact_point_id, c.name, n.name, h.head_name, h.area, COALESCE(h.phone, ''), h.needs, h.status, "
    "(SELECT COUNT(*) FROM mass_visit v WHERE v.household_id = h.id), "
    "COALESCE((SELECT MAX(v.visit_date) FROM mass_visit v WHERE v.household_id = h.id), ''), h.created_at, h.updated_at "
    "FROM mass_household h JOIN mass_contact_point c ON c.id = h.contact_point_id JOIN org_node n ON n.id = c.org_node_id "
    "WHERE 1 = 1";
constexpr const char* kHouseholdCount =
    "SELECT COUNT(*) FROM mass_household h JOIN mass_contact_point c ON c.id = h.contact_point_id "
    "JOIN org_node n ON n.id = c.org_node_id WHERE 1 = 1";

Household household_of(const soci::row& r) {
  Household h;
  h.id = db::column_ll(r, 0);
  h.contact_point_id = db::column_ll(r, 1);
  h.contact_point_name = text(r, 2);
  h.org_node_name = text(r, 3);
  h.head_name = text(r, 4);
  h.area = text(r, 5);
  h.phone = text(r, 6);
  h.needs = text(r, 7);
  h.status = text(r, 8);
  h.visits = db::column_ll(r, 9);
  h.last_visit = text(r, 10);
  h.created_at = text(r, 11);
  h.updated_at = text(r, 12);
  return h;
}

void fill_cadres(soci::session& sql, std::vector<Household>& list) {
  for (auto& h : list)
    db::Query("SELECT p.id, p.name FROM mass_pairing m JOIN person p ON p.id = m.person_id WHERE m.household_id = ")
        .value(h.id)
        .add(" ORDER BY p.id")
        .each(sql, [&](const soci::row& r) { h.cadres.push_back({db::column_ll(r, 0), text(r, 1)}); });
}

constexpr const char* kVisit =
    "SELECT v.id, v.person_id, p.name, u.name, COALESCE(v.household_id, 0), COALESCE(h.head_name, ''), COALESCE(v.place, ''), "
    "v.visit_date, v.learned, v.done, v.photos, v.client_key, v.created_at "
    "FROM mass_visit v JOIN person p ON p.id = v.person_id JOIN org_node u ON u.id = p.unit_id "
    "LEFT JOIN org_node b ON b.id = p.branch_id LEFT JOIN mass_household h ON h.id = v.household_id WHERE 1 = 1";
constexpr const char* kVisitCount =
    "SELECT COUNT(*) FROM mass_visit v JOIN person p ON p.id = v.person_id JOIN org_node u ON u.id = p.unit_id "
    "LEFT JOIN org_node b ON b.id = p.branch_id WHERE 1 = 1";

Visit visit_of(const soci::row& r) {
  Visit v;
  v.id = db::column_ll(r, 0);
  v.person_id = db::column_ll(r, 1);
  v.person_name = text(r, 2);
  v.unit_name = text(r, 3);
  v.household_id = db::column_ll(r, 4);
  v.household_name = text(r, 5);
  v.place = text(r, 6);
  v.visit_date = text(r, 7);
  v.learned = text(r, 8);
  v.done = text(r, 9);
  v.photos = id_list(text(r, 10));
  v.client_key = text(r, 11);
  v.created_at = text(r, 12);
  return v;
}

std::string page_clause(int page, int page_size) {
  return " LIMIT " + std::to_string(page_size) + " OFFSET " + std::to_string((page - 1) * page_size);
}

}  // namespace

std::string id_list_json(const std::vector<long long>& ids) {
  Json a = Json::array();
  for (auto id : ids) a.push_back(id);
  return a.dump();
}

std::vector<long long> id_list(const std::string& json) {
  std::vector<long long> out;
  try {
    for (const auto& v : Json::parse(json))
      if (v.is_number_integer()) out.push_back(v.get<long long>());
  } catch (const std::exception&) {
    // an unreadable list shows no photos rather than failing the read
  }
  return out;
}

bool MassStore::person_in_scope(soci::session& sql, const Principal& caller, long long person_id) {
  db::Query q("SELECT COUNT(*) FROM person p JOIN org_node u ON u.id = p.unit_id LEFT JOIN org_node b ON b.id = p.branch_id "
              "WHERE p.status = 'active' AND p.id = ");
  q.value(person_id);
  person_scope(q, caller);
  return q.count(sql) > 0;
}

bool MassStore::active_person(soci::session& sql, long long person_id) {
  return db::Query("SELECT COUNT(*) FROM person WHERE status = 'active' AND id = ").value(person_id).count(sql) > 0;
}

long long MassStore::insert_point(db::Tx& tx, const ContactPoint& p, const std::string& now) {
  db::Query q("INSERT INTO mass_contact_point (org_node_id, name, area, note, status, created_at, updated_at) VALUES (");
  q.value(p.org_node_id).add(", ").value(p.name).add(", ").value(p.area).add(", ");
  value_or_null(q, p.note).add(", 'active', ").value(now).add(", ").value(now).add(") RETURNING id");
  long long id = 0;
  q.each(tx.sql(), [&](const soci::row& r) { id = db::column_ll(r, 0); });
  return id;
}

bool MassStore::update_point(db::Tx& tx, const ContactPoint& p, const std::string& now) {
  db::Query q("UPDATE mass_contact_point SET name = ");
  q.value(p.name).add(", area = ").value(p.area).add(", note = ");
  value_or_null(q, p.note).add(", status = ").value(p.status).add(", updated_at = ").value(now);
  q.add(" WHERE id = ").value(p.id);
  return changed(tx, q);
}

std::optional<ContactPoint> MassStore::point(soci::session& sql, const Principal& caller, long long id) {
  std::optional<ContactPoint> out;
  db::Query q(kPoint);
  q.add(" AND c.id = ").value(id);
  node_scope(q, caller, "n");
  q.each(sql, [&](const soci::row& r) { out = point_of(r); });
  return out;
}

std::vector<ContactPoint> MassStore::points(soci::session& sql, const Principal& caller, long long node_id, const std::string& q_,
                                            int page, int page_size, long long* total) {
  db::Query where;
  if (node_id) where.add(" AND n.path LIKE (SELECT path FROM org_node WHERE id = ").value(node_id).add(") || '%'");
  if (!q_.empty()) {
    const std::string like = "%" + q_ + "%";
    where.add(" AND (c.name LIKE ").value(like).add(" OR c.area LIKE ").value(like).add(")");
  }
  node_scope(where, caller, "n");
  if (total) *total = db::Query::prefixed(kPointCount, where).count(sql);
  std::vector<ContactPoint> out;
  db::Query::prefixed(kPoint, where).add(" ORDER BY c.id" + page_clause(page, page_size)).each(sql, [&](const soci::row& r) {
    out.push_back(point_of(r));
  });
  return out;
}

long long MassStore::insert_household(db::Tx& tx, const Household& h, const std::string& sealed_phone, const std::string& now) {
  db::Query q("INSERT INTO mass_household (contact_point_id, head_name, area, phone, needs, status, created_at, updated_at) VALUES (");
  q.value(h.contact_point_id).add(", ").value(h.head_name).add(", ").value(h.area).add(", ");
  value_or_null(q, sealed_phone).add(", ").value(h.needs).add(", 'active', ").value(now).add(", ").value(now).add(") RETURNING id");
  long long id = 0;
  q.each(tx.sql(), [&](const soci::row& r) { id = db::column_ll(r, 0); });
  return id;
}

bool MassStore::update_household(db::Tx& tx, const Household& h, const std::optional<std::string>& sealed_phone,
                                 const std::string& now) {
  db::Query q("UPDATE mass_household SET head_name = ");
  q.value(h.head_name).add(", area = ").value(h.area);
  if (sealed_phone) value_or_null(q.add(", phone = "), *sealed_phone);
  q.add(", needs = ").value(h.needs).add(", status = ").value(h.status);
  q.add(", updated_at = ").value(now).add(" WHERE id = ").value(h.id);
  return changed(tx, q);
}

void MassStore::set_cadres(db::Tx& tx, long long household_id, const std::vector<long long>& people) {
  db::Query("DELETE FROM mass_pairing WHERE household_id = ").value(household_id).run(tx.sql());
  for (auto p : people)
    db::Query("INSERT INTO mass_pairing (household_id, person_id) VALUES (").value(household_id).add(", ").value(p).add(")").run(tx.sql());
}

std::optional<Household> MassStore::household(soci::session& sql, const Principal& caller, long long id) {
  std::vector<Household> out;
  db::Query q(kHousehold);
  q.add(" AND h.id = ").value(id);
  node_scope(q, caller, "n");
  q.each(sql, [&](const soci::row& r) { out.push_back(household_of(r)); });
  if (out.empty()) return std::nullopt;
  fill_cadres(sql, out);
  return out.front();
}

std::vector<Household> MassStore::households(soci::session& sql, const Principal& caller, const HouseholdFilter& f,
                                             long long* total) {
  db::Query where;
  if (f.node_id) where.add(" AND n.path LIKE (SELECT path FROM org_node WHERE id = ").value(f.node_id).add(") || '%'");
  if (f.contact_point_id) where.add(" AND h.contact_point_id = ").value(f.contact_point_id);
  if (f.person_id)
    where.add(" AND h.id IN (SELECT household_id FROM mass_pairing WHERE person_id = ").value(f.person_id).add(")");
  if (!f.status.empty()) where.add(" AND h.status = ").value(f.status);
  if (!f.q.empty()) {
    const std::string like = "%" + f.q + "%";
    where.add(" AND (h.head_name LIKE ").value(like).add(" OR h.area LIKE ").value(like).add(" OR h.needs LIKE ").value(like).add(")");
  }
  node_scope(where, caller, "n");
  if (total) *total = db::Query::prefixed(kHouseholdCount, where).count(sql);
  std::vector<Household> out;
  db::Query::prefixed(kHousehold, where).add(" ORDER BY h.id" + page_clause(f.page, f.page_size)).each(sql, [&](const soci::row& r) {
    out.push_back(household_of(r));
  });
  fill_cadres(sql, out);
  return out;
}

std::vector<Household> MassStore::paired_with(soci::session& sql, long long person_id) {
  std::vector<Household> out;
  db::Query(kHousehold)
      .add(" AND h.status = 'active' AND h.id IN (SELECT household_id FROM mass_pairing WHERE person_id = ")
      .value(person_id)
      .add(") ORDER BY h.id LIMIT 500")
      .each(sql, [&](const soci::row& r) { out.push_back(household_of(r)); });
  fill_cadres(sql, out);
  return out;
}

bool MassStore::paired(soci::session& sql, long long household_id, long long person_id) {
  return db::Query("SELECT COUNT(*) FROM mass_pairing WHERE household_id = ")
             .value(household_id)
             .add(" AND person_id = ")
             .value(person_id)
             .count(sql) > 0;
}

std::pair<long long, bool> MassStore::insert_visit(db::Tx& tx, const Visit& v, long long account_id, const std::string& now) {
  db::Query q("INSERT INTO mass_visit (person_id, household_id, place, visit_date, learned, done, photos, client_key, "
              "created_by, created_at) VALUES (");
  q.value(v.person_id).add(", ");
  id_or_null(q, v.household_id).add(", ");
  value_or_null(q, v.place).add(", ").value(v.visit_date).add(", ").value(v.learned).add(", ").value(v.done).add(", ");
  q.value(id_list_json(v.photos)).add(", ").value(v.client_key).add(", ");
  id_or_null(q, account_id).add(", ").value(now).add(") ON CONFLICT (person_id, client_key) DO NOTHING RETURNING id");
  long long id = 0;
  q.each(tx.sql(), [&](const soci::row& r) { id = db::column_ll(r, 0); });
  if (id) return {id, true};
  const long long existing = db::Query("SELECT id FROM mass_visit WHERE person_id = ")
                                 .value(v.person_id)
                                 .add(" AND client_key = ")
                                 .value(v.client_key)
                                 .count(tx.sql());
  return {existing, false};
}

std::optional<Visit> MassStore::visit(soci::session& sql, long long id) {
  std::optional<Visit> out;
  db::Query(kVisit).add(" AND v.id = ").value(id).each(sql, [&](const soci::row& r) { out = visit_of(r); });
  return out;
}

bool MassStore::visit_in_scope(soci::session& sql, const Principal& caller, long long id) {
  db::Query q(kVisitCount);
  q.add(" AND v.id = ").value(id);
  person_scope(q, caller);
  return q.count(sql) > 0;
}

std::vector<Visit> MassStore::visits(soci::session& sql, const Principal& caller, const VisitFilter& f, long long* total) {
  db::Query where;
  if (f.node_id)
    where.add(" AND (u.path LIKE (SELECT path FROM org_node WHERE id = ").value(f.node_id)
        .add(") || '%' OR b.path LIKE (SELECT path FROM org_node WHERE id = ").value(f.node_id).add(") || '%')");
  if (f.person_id) where.add(" AND v.person_id = ").value(f.person_id);
  if (f.household_id) where.add(" AND v.household_id = ").value(f.household_id);
  if (!f.from.empty()) where.add(" AND v.visit_date >= ").value(f.from);
  if (!f.to.empty()) where.add(" AND v.visit_date <= ").value(f.to);
  person_scope(where, caller);
  if (total) *total = db::Query::prefixed(kVisitCount, where).count(sql);
  std::vector<Visit> out;
  db::Query::prefixed(kVisit, where)
      .add(" ORDER BY v.visit_date DESC, v.id DESC" + page_clause(f.page, f.page_size))
      .each(sql, [&](const soci::row& r) { out.push_back(visit_of(r)); });
  return out;
}

std::vector<Visit> MassStore::visits_of(soci::session& sql, long long person_id) {
  std::vector<Visit> out;
  db::Query(kVisit)
      .add(" AND v.person_id = ")
      .value(person_id)
      .add(" ORDER BY v.visit_date DESC, v.id DESC LIMIT 200")
      .each(sql, [&](const soci::row& r) { out.push_back(visit_of(r)); });
  return out;
}

std::pair<long long, bool> MassStore::insert_lecture(db::Tx& tx, const Lecture& l, const std::string& client_key,
                                                     const std::string& now) {
  db::Query q("INSERT INTO mass_lecture (person_id, lecture_date, place, topic, audience, photos, client_key, created_at) VALUES (");
  q.value(l.person_id).add(", ").value(l.lecture_date).add(", ").value(l.place).add(", ").value(l.topic).add(", ");
  q.value(l.audience).add(", ").value(id_list_json(l.photos)).add(", ").value(client_key).add(", ").value(now);
  q.add(") ON CONFLICT (person_id, client_key) DO NOTHING RETURNING id");
  long long id = 0;
  q.each(tx.sql(), [&](const soci::row& r) { id = db::column_ll(r, 0); });
  if (id) return {id, true};
  return {db::Query("SELECT id FROM mass_lecture WHERE person_id = ").value(l.person_id).add(" AND client_key = ").value(client_key).count(tx.sql()),
          false};
}

std::vector<Lecture> MassStore::lectures(soci::session& sql, const Principal* caller, long long person_id, int page,
                                         int page_size, long long* total) {
  db::Query where;
  if (person_id) where.add(" AND l.person_id = ").value(person_id);
  if (caller) person_scope(where, *caller);
  const char* from = " FROM mass_lecture l JOIN person p ON p.id = l.person_id JOIN org_node u ON u.id = p.unit_id "
                     "LEFT JOIN org_node b ON b.id = p.branch_id WHERE 1 = 1";
  if (total) *total = db::Query::prefixed(std::string("SELECT COUNT(*)") + from, where).count(sql);
  std::vector<Lecture> out;
  db::Query::prefixed(std::string("SELECT l.id, l.person_id, p.name, u.name, l.lecture_date, l.place, l.topic, l.audience, "
                                  "l.photos, l.created_at") + from, where)
      .add(" ORDER BY l.lecture_date DESC, l.id DESC" + page_clause(page, page_size))
      .each(sql, [&](const soci::row& r) {
        Lecture l;
        l.id = db::column_ll(r, 0);
        l.person_id = db::column_ll(r, 1);
        l.person_name = text(r, 2);
        l.unit_name = text(r, 3);
        l.lecture_date = text(r, 4);
        l.place = text(r, 5);
        l.topic = text(r, 6);
        l.audience = db::column_ll(r, 7);
        l.photos = id_list(text(r, 8));
        l.created_at = text(r, 9);
        out.push_back(l);
      });
  return out;
}

}  // namespace xinhuo::masswork
