#include "study/reading_store.hpp"

#include "study/group_store.hpp"

namespace xinhuo::study {

namespace {

// The audience of the activity `r` as a condition on the person `p` (unit `pu`, branch `pb`).
constexpr const char* kInAudience =
    "(CASE WHEN r.group_id IS NOT NULL THEN (SELECT COUNT(*) FROM study_group_member m WHERE m.group_id = r.group_id "
    "AND m.person_id = p.id) ELSE (CASE WHEN pu.path LIKE n.path || '%' OR pb.path LIKE n.path || '%' THEN 1 ELSE 0 END) END) > 0";
constexpr const char* kPeople =
    " FROM person p JOIN org_node pu ON pu.id = p.unit_id LEFT JOIN org_node pb ON pb.id = p.branch_id WHERE p.status = 'active'";

constexpr const char* kColumns =
    "SELECT r.id, r.node_id, n.name, COALESCE(r.group_id, 0), COALESCE(g.name, ''), r.book_title, COALESCE(r.author, ''), "
    "COALESCE(r.description, ''), r.starts_on, r.ends_on, r.status, ca.display_name, r.created_at, COALESCE(r.closed_at, ''), "
    "(SELECT COUNT(*) FROM study_reading_note x WHERE x.reading_id = r.id), "
    "(SELECT COUNT(*) FROM study_reading_note x WHERE x.reading_id = r.id AND x.excellent = 1), (SELECT COUNT(*)";
constexpr const char* kFrom =
    " FROM study_reading r JOIN org_node n ON n.id = r.node_id LEFT JOIN study_group g ON g.id = r.group_id "
    "JOIN account ca ON ca.id = r.created_by";

std::string text(const soci::row& r, std::size_t i) { return r.get_indicator(i) == soci::i_null ? "" : r.get<std::string>(i); }
int integer(const soci::row& r, std::size_t i) { return static_cast<int>(db::column_ll(r, i)); }

std::string columns() { return std::string(kColumns) + kPeople + " AND " + kInAudience + ")"; }

Reading from_row(const soci::row& r) {
  Reading a;
  a.id = db::column_ll(r, 0);
  a.node_id = db::column_ll(r, 1);
  a.node_name = text(r, 2);
  a.group_id = db::column_ll(r, 3);
  a.group_name = text(r, 4);
  a.book_title = text(r, 5);
  a.author = text(r, 6);
  a.description = text(r, 7);
  a.starts_on = text(r, 8);
  a.ends_on = text(r, 9);
  a.status = text(r, 10);
  a.created_by_name = text(r, 11);
  a.created_at = text(r, 12);
  a.closed_at = text(r, 13);
  a.notes = integer(r, 14);
  a.excellent = integer(r, 15);
  a.expected = integer(r, 16);
  return a;
}

constexpr const char* kNoteColumns =
    "SELECT x.id, x.reading_id, x.person_id, p.name, pu.name, x.content, COALESCE(x.photo_file_id, 0), x.excellent, "
    "x.created_at, x.updated_at FROM study_reading_note x JOIN person p ON p.id = x.person_id JOIN org_node pu ON pu.id = p.unit_id";

ReadingNote note_from(const soci::row& r) {
  return {.id = db::column_ll(r, 0), .reading_id = db::column_ll(r, 1), .person_id = db::column_ll(r, 2), .name = text(r, 3),
          .unit_name = text(r, 4), .content = text(r, 5), .photo_file_id = db::column_ll(r, 6),
          .excellent = db::column_ll(r, 7) != 0, .created_at = text(r, 8), .updated_at = text(r, 9)};
}

void nullable(db::Query& q, const std::string& v) { v.empty() ? q.add("NULL") : q.value(v); }

}  // namespace

long long ReadingStore::insert(db::Tx& tx, const Reading& r, long long created_by, const std::string& now) {
  db::Query q("INSERT INTO study_reading (node_id, group_id, book_title, author, description, starts_on, ends_on, status, "
              "created_by, created_at, updated_at) VALUES (");
  q.value(r.node_id).add(", ");
  r.group_id ? q.value(r.group_id) : q.add("NULL");
  q.add(", ").value(r.book_title).add(", ");
  nullable(q, r.author);
  q.add(", ");
  nullable(q, r.description);
  q.add(", ").value(r.starts_on).add(", ").value(r.ends_on).add(", 'open', ").value(created_by);
  q.add(", ").value(now).add(", ").value(now).add(") RETURNING id");
  return q.count(tx.sql());
}

bool ReadingStore::update_open(db::Tx& tx, const Reading& r, const std::string& now) {
  db::Query q("UPDATE study_reading SET book_title = ");
  q.value(r.book_title).add(", author = ");
  nullable(q, r.author);
  q.add(", description = ");
  nullable(q, r.description);
  q.add(", starts_on = ").value(r.starts_on).add(", ends_on = ").value(r.ends_on).add(", updated_at = ").value(now);
  int rows = 0;
  q.add(" WHERE status = 'open' AND id = ").value(r.id).add(" RETURNING id").each(tx.sql(), [&](const soci::row&) { ++rows; });
  return rows == 1;
}

bool ReadingStore::close(db::Tx& tx, long long id, long long by, const std::string& now) {
  int rows = 0;
  db::Query("UPDATE study_reading SET status = 'closed', closed_by = ")
      .value(by)
      .add(", closed_at = ")
      .value(now)
      .add(", updated_at = ")
      .value(now)
      .add(" WHERE status = 'open' AND id = ")
      .value(id)
      .add(" RETURNING id")
      .each(tx.sql(), [&](const soci::row&) { ++rows; });
  return rows == 1;
}

std::optional<Reading> ReadingStore::find(soci::session& sql, long long id) {
  std::optional<Reading> out;
  db::Query(columns() + kFrom).add(" WHERE r.id = ").value(id).each(sql, [&](const soci::row& r) { out = from_row(r); });
  return out;
}

std::vector<Reading> ReadingStore::list(soci::session& sql, const Principal& caller, const ReadingFilter& f, long long* total) {
  db::Query where(" WHERE 1 = 1");
  if (f.id) where.add(" AND r.id = ").value(f.id);
  if (f.node_id) where.add(" AND n.path LIKE (SELECT path FROM org_node WHERE id = ").value(f.node_id).add(") || '%'");
  if (!f.status.empty()) where.add(" AND r.status = ").value(f.status);
  if (!f.title.empty()) where.add(" AND r.book_title LIKE ").value("%" + f.title + "%");
  GroupStore::node_scope(where, caller, "n");
  *total = db::Query::prefixed(std::string("SELECT COUNT(*)") + kFrom, where).count(sql);
  std::vector<Reading> out;
  db::Query::prefixed(columns() + kFrom, where)
      .add(" ORDER BY r.starts_on DESC, r.id DESC LIMIT " + std::to_string(f.page_size) + " OFFSET " +
           std::to_string(static_cast<long long>(f.page - 1) * f.page_size))
      .each(sql, [&](const soci::row& r) { out.push_back(from_row(r)); });
  return out;
}

bool ReadingStore::in_audience(soci::session& sql, const Reading& r, long long person_id) {
  return db::Query(std::string("SELECT COUNT(*) FROM study_reading r JOIN org_node n ON n.id = r.node_id CROSS JOIN") +
                   (std::string(kPeople).substr(5)) + " AND " + kInAudience + " AND r.id = ")
             .value(r.id)
             .add(" AND p.id = ")
             .value(person_id)
             .count(sql) > 0;
}

std::vector<ReadingNote> ReadingStore::notes(soci::session& sql, const Principal& caller, const Reading& r,
                                             const std::string& status, int page, int page_size, long long* total) {
  // Whoever wrote a note counts too (a person who has left the group since).
  db::Query q(" FROM study_reading r JOIN org_node n ON n.id = r.node_id CROSS JOIN person p JOIN org_node pu ON pu.id = p.unit_id "
              "LEFT JOIN org_node pb ON pb.id = p.branch_id LEFT JOIN study_reading_note x ON x.reading_id = r.id AND x.person_id = p.id "
              "WHERE p.status = 'active'");
  q.add(std::string(" AND (x.id IS NOT NULL OR ") + kInAudience + ") AND r.id = ").value(r.id);
  db::restrict_to_scope(q, caller, "pu.path", "pb.path", "pu.id", "pb.id", "p.id");
  if (status == "submitted") q.add(" AND x.id IS NOT NULL");
  if (status == "pending") q.add(" AND x.id IS NULL");
  if (status == "excellent") q.add(" AND x.excellent = 1");
  *total = db::Query::prefixed("SELECT COUNT(*)", q).count(sql);
  std::vector<ReadingNote> out;
  db::Query::prefixed("SELECT COALESCE(x.id, 0), r.id, p.id, p.name, pu.name, COALESCE(x.content, ''), "
                      "COALESCE(x.photo_file_id, 0), COALESCE(x.excellent, 0), COALESCE(x.created_at, ''), COALESCE(x.updated_at, '')",
                      q)
      .add(" ORDER BY CASE WHEN x.id IS NULL THEN 1 ELSE 0 END, x.excellent DESC, x.updated_at DESC, pu.sort_order, p.name, p.id "
           "LIMIT " + std::to_string(page_size) + " OFFSET " + std::to_string(static_cast<long long>(page - 1) * page_size))
      .each(sql, [&](const soci::row& row) { out.push_back(note_from(row)); });
  return out;
}

std::optional<ReadingNote> ReadingStore::note(soci::session& sql, long long reading_id, long long person_id) {
  std::optional<ReadingNote> out;
  db::Query(kNoteColumns)
      .add(" WHERE x.reading_id = ")
      .value(reading_id)
      .add(" AND x.person_id = ")
      .value(person_id)
      .each(sql, [&](const soci::row& r) { out = note_from(r); });
  return out;
}

std::optional<ReadingNote> ReadingStore::note_by_id(soci::session& sql, long long note_id) {
  std::optional<ReadingNote> out;
  db::Query(kNoteColumns).add(" WHERE x.id = ").value(note_id).each(sql, [&](const soci::row& r) { out = note_from(r); });
  return out;
}

bool ReadingStore::save_note(db::Tx& tx, long long reading_id, long long person_id, const std::string& content, long long photo,
                             const std::string& now) {
  // ON CONFLICT: two submissions racing make one note; the second edits it unless it was marked excellent meanwhile.
  db::Query q("INSERT INTO study_reading_note (reading_id, person_id, content, photo_file_id, created_at, updated_at) VALUES (");
  q.value(reading_id).add(", ").value(person_id).add(", ").value(content).add(", ");
  photo ? q.value(photo) : q.add("NULL");
  q.add(", ").value(now).add(", ").value(now).add(") ON CONFLICT (reading_id, person_id) DO UPDATE SET content = excluded.content, "
                                                  "photo_file_id = excluded.photo_file_id, updated_at = excluded.updated_at "
                                                  "WHERE study_reading_note.excellent = 0 RETURNING id");
  int rows = 0;
  q.each(tx.sql(), [&](const soci::row&) { ++rows; });
  return rows == 1;
}

bool ReadingStore::mark(db::Tx& tx, long long note_id, bool excellent, long long by, const std::string& now) {
  int rows = 0;
  db::Query("UPDATE study_reading_note SET excellent = ")
      .value(excellent ? 1 : 0)
      .add(", marked_by = ")
      .value(by)
      .add(", updated_at = ")
      .value(now)
      .add(" WHERE excellent = ")
      .value(excellent ? 0 : 1)
      .add(" AND id = ")
      .value(note_id)
      .add(" RETURNING id")
      .each(tx.sql(), [&](const soci::row&) { ++rows; });
  return rows == 1;
}

std::vector<std::pair<Reading, std::optional<ReadingNote>>> ReadingStore::of_person(soci::session& sql, long long person_id,
                                                                                   const std::string& closed_since) {
  std::vector<std::pair<Reading, std::optional<ReadingNote>>> out;
  db::Query q(columns() + kFrom);
  q.add(" WHERE (r.status = 'open' OR r.closed_at >= ").value(closed_since).add(") AND EXISTS (SELECT 1");
  q.add(kPeople).add(" AND p.id = ").value(person_id).add(" AND ").add(kInAudience);
  q.add(") ORDER BY CASE WHEN r.status = 'open' THEN 0 ELSE 1 END, r.ends_on, r.id DESC LIMIT 100");
  q.each(sql, [&](const soci::row& r) { out.emplace_back(from_row(r), std::nullopt); });
  for (auto& [reading, note] : out) note = ReadingStore::note(sql, reading.id, person_id);
  return out;
}

}  // namespace xinhuo::study
