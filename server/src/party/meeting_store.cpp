#include "party/meeting_store.hpp"

#include "core/json_input.hpp"
#include "db/query.hpp"

namespace xinhuo::party {

namespace {

constexpr const char* kInsert =
    "INSERT INTO party_meeting (node_id, branch_id, unit_id, meeting_type, held_on, topic, host_person_id, lecturer, "
    "lecturer_is_secretary, location, minutes, photos, status, created_by, created_at, updated_at) VALUES (:n, :b, :u, "
    ":k, :d, :t, :h, :l, :ls, :loc, :min, :ph, 'open', :by, :at, :at2) RETURNING id";
constexpr const char* kUpdate =
    "UPDATE party_meeting SET held_on = :d, topic = :t, host_person_id = :h, lecturer = :l, lecturer_is_secretary = :ls, "
    "location = :loc, minutes = :min, photos = :ph, updated_at = :at WHERE id = :id AND status = 'open'";
constexpr const char* kClose =
    "UPDATE party_meeting SET status = 'closed', closed_by = :by, closed_at = :at, updated_at = :at2 "
    "WHERE id = :id AND status = 'open'";
constexpr const char* kColumns =
    "SELECT m.id, m.node_id, n.name, m.branch_id, b.name, u.name, m.meeting_type, m.held_on, m.topic, m.host_person_id, h.name, "
    "COALESCE(m.lecturer, ''), m.lecturer_is_secretary, COALESCE(m.location, ''), COALESCE(m.minutes, ''), m.photos, "
    "m.status, ca.display_name, m.created_at, COALESCE(cl.display_name, ''), COALESCE(m.closed_at, ''), "
    "(SELECT COUNT(*) FROM party_meeting_attendance a WHERE a.meeting_id = m.id AND a.status = 'present'), "
    "(SELECT COUNT(*) FROM party_meeting_attendance a WHERE a.meeting_id = m.id AND a.status = 'excused'), "
    "(SELECT COUNT(*) FROM party_meeting_attendance a WHERE a.meeting_id = m.id AND a.status = 'absent'), m.unit_id";
constexpr const char* kFrom =
    " FROM party_meeting m JOIN org_node n ON n.id = m.node_id JOIN org_node b ON b.id = m.branch_id "
    "JOIN org_node u ON u.id = m.unit_id JOIN person h ON h.id = m.host_person_id JOIN account ca ON ca.id = m.created_by "
    "LEFT JOIN account cl ON cl.id = m.closed_by WHERE 1 = 1";

std::string text(const soci::row& r, std::size_t i) { return r.get_indicator(i) == soci::i_null ? "" : r.get<std::string>(i); }

Meeting from_row(const soci::row& r) {
  Meeting m;
  m.id = db::column_ll(r, 0);
  m.node_id = db::column_ll(r, 1);
  m.node_name = text(r, 2);
  m.branch_id = db::column_ll(r, 3);
  m.branch_name = text(r, 4);
  m.unit_name = text(r, 5);
  m.meeting_type = text(r, 6);
  m.held_on = text(r, 7);
  m.topic = text(r, 8);
  m.host_person_id = db::column_ll(r, 9);
  m.host_name = text(r, 10);
  m.lecturer = text(r, 11);
  m.lecturer_is_secretary = db::column_ll(r, 12) != 0;
  m.location = text(r, 13);
  m.minutes = text(r, 14);
  for (const auto& p : Json::parse(text(r, 15), nullptr, false))
    if (p.is_number_integer()) m.photos.push_back(p.get<long long>());
  m.status = text(r, 16);
  m.created_by_name = text(r, 17);
  m.created_at = text(r, 18);
  m.closed_by_name = text(r, 19);
  m.closed_at = text(r, 20);
  m.present = static_cast<int>(db::column_ll(r, 21));
  m.excused = static_cast<int>(db::column_ll(r, 22));
  m.absent = static_cast<int>(db::column_ll(r, 23));
  m.unit_id = db::column_ll(r, 24);
  return m;
}

void add_scope(db::Query& q, const Principal& caller) {
  db::restrict_to_scope(q, caller, "u.path", "b.path", "m.unit_id", "m.branch_id", "");
}

}  // namespace

long long MeetingStore::insert(db::Tx& tx, const Meeting& meeting, long long created_by, const std::string& now) {
  Meeting m = meeting;  // SOCI binds non-const values with their indicators
  std::string photos = Json(m.photos).dump();
  int secretary = m.lecturer_is_secretary ? 1 : 0;
  soci::indicator lecturer_i = m.lecturer.empty() ? soci::i_null : soci::i_ok,
                  location_i = m.location.empty() ? soci::i_null : soci::i_ok,
                  minutes_i = m.minutes.empty() ? soci::i_null : soci::i_ok;
  std::string at = now, at2 = now;
  long long id = 0;
  tx.sql() << kInsert, soci::use(m.node_id), soci::use(m.branch_id), soci::use(m.unit_id), soci::use(m.meeting_type),
      soci::use(m.held_on), soci::use(m.topic), soci::use(m.host_person_id), soci::use(m.lecturer, lecturer_i),
      soci::use(secretary), soci::use(m.location, location_i), soci::use(m.minutes, minutes_i), soci::use(photos),
      soci::use(created_by), soci::use(at), soci::use(at2), soci::into(id);
  return id;
}

bool MeetingStore::update_open(db::Tx& tx, const Meeting& meeting, const std::string& now) {
  Meeting m = meeting;
  std::string photos = Json(m.photos).dump(), at = now;
  int secretary = m.lecturer_is_secretary ? 1 : 0;
  soci::indicator lecturer_i = m.lecturer.empty() ? soci::i_null : soci::i_ok,
                  location_i = m.location.empty() ? soci::i_null : soci::i_ok,
                  minutes_i = m.minutes.empty() ? soci::i_null : soci::i_ok;
  soci::statement st = (tx.sql().prepare << kUpdate, soci::use(m.held_on), soci::use(m.topic), soci::use(m.host_person_id),
                        soci::use(m.lecturer, lecturer_i), soci::use(secretary), soci::use(m.location, location_i),
                        soci::use(m.minutes, minutes_i), soci::use(photos), soci::use(at), soci::use(m.id));
  st.execute(true);
  return db::affected_rows(st) == 1;
}

bool MeetingStore::delete_open(db::Tx& tx, long long id) {
  // The attendance goes first (foreign key); nothing is deleted when the meeting was closed meanwhile.
  if (db::Query("SELECT COUNT(*) FROM party_meeting WHERE status = 'open' AND id = ").value(id).count(tx.sql()) == 0)
    return false;
  db::Query("DELETE FROM party_meeting_attendance WHERE meeting_id = ").value(id).run(tx.sql());
  db::Query("DELETE FROM party_meeting WHERE status = 'open' AND id = ").value(id).run(tx.sql());
  return true;
}

bool MeetingStore::close(db::Tx& tx, long long id, long long by, const std::string& now) {
  std::string at = now, at2 = now;
  soci::statement st = (tx.sql().prepare << kClose, soci::use(by), soci::use(at), soci::use(at2), soci::use(id));
  st.execute(true);
  return db::affected_rows(st) == 1;
}

void MeetingStore::replace_attendance(db::Tx& tx, long long meeting_id, const std::vector<Attendance>& rows) {
  db::Query("DELETE FROM party_meeting_attendance WHERE meeting_id = ").value(meeting_id).run(tx.sql());
  for (const auto& a : rows) {
    db::Query q("INSERT INTO party_meeting_attendance (meeting_id, person_id, status, reason) VALUES (");
    q.value(meeting_id).add(", ").value(a.person_id).add(", ").value(a.status);
    if (a.reason.empty())
      q.add(", NULL)");
    else
      q.add(", ").value(a.reason).add(")");
    q.run(tx.sql());
  }
}

std::vector<Attendance> MeetingStore::attendance(soci::session& sql, long long meeting_id) {
  std::vector<Attendance> out;
  db::Query("SELECT a.person_id, p.name, p.party_status, a.status, COALESCE(a.reason, '') FROM party_meeting_attendance a "
            "JOIN person p ON p.id = a.person_id WHERE a.meeting_id = ")
      .value(meeting_id)
      .add(" ORDER BY p.name, p.id")
      .each(sql, [&](const soci::row& r) {
        out.push_back({db::column_ll(r, 0), text(r, 1), text(r, 2), text(r, 3), text(r, 4)});
      });
  return out;
}

std::optional<Meeting> MeetingStore::find(soci::session& sql, long long id) {
  std::optional<Meeting> out;
  db::Query(std::string(kColumns) + kFrom).add(" AND m.id = ").value(id).each(sql, [&](const soci::row& r) {
    out = from_row(r);
  });
  return out;
}

bool MeetingStore::visible(soci::session& sql, const Principal& caller, long long id) {
  db::Query q("SELECT COUNT(*) FROM party_meeting m JOIN org_node b ON b.id = m.branch_id JOIN org_node u ON u.id = m.unit_id "
              "WHERE m.id = ");
  q.value(id);
  add_scope(q, caller);
  return q.count(sql) > 0;
}

bool MeetingStore::branch_in_scope(soci::session& sql, const Principal& caller, long long unit_id, long long branch_id) {
  db::Query q("SELECT COUNT(*) FROM org_node u JOIN org_node b ON b.id = ");
  q.value(branch_id).add(" WHERE u.id = ").value(unit_id);
  db::restrict_to_scope(q, caller, "u.path", "b.path", "u.id", "b.id", "");
  return q.count(sql) > 0;
}

std::vector<Meeting> MeetingStore::list(soci::session& sql, const Principal& caller, const MeetingFilter& f, long long* total) {
  db::Query where;
  if (f.node_id) {
    where.add(" AND b.path LIKE (SELECT path FROM org_node WHERE id = ").value(f.node_id).add(") || '%'");
  }
  if (!f.meeting_type.empty()) where.add(" AND m.meeting_type = ").value(f.meeting_type);
  if (!f.status.empty()) where.add(" AND m.status = ").value(f.status);
  if (!f.from.empty()) where.add(" AND m.held_on >= ").value(f.from);
  if (!f.to.empty()) where.add(" AND m.held_on <= ").value(f.to);
  add_scope(where, caller);
  if (total)
    *total = db::Query::prefixed("SELECT COUNT(*) FROM party_meeting m JOIN org_node b ON b.id = m.branch_id "
                                 "JOIN org_node u ON u.id = m.unit_id WHERE 1 = 1",
                                 where)
                 .count(sql);
  std::vector<Meeting> out;
  db::Query::prefixed(std::string(kColumns) + kFrom, where)
      .add(" ORDER BY m.held_on DESC, m.id DESC LIMIT " + std::to_string(f.page_size) + " OFFSET " +
           std::to_string((f.page - 1) * f.page_size))
      .each(sql, [&](const soci::row& r) { out.push_back(from_row(r)); });
  return out;
}

std::vector<Meeting> MeetingStore::of_person(soci::session& sql, long long person_id, int limit) {
  std::vector<Meeting> out;
  db::Query(std::string(kColumns) + kFrom)
      .add(" AND m.id IN (SELECT meeting_id FROM party_meeting_attendance WHERE person_id = ")
      .value(person_id)
      .add(") ORDER BY m.held_on DESC, m.id DESC LIMIT " + std::to_string(limit))
      .each(sql, [&](const soci::row& r) { out.push_back(from_row(r)); });
  for (auto& m : out)
    db::Query("SELECT status, COALESCE(reason, '') FROM party_meeting_attendance WHERE meeting_id = ")
        .value(m.id)
        .add(" AND person_id = ")
        .value(person_id)
        .each(sql, [&](const soci::row& r) { m.attendance.push_back({person_id, "", "", text(r, 0), text(r, 1)}); });
  return out;
}

std::vector<Attendance> MeetingStore::branch_members(soci::session& sql, long long branch_id) {
  std::vector<Attendance> out;
  db::Query("SELECT id, name, party_status FROM person WHERE status = 'active' AND party_status IN ('full', 'probationary') "
            "AND branch_id = ")
      .value(branch_id)
      .add(" ORDER BY name, id")
      .each(sql, [&](const soci::row& r) { out.push_back({db::column_ll(r, 0), text(r, 1), text(r, 2), "present", ""}); });
  return out;
}

std::vector<MeetingNode> MeetingStore::nodes(soci::session& sql, const Principal& caller, long long node_id, int page,
                                             int page_size, long long* total) {
  // A node's unit is the deepest unit on its path; its scope is that of a person of the node.
  db::Query where(" AND n.status = 'active' AND n.node_type IN ('branch', 'general_branch', 'party_group')");
  if (node_id) where.add(" AND n.path LIKE (SELECT path FROM org_node WHERE id = ").value(node_id).add(") || '%'");
  db::restrict_to_scope(where, caller, "n.path", "", "n.id", "n.parent_id", "");
  if (total) *total = db::Query::prefixed("SELECT COUNT(*) FROM org_node n WHERE 1 = 1", where).count(sql);
  std::vector<MeetingNode> out;
  db::Query::prefixed(
      "SELECT n.id, n.name, n.node_type, COALESCE((SELECT u.name FROM org_node u WHERE u.node_type = 'unit' AND "
      "n.path LIKE u.path || '%' ORDER BY u.depth DESC LIMIT 1), ''), n.created_at FROM org_node n WHERE 1 = 1",
      where)
      .add(" ORDER BY n.path LIMIT " + std::to_string(page_size) + " OFFSET " + std::to_string((page - 1) * page_size))
      .each(sql, [&](const soci::row& r) {
        out.push_back({db::column_ll(r, 0), text(r, 1), text(r, 2), text(r, 3), text(r, 4).substr(0, 10)});
      });
  return out;
}

std::map<long long, std::map<std::string, std::vector<std::string>>> MeetingStore::held(soci::session& sql,
                                                                                       const std::vector<long long>& ids,
                                                                                       const std::string& since) {
  std::map<long long, std::map<std::string, std::vector<std::string>>> out;
  if (ids.empty()) return out;
  db::Query q("SELECT node_id, meeting_type, held_on, lecturer_is_secretary FROM party_meeting WHERE status = 'closed' AND held_on >= ");
  q.value(since);
  db::in_ids(q.add(" AND "), "node_id", ids);
  q.each(sql, [&](const soci::row& r) {
    auto& meeting_types = out[db::column_ll(r, 0)];
    meeting_types[text(r, 1)].push_back(text(r, 2));
    if (text(r, 1) == "party_lecture" && db::column_ll(r, 3) != 0) meeting_types["secretary_lecture"].push_back(text(r, 2));
  });
  return out;
}

std::map<long long, std::string> MeetingStore::first_meetings(soci::session& sql, const std::vector<long long>& ids) {
  std::map<long long, std::string> out;
  if (ids.empty()) return out;
  db::Query q("SELECT node_id, MIN(held_on) FROM party_meeting WHERE 1 = 1");
  db::in_ids(q.add(" AND "), "node_id", ids);
  q.add(" GROUP BY node_id").each(sql, [&](const soci::row& r) { out[db::column_ll(r, 0)] = text(r, 1); });
  return out;
}

}  // namespace xinhuo::party
