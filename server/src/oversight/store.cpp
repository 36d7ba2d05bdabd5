#include "oversight/store.hpp"

#include "db/query.hpp"

namespace xinhuo::oversight {

namespace {

constexpr const char* kPersonJoins =
    " JOIN person p ON p.id = x.person_id JOIN org_node pu ON pu.id = p.unit_id LEFT JOIN org_node b ON b.id = p.branch_id";
constexpr const char* kAccountability =
    "SELECT x.id, x.person_id, p.name, pu.name, x.form, x.reason, x.document_no, COALESCE(x.document_file, 0), x.decided_on, "
    "x.effective_from, COALESCE(x.promotion_until, ''), COALESCE(x.evaluation_year, ''), x.created_at FROM accountability x";
constexpr const char* kClarification =
    "SELECT x.id, x.person_id, p.name, pu.name, x.complaint, x.finding, x.clarified_on, x.announcement_scope, x.show_in_record, "
    "x.created_at FROM clarification x";
constexpr const char* kInspection =
    "SELECT i.id, i.topic, i.description, i.start_date, COALESCE(i.end_date, ''), i.created_at, "
    "(SELECT COUNT(*) FROM inspection_finding f WHERE f.inspection_id = i.id), "
    "(SELECT COUNT(*) FROM inspection_finding f WHERE f.inspection_id = i.id AND f.state = 'open'), "
    "(SELECT COUNT(*) FROM inspection_finding f WHERE f.inspection_id = i.id AND f.state = 'open' AND f.due_date < ";
constexpr const char* kFinding =
    "SELECT f.id, f.inspection_id, i.topic, f.unit_id, fu.name, COALESCE(f.person_id, 0), COALESCE(p.name, ''), f.content, "
    "f.requirement, f.due_date, f.state, f.follow_up, COALESCE(f.rectified_at, '') FROM inspection_finding f "
    "JOIN inspection i ON i.id = f.inspection_id JOIN org_node fu ON fu.id = f.unit_id LEFT JOIN person p ON p.id = f.person_id "
    "WHERE 1 = 1";

std::string text(const soci::row& r, std::size_t i) { return r.get_indicator(i) == soci::i_null ? "" : r.get<std::string>(i); }

void person_scope(db::Query& q, const Principal* caller) {
  if (caller) db::restrict_to_scope(q, *caller, "pu.path", "b.path", "p.unit_id", "p.branch_id", "p.id");
}

void person_filter(db::Query& q, const PersonFilter& f) {
  if (f.person_id) q.add(" AND x.person_id = ").value(f.person_id);
  if (f.node_id) q.add(" AND pu.path LIKE (SELECT path FROM org_node WHERE id = ").value(f.node_id).add(") || '%'");
  if (!f.q.empty()) q.add(" AND p.name LIKE ").value("%" + f.q + "%");
}

std::string paging(const PersonFilter& f) {
  return " LIMIT " + std::to_string(f.page_size) + " OFFSET " + std::to_string((f.page - 1) * f.page_size);
}

Accountability accountability_of(const soci::row& r, const std::string& today) {
  Accountability a;
  a.id = db::column_ll(r, 0);
  a.person_id = db::column_ll(r, 1);
  a.person_name = text(r, 2);
  a.unit_name = text(r, 3);
  a.form = text(r, 4);
  a.reason = text(r, 5);
  a.document_no = text(r, 6);
  a.document_file = db::column_ll(r, 7);
  a.decided_on = text(r, 8);
  a.effective_from = text(r, 9);
  a.promotion_until = text(r, 10);
  a.evaluation_year = text(r, 11);
  a.created_at = text(r, 12);
  a.in_effect = a.effective_from <= today &&
                ((!a.promotion_until.empty() && today <= a.promotion_until) || today.substr(0, 4) == a.evaluation_year);
  return a;
}

// Visible to the caller: one of its nodes, or one of its findings, lies in the caller's scope.
void inspection_scope(db::Query& q, const Principal& caller) {
  if (caller.scope.all) return;
  q.add(" AND (EXISTS (SELECT 1 FROM inspection_node n JOIN org_node o ON o.id = n.node_id WHERE n.inspection_id = i.id");
  db::restrict_to_scope(q, caller, "o.path", "", "o.id", "", "");
  q.add(") OR EXISTS (SELECT 1 FROM inspection_finding f JOIN org_node fu ON fu.id = f.unit_id WHERE f.inspection_id = i.id");
  db::restrict_to_scope(q, caller, "fu.path", "", "f.unit_id", "", "f.person_id");
  q.add("))");
}

Finding finding_of(const soci::row& r, const std::string& today) {
  Finding f;
  f.id = db::column_ll(r, 0);
  f.inspection_id = db::column_ll(r, 1);
  f.inspection_topic = text(r, 2);
  f.unit_id = db::column_ll(r, 3);
  f.unit_name = text(r, 4);
  f.person_id = db::column_ll(r, 5);
  f.person_name = text(r, 6);
  f.content = text(r, 7);
  f.requirement = text(r, 8);
  f.due_date = text(r, 9);
  f.state = text(r, 10);
  f.follow_up = text(r, 11);
  f.rectified_at = text(r, 12);
  f.overdue = f.state == "open" && f.due_date < today;
  return f;
}

}  // namespace

std::vector<AccountabilityForm> OversightStore::forms(soci::session& sql) {
  std::vector<AccountabilityForm> out = accountability_forms();
  db::Query("SELECT form, promotion_months, bars_excellent, basis, COALESCE(updated_at, '') FROM accountability_period")
      .each(sql, [&](const soci::row& r) {
        const std::string code = r.get<std::string>(0);
        for (auto& f : out)
          if (f.code == code) {
            f.promotion_months = static_cast<int>(db::column_ll(r, 1));
            f.bars_excellent = db::column_ll(r, 2) != 0;
            f.basis = r.get<std::string>(3);
            f.updated_at = r.get<std::string>(4);
          }
      });
  return out;
}

void OversightStore::set_period(db::Tx& tx, const AccountabilityForm& f, long long by, const std::string& now) {
  db::Query q("UPDATE accountability_period SET promotion_months = ");
  q.value(static_cast<long long>(f.promotion_months)).add(", bars_excellent = ").value(f.bars_excellent ? 1LL : 0LL);
  q.add(", basis = ").value(f.basis).add(", updated_by = ").value(by).add(", updated_at = ").value(now);
  q.add(" WHERE form = ").value(f.code);
  q.run(tx.sql());
}

long long OversightStore::insert_accountability(db::Tx& tx, const Accountability& a, long long by, const std::string& now) {
  db::Query q("INSERT INTO accountability (person_id, form, reason, document_no, document_file, decided_on, effective_from, "
              "promotion_until, evaluation_year, created_by, created_at) VALUES (");
  q.value(a.person_id).add(", ").value(a.form).add(", ").value(a.reason).add(", ").value(a.document_no).add(", ");
  a.document_file ? q.value(a.document_file) : q.add("NULL");
  q.add(", ").value(a.decided_on).add(", ").value(a.effective_from).add(", ");
  a.promotion_until.empty() ? q.add("NULL") : q.value(a.promotion_until);
  q.add(", ");
  a.evaluation_year.empty() ? q.add("NULL") : q.value(a.evaluation_year);
  q.add(", ").value(by).add(", ").value(now).add(") RETURNING id");
  long long id = 0;
  q.each(tx.sql(), [&](const soci::row& r) { id = db::column_ll(r, 0); });
  return id;
}

std::vector<Accountability> OversightStore::accountability(soci::session& sql, const Principal* caller, const PersonFilter& f,
                                                           const std::string& today, long long* total) {
  db::Query where(kPersonJoins);
  where.add(" WHERE 1 = 1");
  person_filter(where, f);
  person_scope(where, caller);
  if (total) *total = db::Query::prefixed("SELECT COUNT(*) FROM accountability x", where).count(sql);
  std::vector<Accountability> out;
  db::Query::prefixed(kAccountability, where).add(" ORDER BY x.effective_from DESC, x.id DESC" + paging(f))
      .each(sql, [&](const soci::row& r) { out.push_back(accountability_of(r, today)); });
  return out;
}

std::optional<Accountability> OversightStore::accountability_one(soci::session& sql, const Principal* caller, long long id,
                                                                 const std::string& today) {
  db::Query q(std::string(kAccountability) + kPersonJoins + " WHERE x.id = ");
  q.value(id);
  person_scope(q, caller);
  std::optional<Accountability> out;
  q.each(sql, [&](const soci::row& r) { out = accountability_of(r, today); });
  return out;
}

long long OversightStore::insert_clarification(db::Tx& tx, const Clarification& c, long long by, const std::string& now) {
  long long id = 0;
  db::Query("INSERT INTO clarification (person_id, complaint, finding, clarified_on, announcement_scope, created_by, created_at) "
            "VALUES (")
      .value(c.person_id).add(", ").value(c.complaint).add(", ").value(c.finding).add(", ").value(c.clarified_on).add(", ")
      .value(c.announcement_scope).add(", ").value(by).add(", ").value(now).add(") RETURNING id")
      .each(tx.sql(), [&](const soci::row& r) { id = db::column_ll(r, 0); });
  return id;
}

std::vector<Clarification> OversightStore::clarifications(soci::session& sql, const Principal* caller, const PersonFilter& f,
                                                          long long* total) {
  db::Query where(kPersonJoins);
  where.add(" WHERE 1 = 1");
  person_filter(where, f);
  person_scope(where, caller);
  if (total) *total = db::Query::prefixed("SELECT COUNT(*) FROM clarification x", where).count(sql);
  std::vector<Clarification> out;
  db::Query::prefixed(kClarification, where).add(" ORDER BY x.clarified_on DESC, x.id DESC" + paging(f))
      .each(sql, [&](const soci::row& r) {
        out.push_back({db::column_ll(r, 0), db::column_ll(r, 1), text(r, 2), text(r, 3), text(r, 4), text(r, 5), text(r, 6),
                       text(r, 7), text(r, 9), db::column_ll(r, 8) != 0});
      });
  return out;
}

bool OversightStore::set_shown(db::Tx& tx, long long id, long long person_id, bool shown) {
  long long rows = 0;
  db::Query("UPDATE clarification SET show_in_record = ").value(shown ? 1 : 0).add(" WHERE id = ").value(id)
      .add(" AND person_id = ").value(person_id).add(" RETURNING id")
      .each(tx.sql(), [&](const soci::row&) { ++rows; });
  return rows == 1;
}

long long OversightStore::insert_inspection(db::Tx& tx, const Inspection& i, const std::vector<long long>& nodes, long long by,
                                            const std::string& now) {
  long long id = 0;
  db::Query q("INSERT INTO inspection (topic, description, start_date, end_date, created_by, created_at) VALUES (");
  q.value(i.topic).add(", ").value(i.description).add(", ").value(i.start_date).add(", ");
  i.end_date.empty() ? q.add("NULL") : q.value(i.end_date);
  q.add(", ").value(by).add(", ").value(now).add(") RETURNING id").each(tx.sql(), [&](const soci::row& r) { id = db::column_ll(r, 0); });
  for (long long node : nodes)
    db::Query("INSERT INTO inspection_node (inspection_id, node_id) VALUES (").value(id).add(", ").value(node).add(")").run(tx.sql());
  return id;
}

std::vector<Inspection> OversightStore::inspections(soci::session& sql, const Principal& caller, const std::string& today) {
  db::Query q(kInspection);
  q.value(today).add(") FROM inspection i WHERE 1 = 1");
  inspection_scope(q, caller);
  std::vector<Inspection> out;
  q.add(" ORDER BY i.start_date DESC, i.id DESC LIMIT 500").each(sql, [&](const soci::row& r) {
    Inspection i;
    i.id = db::column_ll(r, 0);
    i.topic = text(r, 1);
    i.description = text(r, 2);
    i.start_date = text(r, 3);
    i.end_date = text(r, 4);
    i.created_at = text(r, 5);
    i.findings = static_cast<int>(db::column_ll(r, 6));
    i.open_findings = static_cast<int>(db::column_ll(r, 7));
    i.overdue_findings = static_cast<int>(db::column_ll(r, 8));
    out.push_back(i);
  });
  for (auto& i : out)
    db::Query("SELECT o.id, o.name FROM inspection_node n JOIN org_node o ON o.id = n.node_id WHERE n.inspection_id = ")
        .value(i.id).add(" ORDER BY o.path").each(sql, [&](const soci::row& r) { i.nodes.emplace_back(db::column_ll(r, 0), text(r, 1)); });
  return out;
}

std::optional<Inspection> OversightStore::inspection(soci::session& sql, const Principal& caller, long long id,
                                                     const std::string& today) {
  for (auto& i : inspections(sql, caller, today))
    if (i.id == id) return i;
  return std::nullopt;
}

bool OversightStore::unit_in_inspection(soci::session& sql, long long inspection_id, long long unit_id) {
  return db::Query("SELECT COUNT(*) FROM inspection_node n JOIN org_node o ON o.id = n.node_id JOIN org_node u ON u.id = ")
             .value(unit_id).add(" WHERE n.inspection_id = ").value(inspection_id).add(" AND u.path LIKE o.path || '%'")
             .count(sql) > 0;
}

long long OversightStore::insert_finding(db::Tx& tx, const Finding& f, const std::string& now) {
  long long id = 0;
  db::Query q("INSERT INTO inspection_finding (inspection_id, unit_id, person_id, content, requirement, due_date, state, "
              "created_at, updated_at) VALUES (");
  q.value(f.inspection_id).add(", ").value(f.unit_id).add(", ");
  f.person_id ? q.value(f.person_id) : q.add("NULL");
  q.add(", ").value(f.content).add(", ").value(f.requirement).add(", ").value(f.due_date).add(", 'open', ").value(now);
  q.add(", ").value(now).add(") RETURNING id").each(tx.sql(), [&](const soci::row& r) { id = db::column_ll(r, 0); });
  return id;
}

std::vector<Finding> OversightStore::findings(soci::session& sql, const Principal& caller, long long inspection_id,
                                              bool overdue_only, const std::string& today) {
  db::Query q(kFinding);
  if (inspection_id) q.add(" AND f.inspection_id = ").value(inspection_id);
  if (overdue_only) q.add(" AND f.state = 'open' AND f.due_date < ").value(today);
  db::restrict_to_scope(q, caller, "fu.path", "", "f.unit_id", "", "f.person_id");
  std::vector<Finding> out;
  q.add(" ORDER BY f.due_date, f.id LIMIT 5000").each(sql, [&](const soci::row& r) { out.push_back(finding_of(r, today)); });
  return out;
}

std::optional<Finding> OversightStore::finding(soci::session& sql, const Principal& caller, long long id, const std::string& today) {
  db::Query q(kFinding);
  q.add(" AND f.id = ").value(id);
  db::restrict_to_scope(q, caller, "fu.path", "", "f.unit_id", "", "f.person_id");
  std::optional<Finding> out;
  q.each(sql, [&](const soci::row& r) { out = finding_of(r, today); });
  return out;
}

bool OversightStore::follow_up(db::Tx& tx, long long id, const std::string& follow_up, bool rectified, const std::string& now) {
  db::Query q("UPDATE inspection_finding SET follow_up = ");
  q.value(follow_up).add(", updated_at = ").value(now);
  if (rectified) q.add(", state = 'rectified', rectified_at = ").value(now);
  q.add(" WHERE id = ").value(id).add(" AND state = 'open' RETURNING id");
  long long rows = 0;
  q.each(tx.sql(), [&](const soci::row&) { ++rows; });
  return rows == 1;
}

}  // namespace xinhuo::oversight
