#include "study/course_store.hpp"

#include "study/group_store.hpp"

namespace xinhuo::study {

namespace {

constexpr const char* kColumns =
    "SELECT c.id, c.node_id, n.name, c.title, COALESCE(c.description, ''), c.kind, c.credit_minutes, "
    "COALESCE(c.duration_seconds, 0), COALESCE(c.url, ''), COALESCE(c.file_id, 0), COALESCE(c.required_by, ''), c.status, "
    "ca.display_name, c.created_at, c.updated_at, COALESCE(c.published_at, '')";
constexpr const char* kFrom = " FROM study_course c JOIN org_node n ON n.id = c.node_id JOIN account ca ON ca.id = c.created_by";

// The active people of the course `c`'s audience: their unit or branch lies under the offering node. `p` is the
// person, `pu`/`pb` their unit and branch.
constexpr const char* kAudiencePeople =
    " FROM person p JOIN org_node pu ON pu.id = p.unit_id LEFT JOIN org_node pb ON pb.id = p.branch_id "
    "WHERE p.status = 'active' AND (pu.path LIKE n.path || '%' OR pb.path LIKE n.path || '%')";

std::string text(const soci::row& r, std::size_t i) { return r.get_indicator(i) == soci::i_null ? "" : r.get<std::string>(i); }
int integer(const soci::row& r, std::size_t i) { return static_cast<int>(db::column_ll(r, i)); }

Course from_row(const soci::row& r) {
  Course c;
  c.id = db::column_ll(r, 0);
  c.node_id = db::column_ll(r, 1);
  c.node_name = text(r, 2);
  c.title = text(r, 3);
  c.description = text(r, 4);
  c.kind = text(r, 5);
  c.credit_minutes = integer(r, 6);
  c.duration_seconds = integer(r, 7);
  c.url = text(r, 8);
  c.file_id = db::column_ll(r, 9);
  c.required_by = text(r, 10);
  c.status = text(r, 11);
  c.created_by_name = text(r, 12);
  c.created_at = text(r, 13);
  c.updated_at = text(r, 14);
  c.published_at = text(r, 15);
  return c;
}

void nullable(db::Query& q, const std::string& v) { v.empty() ? q.add("NULL") : q.value(v); }
void nullable(db::Query& q, long long v) { v ? q.value(v) : q.add("NULL"); }

// The caller's scope over a learner (their unit, branch, or themselves for 仅本人).
void learner_scope(db::Query& q, const Principal& caller) {
  db::restrict_to_scope(q, caller, "pu.path", "pb.path", "pu.id", "pb.id", "p.id");
}

// Counts of people in the caller's scope: in the audience, with a progress row, with a completion.
void figures(db::Query& q, const Principal& caller) {
  q.add(", (SELECT COUNT(*)").add(kAudiencePeople);
  learner_scope(q, caller);
  q.add("), (SELECT COUNT(*) FROM study_course_progress cp JOIN person p ON p.id = cp.person_id JOIN org_node pu ON "
        "pu.id = p.unit_id LEFT JOIN org_node pb ON pb.id = p.branch_id WHERE cp.course_id = c.id");
  learner_scope(q, caller);
  q.add("), (SELECT COUNT(*) FROM study_course_progress cp JOIN person p ON p.id = cp.person_id JOIN org_node pu ON "
        "pu.id = p.unit_id LEFT JOIN org_node pb ON pb.id = p.branch_id WHERE cp.course_id = c.id AND cp.completed_at IS NOT NULL");
  learner_scope(q, caller);
  q.add(")");
}

// " FROM … WHERE …": the audience people of the course in the caller's scope (p, pu, pb) with their progress (cp).
db::Query report_base(const Principal& caller, long long course_id) {
  db::Query q(" FROM study_course c JOIN org_node n ON n.id = c.node_id JOIN person p ON p.status = 'active' "
              "JOIN org_node pu ON pu.id = p.unit_id LEFT JOIN org_node pb ON pb.id = p.branch_id "
              "LEFT JOIN study_course_progress cp ON cp.course_id = c.id AND cp.person_id = p.id "
              "WHERE (pu.path LIKE n.path || '%' OR pb.path LIKE n.path || '%') AND c.id = ");
  q.value(course_id);
  learner_scope(q, caller);
  return q;
}

}  // namespace

long long CourseStore::insert(db::Tx& tx, const Course& c, long long created_by, const std::string& now) {
  db::Query q("INSERT INTO study_course (node_id, title, description, kind, credit_minutes, duration_seconds, url, file_id, "
              "required_by, status, created_by, created_at, updated_at) VALUES (");
  q.value(c.node_id).add(", ").value(c.title).add(", ");
  nullable(q, c.description);
  q.add(", ").value(c.kind).add(", ").value(c.credit_minutes).add(", ");
  nullable(q, static_cast<long long>(c.duration_seconds));
  q.add(", ");
  nullable(q, c.url);
  q.add(", ");
  nullable(q, c.file_id);
  q.add(", ");
  nullable(q, c.required_by);
  q.add(", 'draft', ").value(created_by).add(", ").value(now).add(", ").value(now).add(") RETURNING id");
  return q.count(tx.sql());
}

void CourseStore::update(db::Tx& tx, const Course& c, const std::string& now) {
  db::Query q("UPDATE study_course SET title = ");
  q.value(c.title).add(", description = ");
  nullable(q, c.description);
  q.add(", kind = ").value(c.kind).add(", credit_minutes = ").value(c.credit_minutes).add(", duration_seconds = ");
  nullable(q, static_cast<long long>(c.duration_seconds));
  q.add(", url = ");
  nullable(q, c.url);
  q.add(", file_id = ");
  nullable(q, c.file_id);
  q.add(", required_by = ");
  nullable(q, c.required_by);
  q.add(", updated_at = ").value(now).add(" WHERE id = ").value(c.id).run(tx.sql());
}

bool CourseStore::set_status(db::Tx& tx, long long id, const std::vector<std::string>& from, const std::string& to,
                             const std::string& now) {
  db::Query q("UPDATE study_course SET status = ");
  q.value(to).add(", updated_at = ").value(now);
  if (to == "published") q.add(", published_at = ").value(now);
  q.add(" WHERE id = ").value(id).add(" AND status IN (");
  for (std::size_t i = 0; i < from.size(); ++i) (i ? q.add(", ") : q).value(from[i]);
  int rows = 0;
  q.add(") RETURNING id").each(tx.sql(), [&](const soci::row&) { ++rows; });
  return rows == 1;
}

std::optional<Course> CourseStore::find(soci::session& sql, long long id) {
  std::optional<Course> out;
  db::Query(std::string(kColumns) + kFrom).add(" WHERE c.id = ").value(id).each(sql, [&](const soci::row& r) { out = from_row(r); });
  return out;
}

std::vector<Course> CourseStore::list(soci::session& sql, const Principal& caller, const CourseFilter& f, long long* total) {
  db::Query where(" WHERE 1 = 1");
  if (f.id) where.add(" AND c.id = ").value(f.id);
  if (f.node_id) where.add(" AND n.path LIKE (SELECT path FROM org_node WHERE id = ").value(f.node_id).add(") || '%'");
  if (!f.status.empty()) where.add(" AND c.status = ").value(f.status);
  if (!f.kind.empty()) where.add(" AND c.kind = ").value(f.kind);
  if (!f.title.empty()) where.add(" AND c.title LIKE ").value("%" + f.title + "%");
  GroupStore::node_scope(where, caller, "n");
  *total = db::Query::prefixed(std::string("SELECT COUNT(*)") + kFrom, where).count(sql);
  db::Query q(kColumns);
  figures(q, caller);
  q.add(kFrom).append(where).add(" ORDER BY c.id DESC LIMIT " + std::to_string(f.page_size) + " OFFSET " +
                                 std::to_string(static_cast<long long>(f.page - 1) * f.page_size));
  std::vector<Course> out;
  q.each(sql, [&](const soci::row& r) {
    Course c = from_row(r);
    c.audience = integer(r, 16);
    c.started = integer(r, 17);
    c.completed = integer(r, 18);
    out.push_back(std::move(c));
  });
  return out;
}

bool CourseStore::has_progress(soci::session& sql, long long id) {
  return db::Query("SELECT COUNT(*) FROM study_course_progress WHERE course_id = ").value(id).count(sql) > 0;
}

bool CourseStore::in_audience(soci::session& sql, long long node_id, long long person_id) {
  return db::Query("SELECT COUNT(*) FROM org_node n JOIN person p ON p.id = ")
             .value(person_id)
             .add(" JOIN org_node pu ON pu.id = p.unit_id LEFT JOIN org_node pb ON pb.id = p.branch_id WHERE n.id = ")
             .value(node_id)
             .add(" AND p.status = 'active' AND (pu.path LIKE n.path || '%' OR pb.path LIKE n.path || '%')")
             .count(sql) > 0;
}

std::vector<Course> CourseStore::of_person(soci::session& sql, long long person_id) {
  db::Query q(kColumns);
  q.add(", COALESCE(cp.watched_seconds, 0), COALESCE(cp.position_seconds, 0), COALESCE(cp.started_at, ''), "
        "COALESCE(cp.last_beat_at, ''), COALESCE(cp.completed_at, '')")
      .add(kFrom)
      .add(" JOIN person p ON p.id = ")
      .value(person_id)
      .add(" JOIN org_node pu ON pu.id = p.unit_id LEFT JOIN org_node pb ON pb.id = p.branch_id "
           "LEFT JOIN study_course_progress cp ON cp.course_id = c.id AND cp.person_id = p.id "
           "WHERE c.status = 'published' AND (pu.path LIKE n.path || '%' OR pb.path LIKE n.path || '%') "
           "ORDER BY CASE WHEN cp.completed_at IS NOT NULL THEN 2 WHEN cp.started_at IS NOT NULL THEN 0 ELSE 1 END, "
           "cp.last_beat_at DESC, COALESCE(c.required_by, '9999'), c.id DESC LIMIT 200");
  std::vector<Course> out;
  q.each(sql, [&](const soci::row& r) {
    Course c = from_row(r);
    c.watched_seconds = integer(r, 16);
    c.position_seconds = integer(r, 17);
    c.started_at = text(r, 18);
    c.last_beat_at = text(r, 19);
    c.completed_at = text(r, 20);
    out.push_back(std::move(c));
  });
  return out;
}

namespace {

std::optional<ProgressRow> read_progress(soci::session& sql, long long course_id, long long person_id, const char* suffix) {
  std::optional<ProgressRow> out;
  db::Query("SELECT watched_seconds, position_seconds, credit_clock, started_at, last_beat_at, COALESCE(completed_at, '') "
            "FROM study_course_progress WHERE course_id = ")
      .value(course_id)
      .add(" AND person_id = ")
      .value(person_id)
      .add(suffix)
      .each(sql, [&](const soci::row& r) {
        out = ProgressRow{.watched_seconds = integer(r, 0), .position_seconds = integer(r, 1), .credit_clock = text(r, 2),
                          .started_at = text(r, 3), .last_beat_at = text(r, 4), .completed_at = text(r, 5)};
      });
  return out;
}

}  // namespace

std::optional<ProgressRow> CourseStore::progress(soci::session& sql, long long course_id, long long person_id) {
  return read_progress(sql, course_id, person_id, "");
}

std::optional<ProgressRow> CourseStore::progress_for_update(db::Tx& tx, long long course_id, long long person_id) {
  return read_progress(tx.sql(), course_id, person_id, tx.dialect() == db::Dialect::postgresql ? " FOR UPDATE" : "");
}

void CourseStore::start(db::Tx& tx, long long course_id, long long person_id, const std::string& now) {
  // ON CONFLICT: the player opened twice (or on two phones at once) makes one row.
  db::Query("INSERT INTO study_course_progress (course_id, person_id, credit_clock, started_at, last_beat_at) VALUES (")
      .value(course_id)
      .add(", ")
      .value(person_id)
      .add(", ")
      .value(now)
      .add(", ")
      .value(now)
      .add(", ")
      .value(now)
      .add(") ON CONFLICT (course_id, person_id) DO NOTHING")
      .run(tx.sql());
}

bool CourseStore::advance(db::Tx& tx, long long course_id, long long person_id, const ProgressRow& before,
                          const ProgressStep& step) {
  db::Query q("UPDATE study_course_progress SET watched_seconds = ");
  q.value(step.watched_seconds).add(", position_seconds = ").value(step.position_seconds);
  q.add(", credit_clock = ").value(step.credit_clock).add(", last_beat_at = ").value(step.now);
  if (step.completes) q.add(", completed_at = ").value(step.now);
  q.add(" WHERE course_id = ").value(course_id).add(" AND person_id = ").value(person_id);
  q.add(" AND watched_seconds = ").value(before.watched_seconds).add(" AND credit_clock = ").value(before.credit_clock);
  if (step.completes) q.add(" AND completed_at IS NULL");
  int rows = 0;
  q.add(" RETURNING course_id").each(tx.sql(), [&](const soci::row&) { ++rows; });
  return rows == 1;
}

std::vector<CourseLearner> CourseStore::learners(soci::session& sql, const Principal& caller, const Course& c,
                                                 const std::string& status, const std::string& name, int page, int page_size,
                                                 long long* total) {
  db::Query base = report_base(caller, c.id);
  if (status == "started") base.add(" AND cp.person_id IS NOT NULL");
  if (status == "in_progress") base.add(" AND cp.person_id IS NOT NULL AND cp.completed_at IS NULL");
  if (status == "completed") base.add(" AND cp.completed_at IS NOT NULL");
  if (status == "not_started") base.add(" AND cp.person_id IS NULL");
  if (!name.empty()) base.add(" AND p.name LIKE ").value("%" + name + "%");
  *total = db::Query::prefixed("SELECT COUNT(*)", base).count(sql);
  std::vector<CourseLearner> out;
  db::Query::prefixed("SELECT p.id, p.name, pu.name, COALESCE(cp.watched_seconds, 0), COALESCE(cp.started_at, ''), "
                      "COALESCE(cp.last_beat_at, ''), COALESCE(cp.completed_at, '')",
                      base)
      .add(" ORDER BY pu.sort_order, pu.id, p.name, p.id LIMIT " + std::to_string(page_size) + " OFFSET " +
           std::to_string(static_cast<long long>(page - 1) * page_size))
      .each(sql, [&](const soci::row& r) {
        out.push_back({.person_id = db::column_ll(r, 0), .name = text(r, 1), .unit_name = text(r, 2),
                       .watched_seconds = integer(r, 3), .started_at = text(r, 4), .last_beat_at = text(r, 5),
                       .completed_at = text(r, 6)});
      });
  return out;
}

std::vector<CourseUnitFigures> CourseStore::units(soci::session& sql, const Principal& caller, const Course& c) {
  db::Query q = db::Query::prefixed("SELECT pu.id, pu.name, COUNT(*), COUNT(cp.person_id), COUNT(cp.completed_at)",
                                    report_base(caller, c.id));
  q.add(" GROUP BY pu.id, pu.name, pu.sort_order ORDER BY pu.sort_order, pu.id LIMIT 2000");
  std::vector<CourseUnitFigures> out;
  q.each(sql, [&](const soci::row& r) {
    out.push_back({.unit_id = db::column_ll(r, 0), .unit_name = text(r, 1), .people = integer(r, 2), .started = integer(r, 3),
                   .completed = integer(r, 4)});
  });
  return out;
}

}  // namespace xinhuo::study
