#include "study/group_store.hpp"

#include "db/query.hpp"
#include "org/store.hpp"

namespace xinhuo::study {

namespace {

constexpr const char* kColumns =
    "SELECT g.id, g.unit_id, u.name, g.name, COALESCE(g.leader_person_id, 0), COALESCE(l.name, ''), g.status, g.created_at, "
    "(SELECT COUNT(*) FROM study_group_member m JOIN person mp ON mp.id = m.person_id "
    "WHERE m.group_id = g.id AND mp.status = 'active')";
constexpr const char* kFrom =
    " FROM study_group g JOIN org_node u ON u.id = g.unit_id LEFT JOIN person l ON l.id = g.leader_person_id WHERE 1 = 1";

std::string text(const soci::row& r, std::size_t i) { return r.get_indicator(i) == soci::i_null ? "" : r.get<std::string>(i); }

StudyGroup from_row(const soci::row& r) {
  StudyGroup g;
  g.id = db::column_ll(r, 0);
  g.unit_id = db::column_ll(r, 1);
  g.unit_name = text(r, 2);
  g.name = text(r, 3);
  g.leader_person_id = db::column_ll(r, 4);
  g.leader_name = text(r, 5);
  g.status = text(r, 6);
  g.created_at = text(r, 7);
  g.member_count = static_cast<int>(db::column_ll(r, 8));
  return g;
}

// " AND u.path LIKE <node's path>%" — the units at or below node_id (every node when 0).
void under_node(db::Query& q, const std::string& alias, long long node_id) {
  if (node_id) q.add(" AND " + alias + ".path LIKE (SELECT path FROM org_node WHERE id = ").value(node_id).add(") || '%'");
}

// The units the coverage is about: open units in scope at or below the node.
db::Query unit_conditions(const Principal& caller, long long node_id) {
  db::Query q;
  q.add(" AND u.node_type = 'unit' AND u.status = 'active'");
  under_node(q, "u", node_id);
  GroupStore::node_scope(q, caller, "u");
  return q;
}

void young(db::Query& q, const std::string& today, const org::YoungCadreRule& rule) {
  q.add(" AND p.status = 'active' AND ");
  org::OrgStore::young_cadre_condition(q, "p", today, rule);
}

constexpr const char* kInActiveGroup =
    "EXISTS (SELECT 1 FROM study_group_member m JOIN study_group g ON g.id = m.group_id "
    "WHERE m.person_id = p.id AND g.status = 'active')";

}  // namespace

long long GroupStore::insert(db::Tx& tx, const StudyGroup& g, const std::string& now) {
  db::Query q("INSERT INTO study_group (unit_id, name, leader_person_id, status, created_at, updated_at) VALUES (");
  q.value(g.unit_id).add(", ").value(g.name).add(", ");
  if (g.leader_person_id)
    q.value(g.leader_person_id);
  else
    q.add("NULL");
  q.add(", 'active', ").value(now).add(", ").value(now).add(") RETURNING id");
  return q.count(tx.sql());
}

bool GroupStore::update_active(db::Tx& tx, const StudyGroup& g, const std::string& now) {
  if (db::Query("SELECT COUNT(*) FROM study_group WHERE status = 'active' AND id = ").value(g.id).count(tx.sql()) == 0)
    return false;
  db::Query q("UPDATE study_group SET name = ");
  q.value(g.name).add(", leader_person_id = ");
  if (g.leader_person_id)
    q.value(g.leader_person_id);
  else
    q.add("NULL");
  q.add(", updated_at = ").value(now).add(" WHERE status = 'active' AND id = ").value(g.id);
  q.run(tx.sql());
  return true;
}

bool GroupStore::close(db::Tx& tx, long long id, const std::string& now) {
  if (db::Query("SELECT COUNT(*) FROM study_group WHERE status = 'active' AND id = ").value(id).count(tx.sql()) == 0)
    return false;
  db::Query("UPDATE study_group SET status = 'closed', closed_at = ")
      .value(now)
      .add(", updated_at = ")
      .value(now)
      .add(" WHERE status = 'active' AND id = ")
      .value(id)
      .run(tx.sql());
  return true;
}

bool GroupStore::add_member(db::Tx& tx, long long group_id, long long person_id, const std::string& now) {
  if (db::Query("SELECT COUNT(*) FROM study_group_member WHERE group_id = ")
          .value(group_id)
          .add(" AND person_id = ")
          .value(person_id)
          .count(tx.sql()) > 0)
    return false;
  db::Query("INSERT INTO study_group_member (group_id, person_id, joined_at) VALUES (")
      .value(group_id)
      .add(", ")
      .value(person_id)
      .add(", ")
      .value(now)
      .add(")")
      .run(tx.sql());
  return true;
}

bool GroupStore::remove_member(db::Tx& tx, long long group_id, long long person_id) {
  if (db::Query("SELECT COUNT(*) FROM study_group_member WHERE group_id = ")
          .value(group_id)
          .add(" AND person_id = ")
          .value(person_id)
          .count(tx.sql()) == 0)
    return false;
  db::Query("DELETE FROM study_group_member WHERE group_id = ").value(group_id).add(" AND person_id = ").value(person_id).run(tx.sql());
  return true;
}

std::optional<StudyGroup> GroupStore::find(soci::session& sql, long long id) {
  std::optional<StudyGroup> out;
  db::Query(std::string(kColumns) + kFrom).add(" AND g.id = ").value(id).each(sql, [&](const soci::row& r) { out = from_row(r); });
  return out;
}

// Units are scoped as nodes: a caller sees the groups of the units their scope covers.
void GroupStore::node_scope(db::Query& q, const Principal& caller, const std::string& alias) {
  Principal nodes_only = caller;
  nodes_only.scope.self = false;
  db::restrict_to_scope(q, nodes_only, alias + ".path", "", alias + ".id", "", "");
}

bool GroupStore::name_taken(soci::session& sql, long long unit_id, const std::string& name) {
  return db::Query("SELECT COUNT(*) FROM study_group WHERE status = 'active' AND unit_id = ")
             .value(unit_id)
             .add(" AND name = ")
             .value(name)
             .count(sql) > 0;
}

bool GroupStore::unit_in_scope(soci::session& sql, const Principal& caller, long long unit_id) {
  db::Query q("SELECT COUNT(*) FROM org_node u WHERE u.id = ");
  q.value(unit_id);
  GroupStore::node_scope(q, caller, "u");
  return q.count(sql) > 0;
}

std::vector<StudyGroup> GroupStore::list(soci::session& sql, const Principal& caller, const GroupFilter& f, long long* total) {
  db::Query where;
  under_node(where, "u", f.node_id);
  if (!f.status.empty()) where.add(" AND g.status = ").value(f.status);
  if (!f.name.empty()) where.add(" AND g.name LIKE ").value("%" + f.name + "%");
  GroupStore::node_scope(where, caller, "u");
  *total = db::Query::prefixed("SELECT COUNT(*)" + std::string(kFrom), where).count(sql);
  std::vector<StudyGroup> out;
  db::Query::prefixed(std::string(kColumns) + kFrom, where)
      .add(" ORDER BY u.sort_order, u.id, g.id LIMIT " + std::to_string(f.page_size) + " OFFSET " +
           std::to_string(static_cast<long long>(f.page - 1) * f.page_size))
      .each(sql, [&](const soci::row& r) { out.push_back(from_row(r)); });
  return out;
}

std::vector<GroupMember> GroupStore::members(soci::session& sql, long long group_id, const std::string& today,
                                             const org::YoungCadreRule& rule) {
  db::Query q("SELECT p.id, p.name, COALESCE(p.rank, ''), u.name, m.joined_at, CASE WHEN ");
  org::OrgStore::young_cadre_condition(q, "p", today, rule);
  q.add(" THEN 1 ELSE 0 END FROM study_group_member m JOIN person p ON p.id = m.person_id JOIN org_node u ON u.id = p.unit_id "
        "WHERE p.status = 'active' AND m.group_id = ")
      .value(group_id)
      .add(" ORDER BY p.name, p.id");
  std::vector<GroupMember> out;
  q.each(sql, [&](const soci::row& r) {
    out.push_back({.person_id = db::column_ll(r, 0), .name = text(r, 1), .rank = text(r, 2), .unit_name = text(r, 3),
                   .joined_at = text(r, 4), .young_cadre = db::column_ll(r, 5) != 0});
  });
  return out;
}

std::vector<StudyGroup> GroupStore::of_person(soci::session& sql, long long person_id) {
  std::vector<StudyGroup> out;
  db::Query(std::string(kColumns) + kFrom)
      .add(" AND g.status = 'active' AND g.id IN (SELECT group_id FROM study_group_member WHERE person_id = ")
      .value(person_id)
      .add(") ORDER BY g.id")
      .each(sql, [&](const soci::row& r) { out.push_back(from_row(r)); });
  return out;
}

Coverage GroupStore::coverage(soci::session& sql, const Principal& caller, long long node_id, const std::string& today,
                              const org::YoungCadreRule& rule, int page, int page_size) {
  const db::Query units = unit_conditions(caller, node_id);
  Coverage c;
  c.unit_count = static_cast<int>(db::Query::prefixed("SELECT COUNT(*) FROM org_node u WHERE 1 = 1", units).count(sql));
  c.units_with_group = static_cast<int>(
      db::Query::prefixed("SELECT COUNT(*) FROM org_node u WHERE EXISTS (SELECT 1 FROM study_group g WHERE g.unit_id = u.id "
                          "AND g.status = 'active')",
                          units)
          .count(sql));
  c.group_count = static_cast<int>(
      db::Query::prefixed("SELECT COUNT(*) FROM study_group g JOIN org_node u ON u.id = g.unit_id WHERE g.status = 'active'", units)
          .count(sql));
  db::Query people = db::Query::prefixed("SELECT COUNT(*) FROM person p JOIN org_node u ON u.id = p.unit_id WHERE 1 = 1", units);
  young(people, today, rule);
  c.young_cadres = static_cast<int>(people.count(sql));
  people.add(std::string(" AND ") + kInActiveGroup);
  c.covered = static_cast<int>(people.count(sql));

  db::Query q("SELECT u.id, u.name, (SELECT COUNT(*) FROM study_group g WHERE g.unit_id = u.id AND g.status = 'active'), "
              "(SELECT COUNT(*) FROM person p WHERE p.unit_id = u.id");
  young(q, today, rule);
  q.add("), (SELECT COUNT(*) FROM person p WHERE p.unit_id = u.id");
  young(q, today, rule);
  q.add(std::string(" AND ") + kInActiveGroup + ") FROM org_node u WHERE 1 = 1");
  q.append(units).add(" ORDER BY u.sort_order, u.id LIMIT " + std::to_string(page_size) + " OFFSET " +
                      std::to_string(static_cast<long long>(page - 1) * page_size));
  q.each(sql, [&](const soci::row& r) {
    c.units.push_back({.unit_id = db::column_ll(r, 0), .unit_name = text(r, 1), .groups = static_cast<int>(db::column_ll(r, 2)),
                       .young_cadres = static_cast<int>(db::column_ll(r, 3)), .covered = static_cast<int>(db::column_ll(r, 4))});
  });
  return c;
}

std::vector<UncoveredPerson> GroupStore::uncovered(soci::session& sql, const Principal& caller, long long node_id,
                                                   const std::string& today, const org::YoungCadreRule& rule, int page,
                                                   int page_size, long long* total) {
  db::Query where = unit_conditions(caller, node_id);
  young(where, today, rule);
  where.add(std::string(" AND NOT ") + kInActiveGroup);
  const std::string from = " FROM person p JOIN org_node u ON u.id = p.unit_id WHERE 1 = 1";
  *total = db::Query::prefixed("SELECT COUNT(*)" + from, where).count(sql);
  std::vector<UncoveredPerson> out;
  db::Query::prefixed("SELECT p.id, p.name, COALESCE(p.rank, ''), p.birth_date, u.name, u.id" + from, where)
      .add(" ORDER BY u.sort_order, u.id, p.name, p.id LIMIT " + std::to_string(page_size) + " OFFSET " +
           std::to_string(static_cast<long long>(page - 1) * page_size))
      .each(sql, [&](const soci::row& r) {
        out.push_back({.person_id = db::column_ll(r, 0), .name = text(r, 1), .rank = text(r, 2), .birth_date = text(r, 3),
                       .unit_name = text(r, 4), .unit_id = db::column_ll(r, 5)});
      });
  return out;
}

}  // namespace xinhuo::study
