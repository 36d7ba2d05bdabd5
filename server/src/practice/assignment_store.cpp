#include "practice/assignment_store.hpp"

#include "db/query.hpp"

namespace xinhuo::practice {

namespace {

constexpr const char* kColumns =
    "SELECT a.id, a.person_id, p.name, a.unit_id, u.name, COALESCE(a.branch_id, 0), p.party_status, a.assignment_type, "
    "COALESCE(a.urgent_kind, ''), a.host_place, COALESCE(a.task, ''), a.starts_on, a.planned_end, COALESCE(a.actual_end, ''), "
    "COALESCE(a.supervisor_person_id, 0), COALESCE(sp.name, a.supervisor_name, ''), COALESCE(a.supervisor_phone, ''), "
    "a.state, COALESCE(a.started_on, ''), COALESCE(a.mid_term_grade, ''), COALESCE(a.mid_term_note, ''), "
    "COALESCE(a.mid_term_on, ''), COALESCE(a.final_grade, ''), COALESCE(a.outcome, ''), COALESCE(a.termination_reason, ''), "
    "COALESCE(a.completion_event, ''), ca.display_name, a.created_at, a.updated_at";
constexpr const char* kFrom =
    " FROM practice_assignment a JOIN person p ON p.id = a.person_id JOIN org_node u ON u.id = a.unit_id "
    "LEFT JOIN org_node b ON b.id = a.branch_id LEFT JOIN person sp ON sp.id = a.supervisor_person_id "
    "JOIN account ca ON ca.id = a.created_by WHERE 1 = 1";
constexpr const char* kCountFrom =
    "SELECT COUNT(*) FROM practice_assignment a JOIN person p ON p.id = a.person_id JOIN org_node u ON u.id = a.unit_id "
    "LEFT JOIN org_node b ON b.id = a.branch_id WHERE 1 = 1";
constexpr const char* kUpsertPlan =
    "INSERT INTO practice_plan (node_id, year, planned, set_by, set_at) VALUES (:n, :y, :p, :b, :a) "
    "ON CONFLICT (node_id, year) DO UPDATE SET planned = excluded.planned, set_by = excluded.set_by, set_at = excluded.set_at";
// Started in a year: the start recorded and the (actual) start date in the year; completed: the actual end in the year.
constexpr const char* kPlanCounts =
    "SELECT COALESCE(SUM(CASE WHEN a.state <> 'planned' AND COALESCE(a.started_on, a.starts_on) >= :f1 AND COALESCE(a.started_on, a.starts_on) <= :t1 THEN 1 ELSE 0 END), 0), "
    "COALESCE(SUM(CASE WHEN a.state = 'completed' AND a.actual_end >= :f2 AND a.actual_end <= :t2 THEN 1 ELSE 0 END), 0) "
    "FROM practice_assignment a JOIN org_node u ON u.id = a.unit_id WHERE u.path LIKE (SELECT path FROM org_node WHERE id = :n) || '%'";

std::string text(const soci::row& r, std::size_t i) { return r.get_indicator(i) == soci::i_null ? "" : r.get<std::string>(i); }

Assignment from_row(const soci::row& r) {
  Assignment a;
  a.id = db::column_ll(r, 0);
  a.person_id = db::column_ll(r, 1);
  a.person_name = text(r, 2);
  a.unit_id = db::column_ll(r, 3);
  a.unit_name = text(r, 4);
  a.branch_id = db::column_ll(r, 5);
  a.party_status = text(r, 6);
  a.assignment_type = text(r, 7);
  a.urgent_kind = text(r, 8);
  a.host_place = text(r, 9);
  a.task = text(r, 10);
  a.starts_on = text(r, 11);
  a.planned_end = text(r, 12);
  a.actual_end = text(r, 13);
  a.supervisor_person_id = db::column_ll(r, 14);
  a.supervisor_name = text(r, 15);
  a.supervisor_phone = text(r, 16);
  a.state = text(r, 17);
  a.started_on = text(r, 18);
  a.mid_term_grade = text(r, 19);
  a.mid_term_note = text(r, 20);
  a.mid_term_on = text(r, 21);
  a.final_grade = text(r, 22);
  a.outcome = text(r, 23);
  a.termination_reason = text(r, 24);
  a.completion_event = text(r, 25);
  a.created_by_name = text(r, 26);
  a.created_at = text(r, 27);
  a.updated_at = text(r, 28);
  return a;
}

void add_scope(db::Query& q, const Principal& caller) {
  db::restrict_to_scope(q, caller, "u.path", "b.path", "a.unit_id", "a.branch_id", "a.person_id");
}

// A value, or SQL NULL when empty.
db::Query& value_or_null(db::Query& q, const std::string& v) { return v.empty() ? q.add("NULL") : q.value(v); }

bool changed(db::Tx& tx, db::Query& q) {
  // The UPDATE answers the changed id: one row means the compare-and-set held.
  long long rows = 0;
  q.add(" RETURNING id").each(tx.sql(), [&](const soci::row&) { ++rows; });
  return rows == 1;
}

}  // namespace

std::optional<PersonRef> AssignmentStore::person(soci::session& sql, long long person_id) {
  std::optional<PersonRef> out;
  db::Query("SELECT id, unit_id, COALESCE(branch_id, 0), name, status, party_status FROM person WHERE id = ")
      .value(person_id)
      .each(sql, [&](const soci::row& r) {
        out = PersonRef{db::column_ll(r, 0), db::column_ll(r, 1), db::column_ll(r, 2), text(r, 3), text(r, 4), text(r, 5)};
      });
  return out;
}

long long AssignmentStore::insert(db::Tx& tx, const Assignment& a, long long created_by, const std::string& now) {
  db::Query q(
      "INSERT INTO practice_assignment (person_id, unit_id, branch_id, assignment_type, urgent_kind, host_place, task, "
      "starts_on, planned_end, supervisor_person_id, supervisor_name, supervisor_phone, state, created_by, created_at, "
      "updated_at) VALUES (");
  q.value(a.person_id).add(", ").value(a.unit_id).add(", ");
  if (a.branch_id) q.value(a.branch_id); else q.add("NULL");
  q.add(", ").value(a.assignment_type).add(", ");
  value_or_null(q, a.urgent_kind).add(", ").value(a.host_place).add(", ");
  value_or_null(q, a.task).add(", ").value(a.starts_on).add(", ").value(a.planned_end).add(", ");
  if (a.supervisor_person_id) q.value(a.supervisor_person_id); else q.add("NULL");
  q.add(", ");
  value_or_null(q, a.supervisor_name).add(", ");
  value_or_null(q, a.supervisor_phone).add(", 'planned', ").value(created_by).add(", ").value(now).add(", ").value(now);
  q.add(") RETURNING id");
  long long id = 0;
  q.each(tx.sql(), [&](const soci::row& r) { id = db::column_ll(r, 0); });
  return id;
}

bool AssignmentStore::start(db::Tx& tx, long long id, const std::string& from, const std::string& started_on,
                            const std::string& now) {
  db::Query q("UPDATE practice_assignment SET state = 'active', started_on = ");
  q.value(started_on).add(", updated_at = ").value(now).add(" WHERE id = ").value(id).add(" AND state = ").value(from);
  return changed(tx, q);
}

bool AssignmentStore::mid_term(db::Tx& tx, long long id, const std::string& from, const std::string& grade,
                               const std::string& note, const std::string& on, const std::string& now) {
  db::Query q("UPDATE practice_assignment SET state = 'mid_term', mid_term_grade = ");
  q.value(grade).add(", mid_term_note = ");
  value_or_null(q, note).add(", mid_term_on = ").value(on).add(", updated_at = ").value(now);
  q.add(" WHERE id = ").value(id).add(" AND state = ").value(from);
  return changed(tx, q);
}

bool AssignmentStore::complete(db::Tx& tx, long long id, const std::string& from, const std::string& actual_end,
                               const std::string& grade, const std::string& outcome, const std::string& length_class,
                               const std::string& now) {
  db::Query q("UPDATE practice_assignment SET state = 'completed', actual_end = ");
  q.value(actual_end).add(", final_grade = ").value(grade).add(", outcome = ").value(outcome);
  q.add(", completion_event = ").value(length_class).add(", updated_at = ").value(now);
  q.add(" WHERE id = ").value(id).add(" AND state = ").value(from);
  return changed(tx, q);
}

bool AssignmentStore::terminate(db::Tx& tx, long long id, const std::string& from, const std::string& actual_end,
                                const std::string& reason, const std::string& now) {
  db::Query q("UPDATE practice_assignment SET state = 'terminated', actual_end = ");
  value_or_null(q, actual_end).add(", termination_reason = ").value(reason).add(", updated_at = ").value(now);
  q.add(" WHERE id = ").value(id).add(" AND state = ").value(from);
  return changed(tx, q);
}

std::optional<Assignment> AssignmentStore::find(soci::session& sql, long long id) {
  std::optional<Assignment> out;
  db::Query(std::string(kColumns) + kFrom).add(" AND a.id = ").value(id).each(sql, [&](const soci::row& r) { out = from_row(r); });
  return out;
}

bool AssignmentStore::visible(soci::session& sql, const Principal& caller, long long id) {
  db::Query q(kCountFrom);
  q.add(" AND a.id = ").value(id);
  add_scope(q, caller);
  return q.count(sql) > 0;
}

std::vector<Assignment> AssignmentStore::list(soci::session& sql, const Principal& caller, const AssignmentFilter& f,
                                              long long* total) {
  db::Query where;
  if (f.node_id) where.add(" AND u.path LIKE (SELECT path FROM org_node WHERE id = ").value(f.node_id).add(") || '%'");
  if (!f.assignment_type.empty()) where.add(" AND a.assignment_type = ").value(f.assignment_type);
  if (!f.state.empty()) where.add(" AND a.state = ").value(f.state);
  if (f.year) {
    // Running at some time in the year: begun by its end, and not ended (actually or as planned) before it began.
    const std::string y = std::to_string(f.year);
    where.add(" AND a.starts_on <= ").value(y + "-12-31");
    where.add(" AND COALESCE(a.actual_end, a.planned_end) >= ").value(y + "-01-01");
  }
  if (!f.q.empty()) {
    where.add(" AND (p.name LIKE ").value("%" + f.q + "%").add(" OR a.host_place LIKE ").value("%" + f.q + "%").add(")");
  }
  add_scope(where, caller);
  if (total) *total = db::Query::prefixed(kCountFrom, where).count(sql);
  std::vector<Assignment> out;
  db::Query::prefixed(std::string(kColumns) + kFrom, where)
      .add(" ORDER BY a.starts_on DESC, a.id DESC LIMIT " + std::to_string(f.page_size) + " OFFSET " +
           std::to_string((f.page - 1) * f.page_size))
      .each(sql, [&](const soci::row& r) { out.push_back(from_row(r)); });
  return out;
}

std::vector<Assignment> AssignmentStore::of_person(soci::session& sql, long long person_id) {
  std::vector<Assignment> out;
  db::Query(std::string(kColumns) + kFrom)
      .add(" AND a.person_id = ")
      .value(person_id)
      .add(" ORDER BY a.starts_on DESC, a.id DESC LIMIT 200")
      .each(sql, [&](const soci::row& r) { out.push_back(from_row(r)); });
  return out;
}

void AssignmentStore::set_plan(db::Tx& tx, long long node_id, int year, int planned, long long by, const std::string& now) {
  long long node = node_id, account = by;
  int y = year, p = planned;
  std::string at = now;
  tx.sql() << kUpsertPlan, soci::use(node), soci::use(y), soci::use(p), soci::use(account), soci::use(at);
}

PlanRow AssignmentStore::plan_row(soci::session& sql, long long node_id, int year) {
  PlanRow row;
  row.node_id = node_id;
  db::Query("SELECT name, node_type FROM org_node WHERE id = ").value(node_id).each(sql, [&](const soci::row& r) {
    row.node_name = text(r, 0);
    row.node_type = text(r, 1);
  });
  db::Query("SELECT planned FROM practice_plan WHERE node_id = ")
      .value(node_id)
      .add(" AND year = ")
      .value(year)
      .each(sql, [&](const soci::row& r) { row.planned = static_cast<int>(db::column_ll(r, 0)); });
  const std::string from = std::to_string(year) + "-01-01", to = std::to_string(year) + "-12-31";
  std::string f1 = from, t1 = to, f2 = from, t2 = to;
  long long node = node_id;
  sql << kPlanCounts, soci::use(f1), soci::use(t1), soci::use(f2), soci::use(t2), soci::use(node), soci::into(row.started),
      soci::into(row.completed);
  return row;
}

std::vector<PlanRow> AssignmentStore::units_below(soci::session& sql, const Principal& caller, long long node_id) {
  db::Query q("SELECT n.id, n.name, n.node_type FROM org_node n WHERE n.status = 'active' AND n.node_type = 'unit' "
              "AND n.path LIKE (SELECT path FROM org_node WHERE id = ");
  q.value(node_id).add(") || '%'");
  db::restrict_to_scope(q, caller, "n.path", "", "n.id", "", "");
  std::vector<PlanRow> out;
  q.add(" ORDER BY n.path LIMIT 1000").each(sql, [&](const soci::row& r) {
    PlanRow row;
    row.node_id = db::column_ll(r, 0);
    row.node_name = text(r, 1);
    row.node_type = text(r, 2);
    out.push_back(row);
  });
  return out;
}

}  // namespace xinhuo::practice
