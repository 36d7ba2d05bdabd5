#include "study/lecture_store.hpp"

#include <map>

#include "core/json_input.hpp"
#include "study/group_store.hpp"

namespace xinhuo::study {

namespace {

constexpr const char* kTeamColumns =
    "SELECT t.id, t.node_id, n.name, n.node_type, t.name, COALESCE(t.description, ''), t.status, t.created_at, "
    "COALESCE(t.closed_at, ''), (SELECT COUNT(*) FROM lecture_team_member m WHERE m.team_id = t.id AND m.status = 'active'), "
    "(SELECT COUNT(*) FROM lecture l WHERE l.team_id = t.id AND l.status = 'confirmed'), "
    "(SELECT COUNT(*) FROM lecture l WHERE l.team_id = t.id AND l.status = 'pending')";
constexpr const char* kTeamFrom = " FROM lecture_team t JOIN org_node n ON n.id = t.node_id WHERE 1 = 1";

constexpr const char* kLectureColumns =
    "SELECT l.id, l.team_id, t.name, l.topic, l.held_on, l.place, l.audience_kind, l.audience_size, l.level, "
    "COALESCE(l.notes, ''), l.photos, l.status, COALESCE(l.reported_by, 0), COALESCE(rp.name, ''), ca.display_name, "
    "l.created_at, COALESCE(da.display_name, ''), COALESCE(l.decided_at, ''), COALESCE(l.reject_reason, '')";
constexpr const char* kLectureFrom =
    " FROM lecture l JOIN lecture_team t ON t.id = l.team_id JOIN org_node n ON n.id = t.node_id "
    "LEFT JOIN person rp ON rp.id = l.reported_by JOIN account ca ON ca.id = l.created_by "
    "LEFT JOIN account da ON da.id = l.decided_by WHERE 1 = 1";

std::string text(const soci::row& r, std::size_t i) { return r.get_indicator(i) == soci::i_null ? "" : r.get<std::string>(i); }
int integer(const soci::row& r, std::size_t i) { return static_cast<int>(db::column_ll(r, i)); }

LectureTeam team_from(const soci::row& r) {
  LectureTeam t;
  t.id = db::column_ll(r, 0);
  t.node_id = db::column_ll(r, 1);
  t.node_name = text(r, 2);
  t.node_type = text(r, 3);
  t.name = text(r, 4);
  t.description = text(r, 5);
  t.status = text(r, 6);
  t.created_at = text(r, 7);
  t.closed_at = text(r, 8);
  t.lecturer_count = integer(r, 9);
  t.lecture_count = integer(r, 10);
  t.pending_count = integer(r, 11);
  return t;
}

Lecture lecture_from(const soci::row& r) {
  Lecture l;
  l.id = db::column_ll(r, 0);
  l.team_id = db::column_ll(r, 1);
  l.team_name = text(r, 2);
  l.topic = text(r, 3);
  l.held_on = text(r, 4);
  l.place = text(r, 5);
  l.audience_kind = text(r, 6);
  l.audience_size = integer(r, 7);
  l.level = text(r, 8);
  l.notes = text(r, 9);
  const Json photos = Json::parse(text(r, 10), nullptr, false);
  if (photos.is_array())
    for (const auto& p : photos)
      if (p.is_number_integer()) l.photos.push_back(p.get<long long>());
  l.status = text(r, 11);
  l.reported_by = db::column_ll(r, 12);
  l.reported_by_name = text(r, 13);
  l.created_by_name = text(r, 14);
  l.created_at = text(r, 15);
  l.decided_by_name = text(r, 16);
  l.decided_at = text(r, 17);
  l.reject_reason = text(r, 18);
  return l;
}

void under_node(db::Query& q, long long node_id) {
  if (node_id) q.add(" AND n.path LIKE (SELECT path FROM org_node WHERE id = ").value(node_id).add(") || '%'");
}

db::Query lecture_conditions(const Principal* caller, const LectureFilter& f) {
  db::Query where;
  if (f.team_id) where.add(" AND l.team_id = ").value(f.team_id);
  under_node(where, f.node_id);
  if (f.person_id)
    where.add(" AND EXISTS (SELECT 1 FROM lecture_lecturer x WHERE x.lecture_id = l.id AND x.person_id = ").value(f.person_id).add(")");
  if (!f.status.empty()) where.add(" AND l.status = ").value(f.status);
  if (!f.level.empty()) where.add(" AND l.level = ").value(f.level);
  if (!f.audience_kind.empty()) where.add(" AND l.audience_kind = ").value(f.audience_kind);
  if (!f.from.empty()) where.add(" AND l.held_on >= ").value(f.from);
  if (!f.to.empty()) where.add(" AND l.held_on <= ").value(f.to);
  if (caller) GroupStore::node_scope(where, *caller, "n");
  return where;
}

// Fills in the lecturers of the lectures with one query.
void add_lecturers(soci::session& sql, std::vector<Lecture>& lectures) {
  if (lectures.empty()) return;
  std::map<long long, Lecture*> by_id;
  db::Query q("SELECT ll.lecture_id, p.id, p.name FROM lecture_lecturer ll JOIN person p ON p.id = ll.person_id "
              "WHERE ll.lecture_id IN (");
  for (std::size_t i = 0; i < lectures.size(); ++i) {
    (i ? q.add(", ") : q).value(lectures[i].id);
    by_id[lectures[i].id] = &lectures[i];
  }
  q.add(") ORDER BY ll.lecture_id, p.name, p.id").each(sql, [&](const soci::row& r) {
    by_id[db::column_ll(r, 0)]->lecturers.push_back({.person_id = db::column_ll(r, 1), .name = text(r, 2)});
  });
}

std::vector<LectureCount> grouped(soci::session& sql, const std::string& key, const db::Query& where) {
  std::vector<LectureCount> out;
  db::Query::prefixed("SELECT " + key + " AS k, COUNT(*), COALESCE(SUM(l.audience_size), 0)" + std::string(kLectureFrom), where)
      .add(" GROUP BY " + key + " ORDER BY " + key)
      .each(sql, [&](const soci::row& r) {
        out.push_back({.key = text(r, 0), .lectures = integer(r, 1), .audience = db::column_ll(r, 2)});
      });
  return out;
}

}  // namespace

long long LectureStore::insert_team(db::Tx& tx, const LectureTeam& t, long long created_by, const std::string& now) {
  db::Query q("INSERT INTO lecture_team (node_id, name, description, status, created_by, created_at, updated_at) VALUES (");
  q.value(t.node_id).add(", ").value(t.name).add(", ");
  t.description.empty() ? q.add("NULL") : q.value(t.description);
  q.add(", 'active', ").value(created_by).add(", ").value(now).add(", ").value(now).add(") RETURNING id");
  return q.count(tx.sql());
}

bool LectureStore::update_team(db::Tx& tx, long long id, const std::string& name, const std::string& description,
                               const std::string& now) {
  db::Query q("UPDATE lecture_team SET name = ");
  q.value(name).add(", description = ");
  description.empty() ? q.add("NULL") : q.value(description);
  q.add(", updated_at = ").value(now).add(" WHERE status = 'active' AND id = ").value(id).add(" RETURNING id");
  return q.count(tx.sql()) == id;
}

bool LectureStore::close_team(db::Tx& tx, long long id, const std::string& now) {
  return db::Query("UPDATE lecture_team SET status = 'closed', closed_at = ")
             .value(now)
             .add(", updated_at = ")
             .value(now)
             .add(" WHERE status = 'active' AND id = ")
             .value(id)
             .add(" RETURNING id")
             .count(tx.sql()) == id;
}

std::optional<LectureTeam> LectureStore::team(soci::session& sql, long long id) {
  std::optional<LectureTeam> out;
  db::Query(std::string(kTeamColumns) + kTeamFrom).add(" AND t.id = ").value(id).each(sql, [&](const soci::row& r) {
    out = team_from(r);
  });
  return out;
}

bool LectureStore::team_name_taken(soci::session& sql, long long node_id, const std::string& name, long long except_id) {
  return db::Query("SELECT COUNT(*) FROM lecture_team WHERE status = 'active' AND node_id = ")
             .value(node_id)
             .add(" AND name = ")
             .value(name)
             .add(" AND id <> ")
             .value(except_id)
             .count(sql) > 0;
}

std::vector<LectureTeam> LectureStore::teams(soci::session& sql, const Principal& caller, const TeamFilter& f, long long* total) {
  db::Query where;
  under_node(where, f.node_id);
  if (!f.status.empty()) where.add(" AND t.status = ").value(f.status);
  if (!f.name.empty()) where.add(" AND t.name LIKE ").value("%" + f.name + "%");
  GroupStore::node_scope(where, caller, "n");
  *total = db::Query::prefixed("SELECT COUNT(*)" + std::string(kTeamFrom), where).count(sql);
  std::vector<LectureTeam> out;
  db::Query::prefixed(std::string(kTeamColumns) + kTeamFrom, where)
      .add(" ORDER BY t.status, n.path, t.id LIMIT " + std::to_string(f.page_size) + " OFFSET " +
           std::to_string(static_cast<long long>(f.page - 1) * f.page_size))
      .each(sql, [&](const soci::row& r) { out.push_back(team_from(r)); });
  return out;
}

std::vector<Lecturer> LectureStore::lecturers(soci::session& sql, long long team_id) {
  std::vector<Lecturer> out;
  db::Query("SELECT p.id, p.name, u.name, COALESCE(m.topics, ''), m.joined_on, m.status, COALESCE(m.left_on, ''), "
            "(SELECT COUNT(*) FROM lecture_lecturer ll JOIN lecture l ON l.id = ll.lecture_id WHERE ll.person_id = p.id "
            "AND l.team_id = m.team_id AND l.status = 'confirmed') "
            "FROM lecture_team_member m JOIN person p ON p.id = m.person_id JOIN org_node u ON u.id = p.unit_id "
            "WHERE m.team_id = ")
      .value(team_id)
      .add(" ORDER BY m.status, p.name, p.id")
      .each(sql, [&](const soci::row& r) {
        out.push_back({.person_id = db::column_ll(r, 0), .name = text(r, 1), .unit_name = text(r, 2), .topics = text(r, 3),
                       .joined_on = text(r, 4), .status = text(r, 5), .left_on = text(r, 6), .lectures = integer(r, 7)});
      });
  return out;
}

std::string LectureStore::member_status(soci::session& sql, long long team_id, long long person_id) {
  std::string out;
  db::Query("SELECT status FROM lecture_team_member WHERE team_id = ")
      .value(team_id)
      .add(" AND person_id = ")
      .value(person_id)
      .each(sql, [&](const soci::row& r) { out = text(r, 0); });
  return out;
}

void LectureStore::join(db::Tx& tx, long long team_id, long long person_id, const std::string& topics,
                        const std::string& joined_on) {
  db::Query q("INSERT INTO lecture_team_member (team_id, person_id, topics, joined_on, status) VALUES (");
  q.value(team_id).add(", ").value(person_id).add(", ");
  topics.empty() ? q.add("NULL") : q.value(topics);
  q.add(", ").value(joined_on).add(", 'active') ON CONFLICT (team_id, person_id) DO UPDATE SET status = 'active', left_on = NULL, "
                                   "topics = excluded.topics, joined_on = excluded.joined_on");
  q.run(tx.sql());
}

bool LectureStore::update_topics(db::Tx& tx, long long team_id, long long person_id, const std::string& topics) {
  db::Query q("UPDATE lecture_team_member SET topics = ");
  topics.empty() ? q.add("NULL") : q.value(topics);
  q.add(" WHERE status = 'active' AND team_id = ").value(team_id).add(" AND person_id = ").value(person_id).add(" RETURNING person_id");
  return q.count(tx.sql()) == person_id;
}

bool LectureStore::leave(db::Tx& tx, long long team_id, long long person_id, const std::string& left_on) {
  return db::Query("UPDATE lecture_team_member SET status = 'left', left_on = ")
             .value(left_on)
             .add(" WHERE status = 'active' AND team_id = ")
             .value(team_id)
             .add(" AND person_id = ")
             .value(person_id)
             .add(" RETURNING person_id")
             .count(tx.sql()) == person_id;
}

bool LectureStore::person_under(soci::session& sql, long long person_id, long long node_id) {
  return db::Query("SELECT COUNT(*) FROM person p JOIN org_node u ON u.id = p.unit_id WHERE p.status = 'active' AND p.id = ")
             .value(person_id)
             .add(" AND u.path LIKE (SELECT path FROM org_node WHERE id = ")
             .value(node_id)
             .add(") || '%'")
             .count(sql) > 0;
}

bool LectureStore::lecturer_in_scope(soci::session& sql, const Principal& caller, long long person_id) {
  db::Query q("SELECT COUNT(*) FROM lecture_team_member m JOIN lecture_team t ON t.id = m.team_id JOIN org_node n ON n.id = t.node_id "
              "WHERE m.person_id = ");
  q.value(person_id);
  GroupStore::node_scope(q, caller, "n");
  return q.count(sql) > 0;
}

std::string LectureStore::person_name(soci::session& sql, long long person_id) {
  std::string out;
  db::Query("SELECT name FROM person WHERE id = ").value(person_id).each(sql, [&](const soci::row& r) { out = text(r, 0); });
  return out;
}

std::vector<LectureTeam> LectureStore::teams_of(soci::session& sql, long long person_id) {
  std::vector<LectureTeam> out;
  db::Query(std::string(kTeamColumns) + kTeamFrom)
      .add(" AND t.status = 'active' AND t.id IN (SELECT team_id FROM lecture_team_member WHERE status = 'active' AND person_id = ")
      .value(person_id)
      .add(") ORDER BY t.id")
      .each(sql, [&](const soci::row& r) { out.push_back(team_from(r)); });
  for (auto& t : out) t.lecturers = lecturers(sql, t.id);
  return out;
}

long long LectureStore::insert_lecture(db::Tx& tx, const Lecture& l, const std::string& status, long long created_by,
                                       const std::string& now) {
  db::Query q("INSERT INTO lecture (team_id, topic, held_on, place, audience_kind, audience_size, level, notes, photos, status, "
              "reported_by, created_by, created_at, updated_at, decided_by, decided_at) VALUES (");
  q.value(l.team_id).add(", ").value(l.topic).add(", ").value(l.held_on).add(", ").value(l.place).add(", ");
  q.value(l.audience_kind).add(", ").value(static_cast<long long>(l.audience_size)).add(", ").value(l.level).add(", ");
  l.notes.empty() ? q.add("NULL") : q.value(l.notes);
  q.add(", ").value(Json(l.photos).dump()).add(", ").value(status).add(", ");
  l.reported_by ? q.value(l.reported_by) : q.add("NULL");
  q.add(", ").value(created_by).add(", ").value(now).add(", ").value(now).add(", ");
  // Entered by the administrator: confirmed as it is recorded.
  status == "confirmed" ? q.value(created_by).add(", ").value(now) : q.add("NULL, NULL");
  q.add(") RETURNING id");
  const long long id = q.count(tx.sql());
  for (const auto& p : l.lecturers)
    db::Query("INSERT INTO lecture_lecturer (lecture_id, person_id) VALUES (").value(id).add(", ").value(p.person_id).add(")").run(tx.sql());
  return id;
}

std::optional<Lecture> LectureStore::lecture(soci::session& sql, long long id) {
  std::vector<Lecture> out;
  db::Query(std::string(kLectureColumns) + kLectureFrom).add(" AND l.id = ").value(id).each(sql, [&](const soci::row& r) {
    out.push_back(lecture_from(r));
  });
  if (out.empty()) return std::nullopt;
  add_lecturers(sql, out);
  return out[0];
}

bool LectureStore::decide(db::Tx& tx, long long id, const std::string& from, const std::string& to, long long by,
                          const std::string& reason, const std::string& now) {
  db::Query q("UPDATE lecture SET status = ");
  q.value(to).add(", decided_by = ").value(by).add(", decided_at = ").value(now).add(", reject_reason = ");
  reason.empty() ? q.add("NULL") : q.value(reason);
  q.add(", updated_at = ").value(now).add(" WHERE status = ").value(from).add(" AND id = ").value(id).add(" RETURNING id");
  return q.count(tx.sql()) == id;
}

std::vector<Lecture> LectureStore::lectures(soci::session& sql, const Principal* caller, const LectureFilter& f, long long* total) {
  const db::Query where = lecture_conditions(caller, f);
  *total = db::Query::prefixed("SELECT COUNT(*)" + std::string(kLectureFrom), where).count(sql);
  std::vector<Lecture> out;
  db::Query::prefixed(std::string(kLectureColumns) + kLectureFrom, where)
      .add(" ORDER BY l.held_on DESC, l.id DESC LIMIT " + std::to_string(f.page_size) + " OFFSET " +
           std::to_string(static_cast<long long>(f.page - 1) * f.page_size))
      .each(sql, [&](const soci::row& r) { out.push_back(lecture_from(r)); });
  add_lecturers(sql, out);
  return out;
}

LectureStats LectureStore::stats(soci::session& sql, const Principal* caller, const LectureFilter& filter) {
  LectureFilter f = filter;
  f.status = "confirmed";
  const db::Query where = lecture_conditions(caller, f);
  LectureStats s;
  s.by_level = grouped(sql, "l.level", where);
  s.by_year = grouped(sql, "substr(l.held_on, 1, 4)", where);
  s.by_month = grouped(sql, "substr(l.held_on, 1, 7)", where);
  for (const auto& c : s.by_level) {
    s.lectures += c.lectures;
    s.audience += c.audience;
  }
  return s;
}

}  // namespace xinhuo::study
