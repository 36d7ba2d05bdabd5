#include "evaluation/survey_store.hpp"

#include <algorithm>

#include "core/error.hpp"
#include "db/query.hpp"
#include "org/store.hpp"

namespace xinhuo::evaluation::survey {

namespace {

constexpr const char* kColumns =
    "SELECT s.id, s.org_node_id, n.name, s.title, s.description, s.anonymous, s.by_link, s.target, s.questions, s.status, "
    "s.version, COALESCE(a.display_name, a.username), s.created_at, s.updated_at, COALESCE(s.opened_at, ''), "
    "COALESCE(s.closed_at, ''), (SELECT COUNT(*) FROM survey_response r WHERE r.survey_id = s.id)";
constexpr const char* kFrom =
    " FROM survey s JOIN org_node n ON n.id = s.org_node_id JOIN account a ON a.id = s.created_by WHERE 1 = 1";
constexpr const char* kCountFrom = "SELECT COUNT(*) FROM survey s JOIN org_node n ON n.id = s.org_node_id WHERE 1 = 1";
// The person p (with unit u, branch b) is active and at or below the survey's node n.
constexpr const char* kInSubtree =
    " AND p.status = 'active' AND (u.path LIKE n.path || '%' OR b.path LIKE n.path || '%')";
constexpr const char* kPersonFrom =
    " FROM person p JOIN org_node u ON u.id = p.unit_id LEFT JOIN org_node b ON b.id = p.branch_id";
constexpr const char* kMembers = " AND p.party_status IN ('probationary', 'full')";
constexpr const char* kRespondent =
    "SELECT p.id, p.unit_id, p.birth_date FROM person p WHERE p.status = 'active' AND p.id = ";
constexpr const char* kMark =
    "INSERT INTO survey_respondent (survey_id, person_id) VALUES (";
constexpr const char* kAnswered =
    "SELECT a.question_id, COUNT(DISTINCT a.response_id) FROM survey_answer a JOIN survey_response r ON r.id = a.response_id "
    "WHERE r.survey_id = ";
constexpr const char* kNamed =
    "SELECT r.id, p.name, COALESCE(u.name, ''), r.submitted_on, a.question_id, COALESCE(a.option_id, ''), a.value, "
    "COALESCE(a.text_value, '') FROM survey_response r JOIN person p ON p.id = r.person_id "
    "LEFT JOIN org_node u ON u.id = r.unit_id JOIN survey_answer a ON a.response_id = r.id "
    "WHERE r.person_id IS NOT NULL AND r.survey_id = ";

std::string text(const soci::row& r, std::size_t i) { return r.get_indicator(i) == soci::i_null ? "" : r.get<std::string>(i); }

const std::string& select_from() {
  static const std::string s = std::string(kColumns) + kFrom;
  return s;
}

Survey from_row(const soci::row& r) {
  Survey s;
  s.id = db::column_ll(r, 0);
  s.org_node_id = db::column_ll(r, 1);
  s.org_node_name = text(r, 2);
  s.title = text(r, 3);
  s.description = text(r, 4);
  s.anonymous = db::column_ll(r, 5) != 0;
  s.by_link = db::column_ll(r, 6) != 0;
  s.target = text(r, 7);
  try {
    s.questions = questions_from_json(Json::parse(text(r, 8)));
  } catch (const std::exception&) {
    s.questions.clear();  // a definition that no longer reads shows no questions rather than failing every read
  }
  s.status = text(r, 9);
  s.version = static_cast<int>(db::column_ll(r, 10));
  s.created_by_name = text(r, 11);
  s.created_at = text(r, 12);
  s.updated_at = text(r, 13);
  s.opened_at = text(r, 14);
  s.closed_at = text(r, 15);
  s.responses = db::column_ll(r, 16);
  return s;
}

void add_scope(db::Query& q, const Principal& caller) { db::restrict_to_scope(q, caller, "n.path", "", "s.org_node_id", "", ""); }

bool changed(db::Tx& tx, db::Query& q) {
  long long rows = 0;
  q.add(" RETURNING id").each(tx.sql(), [&](const soci::row&) { ++rows; });
  return rows == 1;
}

// Appends the survey's target conditions on the person p (s: the survey row).
void target_conditions(db::Query& q, const std::string& target, const std::string& today, const org::YoungCadreRule& rule) {
  q.add(kInSubtree);
  if (target == "members") q.add(kMembers);
  if (target == "young_cadres") {
    q.add(" AND ");
    org::OrgStore::young_cadre_condition(q, "p", today, rule);
  }
}

// The column a cross-tabulation groups by.
std::string group_column(const std::string& by) {
  if (by == "unit") return "CAST(r.unit_id AS TEXT)";
  if (by == "age_band") return "r.age_band";
  return "''";
}

}  // namespace

long long SurveyStore::insert(db::Tx& tx, const Survey& s, long long created_by, const std::string& now) {
  db::Query q("INSERT INTO survey (org_node_id, title, description, anonymous, by_link, target, questions, status, version, "
              "created_by, created_at, updated_at) VALUES (");
  q.value(s.org_node_id).add(", ").value(s.title).add(", ").value(s.description).add(", ");
  q.add(s.anonymous ? "1" : "0").add(", ").add(s.by_link ? "1" : "0").add(", ").value(s.target).add(", ");
  q.value(questions_json(s.questions).dump()).add(", 'draft', 1, ").value(created_by).add(", ").value(now).add(", ").value(now);
  q.add(") RETURNING id");
  long long id = 0;
  q.each(tx.sql(), [&](const soci::row& r) { id = db::column_ll(r, 0); });
  return id;
}

bool SurveyStore::update_draft(db::Tx& tx, const Survey& s, int version, const std::string& now) {
  db::Query q("UPDATE survey SET org_node_id = ");
  q.value(s.org_node_id).add(", title = ").value(s.title).add(", description = ").value(s.description);
  q.add(", anonymous = ").add(s.anonymous ? "1" : "0").add(", by_link = ").add(s.by_link ? "1" : "0");
  q.add(", target = ").value(s.target).add(", questions = ").value(questions_json(s.questions).dump());
  q.add(", version = version + 1, updated_at = ").value(now);
  q.add(" WHERE id = ").value(s.id).add(" AND status = 'draft' AND version = ").value(version);
  return changed(tx, q);
}

bool SurveyStore::transition(db::Tx& tx, long long id, const std::string& from, const std::string& to, const std::string& now) {
  db::Query q("UPDATE survey SET status = ");
  q.value(to).add(", updated_at = ").value(now);
  q.add(to == "open" ? ", opened_at = " : ", closed_at = ").value(now);
  q.add(" WHERE id = ").value(id).add(" AND status = ").value(from);
  return changed(tx, q);
}

std::optional<Survey> SurveyStore::find(soci::session& sql, long long id) {
  std::optional<Survey> out;
  db::Query(select_from()).add(" AND s.id = ").value(id).each(sql, [&](const soci::row& r) { out = from_row(r); });
  return out;
}

bool SurveyStore::visible(soci::session& sql, const Principal& caller, long long id) {
  db::Query q(kCountFrom);
  q.add(" AND s.id = ").value(id);
  add_scope(q, caller);
  return q.count(sql) > 0;
}

std::vector<Survey> SurveyStore::list(soci::session& sql, const Principal& caller, const SurveyFilter& f, long long* total) {
  db::Query where;
  if (!f.status.empty()) where.add(" AND s.status = ").value(f.status);
  if (f.node_id) where.add(" AND n.path LIKE (SELECT path FROM org_node WHERE id = ").value(f.node_id).add(") || '%'");
  if (!f.q.empty()) where.add(" AND s.title LIKE ").value("%" + f.q + "%");
  add_scope(where, caller);
  if (total) *total = db::Query::prefixed(kCountFrom, where).count(sql);
  std::vector<Survey> out;
  db::Query::prefixed(select_from(), where)
      .add(" ORDER BY s.id DESC LIMIT " + std::to_string(f.page_size) + " OFFSET " + std::to_string((f.page - 1) * f.page_size))
      .each(sql, [&](const soci::row& r) { out.push_back(from_row(r)); });
  return out;
}

std::optional<Respondent> SurveyStore::respondent(soci::session& sql, long long person_id) {
  std::optional<Respondent> out;
  db::Query(kRespondent).value(person_id).each(sql, [&](const soci::row& r) {
    out = Respondent{db::column_ll(r, 0), db::column_ll(r, 1), text(r, 2)};
  });
  return out;
}

bool SurveyStore::in_target(soci::session& sql, const Survey& s, long long person_id, const std::string& today,
                            const org::YoungCadreRule& rule) {
  db::Query q(std::string("SELECT COUNT(*)") + kPersonFrom + " JOIN org_node n ON n.id = ");
  q.value(s.org_node_id).add(" WHERE p.id = ").value(person_id);
  target_conditions(q, s.target, today, rule);
  return q.count(sql) > 0;
}

std::vector<Survey> SurveyStore::mine(soci::session& sql, long long person_id, const std::string& today,
                                      const org::YoungCadreRule& rule) {
  std::vector<Survey> out;
  for (const std::string target : {"everyone", "young_cadres", "members"}) {
    db::Query q(select_from());
    q.add(" AND s.status = 'open' AND s.target = ").value(target);
    q.add(std::string(" AND EXISTS (SELECT 1") + kPersonFrom + " WHERE p.id = ").value(person_id);
    target_conditions(q, target, today, rule);
    q.add(")");
    q.each(sql, [&](const soci::row& r) { out.push_back(from_row(r)); });
  }
  db::Query answered(select_from());
  answered.add(" AND s.status <> 'open' AND EXISTS (SELECT 1 FROM survey_respondent m WHERE m.survey_id = s.id AND m.person_id = ")
      .value(person_id).add(")");
  answered.each(sql, [&](const soci::row& r) { out.push_back(from_row(r)); });
  db::Query linked(select_from());  // open by link and answered, though outside the target
  linked.add(" AND s.status = 'open' AND EXISTS (SELECT 1 FROM survey_respondent m WHERE m.survey_id = s.id AND m.person_id = ")
      .value(person_id).add(")");
  linked.each(sql, [&](const soci::row& r) {
    Survey s = from_row(r);
    for (const auto& o : out)
      if (o.id == s.id) return;
    out.push_back(s);
  });
  for (auto& s : out) s.responded = has_responded(sql, s.id, person_id);
  std::sort(out.begin(), out.end(), [](const Survey& a, const Survey& b) {
    if (a.status != b.status) return a.status == "open";
    return a.id > b.id;
  });
  return out;
}

bool SurveyStore::has_responded(soci::session& sql, long long survey_id, long long person_id) {
  db::Query q("SELECT COUNT(*) FROM survey_respondent WHERE survey_id = ");
  q.value(survey_id).add(" AND person_id = ").value(person_id);
  return q.count(sql) > 0;
}

bool SurveyStore::mark_respondent(db::Tx& tx, long long survey_id, long long person_id) {
  db::Query q(kMark);
  q.value(survey_id).add(", ").value(person_id).add(") ON CONFLICT (survey_id, person_id) DO NOTHING RETURNING survey_id");
  long long rows = 0;
  q.each(tx.sql(), [&](const soci::row&) { ++rows; });
  return rows == 1;
}

void SurveyStore::insert_response(db::Tx& tx, long long id, long long survey_id, long long person_id, long long unit_id,
                                  const std::string& age_band, const std::string& submitted_on,
                                  const std::vector<Answer>& answers) {
  db::Query q("INSERT INTO survey_response (id, survey_id, person_id, unit_id, age_band, submitted_on) VALUES (");
  q.value(id).add(", ").value(survey_id).add(", ");
  if (person_id) q.value(person_id); else q.add("NULL");
  q.add(", ");
  if (unit_id) q.value(unit_id); else q.add("NULL");
  q.add(", ").value(age_band).add(", ").value(submitted_on).add(")").run(tx.sql());
  db::Query rows("INSERT INTO survey_answer (response_id, question_id, option_id, value, text_value) VALUES ");
  bool any = false;
  auto row = [&](const std::string& question, const std::string* option, const long long* value, const std::string* text_) {
    rows.add(any ? ", (" : "(").value(id).add(", ").value(question).add(", ");
    if (option) rows.value(*option); else rows.add("NULL");
    rows.add(", ");
    if (value) rows.add("CAST(").value(*value).add(" AS INTEGER)"); else rows.add("NULL");
    rows.add(", ");
    if (text_) rows.value(*text_); else rows.add("NULL");
    rows.add(")");
    any = true;
  };
  for (const auto& a : answers) {
    for (const auto& o : a.option_ids) row(a.question_id, &o, nullptr, nullptr);
    if (a.value) row(a.question_id, nullptr, &*a.value, nullptr);
    if (!a.text.empty()) row(a.question_id, nullptr, nullptr, &a.text);
  }
  if (any) rows.run(tx.sql());
}

long long SurveyStore::response_count(soci::session& sql, long long survey_id) {
  return db::Query("SELECT COUNT(*) FROM survey_response WHERE survey_id = ").value(survey_id).count(sql);
}

std::map<std::string, long long> SurveyStore::answered(soci::session& sql, long long survey_id) {
  std::map<std::string, long long> out;
  db::Query(kAnswered).value(survey_id).add(" GROUP BY a.question_id").each(sql, [&](const soci::row& r) {
    out[text(r, 0)] = db::column_ll(r, 1);
  });
  return out;
}

std::vector<CountRow> SurveyStore::counts(soci::session& sql, long long survey_id, const std::string& by) {
  const std::string g = group_column(by);
  std::vector<CountRow> out;
  db::Query q("SELECT a.question_id, COALESCE(a.option_id, ''), COALESCE(a.value, 0), " + g +
              ", COUNT(*) FROM survey_answer a JOIN survey_response r ON r.id = a.response_id WHERE a.text_value IS NULL "
              "AND r.survey_id = ");
  q.value(survey_id).add(" GROUP BY a.question_id, a.option_id, a.value" + (by.empty() ? std::string() : ", " + g));
  q.each(sql, [&](const soci::row& r) {
    out.push_back({text(r, 0), text(r, 1), db::column_ll(r, 2), text(r, 3), db::column_ll(r, 4)});
  });
  return out;
}

std::map<std::string, std::map<std::string, long long>> SurveyStore::group_sizes(soci::session& sql, long long survey_id,
                                                                                 const std::string& by) {
  const std::string g = group_column(by);
  std::map<std::string, std::map<std::string, long long>> out;
  db::Query q("SELECT a.question_id, " + g + ", COUNT(DISTINCT a.response_id) FROM survey_answer a "
              "JOIN survey_response r ON r.id = a.response_id WHERE r.survey_id = ");
  q.value(survey_id).add(" GROUP BY a.question_id, " + g);
  q.each(sql, [&](const soci::row& r) { out[text(r, 0)][text(r, 1)] = db::column_ll(r, 2); });
  return out;
}

std::map<std::string, std::string> SurveyStore::unit_names(soci::session& sql, long long survey_id) {
  std::map<std::string, std::string> out;
  db::Query q("SELECT DISTINCT CAST(u.id AS TEXT), u.name FROM survey_response r JOIN org_node u ON u.id = r.unit_id "
              "WHERE r.survey_id = ");
  q.value(survey_id).each(sql, [&](const soci::row& r) { out[text(r, 0)] = text(r, 1); });
  return out;
}

std::vector<std::string> SurveyStore::texts(soci::session& sql, long long survey_id, const std::string& question_id) {
  std::vector<std::string> out;
  db::Query q("SELECT a.text_value FROM survey_answer a JOIN survey_response r ON r.id = a.response_id WHERE r.survey_id = ");
  q.value(survey_id).add(" AND a.question_id = ").value(question_id).add(" AND a.text_value IS NOT NULL ORDER BY a.text_value LIMIT 1000");
  q.each(sql, [&](const soci::row& r) { out.push_back(text(r, 0)); });
  return out;
}

std::vector<NamedAnswer> SurveyStore::named_answers(soci::session& sql, long long survey_id) {
  std::vector<NamedAnswer> out;
  db::Query(kNamed).value(survey_id).add(" ORDER BY r.submitted_on, r.id").each(sql, [&](const soci::row& r) {
    NamedAnswer a;
    a.response_id = db::column_ll(r, 0);
    a.person_name = text(r, 1);
    a.unit_name = text(r, 2);
    a.submitted_on = text(r, 3);
    a.question_id = text(r, 4);
    a.option_id = text(r, 5);
    a.has_value = r.get_indicator(6) != soci::i_null;
    a.value = a.has_value ? db::column_ll(r, 6) : 0;
    a.text = text(r, 7);
    out.push_back(a);
  });
  return out;
}

}  // namespace xinhuo::evaluation::survey
