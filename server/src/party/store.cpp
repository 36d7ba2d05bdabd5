#include "party/store.hpp"

#include <algorithm>
#include <map>

#include "core/json_input.hpp"
#include "db/query.hpp"
#include "party/meetings.hpp"

namespace xinhuo::party {

namespace {

// Published by each write of a case (opened, status, stage and deadlines), so that no way of changing one is missed.
void development_changed(db::Tx& tx, long long case_id, const std::string& now) {
  tx.publish({.type = kEventDevelopmentChanged, .subject_id = case_id, .occurred_at = now});
}

constexpr const char* kNoDeadline = "9999-12-31";
constexpr const char* kPerson =
    "SELECT name, birth_date, party_status, status, unit_id, COALESCE(branch_id, 0) FROM person WHERE id = :id";
constexpr const char* kInsertCase =
    "INSERT INTO development_case (person_id, status, created_by, created_at, updated_at) "
    "VALUES (:p, 'active', :a, :now, :now2) RETURNING id";
constexpr const char* kLockCase = "UPDATE development_case SET updated_at = :now WHERE id = :id AND status = 'active'";
constexpr const char* kSetStatus = "UPDATE development_case SET status = :s, updated_at = :now WHERE id = :id";
constexpr const char* kActiveCase = "SELECT id FROM development_case WHERE person_id = :p AND status = 'active'";
constexpr const char* kCasesOf = "SELECT id FROM development_case WHERE person_id = :p ORDER BY id";
constexpr const char* kInsertStep =
    "INSERT INTO development_step (case_id, step_no, attempt, step_date, people, documents, vote_eligible, vote_present, "
    "vote_yes, vote_no, vote_abstain, outcome, extension_months, training_days, training_hours, publicity_from, "
    "publicity_to, note, entered_by, entered_at) VALUES (:c, :n, :a, :d, :people, :docs, :ve, :vp, :vy, :vn, :va, :o, "
    ":ext, :td, :th, :pf, :pt, :note, :by, :at) RETURNING id";
constexpr const char* kInsertReport =
    "INSERT INTO development_report (case_id, kind, report_date, content, entered_by, entered_at) "
    "VALUES (:c, :k, :d, :content, :by, :at) RETURNING id";

constexpr const char* kCaseColumns =
    "SELECT c.id, c.person_id, p.name, p.gender, p.birth_date, p.party_status, p.unit_id, u.name, "
    "COALESCE(p.branch_id, 0), COALESCE(b.name, ''), c.status, c.created_at, c.updated_at, c.stage";
constexpr const char* kCaseFrom =
    " FROM development_case c JOIN person p ON p.id = c.person_id JOIN org_node u ON u.id = p.unit_id "
    "LEFT JOIN org_node b ON b.id = p.branch_id WHERE 1 = 1";
constexpr const char* kStepColumns =
    "SELECT s.id, s.case_id, s.step_no, s.attempt, s.step_date, s.people, s.documents, s.vote_eligible, s.vote_present, "
    "s.vote_yes, s.vote_no, s.vote_abstain, COALESCE(s.outcome, ''), COALESCE(s.extension_months, 0), "
    "COALESCE(s.training_days, 0), COALESCE(s.training_hours, 0), COALESCE(s.publicity_from, ''), "
    "COALESCE(s.publicity_to, ''), COALESCE(s.note, ''), s.entered_by, ea.display_name, s.entered_at "
    "FROM development_step s JOIN account ea ON ea.id = s.entered_by";
constexpr const char* kReportColumns =
    "SELECT r.id, r.case_id, r.kind, r.report_date, r.content, r.entered_by, ea.display_name, r.entered_at "
    "FROM development_report r JOIN account ea ON ea.id = r.entered_by";

std::string text(const soci::row& r, std::size_t i) { return r.get_indicator(i) == soci::i_null ? "" : r.get<std::string>(i); }

DevelopmentCase case_from(const soci::row& r) {
  DevelopmentCase c;
  c.id = db::column_ll(r, 0);
  c.person_id = db::column_ll(r, 1);
  c.person_name = text(r, 2);
  c.gender = text(r, 3);
  c.birth_date = text(r, 4);
  c.party_status = text(r, 5);
  c.unit_id = db::column_ll(r, 6);
  c.unit_name = text(r, 7);
  c.branch_id = db::column_ll(r, 8);
  c.branch_name = text(r, 9);
  c.status = text(r, 10);
  c.created_at = text(r, 11);
  c.updated_at = text(r, 12);
  c.stage = static_cast<int>(db::column_ll(r, 13));
  return c;
}

StepRecord step_from(const soci::row& r) {
  StepRecord s;
  s.id = db::column_ll(r, 0);
  s.case_id = db::column_ll(r, 1);
  s.step_no = static_cast<int>(db::column_ll(r, 2));
  s.attempt = static_cast<int>(db::column_ll(r, 3));
  s.date = text(r, 4);
  for (const auto& p : Json::parse(text(r, 5), nullptr, false))
    if (p.is_object())
      s.people.push_back({p.value("role", ""), p.value("person_id", 0LL), p.value("name", "")});
  for (const auto& d : Json::parse(text(r, 6), nullptr, false))
    if (d.is_number_integer()) s.documents.push_back(d.get<long long>());
  if (r.get_indicator(7) != soci::i_null)
    s.vote = Vote{static_cast<int>(db::column_ll(r, 7)), static_cast<int>(db::column_ll(r, 8)),
                  static_cast<int>(db::column_ll(r, 9)), static_cast<int>(db::column_ll(r, 10)),
                  static_cast<int>(db::column_ll(r, 11))};
  s.outcome = text(r, 12);
  s.extension_months = static_cast<int>(db::column_ll(r, 13));
  s.training_days = static_cast<int>(db::column_ll(r, 14));
  s.training_hours = static_cast<int>(db::column_ll(r, 15));
  s.publicity_from = text(r, 16);
  s.publicity_to = text(r, 17);
  s.note = text(r, 18);
  s.entered_by = db::column_ll(r, 19);
  s.entered_by_name = text(r, 20);
  s.entered_at = text(r, 21);
  return s;
}

Report report_from(const soci::row& r) {
  Report x;
  x.id = db::column_ll(r, 0);
  x.case_id = db::column_ll(r, 1);
  x.kind = text(r, 2);
  x.date = text(r, 3);
  x.content = text(r, 4);
  x.entered_by = db::column_ll(r, 5);
  x.entered_by_name = text(r, 6);
  x.entered_at = text(r, 7);
  return x;
}

// Steps and reports of the cases, by their ids (integers the store read itself, so written into the text).
void attach_children(soci::session& sql, std::vector<DevelopmentCase>& cases) {
  if (cases.empty()) return;
  std::map<long long, DevelopmentCase*> by_id;
  std::string ids;
  for (auto& c : cases) {
    by_id[c.id] = &c;
    ids += (ids.empty() ? "" : ",") + std::to_string(c.id);
  }
  db::Query(std::string(kStepColumns) + " WHERE s.case_id IN (" + ids + ") ORDER BY s.case_id, s.step_no, s.attempt")
      .each(sql, [&](const soci::row& r) {
        auto s = step_from(r);
        by_id.at(s.case_id)->steps.push_back(std::move(s));
      });
  db::Query(std::string(kReportColumns) + " WHERE r.case_id IN (" + ids + ") ORDER BY r.case_id, r.report_date, r.id")
      .each(sql, [&](const soci::row& r) {
        auto x = report_from(r);
        by_id.at(x.case_id)->reports.push_back(std::move(x));
      });
}

// Appends the conditions on the case joins: below a node, and inside the caller's scope.
void add_scope(db::Query& q, const Principal& caller, long long node_id) {
  if (node_id) {
    q.add(" AND (u.path LIKE (SELECT path FROM org_node WHERE id = ").value(node_id).add(") || '%'");
    q.add(" OR COALESCE(b.path, '') LIKE (SELECT path FROM org_node WHERE id = ").value(node_id).add(") || '%')");
  }
  db::restrict_to_scope(q, caller, "u.path", "b.path", "p.unit_id", "p.branch_id", "p.id");
}

void add_filters(db::Query& q, const Principal& caller, const CaseFilter& f) {
  if (f.status != "all") q.add(" AND c.status = ").value(f.status);
  if (f.stage) q.add(" AND c.stage = ").value(f.stage);
  if (!f.name.empty()) q.add(" AND p.name LIKE ").value("%" + f.name + "%");
  add_scope(q, caller, f.node_id);
}

}  // namespace

std::optional<PersonFacts> PartyStore::person(soci::session& sql, long long person_id) {
  soci::rowset<soci::row> rows = (sql.prepare << kPerson, soci::use(person_id));
  for (const auto& r : rows) {
    PersonFacts p;
    p.id = person_id;
    p.name = text(r, 0);
    p.birth_date = text(r, 1);
    p.party_status = text(r, 2);
    p.status = text(r, 3);
    p.unit_id = db::column_ll(r, 4);
    p.branch_id = db::column_ll(r, 5);
    return p;
  }
  return std::nullopt;
}

long long PartyStore::insert_case(db::Tx& tx, long long person_id, long long created_by, const std::string& now) {
  long long id = 0;
  tx.sql() << kInsertCase, soci::use(person_id), soci::use(created_by), soci::use(now), soci::use(now), soci::into(id);
  development_changed(tx, id, now);
  return id;
}

bool PartyStore::lock_active_case(db::Tx& tx, long long case_id, const std::string& now) {
  soci::statement st = (tx.sql().prepare << kLockCase, soci::use(now), soci::use(case_id));
  st.execute(true);
  return db::affected_rows(st) == 1;
}

void PartyStore::set_case_status(db::Tx& tx, long long case_id, const std::string& status, const std::string& now) {
  tx.sql() << kSetStatus, soci::use(status), soci::use(now), soci::use(case_id);
  development_changed(tx, case_id, now);
}

long long PartyStore::active_case_of(soci::session& sql, long long person_id) {
  long long id = 0;
  soci::indicator ind = soci::i_null;
  sql << kActiveCase, soci::use(person_id), soci::into(id, ind);
  return sql.got_data() && ind == soci::i_ok ? id : 0;
}

std::vector<long long> PartyStore::cases_of(soci::session& sql, long long person_id) {
  std::vector<long long> out;
  soci::rowset<soci::row> rows = (sql.prepare << kCasesOf, soci::use(person_id));
  for (const auto& r : rows) out.push_back(db::column_ll(r, 0));
  return out;
}

long long PartyStore::insert_step(db::Tx& tx, const StepRecord& step, const std::string& now) {
  StepRecord s = step;  // SOCI binds non-const values with their indicators
  Json people = Json::array();
  for (const auto& p : s.people) people.push_back({{"role", p.role}, {"person_id", p.person_id}, {"name", p.name}});
  Json docs = s.documents;
  std::string people_text = people.dump(), docs_text = docs.dump();
  Vote v = s.vote.value_or(Vote{});
  soci::indicator vi = s.vote ? soci::i_ok : soci::i_null;
  auto opt = [](bool present) { return present ? soci::i_ok : soci::i_null; };
  soci::indicator outcome_i = opt(!s.outcome.empty()), ext_i = opt(s.extension_months != 0), days_i = opt(s.training_days != 0),
                  hours_i = opt(s.training_hours != 0), from_i = opt(!s.publicity_from.empty()),
                  to_i = opt(!s.publicity_to.empty()), note_i = opt(!s.note.empty());
  soci::indicator v1 = vi, v2 = vi, v3 = vi, v4 = vi, v5 = vi;
  long long id = 0;
  tx.sql() << kInsertStep, soci::use(s.case_id), soci::use(s.step_no), soci::use(s.attempt), soci::use(s.date),
      soci::use(people_text), soci::use(docs_text), soci::use(v.eligible, v1), soci::use(v.present, v2),
      soci::use(v.yes, v3), soci::use(v.no, v4), soci::use(v.abstain, v5), soci::use(s.outcome, outcome_i),
      soci::use(s.extension_months, ext_i), soci::use(s.training_days, days_i), soci::use(s.training_hours, hours_i),
      soci::use(s.publicity_from, from_i), soci::use(s.publicity_to, to_i), soci::use(s.note, note_i),
      soci::use(s.entered_by), soci::use(now), soci::into(id);
  return id;
}

long long PartyStore::insert_report(db::Tx& tx, const Report& r, const std::string& now) {
  long long id = 0;
  tx.sql() << kInsertReport, soci::use(r.case_id), soci::use(r.kind), soci::use(r.date), soci::use(r.content),
      soci::use(r.entered_by), soci::use(now), soci::into(id);
  return id;
}

std::optional<DevelopmentCase> PartyStore::load(soci::session& sql, long long case_id) {
  std::vector<DevelopmentCase> cases;
  db::Query(std::string(kCaseColumns) + kCaseFrom).add(" AND c.id = ").value(case_id).each(sql, [&](const soci::row& r) {
    cases.push_back(case_from(r));
  });
  if (cases.empty()) return std::nullopt;
  attach_children(sql, cases);
  return std::move(cases.front());
}

std::vector<DevelopmentCase> PartyStore::list(soci::session& sql, const Principal& caller, const CaseFilter& f,
                                              long long* total) {
  db::Query all(std::string(kCaseColumns) + kCaseFrom), counted(std::string("SELECT COUNT(*)") + kCaseFrom);
  add_filters(all, caller, f);
  add_filters(counted, caller, f);
  if (total) *total = counted.count(sql);
  std::vector<DevelopmentCase> cases;
  // The most urgent first: the order the status-and-next-due index already has.
  all.add(" ORDER BY c.next_due, c.id LIMIT " + std::to_string(f.page_size) + " OFFSET " +
          std::to_string((f.page - 1) * f.page_size))
      .each(sql, [&](const soci::row& r) { cases.push_back(case_from(r)); });
  attach_children(sql, cases);
  return cases;
}

void PartyStore::save_derived(db::Tx& tx, long long case_id, int stage, const std::vector<Deadline>& deadlines) {
  std::string next_due = kNoDeadline;
  for (const auto& d : deadlines) next_due = std::min(next_due, d.due);
  tx.sql() << "UPDATE development_case SET stage = :s, next_due = :d WHERE id = :id", soci::use(stage), soci::use(next_due),
      soci::use(case_id);
  tx.sql() << "DELETE FROM development_deadline WHERE case_id = :id", soci::use(case_id);
  development_changed(tx, case_id, "");
  for (const auto& d : deadlines)
    tx.sql() << "INSERT INTO development_deadline (case_id, kind, step_no, due) VALUES (:c, :k, :n, :d)",
        soci::use(case_id), soci::use(d.kind), soci::use(d.step_no), soci::use(d.due);
}

std::vector<Warning> PartyStore::deadlines_until(soci::session& sql, const Principal& caller, long long node_id,
                                                 const std::string& until, int limit, int offset) {
  // Only active cases have deadline rows, so the due index alone drives the read.
  db::Query q("SELECT d.case_id, c.person_id, p.name, u.name, COALESCE(b.name, ''), d.kind, d.step_no, d.due"
              " FROM development_deadline d JOIN development_case c ON c.id = d.case_id JOIN person p ON p.id = c.person_id "
              "JOIN org_node u ON u.id = p.unit_id LEFT JOIN org_node b ON b.id = p.branch_id WHERE d.due <= ");
  q.value(until);
  add_scope(q, caller, node_id);
  std::vector<Warning> out;
  q.add(" ORDER BY d.due, d.case_id, d.kind LIMIT " + std::to_string(limit) + " OFFSET " + std::to_string(offset))
      .each(sql, [&](const soci::row& r) {
        Warning w;
        w.case_id = db::column_ll(r, 0);
        w.person_id = db::column_ll(r, 1);
        w.person_name = text(r, 2);
        w.unit_name = text(r, 3);
        w.branch_name = text(r, 4);
        w.kind = text(r, 5);
        w.step_no = static_cast<int>(db::column_ll(r, 6));
        w.due = text(r, 7);
        out.push_back(std::move(w));
      });
  return out;
}

std::pair<long long, long long> PartyStore::deadline_counts(soci::session& sql, const Principal& caller, long long node_id,
                                                            const std::string& today, const std::string& until) {
  std::pair<long long, long long> out;
  if (caller.scope.all && !node_id) {
    // The whole city: the due index alone answers (deadline rows exist only for active cases).
    db::Query q("SELECT COALESCE(SUM(CASE WHEN due < ");
    q.value(today).add(" THEN 1 ELSE 0 END), 0), COUNT(*) FROM development_deadline WHERE due <= ").value(until);
    q.each(sql, [&](const soci::row& r) { out = {db::column_ll(r, 0), db::column_ll(r, 1) - db::column_ll(r, 0)}; });
    return out;
  }
  db::Query q("SELECT COALESCE(SUM(CASE WHEN d.due < ");
  q.value(today).add(" THEN 1 ELSE 0 END), 0), COUNT(*) FROM development_deadline d JOIN development_case c ON c.id = d.case_id "
                     "JOIN person p ON p.id = c.person_id JOIN org_node u ON u.id = p.unit_id "
                     "LEFT JOIN org_node b ON b.id = p.branch_id WHERE d.due <= ")
      .value(until);
  add_scope(q, caller, node_id);
  q.each(sql, [&](const soci::row& r) { out = {db::column_ll(r, 0), db::column_ll(r, 1) - db::column_ll(r, 0)}; });
  return out;
}

std::vector<StageCount> PartyStore::pipeline(soci::session& sql, const Principal& caller, long long node_id,
                                             const std::string& today, const std::string& until) {
  // A case counts once, by its most urgent deadline: missed, or due within the window.
  db::Query q("SELECT c.stage, COUNT(*), SUM(CASE WHEN c.next_due < ");
  q.value(today).add(" THEN 1 ELSE 0 END), SUM(CASE WHEN c.next_due >= ").value(today).add(" AND c.next_due <= ").value(until);
  q.add(" THEN 1 ELSE 0 END)");
  if (caller.scope.all && !node_id) {
    q.add(" FROM development_case c WHERE c.status = 'active'");  // the whole city: no need to join the people
  } else {
    q.add(kCaseFrom).add(" AND c.status = 'active'");
    add_scope(q, caller, node_id);
  }
  std::vector<StageCount> out(5);
  for (int i = 0; i < 5; ++i) out[static_cast<std::size_t>(i)].stage = i + 1;
  q.add(" GROUP BY c.stage").each(sql, [&](const soci::row& r) {
    const int stage = static_cast<int>(db::column_ll(r, 0));
    if (stage < 1 || stage > 5) return;
    auto& s = out[static_cast<std::size_t>(stage - 1)];
    s.cases = static_cast<int>(db::column_ll(r, 1));
    s.overdue = static_cast<int>(db::column_ll(r, 2));
    s.due_soon = static_cast<int>(db::column_ll(r, 3));
  });
  return out;
}

}  // namespace xinhuo::party

namespace xinhuo::party {

void PartyStore::revoke_step(db::Tx& tx, const StepRecord& s, long long by, const std::string& reason, const std::string& now) {
  Json people = Json::array();
  for (const auto& p : s.people) people.push_back({{"role", p.role}, {"person_id", p.person_id}, {"name", p.name}});
  Json record = {{"people", people}, {"documents", s.documents}, {"outcome", s.outcome}, {"note", s.note},
                 {"extension_months", s.extension_months}, {"training_days", s.training_days},
                 {"training_hours", s.training_hours}, {"publicity_from", s.publicity_from}, {"publicity_to", s.publicity_to}};
  if (s.vote)
    record["vote"] = {{"eligible", s.vote->eligible}, {"present", s.vote->present}, {"yes", s.vote->yes},
                      {"no", s.vote->no}, {"abstain", s.vote->abstain}};
  db::Query q("INSERT INTO development_step_revoked (id, case_id, step_no, attempt, step_date, record, entered_by, entered_at, "
              "revoked_by, revoked_at, reason) VALUES (");
  q.value(s.id).add(", ").value(s.case_id).add(", ").value(s.step_no).add(", ").value(s.attempt).add(", ").value(s.date);
  q.add(", ").value(record.dump()).add(", ").value(s.entered_by).add(", ").value(s.entered_at).add(", ").value(by);
  q.add(", ").value(now).add(", ").value(reason).add(")").run(tx.sql());
  db::Query("DELETE FROM development_step WHERE id = ").value(s.id).run(tx.sql());
}

}  // namespace xinhuo::party
