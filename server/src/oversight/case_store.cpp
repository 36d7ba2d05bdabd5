#include "oversight/case_store.hpp"

#include "core/json_input.hpp"
#include "db/query.hpp"

namespace xinhuo::oversight {

namespace {

constexpr const char* kColumns =
    "SELECT c.id, c.person_id, c.unit_id, p.name, u.name, c.applicant_kind, c.case_kind, c.title, c.facts, "
    "c.decision_taken, c.basis, c.loss, c.remedy, c.state, c.submitted_at, c.review_due, COALESCE(c.review_note, ''), "
    "COALESCE(c.reviewed_at, ''), COALESCE(c.outcome, ''), COALESCE(c.votes_for, 0), COALESCE(c.votes_against, 0), "
    "COALESCE(c.votes_abstain, 0), c.distinctions, COALESCE(c.decision_reasons, ''), COALESCE(c.decided_at, ''), "
    "COALESCE(c.result_note, ''), COALESCE(c.notified_at, ''), COALESCE(c.closed_at, ''), "
    "(SELECT COUNT(*) FROM tolerance_library l WHERE l.case_id = c.id), c.created_at, c.updated_at";
// The person's current unit and branch decide the scope; the unit shown is the one of the application.
constexpr const char* kFrom =
    " FROM tolerance_case c JOIN person p ON p.id = c.person_id JOIN org_node u ON u.id = c.unit_id "
    "JOIN org_node pu ON pu.id = p.unit_id LEFT JOIN org_node b ON b.id = p.branch_id WHERE 1 = 1";
constexpr const char* kCount =
    "SELECT COUNT(*) FROM tolerance_case c JOIN person p ON p.id = c.person_id JOIN org_node pu ON pu.id = p.unit_id "
    "LEFT JOIN org_node b ON b.id = p.branch_id WHERE 1 = 1";
constexpr const char* kHistory =
    "SELECT action, COALESCE(from_state, ''), to_state, COALESCE(note, ''), actor_name, at FROM tolerance_case_history "
    "WHERE case_id = ";
constexpr const char* kCorrections =
    "SELECT id, case_id, content, due_date, COALESCE(done_at, ''), COALESCE(done_note, '') FROM tolerance_correction "
    "WHERE case_id = ";
constexpr const char* kLibraryColumns = "SELECT id, title, body, published_on FROM tolerance_library WHERE 1 = 1";

std::string text(const soci::row& r, std::size_t i) { return r.get_indicator(i) == soci::i_null ? "" : r.get<std::string>(i); }

const std::string& select_from() {
  static const std::string s = std::string(kColumns) + kFrom;
  return s;
}

ToleranceCase from_row(const soci::row& r, const std::string& today) {
  ToleranceCase c;
  c.id = db::column_ll(r, 0);
  c.person_id = db::column_ll(r, 1);
  c.unit_id = db::column_ll(r, 2);
  c.person_name = text(r, 3);
  c.unit_name = text(r, 4);
  c.applicant_kind = text(r, 5);
  c.case_kind = text(r, 6);
  c.title = text(r, 7);
  c.facts = text(r, 8);
  c.decision_taken = text(r, 9);
  c.basis = text(r, 10);
  c.loss = text(r, 11);
  c.remedy = text(r, 12);
  c.state = text(r, 13);
  c.submitted_at = text(r, 14);
  c.review_due = text(r, 15);
  c.review_note = text(r, 16);
  c.reviewed_at = text(r, 17);
  c.outcome = text(r, 18);
  c.votes_for = static_cast<int>(db::column_ll(r, 19));
  c.votes_against = static_cast<int>(db::column_ll(r, 20));
  c.votes_abstain = static_cast<int>(db::column_ll(r, 21));
  try {
    for (const auto& v : Json::parse(text(r, 22)))
      if (v.is_string()) c.distinctions.push_back(v.get<std::string>());
  } catch (const std::exception&) {
    // an unreadable list shows none rather than failing the read
  }
  c.decision_reasons = text(r, 23);
  c.decided_at = text(r, 24);
  c.result_note = text(r, 25);
  c.notified_at = text(r, 26);
  c.closed_at = text(r, 27);
  c.published = db::column_ll(r, 28) > 0;
  c.created_at = text(r, 29);
  c.updated_at = text(r, 30);
  c.review_overdue = c.state == "submitted" && c.review_due < today;
  return c;
}

void add_scope(db::Query& q, const Principal& caller) {
  db::restrict_to_scope(q, caller, "pu.path", "b.path", "p.unit_id", "p.branch_id", "p.id");
}

bool changed(db::Tx& tx, db::Query& q) {
  long long rows = 0;
  q.add(" RETURNING id").each(tx.sql(), [&](const soci::row&) { ++rows; });
  return rows == 1;
}

}  // namespace

std::optional<PersonRef> CaseStore::person(soci::session& sql, long long person_id) {
  std::optional<PersonRef> out;
  db::Query("SELECT p.id, p.unit_id, p.name, p.status, u.name FROM person p JOIN org_node u ON u.id = p.unit_id WHERE p.id = ")
      .value(person_id)
      .each(sql, [&](const soci::row& r) {
        out = PersonRef{db::column_ll(r, 0), db::column_ll(r, 1), text(r, 2), text(r, 3), text(r, 4)};
      });
  return out;
}

long long CaseStore::insert(db::Tx& tx, const ToleranceCase& c, long long by, const std::string& now) {
  db::Query q("INSERT INTO tolerance_case (person_id, unit_id, applicant_kind, case_kind, title, facts, decision_taken, basis, "
              "loss, remedy, state, submitted_at, review_due, created_by, created_at, updated_at) VALUES (");
  q.value(c.person_id).add(", ").value(c.unit_id).add(", ").value(c.applicant_kind).add(", ").value(c.case_kind).add(", ");
  q.value(c.title).add(", ").value(c.facts).add(", ").value(c.decision_taken).add(", ").value(c.basis).add(", ");
  q.value(c.loss).add(", ").value(c.remedy).add(", 'submitted', ").value(now).add(", ").value(c.review_due).add(", ");
  q.value(by).add(", ").value(now).add(", ").value(now).add(") RETURNING id");
  long long id = 0;
  q.each(tx.sql(), [&](const soci::row& r) { id = db::column_ll(r, 0); });
  return id;
}

void CaseStore::add_history(db::Tx& tx, long long case_id, const HistoryItem& h, long long account_id) {
  db::Query q("INSERT INTO tolerance_case_history (case_id, action, from_state, to_state, note, actor_name, account_id, at) "
              "VALUES (");
  q.value(case_id).add(", ").value(h.action).add(", ");
  h.from_state.empty() ? q.add("NULL") : q.value(h.from_state);
  q.add(", ").value(h.to_state).add(", ");
  h.note.empty() ? q.add("NULL") : q.value(h.note);
  q.add(", ").value(h.actor_name).add(", ");
  account_id ? q.value(account_id) : q.add("NULL");
  q.add(", ").value(h.at).add(")").run(tx.sql());
}

bool CaseStore::transition(db::Tx& tx, long long id, const std::string& from, const std::string& to, db::Query set,
                           const std::string& now) {
  db::Query q("UPDATE tolerance_case SET state = ");
  q.value(to).add(", updated_at = ").value(now);
  if (!set.text().empty()) q.add(", ").append(set);
  q.add(" WHERE id = ").value(id).add(" AND state = ").value(from);
  return changed(tx, q);
}

std::optional<ToleranceCase> CaseStore::find(soci::session& sql, long long id, const std::string& today) {
  std::optional<ToleranceCase> out;
  db::Query(select_from()).add(" AND c.id = ").value(id).each(sql, [&](const soci::row& r) { out = from_row(r, today); });
  return out;
}

bool CaseStore::visible(soci::session& sql, const Principal& caller, long long id) {
  db::Query q(kCount);
  q.add(" AND c.id = ").value(id);
  add_scope(q, caller);
  return q.count(sql) > 0;
}

std::vector<ToleranceCase> CaseStore::list(soci::session& sql, const Principal& caller, const CaseFilter& f,
                                           const std::string& today, long long* total) {
  db::Query where;
  if (f.node_id) where.add(" AND pu.path LIKE (SELECT path FROM org_node WHERE id = ").value(f.node_id).add(") || '%'");
  if (!f.state.empty()) where.add(" AND c.state = ").value(f.state);
  if (f.overdue_only) where.add(" AND c.state = 'submitted' AND c.review_due < ").value(today);
  if (!f.q.empty()) {
    const std::string like = "%" + f.q + "%";
    where.add(" AND (p.name LIKE ").value(like).add(" OR c.title LIKE ").value(like).add(")");
  }
  add_scope(where, caller);
  if (total) *total = db::Query::prefixed(kCount, where).count(sql);
  std::vector<ToleranceCase> out;
  db::Query::prefixed(select_from(), where)
      .add(" ORDER BY c.id DESC LIMIT " + std::to_string(f.page_size) + " OFFSET " + std::to_string((f.page - 1) * f.page_size))
      .each(sql, [&](const soci::row& r) { out.push_back(from_row(r, today)); });
  return out;
}

std::vector<ToleranceCase> CaseStore::of_person(soci::session& sql, long long person_id, const std::string& today) {
  std::vector<ToleranceCase> out;
  db::Query(select_from()).add(" AND c.person_id = ").value(person_id).add(" ORDER BY c.id DESC LIMIT 500")
      .each(sql, [&](const soci::row& r) { out.push_back(from_row(r, today)); });
  return out;
}

long long CaseStore::count_overdue_reviews(soci::session& sql, const Principal& caller, const std::string& today) {
  db::Query q(kCount);
  q.add(" AND c.state = 'submitted' AND c.review_due < ").value(today);
  add_scope(q, caller);
  return q.count(sql);
}

long long CaseStore::count_overdue_corrections(soci::session& sql, const Principal& caller, const std::string& today) {
  db::Query q("SELECT COUNT(*) FROM tolerance_correction k JOIN tolerance_case c ON c.id = k.case_id "
              "JOIN person p ON p.id = c.person_id JOIN org_node pu ON pu.id = p.unit_id LEFT JOIN org_node b ON b.id = p.branch_id "
              "WHERE k.done_at IS NULL AND k.due_date < ");
  q.value(today);
  add_scope(q, caller);
  return q.count(sql);
}

std::vector<Correction> CaseStore::corrections(soci::session& sql, long long case_id, const std::string& today) {
  std::vector<Correction> out;
  db::Query(kCorrections).value(case_id).add(" ORDER BY due_date, id").each(sql, [&](const soci::row& r) {
    Correction k{db::column_ll(r, 0), db::column_ll(r, 1), text(r, 2), text(r, 3), text(r, 4), text(r, 5), false};
    k.overdue = k.done_at.empty() && k.due_date < today;
    out.push_back(k);
  });
  return out;
}

long long CaseStore::add_correction(db::Tx& tx, long long case_id, const std::string& content, const std::string& due,
                                    const std::string& now) {
  long long id = 0;
  db::Query("INSERT INTO tolerance_correction (case_id, content, due_date, created_at) VALUES (")
      .value(case_id).add(", ").value(content).add(", ").value(due).add(", ").value(now).add(") RETURNING id")
      .each(tx.sql(), [&](const soci::row& r) { id = db::column_ll(r, 0); });
  return id;
}

bool CaseStore::finish_correction(db::Tx& tx, long long case_id, long long item_id, const std::string& note,
                                  const std::string& now) {
  db::Query q("UPDATE tolerance_correction SET done_at = ");
  q.value(now).add(", done_note = ").value(note).add(" WHERE id = ").value(item_id).add(" AND case_id = ").value(case_id);
  q.add(" AND done_at IS NULL");
  return changed(tx, q);
}

std::vector<HistoryItem> CaseStore::history(soci::session& sql, long long case_id) {
  std::vector<HistoryItem> out;
  db::Query(kHistory).value(case_id).add(" ORDER BY id").each(sql, [&](const soci::row& r) {
    out.push_back({text(r, 0), text(r, 1), text(r, 2), text(r, 3), text(r, 4), text(r, 5)});
  });
  return out;
}

bool CaseStore::published(soci::session& sql, long long case_id) {
  return db::Query("SELECT COUNT(*) FROM tolerance_library WHERE case_id = ").value(case_id).count(sql) > 0;
}

long long CaseStore::publish(db::Tx& tx, long long case_id, const std::string& title, const std::string& body,
                             const std::string& on) {
  long long id = 0;
  db::Query("INSERT INTO tolerance_library (case_id, title, body, published_on) VALUES (")
      .value(case_id).add(", ").value(title).add(", ").value(body).add(", ").value(on)
      .add(") ON CONFLICT (case_id) DO NOTHING RETURNING id")
      .each(tx.sql(), [&](const soci::row& r) { id = db::column_ll(r, 0); });
  return id;
}

std::vector<LibraryCase> CaseStore::library(soci::session& sql, const std::string& q_text, int page, int page_size,
                                            long long* total) {
  db::Query where;
  if (!q_text.empty()) {
    const std::string like = "%" + q_text + "%";
    where.add(" AND (title LIKE ").value(like).add(" OR body LIKE ").value(like).add(")");
  }
  if (total) *total = db::Query::prefixed("SELECT COUNT(*) FROM tolerance_library WHERE 1 = 1", where).count(sql);
  std::vector<LibraryCase> out;
  db::Query::prefixed(kLibraryColumns, where)
      .add(" ORDER BY published_on DESC, id DESC LIMIT " + std::to_string(page_size) + " OFFSET " +
           std::to_string((page - 1) * page_size))
      .each(sql, [&](const soci::row& r) { out.push_back({db::column_ll(r, 0), text(r, 1), text(r, 2), text(r, 3)}); });
  return out;
}

std::optional<LibraryCase> CaseStore::library_case(soci::session& sql, long long id) {
  std::optional<LibraryCase> out;
  db::Query(kLibraryColumns).add(" AND id = ").value(id).each(sql, [&](const soci::row& r) {
    out = LibraryCase{db::column_ll(r, 0), text(r, 1), text(r, 2), text(r, 3)};
  });
  return out;
}

}  // namespace xinhuo::oversight
