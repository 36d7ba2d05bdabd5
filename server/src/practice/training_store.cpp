#include "practice/training_store.hpp"

#include <cmath>

#include "db/query.hpp"

namespace xinhuo::practice {

namespace {

constexpr const char* kTrainingColumns =
    "SELECT t.id, t.node_id, n.name, t.title, t.kind, t.starts_on, t.ends_on, t.hours, t.capacity, COALESCE(t.place, ''), "
    "t.status, ca.display_name, t.created_at, COALESCE(cl.display_name, ''), COALESCE(t.closed_at, ''), "
    "(SELECT COUNT(*) FROM practice_enrolment e WHERE e.training_id = t.id), "
    "(SELECT COUNT(*) FROM practice_enrolment e WHERE e.training_id = t.id AND e.completion = 'completed')";
constexpr const char* kTrainingFrom =
    " FROM practice_training t JOIN org_node n ON n.id = t.node_id JOIN account ca ON ca.id = t.created_by "
    "LEFT JOIN account cl ON cl.id = t.closed_by WHERE 1 = 1";
constexpr const char* kEnrolmentColumns =
    "SELECT e.person_id, p.name, u.name, e.attended_days, e.completion, COALESCE(e.result, ''), e.score_tenths "
    "FROM practice_enrolment e JOIN person p ON p.id = e.person_id JOIN org_node u ON u.id = p.unit_id WHERE e.training_id = ";
constexpr const char* kCompetitionColumns =
    "SELECT c.id, c.node_id, n.name, c.title, c.level, c.held_on, c.status, ca.display_name, c.created_at, "
    "COALESCE(pb.display_name, ''), COALESCE(c.published_at, ''), "
    "(SELECT COUNT(*) FROM practice_competition_entry e WHERE e.competition_id = c.id)";
constexpr const char* kCompetitionFrom =
    " FROM practice_competition c JOIN org_node n ON n.id = c.node_id JOIN account ca ON ca.id = c.created_by "
    "LEFT JOIN account pb ON pb.id = c.published_by WHERE 1 = 1";

std::string text(const soci::row& r, std::size_t i) { return r.get_indicator(i) == soci::i_null ? "" : r.get<std::string>(i); }

Training training_from(const soci::row& r) {
  Training t;
  t.id = db::column_ll(r, 0);
  t.node_id = db::column_ll(r, 1);
  t.node_name = text(r, 2);
  t.title = text(r, 3);
  t.kind = text(r, 4);
  t.starts_on = text(r, 5);
  t.ends_on = text(r, 6);
  t.hours = static_cast<int>(db::column_ll(r, 7));
  t.capacity = static_cast<int>(db::column_ll(r, 8));
  t.place = text(r, 9);
  t.status = text(r, 10);
  t.created_by_name = text(r, 11);
  t.created_at = text(r, 12);
  t.closed_by_name = text(r, 13);
  t.closed_at = text(r, 14);
  t.enrolled = static_cast<int>(db::column_ll(r, 15));
  t.completed = static_cast<int>(db::column_ll(r, 16));
  return t;
}

Enrolment enrolment_from(const soci::row& r) {
  Enrolment e;
  e.person_id = db::column_ll(r, 0);
  e.person_name = text(r, 1);
  e.unit_name = text(r, 2);
  e.attended_days = static_cast<int>(db::column_ll(r, 3));
  e.completion = text(r, 4);
  e.result = text(r, 5);
  if (r.get_indicator(6) != soci::i_null) e.score = static_cast<double>(db::column_ll(r, 6)) / 10.0;
  return e;
}

Competition competition_from(const soci::row& r) {
  Competition c;
  c.id = db::column_ll(r, 0);
  c.node_id = db::column_ll(r, 1);
  c.node_name = text(r, 2);
  c.title = text(r, 3);
  c.level = text(r, 4);
  c.held_on = text(r, 5);
  c.status = text(r, 6);
  c.created_by_name = text(r, 7);
  c.created_at = text(r, 8);
  c.published_by_name = text(r, 9);
  c.published_at = text(r, 10);
  c.participants = static_cast<int>(db::column_ll(r, 11));
  return c;
}

long long tenths(double score) { return std::llround(score * 10.0); }

void add_scope(db::Query& q, const Principal& caller, const char* alias) {
  const std::string a = alias;
  db::restrict_to_scope(q, caller, "n.path", "", a + ".node_id", "", "");
}

bool changed(db::Tx& tx, db::Query& q) {
  long long rows = 0;
  q.add(" RETURNING id").each(tx.sql(), [&](const soci::row&) { ++rows; });
  return rows == 1;
}

db::Query filtered(const EventFilter& f, const Principal& caller, const char* alias, const char* date_column) {
  const std::string a = alias;
  db::Query where;
  if (f.node_id) where.add(" AND n.path LIKE (SELECT path FROM org_node WHERE id = ").value(f.node_id).add(") || '%'");
  if (!f.status.empty()) where.add(" AND " + a + ".status = ").value(f.status);
  if (f.year) {
    const std::string y = std::to_string(f.year);
    where.add(" AND " + a + "." + date_column + " >= ").value(y + "-01-01");
    where.add(" AND " + a + "." + date_column + " <= ").value(y + "-12-31");
  }
  add_scope(where, caller, alias);
  return where;
}

std::string page_of(const EventFilter& f) {
  return " LIMIT " + std::to_string(f.page_size) + " OFFSET " + std::to_string((f.page - 1) * f.page_size);
}

}  // namespace

long long TrainingStore::insert(db::Tx& tx, const Training& t, long long by, const std::string& now) {
  db::Query q("INSERT INTO practice_training (node_id, title, kind, starts_on, ends_on, hours, place, capacity, status, "
              "created_by, created_at, updated_at) VALUES (");
  q.value(t.node_id).add(", ").value(t.title).add(", ").value(t.kind).add(", ").value(t.starts_on).add(", ").value(t.ends_on);
  q.add(", ").value(t.hours).add(", ");
  if (t.place.empty()) q.add("NULL"); else q.value(t.place);
  q.add(", ").value(t.capacity).add(", 'open', ").value(by).add(", ").value(now).add(", ").value(now).add(") RETURNING id");
  long long id = 0;
  q.each(tx.sql(), [&](const soci::row& r) { id = db::column_ll(r, 0); });
  return id;
}

bool TrainingStore::update_open(db::Tx& tx, const Training& t, const std::string& now) {
  db::Query q("UPDATE practice_training SET title = ");
  q.value(t.title).add(", kind = ").value(t.kind).add(", starts_on = ").value(t.starts_on).add(", ends_on = ").value(t.ends_on);
  q.add(", hours = ").value(t.hours).add(", capacity = ").value(t.capacity).add(", place = ");
  if (t.place.empty()) q.add("NULL"); else q.value(t.place);
  q.add(", updated_at = ").value(now).add(" WHERE status = 'open' AND id = ").value(t.id);
  return changed(tx, q);
}

bool TrainingStore::close(db::Tx& tx, long long id, long long by, const std::string& now) {
  db::Query q("UPDATE practice_training SET status = 'closed', closed_by = ");
  q.value(by).add(", closed_at = ").value(now).add(", updated_at = ").value(now).add(" WHERE status = 'open' AND id = ").value(id);
  return changed(tx, q);
}

std::optional<Training> TrainingStore::find(soci::session& sql, long long id) {
  std::optional<Training> out;
  db::Query(std::string(kTrainingColumns) + kTrainingFrom).add(" AND t.id = ").value(id).each(sql, [&](const soci::row& r) {
    out = training_from(r);
  });
  return out;
}

bool TrainingStore::visible(soci::session& sql, const Principal& caller, long long id) {
  db::Query q("SELECT COUNT(*) FROM practice_training t JOIN org_node n ON n.id = t.node_id WHERE t.id = ");
  q.value(id);
  add_scope(q, caller, "t");
  return q.count(sql) > 0;
}

std::vector<Training> TrainingStore::list(soci::session& sql, const Principal& caller, const EventFilter& f, long long* total) {
  const db::Query where = filtered(f, caller, "t", "starts_on");
  if (total)
    *total = db::Query::prefixed("SELECT COUNT(*) FROM practice_training t JOIN org_node n ON n.id = t.node_id WHERE 1 = 1", where)
                 .count(sql);
  std::vector<Training> out;
  db::Query::prefixed(std::string(kTrainingColumns) + kTrainingFrom, where)
      .add(" ORDER BY t.starts_on DESC, t.id DESC" + page_of(f))
      .each(sql, [&](const soci::row& r) { out.push_back(training_from(r)); });
  return out;
}

void TrainingStore::enrol(db::Tx& tx, long long training_id, long long person_id, const std::string& now) {
  db::Query("INSERT INTO practice_enrolment (training_id, person_id, enrolled_at) VALUES (")
      .value(training_id)
      .add(", ")
      .value(person_id)
      .add(", ")
      .value(now)
      .add(")")
      .run(tx.sql());
}

bool TrainingStore::unenrol(db::Tx& tx, long long training_id, long long person_id) {
  // Their days present go with them (enrolled again, they start from none).
  db::Query("DELETE FROM practice_training_presence WHERE training_id = ").value(training_id).add(" AND person_id = ")
      .value(person_id).run(tx.sql());
  db::Query q("DELETE FROM practice_enrolment WHERE training_id = ");
  q.value(training_id).add(" AND person_id = ").value(person_id);
  long long rows = 0;
  q.add(" RETURNING person_id").each(tx.sql(), [&](const soci::row&) { ++rows; });
  return rows == 1;
}

std::map<std::string, std::vector<long long>> TrainingStore::days(soci::session& sql, long long training_id) {
  std::map<std::string, std::vector<long long>> out;
  db::Query d("SELECT day FROM practice_training_day WHERE training_id = ");
  d.value(training_id).each(sql, [&](const soci::row& r) { out[r.get<std::string>(0)]; });
  db::Query p("SELECT day, person_id FROM practice_training_presence WHERE training_id = ");
  p.value(training_id).add(" ORDER BY day, person_id").each(sql, [&](const soci::row& r) {
    out[r.get<std::string>(0)].push_back(db::column_ll(r, 1));
  });
  return out;
}

void TrainingStore::mark_day(db::Tx& tx, long long training_id, const std::string& day, const std::vector<long long>& present,
                             long long by, const std::string& now) {
  auto& sql = tx.sql();
  // The day's row first: it locks the day, so that two marks of the same day at once run one after the other (the
  // later one then sees and replaces the earlier one's people).
  db::Query upsert("INSERT INTO practice_training_day (training_id, day, marked_by, marked_at) VALUES (");
  upsert.value(training_id).add(", ").value(day).add(", ").value(by).add(", ").value(now);
  upsert.add(") ON CONFLICT (training_id, day) DO UPDATE SET marked_by = excluded.marked_by, marked_at = excluded.marked_at");
  upsert.run(sql);
  db::Query("DELETE FROM practice_training_presence WHERE training_id = ").value(training_id).add(" AND day = ").value(day)
      .run(sql);
  for (long long person : present)
    db::Query("INSERT INTO practice_training_presence (training_id, day, person_id) VALUES (").value(training_id).add(", ")
        .value(day).add(", ").value(person).add(")").run(sql);
  db::Query count("UPDATE practice_enrolment SET attended_days = (SELECT COUNT(*) FROM practice_training_presence x "
                  "WHERE x.training_id = practice_enrolment.training_id AND x.person_id = practice_enrolment.person_id) "
                  "WHERE training_id = ");
  count.value(training_id).run(sql);
}

void TrainingStore::set_result(db::Tx& tx, long long training_id, const Enrolment& e) {
  db::Query q("UPDATE practice_enrolment SET attended_days = ");
  q.value(e.attended_days).add(", completion = ").value(e.completion).add(", result = ");
  if (e.result.empty()) q.add("NULL"); else q.value(e.result);
  q.add(", score_tenths = ");
  if (e.score) q.value(tenths(*e.score)); else q.add("NULL");
  q.add(" WHERE training_id = ").value(training_id).add(" AND person_id = ").value(e.person_id).run(tx.sql());
}

std::vector<Enrolment> TrainingStore::enrolments(soci::session& sql, long long training_id) {
  std::vector<Enrolment> out;
  db::Query(kEnrolmentColumns).value(training_id).add(" ORDER BY p.name, p.id").each(sql, [&](const soci::row& r) {
    out.push_back(enrolment_from(r));
  });
  return out;
}

std::vector<Training> TrainingStore::of_person(soci::session& sql, long long person_id) {
  std::vector<Training> out;
  db::Query(std::string(kTrainingColumns) + kTrainingFrom)
      .add(" AND t.id IN (SELECT training_id FROM practice_enrolment WHERE person_id = ")
      .value(person_id)
      .add(") ORDER BY t.starts_on DESC, t.id DESC LIMIT 200")
      .each(sql, [&](const soci::row& r) { out.push_back(training_from(r)); });
  for (auto& t : out)
    db::Query(kEnrolmentColumns).value(t.id).add(" AND e.person_id = ").value(person_id).each(sql, [&](const soci::row& r) {
      t.enrolments.push_back(enrolment_from(r));
    });
  return out;
}

long long CompetitionStore::insert(db::Tx& tx, const Competition& c, long long by, const std::string& now) {
  db::Query q("INSERT INTO practice_competition (node_id, title, level, held_on, status, created_by, created_at) VALUES (");
  q.value(c.node_id).add(", ").value(c.title).add(", ").value(c.level).add(", ").value(c.held_on).add(", 'draft', ");
  q.value(by).add(", ").value(now).add(") RETURNING id");
  long long id = 0;
  q.each(tx.sql(), [&](const soci::row& r) { id = db::column_ll(r, 0); });
  return id;
}

bool CompetitionStore::publish(db::Tx& tx, long long id, long long by, const std::string& now) {
  db::Query q("UPDATE practice_competition SET status = 'published', published_by = ");
  q.value(by).add(", published_at = ").value(now).add(" WHERE status = 'draft' AND id = ").value(id);
  return changed(tx, q);
}

std::optional<Competition> CompetitionStore::find(soci::session& sql, long long id) {
  std::optional<Competition> out;
  db::Query(std::string(kCompetitionColumns) + kCompetitionFrom).add(" AND c.id = ").value(id).each(sql, [&](const soci::row& r) {
    out = competition_from(r);
  });
  return out;
}

bool CompetitionStore::visible(soci::session& sql, const Principal& caller, long long id) {
  db::Query q("SELECT COUNT(*) FROM practice_competition c JOIN org_node n ON n.id = c.node_id WHERE c.id = ");
  q.value(id);
  add_scope(q, caller, "c");
  return q.count(sql) > 0;
}

std::vector<Competition> CompetitionStore::list(soci::session& sql, const Principal& caller, const EventFilter& f,
                                                long long* total) {
  const db::Query where = filtered(f, caller, "c", "held_on");
  if (total)
    *total = db::Query::prefixed("SELECT COUNT(*) FROM practice_competition c JOIN org_node n ON n.id = c.node_id WHERE 1 = 1",
                                 where)
                 .count(sql);
  std::vector<Competition> out;
  db::Query::prefixed(std::string(kCompetitionColumns) + kCompetitionFrom, where)
      .add(" ORDER BY c.held_on DESC, c.id DESC" + page_of(f))
      .each(sql, [&](const soci::row& r) { out.push_back(competition_from(r)); });
  return out;
}

void CompetitionStore::replace_entries(db::Tx& tx, long long id, const std::vector<Entry>& entries) {
  db::Query("DELETE FROM practice_competition_entry WHERE competition_id = ").value(id).run(tx.sql());
  for (const auto& e : entries)
    db::Query("INSERT INTO practice_competition_entry (competition_id, person_id, score_tenths) VALUES (")
        .value(id)
        .add(", ")
        .value(e.person_id)
        .add(", ")
        .value(tenths(e.score))
        .add(")")
        .run(tx.sql());
}

void CompetitionStore::set_rank(db::Tx& tx, long long id, long long person_id, int rank) {
  db::Query("UPDATE practice_competition_entry SET rank_no = ")
      .value(rank)
      .add(" WHERE competition_id = ")
      .value(id)
      .add(" AND person_id = ")
      .value(person_id)
      .run(tx.sql());
}

std::vector<Entry> CompetitionStore::entries(soci::session& sql, long long id) {
  std::vector<Entry> out;
  db::Query("SELECT e.person_id, p.name, u.name, e.score_tenths, COALESCE(e.rank_no, 0) FROM practice_competition_entry e "
            "JOIN person p ON p.id = e.person_id JOIN org_node u ON u.id = p.unit_id WHERE e.competition_id = ")
      .value(id)
      .add(" ORDER BY e.score_tenths DESC, p.name, p.id")
      .each(sql, [&](const soci::row& r) {
        out.push_back({db::column_ll(r, 0), text(r, 1), text(r, 2), static_cast<double>(db::column_ll(r, 3)) / 10.0,
                       static_cast<int>(db::column_ll(r, 4))});
      });
  return out;
}

std::vector<std::pair<Competition, Entry>> CompetitionStore::of_person(soci::session& sql, long long person_id) {
  std::vector<std::pair<Competition, Entry>> out;
  db::Query(std::string(kCompetitionColumns) + kCompetitionFrom)
      .add(" AND c.status = 'published' AND c.id IN (SELECT competition_id FROM practice_competition_entry WHERE person_id = ")
      .value(person_id)
      .add(") ORDER BY c.held_on DESC, c.id DESC LIMIT 200")
      .each(sql, [&](const soci::row& r) { out.emplace_back(competition_from(r), Entry{}); });
  for (auto& [c, mine] : out)
    for (auto& e : entries(sql, c.id))
      if (e.person_id == person_id) mine = e;
  return out;
}

}  // namespace xinhuo::practice
