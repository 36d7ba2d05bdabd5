#include "db/query.hpp"
#include "masswork/store.hpp"

namespace xinhuo::masswork {

namespace {

std::string text(const soci::row& r, std::size_t i) { return r.get_indicator(i) == soci::i_null ? "" : r.get<std::string>(i); }

db::Query& id_or_null(db::Query& q, long long v) { return v ? q.value(v) : q.add("NULL"); }

bool changed(db::Tx& tx, db::Query& q) {
  long long rows = 0;
  q.add(" RETURNING id").each(tx.sql(), [&](const soci::row&) { ++rows; });
  return rows == 1;
}

void node_scope(db::Query& q, const Principal& caller) {
  Principal nodes_only = caller;
  nodes_only.scope.self = false;
  db::restrict_to_scope(q, nodes_only, "n.path", "", "n.id", "", "");
}

constexpr const char* kProject =
    "SELECT j.id, j.org_node_id, n.name, j.title, j.category, j.need, j.budget_cap, j.deadline, j.status, "
    "COALESCE(j.claimer_person_id, 0), COALESCE(j.claimer_team_id, 0), COALESCE(cp.name, ''), COALESCE(t.name, ''), "
    "COALESCE(j.claimed_at, ''), COALESCE(j.done_note, ''), COALESCE(j.done_at, ''), j.done_photos, COALESCE(j.satisfaction, 0), "
    "COALESCE(j.rating_note, ''), COALESCE(j.rated_at, ''), COALESCE(j.closed_at, ''), j.created_at, j.updated_at "
    "FROM mass_project j JOIN org_node n ON n.id = j.org_node_id LEFT JOIN person cp ON cp.id = j.claimer_person_id "
    "LEFT JOIN mass_team t ON t.id = j.claimer_team_id WHERE 1 = 1";
constexpr const char* kProjectCount =
    "SELECT COUNT(*) FROM mass_project j JOIN org_node n ON n.id = j.org_node_id WHERE 1 = 1";

Project project_of(const soci::row& r, const std::string& today) {
  Project p;
  p.id = db::column_ll(r, 0);
  p.org_node_id = db::column_ll(r, 1);
  p.org_node_name = text(r, 2);
  p.title = text(r, 3);
  p.category = text(r, 4);
  p.need = text(r, 5);
  p.budget_cap = db::column_ll(r, 6);
  p.deadline = text(r, 7);
  p.status = text(r, 8);
  p.claimer_person_id = db::column_ll(r, 9);
  p.claimer_team_id = db::column_ll(r, 10);
  p.claimer_name = text(r, 11);
  p.team_name = text(r, 12);
  p.claimed_at = text(r, 13);
  p.done_note = text(r, 14);
  p.done_at = text(r, 15);
  p.done_photos = id_list(text(r, 16));
  p.satisfaction = static_cast<int>(db::column_ll(r, 17));
  p.rating_note = text(r, 18);
  p.rated_at = text(r, 19);
  p.closed_at = text(r, 20);
  p.created_at = text(r, 21);
  p.updated_at = text(r, 22);
  p.overdue = (p.status == "published" || p.status == "claimed") && p.deadline < today;
  return p;
}

}  // namespace

long long ProjectStore::insert(db::Tx& tx, const Project& p, long long account_id, const std::string& now) {
  db::Query q("INSERT INTO mass_project (org_node_id, title, category, need, budget_cap, deadline, status, published_by, "
              "created_at, updated_at) VALUES (");
  q.value(p.org_node_id).add(", ").value(p.title).add(", ").value(p.category).add(", ").value(p.need).add(", ");
  q.value(p.budget_cap).add(", ").value(p.deadline).add(", 'published', ");
  id_or_null(q, account_id).add(", ").value(now).add(", ").value(now).add(") RETURNING id");
  long long id = 0;
  q.each(tx.sql(), [&](const soci::row& r) { id = db::column_ll(r, 0); });
  return id;
}

bool ProjectStore::claim(db::Tx& tx, long long id, long long person_id, long long team_id, const std::string& now) {
  db::Query q("UPDATE mass_project SET status = 'claimed', claimer_person_id = ");
  q.value(person_id).add(", claimer_team_id = ");
  id_or_null(q, team_id).add(", claimed_at = ").value(now).add(", updated_at = ").value(now);
  q.add(" WHERE id = ").value(id).add(" AND status = 'published' AND claimer_person_id IS NULL");
  return changed(tx, q);
}

bool ProjectStore::done(db::Tx& tx, long long id, const std::string& note, const std::vector<long long>& photos,
                        const std::string& now) {
  db::Query q("UPDATE mass_project SET status = 'done', done_note = ");
  q.value(note).add(", done_photos = ").value(id_list_json(photos)).add(", done_at = ").value(now);
  q.add(", updated_at = ").value(now).add(" WHERE id = ").value(id).add(" AND status = 'claimed'");
  return changed(tx, q);
}

bool ProjectStore::rate(db::Tx& tx, long long id, int satisfaction, const std::string& note, const std::string& now) {
  db::Query q("UPDATE mass_project SET status = 'rated', satisfaction = ");
  q.value(static_cast<long long>(satisfaction)).add(", rating_note = ").value(note).add(", rated_at = ").value(now);
  q.add(", updated_at = ").value(now).add(" WHERE id = ").value(id).add(" AND status = 'done'");
  return changed(tx, q);
}

bool ProjectStore::close(db::Tx& tx, long long id, const std::string& from, const std::string& now) {
  db::Query q("UPDATE mass_project SET status = 'closed', closed_at = ");
  q.value(now).add(", updated_at = ").value(now).add(" WHERE id = ").value(id).add(" AND status = ").value(from);
  return changed(tx, q);
}

void ProjectStore::add_update(db::Tx& tx, long long project_id, long long person_id, const std::string& kind,
                              const std::string& note, const std::vector<long long>& photos, const std::string& now) {
  db::Query q("INSERT INTO mass_project_update (project_id, person_id, kind, note, photos, at) VALUES (");
  q.value(project_id).add(", ").value(person_id).add(", ").value(kind).add(", ").value(note).add(", ");
  q.value(id_list_json(photos)).add(", ").value(now).add(")").run(tx.sql());
}

std::optional<Project> ProjectStore::find(soci::session& sql, long long id, const std::string& today) {
  std::optional<Project> out;
  db::Query(kProject).add(" AND j.id = ").value(id).each(sql, [&](const soci::row& r) { out = project_of(r, today); });
  return out;
}

bool ProjectStore::in_scope(soci::session& sql, const Principal& caller, long long id) {
  db::Query q(kProjectCount);
  q.add(" AND j.id = ").value(id);
  node_scope(q, caller);
  return q.count(sql) > 0;
}

std::vector<Project> ProjectStore::list(soci::session& sql, const Principal* caller, const ProjectFilter& f,
                                        const std::string& today, long long* total) {
  db::Query where;
  if (f.node_id) where.add(" AND n.path LIKE (SELECT path FROM org_node WHERE id = ").value(f.node_id).add(") || '%'");
  if (!f.status.empty()) where.add(" AND j.status = ").value(f.status);
  if (!f.category.empty()) where.add(" AND j.category = ").value(f.category);
  if (f.overdue_only) where.add(" AND j.status IN ('published', 'claimed') AND j.deadline < ").value(today);
  if (!f.q.empty()) {
    const std::string like = "%" + f.q + "%";
    where.add(" AND (j.title LIKE ").value(like).add(" OR j.need LIKE ").value(like).add(")");
  }
  if (caller) node_scope(where, *caller);
  if (total) *total = db::Query::prefixed(kProjectCount, where).count(sql);
  std::vector<Project> out;
  db::Query::prefixed(kProject, where)
      .add(" ORDER BY j.deadline, j.id LIMIT " + std::to_string(f.page_size) + " OFFSET " + std::to_string((f.page - 1) * f.page_size))
      .each(sql, [&](const soci::row& r) { out.push_back(project_of(r, today)); });
  return out;
}

std::vector<Project> ProjectStore::claimed_by(soci::session& sql, long long person_id, const std::string& today) {
  std::vector<Project> out;
  db::Query(kProject)
      .add(" AND (j.claimer_person_id = ")
      .value(person_id)
      .add(" OR j.claimer_team_id IN (SELECT team_id FROM mass_team_member WHERE person_id = ")
      .value(person_id)
      .add(")) ORDER BY j.updated_at DESC, j.id DESC LIMIT 200")
      .each(sql, [&](const soci::row& r) { out.push_back(project_of(r, today)); });
  return out;
}

std::vector<ProjectUpdate> ProjectStore::updates(soci::session& sql, long long project_id) {
  std::vector<ProjectUpdate> out;
  db::Query("SELECT u.kind, u.note, p.name, u.at, u.photos FROM mass_project_update u JOIN person p ON p.id = u.person_id "
            "WHERE u.project_id = ")
      .value(project_id)
      .add(" ORDER BY u.id")
      .each(sql, [&](const soci::row& r) {
        out.push_back({text(r, 0), text(r, 1), text(r, 2), text(r, 3), id_list(text(r, 4))});
      });
  return out;
}

long long ProjectStore::insert_team(db::Tx& tx, const Team& t, const std::string& now) {
  db::Query q("INSERT INTO mass_team (org_node_id, name, leader_person_id, created_at, updated_at) VALUES (");
  q.value(t.org_node_id).add(", ").value(t.name).add(", ");
  id_or_null(q, t.leader_person_id).add(", ").value(now).add(", ").value(now).add(") RETURNING id");
  long long id = 0;
  q.each(tx.sql(), [&](const soci::row& r) { id = db::column_ll(r, 0); });
  return id;
}

bool ProjectStore::update_team(db::Tx& tx, const Team& t, const std::string& now) {
  db::Query q("UPDATE mass_team SET name = ");
  q.value(t.name).add(", leader_person_id = ");
  id_or_null(q, t.leader_person_id).add(", updated_at = ").value(now).add(" WHERE id = ").value(t.id);
  return changed(tx, q);
}

void ProjectStore::set_members(db::Tx& tx, long long team_id, const std::vector<long long>& people) {
  db::Query("DELETE FROM mass_team_member WHERE team_id = ").value(team_id).run(tx.sql());
  for (auto p : people)
    db::Query("INSERT INTO mass_team_member (team_id, person_id) VALUES (").value(team_id).add(", ").value(p).add(")").run(tx.sql());
}

std::optional<Team> ProjectStore::team(soci::session& sql, long long id) {
  std::optional<Team> out;
  db::Query("SELECT t.id, t.org_node_id, COALESCE(t.leader_person_id, 0), n.name, t.name, COALESCE(lp.name, ''), "
            "(SELECT COUNT(*) FROM mass_project j WHERE j.claimer_team_id = t.id), t.created_at "
            "FROM mass_team t JOIN org_node n ON n.id = t.org_node_id LEFT JOIN person lp ON lp.id = t.leader_person_id "
            "WHERE t.id = ")
      .value(id)
      .each(sql, [&](const soci::row& r) {
        Team t;
        t.id = db::column_ll(r, 0);
        t.org_node_id = db::column_ll(r, 1);
        t.leader_person_id = db::column_ll(r, 2);
        t.org_node_name = text(r, 3);
        t.name = text(r, 4);
        t.leader_name = text(r, 5);
        t.projects = db::column_ll(r, 6);
        t.created_at = text(r, 7);
        out = t;
      });
  if (out)
    db::Query("SELECT p.id, p.name, COALESCE((SELECT SUM(h.tenths) FROM mass_service_hours h WHERE h.team_id = m.team_id AND "
              "h.person_id = m.person_id), 0) FROM mass_team_member m JOIN person p ON p.id = m.person_id WHERE m.team_id = ")
        .value(id)
        .add(" ORDER BY p.id")
        .each(sql, [&](const soci::row& r) { out->members.push_back({db::column_ll(r, 0), text(r, 1), db::column_ll(r, 2)}); });
  return out;
}

bool ProjectStore::team_in_scope(soci::session& sql, const Principal& caller, long long id) {
  db::Query q("SELECT COUNT(*) FROM mass_team t JOIN org_node n ON n.id = t.org_node_id WHERE t.id = ");
  q.value(id);
  node_scope(q, caller);
  return q.count(sql) > 0;
}

std::vector<Team> ProjectStore::teams(soci::session& sql, const Principal* caller, long long member_person_id) {
  db::Query q("SELECT t.id FROM mass_team t JOIN org_node n ON n.id = t.org_node_id WHERE 1 = 1");
  if (member_person_id)
    q.add(" AND t.id IN (SELECT team_id FROM mass_team_member WHERE person_id = ").value(member_person_id).add(")");
  if (caller) node_scope(q, *caller);
  std::vector<long long> ids;
  q.add(" ORDER BY t.id LIMIT 500").each(sql, [&](const soci::row& r) { ids.push_back(db::column_ll(r, 0)); });
  std::vector<Team> out;
  for (auto id : ids)
    if (auto t = team(sql, id)) out.push_back(*t);
  return out;
}

bool ProjectStore::member(soci::session& sql, long long team_id, long long person_id) {
  return db::Query("SELECT COUNT(*) FROM mass_team_member WHERE team_id = ").value(team_id).add(" AND person_id = ").value(person_id).count(sql) > 0;
}

std::vector<long long> ProjectStore::members(soci::session& sql, long long team_id) {
  std::vector<long long> out;
  db::Query("SELECT person_id FROM mass_team_member WHERE team_id = ").value(team_id).add(" ORDER BY person_id").each(sql, [&](const soci::row& r) {
    out.push_back(db::column_ll(r, 0));
  });
  return out;
}

void ProjectStore::add_hours(db::Tx& tx, long long team_id, long long person_id, long long project_id, long long tenths,
                             const std::string& date, const std::string& note, long long account_id, const std::string& now) {
  db::Query q("INSERT INTO mass_service_hours (team_id, person_id, project_id, tenths, service_date, note, recorded_by, created_at) VALUES (");
  q.value(team_id).add(", ").value(person_id).add(", ");
  id_or_null(q, project_id).add(", ").value(tenths).add(", ").value(date).add(", ").value(note).add(", ");
  id_or_null(q, account_id).add(", ").value(now).add(")").run(tx.sql());
}

}  // namespace xinhuo::masswork
