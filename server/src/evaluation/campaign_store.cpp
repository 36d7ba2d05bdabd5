#include "evaluation/campaign_store.hpp"

#include <set>

#include "db/query.hpp"

namespace xinhuo::evaluation {

namespace {

constexpr const char* kSelect =
    "SELECT c.id, c.org_node_id, c.kind, c.title, c.state, n.name, c.settings, c.created_at, c.updated_at, "
    "COALESCE(c.opened_at, ''), COALESCE(c.closed_at, ''), COALESCE(c.published_at, ''), "
    "(SELECT COUNT(*) FROM evaluation_ratee r WHERE r.campaign_id = c.id), "
    "(SELECT COUNT(*) FROM evaluation_assignment a WHERE a.campaign_id = c.id), "
    "(SELECT COUNT(*) FROM evaluation_assignment a WHERE a.campaign_id = c.id AND a.rated = 1) "
    "FROM evaluation_campaign c JOIN org_node n ON n.id = c.org_node_id WHERE 1 = 1";

std::string text(const soci::row& r, std::size_t i) { return r.get_indicator(i) == soci::i_null ? "" : r.get<std::string>(i); }

Campaign from_row(const soci::row& r) {
  Campaign c;
  c.id = db::column_ll(r, 0);
  c.org_node_id = db::column_ll(r, 1);
  c.kind = text(r, 2);
  c.title = text(r, 3);
  c.state = text(r, 4);
  c.org_name = text(r, 5);
  try {
    c.settings = Json::parse(text(r, 6));
  } catch (const std::exception&) {
    c.settings = Json::object();  // unreadable settings fall back to the defaults
  }
  c.created_at = text(r, 7);
  c.updated_at = text(r, 8);
  c.opened_at = text(r, 9);
  c.closed_at = text(r, 10);
  c.published_at = text(r, 11);
  c.ratees = db::column_ll(r, 12);
  c.assignments = db::column_ll(r, 13);
  c.rated = db::column_ll(r, 14);
  return c;
}

bool changed(db::Tx& tx, db::Query& q) {
  long long rows = 0;
  q.add(" RETURNING id").each(tx.sql(), [&](const soci::row&) { ++rows; });
  return rows >= 1;
}

std::vector<Campaign> campaigns(soci::session& sql, db::Query q) {
  std::vector<Campaign> out;
  q.each(sql, [&](const soci::row& r) { out.push_back(from_row(r)); });
  return out;
}

constexpr const char* kAssignments =
    "SELECT a.id, a.ratee_person_id, a.rater_person_id, e.name, r.name, a.role, a.rated, COALESCE(a.rated_at, '') "
    "FROM evaluation_assignment a JOIN person e ON e.id = a.ratee_person_id JOIN person r ON r.id = a.rater_person_id "
    "WHERE a.campaign_id = ";

Assignment assignment_of(const soci::row& r) {
  return {.id = db::column_ll(r, 0), .ratee = db::column_ll(r, 1), .rater = db::column_ll(r, 2), .ratee_name = text(r, 3),
          .rater_name = text(r, 4), .role = text(r, 5), .rated = db::column_ll(r, 6) != 0, .rated_at = text(r, 7)};
}

}  // namespace

std::optional<PersonRef> CampaignStore::person(soci::session& sql, long long id) {
  std::optional<PersonRef> out;
  db::Query("SELECT id, unit_id, name, status FROM person WHERE id = ").value(id).each(sql, [&](const soci::row& r) {
    out = PersonRef{db::column_ll(r, 0), db::column_ll(r, 1), text(r, 2), text(r, 3)};
  });
  return out;
}

bool CampaignStore::person_under(soci::session& sql, const Principal& caller, long long person_id, long long node_id) {
  db::Query q("SELECT COUNT(*) FROM person p JOIN org_node u ON u.id = p.unit_id LEFT JOIN org_node b ON b.id = p.branch_id "
              "WHERE p.status = 'active' AND p.id = ");
  q.value(person_id).add(" AND u.path LIKE (SELECT path FROM org_node WHERE id = ").value(node_id).add(") || '%'");
  db::restrict_to_scope(q, caller, "u.path", "b.path", "p.unit_id", "p.branch_id", "p.id");
  return q.count(sql) > 0;
}

long long CampaignStore::insert(db::Tx& tx, const Campaign& c, long long by, const std::string& now) {
  db::Query q("INSERT INTO evaluation_campaign (kind, title, org_node_id, state, settings, created_by, created_at, updated_at) VALUES (");
  q.value(c.kind).add(", ").value(c.title).add(", ").value(c.org_node_id).add(", 'draft', ").value(c.settings.dump());
  q.add(", ").value(by).add(", ").value(now).add(", ").value(now).add(") RETURNING id");
  long long id = 0;
  q.each(tx.sql(), [&](const soci::row& r) { id = db::column_ll(r, 0); });
  return id;
}

void CampaignStore::add_ratee(db::Tx& tx, long long campaign, long long person, const std::string& line_name) {
  db::Query q("INSERT INTO evaluation_ratee (campaign_id, person_id, line_name) VALUES (");
  q.value(campaign).add(", ").value(person).add(", ");
  if (line_name.empty()) q.add("NULL"); else q.value(line_name);
  q.add(") ON CONFLICT (campaign_id, person_id) DO NOTHING").run(tx.sql());
}

long long CampaignStore::add_assignment(db::Tx& tx, long long campaign, long long ratee, long long rater, const std::string& role) {
  db::Query q("INSERT INTO evaluation_assignment (campaign_id, ratee_person_id, rater_person_id, role) VALUES (");
  q.value(campaign).add(", ").value(ratee).add(", ").value(rater).add(", ").value(role);
  q.add(") ON CONFLICT (campaign_id, ratee_person_id, role, rater_person_id) DO NOTHING").run(tx.sql());
  db::Query find("SELECT id FROM evaluation_assignment WHERE campaign_id = ");
  find.value(campaign).add(" AND ratee_person_id = ").value(ratee).add(" AND role = ").value(role);
  find.add(" AND rater_person_id = ").value(rater);
  return find.count(tx.sql());
}

bool CampaignStore::remove_assignment(db::Tx& tx, long long campaign, long long assignment) {
  db::Query q("DELETE FROM evaluation_assignment WHERE campaign_id = ");
  q.value(campaign).add(" AND id = ").value(assignment).add(" AND rated = 0");
  return changed(tx, q);
}

void CampaignStore::remove_role(db::Tx& tx, long long campaign, long long ratee, const std::string& role) {
  db::Query q("DELETE FROM evaluation_assignment WHERE rated = 0 AND campaign_id = ");
  q.value(campaign).add(" AND ratee_person_id = ").value(ratee).add(" AND role = ").value(role).run(tx.sql());
}

bool CampaignStore::move(db::Tx& tx, long long id, const std::string& from, const std::string& to,
                         const std::string& stamp_column, const std::string& now) {
  // stamp_column is one of the three lifecycle columns, chosen by the service, never by a caller.
  db::Query q("UPDATE evaluation_campaign SET state = ");
  q.value(to).add(", " + stamp_column + " = ").value(now).add(", updated_at = ").value(now);
  q.add(" WHERE id = ").value(id).add(" AND state = ").value(from);
  return changed(tx, q);
}

bool CampaignStore::update_draft(db::Tx& tx, long long id, const std::string& title, const Json& settings,
                                 const std::string& now) {
  db::Query q("UPDATE evaluation_campaign SET title = ");
  q.value(title).add(", settings = ").value(settings.dump()).add(", updated_at = ").value(now);
  q.add(" WHERE id = ").value(id).add(" AND state = 'draft'");
  return changed(tx, q);
}

std::optional<Campaign> CampaignStore::find(soci::session& sql, long long id) {
  auto list = campaigns(sql, db::Query(kSelect).add(" AND c.id = ").value(id));
  if (list.empty()) return std::nullopt;
  return list.front();
}

bool CampaignStore::visible(soci::session& sql, const Principal& caller, long long id) {
  db::Query q("SELECT COUNT(*) FROM evaluation_campaign c JOIN org_node n ON n.id = c.org_node_id WHERE c.id = ");
  q.value(id);
  db::restrict_to_scope(q, caller, "n.path", "", "n.id", "", "");
  return q.count(sql) > 0;
}

std::vector<Campaign> CampaignStore::list(soci::session& sql, const Principal& caller, const std::string& kind,
                                          const std::string& state) {
  db::Query q(kSelect);
  if (!kind.empty()) q.add(" AND c.kind = ").value(kind);
  if (!state.empty()) q.add(" AND c.state = ").value(state);
  db::restrict_to_scope(q, caller, "n.path", "", "n.id", "", "");
  q.add(" ORDER BY c.id DESC LIMIT 500");
  return campaigns(sql, q);
}

std::vector<Ratee> CampaignStore::ratees(soci::session& sql, long long campaign) {
  std::vector<Ratee> out;
  db::Query("SELECT p.id, p.unit_id, p.name, u.name, COALESCE(r.line_name, ''), COALESCE(r.grade, '') FROM evaluation_ratee r "
            "JOIN person p ON p.id = r.person_id JOIN org_node u ON u.id = p.unit_id WHERE r.campaign_id = ")
      .value(campaign)
      .add(" ORDER BY r.id")
      .each(sql, [&](const soci::row& r) {
        out.push_back({.person_id = db::column_ll(r, 0), .unit_id = db::column_ll(r, 1), .name = text(r, 2),
                       .unit_name = text(r, 3), .line_name = text(r, 4), .grade = text(r, 5)});
      });
  return out;
}

std::vector<Assignment> CampaignStore::assignments(soci::session& sql, long long campaign) {
  std::vector<Assignment> out;
  db::Query(kAssignments).value(campaign).add(" ORDER BY a.id").each(sql, [&](const soci::row& r) { out.push_back(assignment_of(r)); });
  return out;
}

std::vector<Assignment> CampaignStore::assignments_of_rater(soci::session& sql, long long campaign, long long rater) {
  std::vector<Assignment> out;
  db::Query(kAssignments).value(campaign).add(" AND a.rater_person_id = ").value(rater).add(" ORDER BY a.id").each(
      sql, [&](const soci::row& r) { out.push_back(assignment_of(r)); });
  return out;
}

std::vector<NamedRating> CampaignStore::named_ratings(soci::session& sql, long long campaign) {
  std::vector<NamedRating> out;
  db::Query("SELECT a.id, a.ratee_person_id, a.rater_person_id, a.role, g.score, COALESCE(g.rank, 0) FROM evaluation_rating g "
            "JOIN evaluation_assignment a ON a.id = g.assignment_id WHERE a.campaign_id = ")
      .value(campaign)
      .add(" ORDER BY a.id")
      .each(sql, [&](const soci::row& r) {
        out.push_back({.assignment_id = db::column_ll(r, 0), .ratee = db::column_ll(r, 1), .rater = db::column_ll(r, 2),
                       .role = text(r, 3), .score = static_cast<int>(db::column_ll(r, 4)),
                       .rank = static_cast<int>(db::column_ll(r, 5))});
      });
  return out;
}

std::vector<std::tuple<long long, std::string, int>> CampaignStore::anonymous_scores(soci::session& sql, long long campaign) {
  std::vector<std::tuple<long long, std::string, int>> out;
  db::Query("SELECT ratee_person_id, role, score FROM evaluation_anonymous_score WHERE campaign_id = ")
      .value(campaign)
      .add(" ORDER BY ratee_person_id, role, score")  // never by insertion order
      .each(sql, [&](const soci::row& r) {
        out.emplace_back(db::column_ll(r, 0), text(r, 1), static_cast<int>(db::column_ll(r, 2)));
      });
  return out;
}

void CampaignStore::upsert_rating(db::Tx& tx, long long assignment, int score, int rank, const std::string& now) {
  db::Query q("INSERT INTO evaluation_rating (assignment_id, score, rank, updated_at) VALUES (");
  q.value(assignment).add(", ").value(score).add(", ");
  if (rank) q.value(rank); else q.add("NULL");
  q.add(", ").value(now).add(") ON CONFLICT (assignment_id) DO UPDATE SET score = excluded.score, rank = excluded.rank, "
                             "updated_at = excluded.updated_at");
  q.run(tx.sql());
}

void CampaignStore::insert_anonymous(db::Tx& tx, long long campaign, long long ratee, const std::string& role, int score) {
  db::Query q("INSERT INTO evaluation_anonymous_score (campaign_id, ratee_person_id, role, score) VALUES (");
  q.value(campaign).add(", ").value(ratee).add(", ").value(role).add(", ").value(score).add(")").run(tx.sql());
}

bool CampaignStore::mark_rated(db::Tx& tx, long long assignment, bool only_first, const std::string& now) {
  db::Query q("UPDATE evaluation_assignment SET rated = 1, rated_at = ");
  // An anonymous group's marker carries no time: the time could be matched with the order of the scores.
  if (only_first) q.add("NULL"); else q.value(now);
  q.add(" WHERE id = ").value(assignment);
  if (only_first) q.add(" AND rated = 0");
  return changed(tx, q);
}

bool CampaignStore::set_grade(db::Tx& tx, long long campaign, long long person, const std::string& grade, long long by,
                              const std::string& now) {
  db::Query q("UPDATE evaluation_ratee SET grade = ");
  if (grade.empty()) q.add("NULL"); else q.value(grade);
  q.add(", graded_by = ").value(by).add(", graded_at = ").value(now);
  q.add(" WHERE campaign_id = ").value(campaign).add(" AND person_id = ").value(person);
  return changed(tx, q);
}

long long CampaignStore::excellent_in_unit(soci::session& sql, long long campaign, long long unit, long long except_person) {
  db::Query q("SELECT COUNT(*) FROM evaluation_ratee r JOIN person p ON p.id = r.person_id WHERE r.grade = 'excellent' AND r.campaign_id = ");
  q.value(campaign).add(" AND p.unit_id = ").value(unit).add(" AND r.person_id <> ").value(except_person);
  return q.count(sql);
}

std::map<long long, BarredExcellent> CampaignStore::excellent_barred(soci::session& sql, long long campaign, int year) {
  std::map<long long, BarredExcellent> out;
  db::Query q("SELECT a.person_id, a.form, a.effective_from FROM accountability a WHERE a.evaluation_year = ");
  q.value(std::to_string(year)).add(" AND a.person_id IN (SELECT person_id FROM evaluation_ratee WHERE campaign_id = ");
  q.value(campaign).add(") ORDER BY a.effective_from DESC, a.id DESC");
  q.each(sql, [&](const soci::row& r) {
    out[db::column_ll(r, 0)] = {r.get<std::string>(1), r.get<std::string>(2)};  // the earliest is written last
  });
  return out;
}

long long CampaignStore::ratees_in_unit(soci::session& sql, long long campaign, long long unit) {
  db::Query q("SELECT COUNT(*) FROM evaluation_ratee r JOIN person p ON p.id = r.person_id WHERE r.campaign_id = ");
  q.value(campaign).add(" AND p.unit_id = ").value(unit);
  return q.count(sql);
}

long long CampaignStore::add_evidence(db::Tx& tx, long long campaign, long long ratee, const std::string& kind,
                                      const std::string& ref, const std::string& note, long long by, const std::string& now) {
  db::Query q("INSERT INTO evaluation_evidence (campaign_id, ratee_person_id, kind, ref, note, added_by, added_at) VALUES (");
  q.value(campaign).add(", ").value(ratee).add(", ").value(kind).add(", ");
  if (ref.empty()) q.add("NULL"); else q.value(ref);
  q.add(", ").value(note).add(", ").value(by).add(", ").value(now).add(") RETURNING id");
  long long id = 0;
  q.each(tx.sql(), [&](const soci::row& r) { id = db::column_ll(r, 0); });
  return id;
}

std::vector<CampaignStore::Evidence> CampaignStore::evidence(soci::session& sql, long long campaign) {
  std::vector<Evidence> out;
  db::Query("SELECT id, ratee_person_id, kind, COALESCE(ref, ''), note, added_at FROM evaluation_evidence WHERE campaign_id = ")
      .value(campaign)
      .add(" ORDER BY id")
      .each(sql, [&](const soci::row& r) {
        out.push_back({db::column_ll(r, 0), db::column_ll(r, 1), text(r, 2), text(r, 3), text(r, 4), text(r, 5)});
      });
  return out;
}

void CampaignStore::add_reminder(db::Tx& tx, long long campaign, long long rater, long long by, const std::string& now) {
  db::Query q("INSERT INTO evaluation_reminder (campaign_id, rater_person_id, reminded_by, reminded_at) VALUES (");
  q.value(campaign).add(", ").value(rater).add(", ").value(by).add(", ").value(now).add(")").run(tx.sql());
}

std::map<long long, std::pair<long long, std::string>> CampaignStore::reminders(soci::session& sql, long long campaign) {
  std::map<long long, std::pair<long long, std::string>> out;
  db::Query("SELECT rater_person_id, COUNT(*), MAX(reminded_at) FROM evaluation_reminder WHERE campaign_id = ")
      .value(campaign)
      .add(" GROUP BY rater_person_id")
      .each(sql, [&](const soci::row& r) { out[db::column_ll(r, 0)] = {db::column_ll(r, 1), text(r, 2)}; });
  return out;
}

std::vector<Campaign> CampaignStore::rated_by(soci::session& sql, long long person) {
  db::Query q(kSelect);
  q.add(" AND c.state = 'open' AND c.id IN (SELECT campaign_id FROM evaluation_assignment WHERE rater_person_id = ")
      .value(person)
      .add(") ORDER BY c.id DESC");
  return campaigns(sql, q);
}

std::vector<Campaign> CampaignStore::published_for(soci::session& sql, long long person) {
  db::Query q(kSelect);
  q.add(" AND c.state = 'published' AND c.id IN (SELECT campaign_id FROM evaluation_ratee WHERE person_id = ")
      .value(person)
      .add(") ORDER BY c.id DESC");
  return campaigns(sql, q);
}

void CampaignStore::record_outcomes(db::Tx& tx, const Campaign& c, const std::string& published_on,
                                    const std::vector<Outcome>& list) {
  for (const auto& o : list) {
    db::Query q("INSERT INTO evaluation_outcome (campaign_id, person_id, kind, published_on, grade, flag, combined_rank) VALUES (");
    q.value(c.id).add(", ").value(o.person_id).add(", ").value(c.kind).add(", ").value(published_on).add(", ");
    if (o.grade.empty()) q.add("NULL"); else q.value(o.grade);
    q.add(", ");
    if (o.flag.empty()) q.add("NULL"); else q.value(o.flag);
    q.add(", ");
    if (o.combined_rank) q.value(o.combined_rank); else q.add("NULL");
    q.add(")").run(tx.sql());
  }
}

void CampaignStore::outcome_condition(db::Query& q, const std::string& outcome, const std::string& since) {
  if (outcome == "no_low") {
    q.add(" AND NOT EXISTS (SELECT 1 FROM evaluation_outcome eo WHERE eo.person_id = p.id AND eo.published_on >= ")
        .value(since)
        .add(" AND (eo.grade IN ('basically_competent', 'incompetent') OR eo.flag = 'bottom'))");
    return;
  }
  q.add(" AND EXISTS (SELECT 1 FROM evaluation_outcome eo WHERE eo.person_id = p.id AND eo.published_on >= ").value(since);
  q.add(outcome == "excellent" ? " AND eo.grade = 'excellent')" : " AND eo.flag = 'top')");
}

namespace {

void add_people(db::Query& q, const std::vector<long long>& ids) {
  q.add("(");
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (i) q.add(", ");
    q.value(ids[i]);
  }
  q.add(")");
}

}  // namespace

std::map<long long, std::vector<std::string>> CampaignStore::outcomes_of(soci::session& sql, const std::vector<long long>& people,
                                                                        const std::string& since) {
  std::map<long long, std::vector<std::string>> out;
  if (people.empty()) return out;
  std::map<long long, std::set<std::string>> seen;
  db::Query q("SELECT person_id, grade, flag FROM evaluation_outcome WHERE person_id IN ");
  add_people(q, people);
  q.add(" AND published_on >= ").value(since);
  q.each(sql, [&](const soci::row& r) {
    auto& s = seen[db::column_ll(r, 0)];
    const std::string grade = text(r, 1), flag = text(r, 2);
    if (grade == "excellent") s.insert("excellent");
    if (flag == "top") s.insert("top");
    if (grade == "basically_competent" || grade == "incompetent" || flag == "bottom") s.insert("low");
  });
  for (long long person : people) {
    const auto& s = seen[person];
    auto& list = out[person];
    if (s.count("excellent")) list.push_back("excellent");
    if (s.count("top")) list.push_back("top");
    if (!s.count("low")) list.push_back("no_low");
  }
  return out;
}

std::map<long long, std::pair<std::string, std::string>> CampaignStore::latest_grades(soci::session& sql,
                                                                                     const std::vector<long long>& people) {
  std::map<long long, std::pair<std::string, std::string>> out;
  if (people.empty()) return out;
  db::Query q("SELECT person_id, published_on, grade FROM evaluation_outcome WHERE grade IS NOT NULL AND person_id IN ");
  add_people(q, people);
  q.add(" ORDER BY person_id, published_on, campaign_id");
  // Ascending: the last row of each person wins.
  q.each(sql, [&](const soci::row& r) { out[db::column_ll(r, 0)] = {text(r, 1), text(r, 2)}; });
  return out;
}

}  // namespace xinhuo::evaluation
