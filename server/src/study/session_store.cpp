#include "study/session_store.hpp"

#include "study/group_store.hpp"

namespace xinhuo::study {

namespace {

// The expected people of a session as a subquery over `s` (group members or the unit's people, active).
constexpr const char* kExpectedCount =
    "CASE s.audience WHEN 'group' THEN (SELECT COUNT(*) FROM study_group_member m JOIN person ep ON ep.id = m.person_id "
    "WHERE m.group_id = s.group_id AND ep.status = 'active') "
    "WHEN 'unit' THEN (SELECT COUNT(*) FROM person ep WHERE ep.unit_id = s.node_id AND ep.status = 'active') ELSE 0 END";

constexpr const char* kColumns =
    "SELECT s.id, s.audience, COALESCE(s.group_id, 0), COALESCE(g.name, ''), s.node_id, n.name, s.title, s.starts_at, "
    "s.ends_at, COALESCE(s.place, ''), COALESCE(s.online_url, ''), COALESCE(s.organiser_person_id, 0), COALESCE(o.name, ''), "
    "s.late_after_minutes, s.status, ca.display_name, s.created_at, COALESCE(s.closed_at, ''), ";
constexpr const char* kCounts =
    ", (SELECT COUNT(*) FROM study_checkin c WHERE c.session_id = s.id AND c.status = 'present'), "
    "(SELECT COUNT(*) FROM study_checkin c WHERE c.session_id = s.id AND c.status = 'late'), "
    "(SELECT COUNT(*) FROM study_checkin c WHERE c.session_id = s.id AND c.status = 'excused'), "
    "(SELECT COUNT(*) FROM study_checkin c WHERE c.session_id = s.id AND c.status = 'absent')";
constexpr const char* kFrom =
    " FROM study_session s JOIN org_node n ON n.id = s.node_id LEFT JOIN study_group g ON g.id = s.group_id "
    "LEFT JOIN person o ON o.id = s.organiser_person_id JOIN account ca ON ca.id = s.created_by";

std::string text(const soci::row& r, std::size_t i) { return r.get_indicator(i) == soci::i_null ? "" : r.get<std::string>(i); }
int integer(const soci::row& r, std::size_t i) { return static_cast<int>(db::column_ll(r, i)); }

StudySession from_row(const soci::row& r) {
  StudySession s;
  s.id = db::column_ll(r, 0);
  s.audience = text(r, 1);
  s.group_id = db::column_ll(r, 2);
  s.group_name = text(r, 3);
  s.node_id = db::column_ll(r, 4);
  s.node_name = text(r, 5);
  s.title = text(r, 6);
  s.starts_at = text(r, 7);
  s.ends_at = text(r, 8);
  s.place = text(r, 9);
  s.online_url = text(r, 10);
  s.organiser_person_id = db::column_ll(r, 11);
  s.organiser_name = text(r, 12);
  s.late_after_minutes = integer(r, 13);
  s.status = text(r, 14);
  s.created_by_name = text(r, 15);
  s.created_at = text(r, 16);
  s.closed_at = text(r, 17);
  s.expected = integer(r, 18);
  s.present = integer(r, 19);
  s.late = integer(r, 20);
  s.excused = integer(r, 21);
  s.absent = integer(r, 22);
  return s;
}

// The ids of the session's expected people, as a subquery.
db::Query expected_ids(const SessionRow& s) {
  db::Query q;
  if (s.audience == "group")
    q.add("SELECT m.person_id AS pid FROM study_group_member m JOIN person ep ON ep.id = m.person_id WHERE ep.status = 'active' "
          "AND m.group_id = ")
        .value(s.group_id);
  else
    q.add("SELECT ep.id AS pid FROM person ep WHERE ep.status = 'active' AND ep.unit_id = ").value(s.node_id);
  return q;
}

// A city-wide session reaches every person under its node: it concerns a caller whose scope holds a node under it.
void city_reach(db::Query& q, const Principal& caller) {
  q.add("(s.audience = 'city' AND (1 = 0");
  if (caller.scope.all) q.add(" OR 1 = 1");
  for (const auto& path : caller.scope.subtree_paths) q.add(" OR CAST(").value(path).add(" AS TEXT) LIKE n.path || '%'");
  for (long long id : caller.scope.node_ids)
    q.add(" OR (SELECT path FROM org_node WHERE id = ").value(id).add(") LIKE n.path || '%'");
  q.add("))");
}

// " AND" the session is of a group the caller leads.
void led_by(db::Query& q, const Principal& caller) {
  q.add(" AND s.audience = 'group' AND g.status = 'active' AND g.leader_person_id = ").value(caller.person_id ? caller.person_id : -1);
}

Checkin checkin_from(const soci::row& r) {
  return {.person_id = db::column_ll(r, 0), .name = text(r, 1), .unit_name = text(r, 2), .status = text(r, 3),
          .method = text(r, 4), .checked_in_at = text(r, 5), .reason = text(r, 6)};
}

}  // namespace

long long SessionStore::insert(db::Tx& tx, const StudySession& s, const std::string& qr_secret, long long created_by,
                               const std::string& now) {
  db::Query q("INSERT INTO study_session (audience, group_id, node_id, title, starts_at, ends_at, place, online_url, "
              "organiser_person_id, late_after_minutes, qr_secret, status, created_by, created_at, updated_at) VALUES (");
  q.value(s.audience).add(", ");
  s.group_id ? q.value(s.group_id) : q.add("NULL");
  q.add(", ").value(s.node_id).add(", ").value(s.title).add(", ").value(s.starts_at).add(", ").value(s.ends_at).add(", ");
  s.place.empty() ? q.add("NULL") : q.value(s.place);
  q.add(", ");
  s.online_url.empty() ? q.add("NULL") : q.value(s.online_url);
  q.add(", ");
  s.organiser_person_id ? q.value(s.organiser_person_id) : q.add("NULL");
  q.add(", ").value(s.late_after_minutes).add(", ").value(qr_secret).add(", 'open', ").value(created_by);
  q.add(", ").value(now).add(", ").value(now).add(") RETURNING id");
  return q.count(tx.sql());
}

bool SessionStore::update_open(db::Tx& tx, const StudySession& s, const std::string& now) {
  if (db::Query("SELECT COUNT(*) FROM study_session WHERE status = 'open' AND id = ").value(s.id).count(tx.sql()) == 0)
    return false;
  db::Query q("UPDATE study_session SET title = ");
  q.value(s.title).add(", starts_at = ").value(s.starts_at).add(", ends_at = ").value(s.ends_at).add(", place = ");
  s.place.empty() ? q.add("NULL") : q.value(s.place);
  q.add(", online_url = ");
  s.online_url.empty() ? q.add("NULL") : q.value(s.online_url);
  q.add(", organiser_person_id = ");
  s.organiser_person_id ? q.value(s.organiser_person_id) : q.add("NULL");
  q.add(", late_after_minutes = ").value(s.late_after_minutes).add(", updated_at = ").value(now);
  q.add(" WHERE status = 'open' AND id = ").value(s.id).run(tx.sql());
  return true;
}

bool SessionStore::finish(db::Tx& tx, long long id, const std::string& status, long long by, const std::string& now) {
  if (db::Query("SELECT COUNT(*) FROM study_session WHERE status = 'open' AND id = ").value(id).count(tx.sql()) == 0)
    return false;
  db::Query("UPDATE study_session SET status = ")
      .value(status)
      .add(", closed_by = ")
      .value(by)
      .add(", closed_at = ")
      .value(now)
      .add(", updated_at = ")
      .value(now)
      .add(" WHERE status = 'open' AND id = ")
      .value(id)
      .run(tx.sql());
  return true;
}

std::optional<SessionRow> SessionStore::row(soci::session& sql, long long id) {
  std::optional<SessionRow> out;
  db::Query("SELECT id, audience, COALESCE(group_id, 0), node_id, starts_at, ends_at, status, qr_secret, late_after_minutes, "
            "title, COALESCE(place, '') FROM study_session WHERE id = ")
      .value(id)
      .each(sql, [&](const soci::row& r) {
        out = SessionRow{.id = db::column_ll(r, 0), .audience = text(r, 1), .group_id = db::column_ll(r, 2),
                         .node_id = db::column_ll(r, 3), .starts_at = text(r, 4), .ends_at = text(r, 5),
                         .status = text(r, 6), .qr_secret = text(r, 7), .late_after_minutes = integer(r, 8),
                         .title = text(r, 9), .place = text(r, 10)};
      });
  return out;
}

std::optional<StudySession> SessionStore::find(soci::session& sql, long long id) {
  std::optional<StudySession> out;
  db::Query(std::string(kColumns) + kExpectedCount + kCounts + kFrom)
      .add(" WHERE s.id = ")
      .value(id)
      .each(sql, [&](const soci::row& r) { out = from_row(r); });
  return out;
}

std::vector<StudySession> SessionStore::list(soci::session& sql, const Principal& caller, const SessionFilter& f,
                                             long long* total) {
  db::Query where(" WHERE 1 = 1");
  if (f.node_id) where.add(" AND n.path LIKE (SELECT path FROM org_node WHERE id = ").value(f.node_id).add(") || '%'");
  if (f.group_id) where.add(" AND s.group_id = ").value(f.group_id);
  if (!f.audience.empty()) where.add(" AND s.audience = ").value(f.audience);
  if (!f.status.empty()) where.add(" AND s.status = ").value(f.status);
  if (!f.from.empty()) where.add(" AND s.starts_at >= ").value(f.from);
  if (!f.to.empty()) where.add(" AND s.starts_at < ").value(f.to);
  if (caller.can(kPermRead)) {
    where.add(" AND ((1 = 1");
    GroupStore::node_scope(where, caller, "n");
    where.add(") OR ");
    city_reach(where, caller);
    where.add(")");
  } else {
    led_by(where, caller);
  }
  *total = db::Query::prefixed(std::string("SELECT COUNT(*)") + kFrom, where).count(sql);
  db::Query q(std::string(kColumns) + kExpectedCount + kCounts + ", CASE WHEN ");
  if (caller.can(kPermWrite)) {
    q.add("(1 = 1");
    GroupStore::node_scope(q, caller, "n");
    q.add(") OR ");
  }
  q.add("(1 = 1");
  led_by(q, caller);
  q.add(") THEN 1 ELSE 0 END").add(kFrom).append(where);
  std::vector<StudySession> out;
  q.add(" ORDER BY s.starts_at DESC, s.id DESC LIMIT " + std::to_string(f.page_size) + " OFFSET " +
        std::to_string(static_cast<long long>(f.page - 1) * f.page_size))
      .each(sql, [&](const soci::row& r) {
        out.push_back(from_row(r));
        out.back().manageable = db::column_ll(r, 23) != 0;
      });
  return out;
}

bool SessionStore::reaches_scope(soci::session& sql, const Principal& caller, long long id) {
  db::Query q("SELECT COUNT(*) FROM study_session s JOIN org_node n ON n.id = s.node_id WHERE s.id = ");
  q.value(id).add(" AND ");
  city_reach(q, caller);
  return q.count(sql) > 0;
}

bool SessionStore::in_audience(soci::session& sql, const SessionRow& s, long long person_id) {
  if (s.audience == "city")
    return db::Query("SELECT COUNT(*) FROM person p JOIN org_node u ON u.id = p.unit_id WHERE p.status = 'active' AND p.id = ")
               .value(person_id)
               .add(" AND u.path LIKE (SELECT path FROM org_node WHERE id = ")
               .value(s.node_id)
               .add(") || '%'")
               .count(sql) > 0;
  return db::Query("SELECT COUNT(*) FROM (").append(expected_ids(s)).add(") x WHERE x.pid = ").value(person_id).count(sql) > 0;
}

std::string SessionStore::checkin_status(soci::session& sql, long long session_id, long long person_id) {
  std::string out;
  db::Query("SELECT status FROM study_checkin WHERE session_id = ")
      .value(session_id)
      .add(" AND person_id = ")
      .value(person_id)
      .each(sql, [&](const soci::row& r) { out = text(r, 0); });
  return out;
}

bool SessionStore::insert_checkin(db::Tx& tx, long long session_id, const Checkin& c, long long recorded_by) {
  // ON CONFLICT: a second scan (or another server instance racing this one) writes nothing.
  db::Query q("INSERT INTO study_checkin (session_id, person_id, status, method, checked_in_at, reason, recorded_by) VALUES (");
  q.value(session_id).add(", ").value(c.person_id).add(", ").value(c.status).add(", ").value(c.method).add(", ");
  c.checked_in_at.empty() ? q.add("NULL") : q.value(c.checked_in_at);
  q.add(", ");
  c.reason.empty() ? q.add("NULL") : q.value(c.reason);
  q.add(", ");
  recorded_by ? q.value(recorded_by) : q.add("NULL");
  q.add(") ON CONFLICT (session_id, person_id) DO NOTHING");
  return q.changes(tx.sql()) == 1;
}

void SessionStore::update_checkin(db::Tx& tx, long long session_id, const Checkin& c, long long recorded_by) {
  db::Query q("UPDATE study_checkin SET status = ");
  q.value(c.status).add(", method = ").value(c.method).add(", checked_in_at = ");
  c.checked_in_at.empty() ? q.add("NULL") : q.value(c.checked_in_at);
  q.add(", reason = ");
  c.reason.empty() ? q.add("NULL") : q.value(c.reason);
  q.add(", recorded_by = ");
  recorded_by ? q.value(recorded_by) : q.add("NULL");
  q.add(" WHERE session_id = ").value(session_id).add(" AND person_id = ").value(c.person_id).run(tx.sql());
}

std::vector<long long> SessionStore::record_absences(db::Tx& tx, const SessionRow& s) {
  std::vector<long long> ids;
  if (s.audience == "city") return ids;
  db::Query q("SELECT x.pid FROM (");
  db::Query expected = expected_ids(s);
  q.append(expected).add(") x WHERE NOT EXISTS (SELECT 1 FROM study_checkin c WHERE c.person_id = x.pid AND c.session_id = ");
  q.value(s.id).add(") ORDER BY x.pid");
  q.each(tx.sql(), [&](const soci::row& r) { ids.push_back(db::column_ll(r, 0)); });
  for (long long id : ids)
    db::Query("INSERT INTO study_checkin (session_id, person_id, status, method) VALUES (")
        .value(s.id)
        .add(", ")
        .value(id)
        .add(", 'absent', 'closing')")
        .run(tx.sql());
  return ids;
}

int SessionStore::checked_in(soci::session& sql, long long session_id) {
  return static_cast<int>(db::Query("SELECT COUNT(*) FROM study_checkin WHERE status IN ('present', 'late') AND session_id = ")
                              .value(session_id)
                              .count(sql));
}

std::vector<Checkin> SessionStore::attendance(soci::session& sql, const SessionRow& s, const std::string& status, int page,
                                              int page_size, long long* total, const Principal* only_scope) {
  constexpr const char* kCheckedIn =
      "SELECT p.id AS pid, p.name AS pname, u.name AS uname, c.status AS st, c.method AS me, COALESCE(c.checked_in_at, '') AS at, "
      "COALESCE(c.reason, '') AS re FROM study_checkin c JOIN person p ON p.id = c.person_id JOIN org_node u ON u.id = p.unit_id "
      "WHERE c.session_id = ";
  db::Query rows("SELECT * FROM (");
  rows.add(kCheckedIn).value(s.id);
  if (only_scope) db::restrict_to_scope(rows, *only_scope, "u.path", "", "u.id", "", "");
  if (s.audience != "city") {
    rows.add(" UNION ALL SELECT p.id, p.name, u.name, '', '', '', '' FROM person p JOIN org_node u ON u.id = p.unit_id "
             "WHERE p.id IN (")
        .append(expected_ids(s))
        .add(") AND NOT EXISTS (SELECT 1 FROM study_checkin c WHERE c.person_id = p.id AND c.session_id = ")
        .value(s.id)
        .add(")");
  }
  rows.add(") a WHERE 1 = 1");
  if (status == "pending")
    rows.add(" AND a.st = ''");
  else if (!status.empty())
    rows.add(" AND a.st = ").value(status);
  *total = db::Query("SELECT COUNT(*) FROM (").append(rows).add(") t").count(sql);
  std::vector<Checkin> out;
  rows.add(" ORDER BY a.pname, a.pid LIMIT " + std::to_string(page_size) + " OFFSET " +
           std::to_string(static_cast<long long>(page - 1) * page_size))
      .each(sql, [&](const soci::row& r) { out.push_back(checkin_from(r)); });
  return out;
}

std::vector<StudySession> SessionStore::of_person(soci::session& sql, long long person_id, const std::string& from,
                                                  const std::string& to, bool newest_first, int limit) {
  db::Query q(std::string(kColumns) + kExpectedCount + kCounts + ", COALESCE(mc.status, ''), CASE WHEN s.audience = 'group' "
              "AND g.status = 'active' AND g.leader_person_id = ");
  q.value(person_id).add(" THEN 1 ELSE 0 END").add(kFrom);
  q.add(" LEFT JOIN study_checkin mc ON mc.session_id = s.id AND mc.person_id = ").value(person_id);
  q.add(" WHERE s.status <> 'cancelled' AND s.starts_at >= ").value(from).add(" AND s.starts_at < ").value(to);
  q.add(" AND (mc.person_id IS NOT NULL OR (s.audience = 'group' AND s.group_id IN (SELECT m.group_id FROM study_group_member m "
        "WHERE m.person_id = ")
      .value(person_id);
  q.add(")) OR (s.audience = 'unit' AND s.node_id = (SELECT unit_id FROM person WHERE id = ").value(person_id);
  q.add(")) OR (s.audience = 'city' AND (SELECT up.path FROM person pp JOIN org_node up ON up.id = pp.unit_id WHERE pp.id = ")
      .value(person_id)
      .add(") LIKE n.path || '%'))");
  q.add(newest_first ? " ORDER BY s.starts_at DESC, s.id DESC" : " ORDER BY s.starts_at, s.id");
  q.add(" LIMIT " + std::to_string(limit));
  std::vector<StudySession> out;
  q.each(sql, [&](const soci::row& r) {
    out.push_back(from_row(r));
    out.back().my_status = text(r, 23);
    out.back().manageable = db::column_ll(r, 24) != 0;
  });
  return out;
}

std::vector<std::pair<std::string, std::string>> SessionStore::statuses_of(soci::session& sql, long long person_id) {
  std::vector<std::pair<std::string, std::string>> out;
  db::Query q("SELECT s.starts_at, c.status FROM study_checkin c JOIN study_session s ON s.id = c.session_id WHERE c.person_id = ");
  q.value(person_id).add(" AND s.status <> 'cancelled'");
  q.each(sql, [&](const soci::row& r) { out.emplace_back(r.get<std::string>(0), r.get<std::string>(1)); });
  return out;
}

}  // namespace xinhuo::study
