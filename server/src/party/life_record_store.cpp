#include "party/life_record_store.hpp"

#include "core/json_input.hpp"
#include "db/query.hpp"

namespace xinhuo::party {

namespace {

std::string text(const soci::row& r, std::size_t i) { return r.get_indicator(i) == soci::i_null ? "" : r.get<std::string>(i); }

constexpr const char* kAppraisalColumns =
    "SELECT a.id, a.branch_id, a.unit_id, b.name, a.year, a.decided_on, COALESCE(a.note, ''), ra.display_name, a.recorded_at "
    "FROM party_appraisal a JOIN org_node b ON b.id = a.branch_id JOIN org_node u ON u.id = a.unit_id "
    "JOIN account ra ON ra.id = a.recorded_by WHERE 1 = 1";
constexpr const char* kRewardColumns =
    "SELECT x.id, x.person_id, p.name, x.category, x.form, x.decided_on, x.decided_by, COALESCE(x.document_no, ''), "
    "COALESCE(x.probation_months, 0), x.reason, x.documents, ra.display_name, x.recorded_at "
    "FROM party_reward_punishment x JOIN person p ON p.id = x.person_id JOIN org_node u ON u.id = p.unit_id "
    "LEFT JOIN org_node b ON b.id = p.branch_id JOIN account ra ON ra.id = x.recorded_by WHERE 1 = 1";

Appraisal appraisal_from(const soci::row& r) {
  Appraisal a;
  a.id = db::column_ll(r, 0);
  a.branch_id = db::column_ll(r, 1);
  a.unit_id = db::column_ll(r, 2);
  a.branch_name = text(r, 3);
  a.year = static_cast<int>(db::column_ll(r, 4));
  a.decided_on = text(r, 5);
  a.note = text(r, 6);
  a.recorded_by_name = text(r, 7);
  a.recorded_at = text(r, 8);
  return a;
}

RewardPunishment reward_from(const soci::row& r) {
  RewardPunishment x;
  x.id = db::column_ll(r, 0);
  x.person_id = db::column_ll(r, 1);
  x.person_name = text(r, 2);
  x.category = text(r, 3);
  x.form = text(r, 4);
  x.decided_on = text(r, 5);
  x.decided_by = text(r, 6);
  x.document_no = text(r, 7);
  x.probation_months = static_cast<int>(db::column_ll(r, 8));
  x.reason = text(r, 9);
  for (const auto& d : Json::parse(text(r, 10), nullptr, false))
    if (d.is_number_integer()) x.documents.push_back(d.get<long long>());
  x.recorded_by_name = text(r, 11);
  x.recorded_at = text(r, 12);
  return x;
}

}  // namespace

long long LifeRecordStore::insert_appraisal(db::Tx& tx, const Appraisal& appraisal, long long by, const std::string& now) {
  Appraisal a = appraisal;
  soci::indicator note_i = a.note.empty() ? soci::i_null : soci::i_ok;
  std::string at = now;
  long long id = 0;
  tx.sql() << "INSERT INTO party_appraisal (branch_id, unit_id, year, decided_on, note, recorded_by, recorded_at) "
              "VALUES (:b, :u, :y, :d, :n, :by, :at) RETURNING id",
      soci::use(a.branch_id), soci::use(a.unit_id), soci::use(a.year), soci::use(a.decided_on), soci::use(a.note, note_i),
      soci::use(by), soci::use(at), soci::into(id);
  for (const auto& g : a.grades) {
    db::Query q("INSERT INTO party_appraisal_grade (appraisal_id, person_id, grade, note) VALUES (");
    q.value(id).add(", ").value(g.person_id).add(", ").value(g.grade);
    if (g.note.empty())
      q.add(", NULL)");
    else
      q.add(", ").value(g.note).add(")");
    q.run(tx.sql());
  }
  return id;
}

long long LifeRecordStore::appraisal_of(soci::session& sql, long long branch_id, int year) {
  return db::Query("SELECT COALESCE(MAX(id), 0) FROM party_appraisal WHERE branch_id = ")
      .value(branch_id)
      .add(" AND year = ")
      .value(year)
      .count(sql);
}

std::optional<Appraisal> LifeRecordStore::appraisal(soci::session& sql, long long id) {
  std::optional<Appraisal> out;
  db::Query(kAppraisalColumns).add(" AND a.id = ").value(id).each(sql, [&](const soci::row& r) { out = appraisal_from(r); });
  if (!out) return out;
  db::Query("SELECT g.person_id, p.name, g.grade, COALESCE(g.note, '') FROM party_appraisal_grade g JOIN person p "
            "ON p.id = g.person_id WHERE g.appraisal_id = ")
      .value(id)
      .add(" ORDER BY p.name, p.id")
      .each(sql, [&](const soci::row& r) { out->grades.push_back({db::column_ll(r, 0), text(r, 1), text(r, 2), text(r, 3)}); });
  return out;
}

std::vector<Appraisal> LifeRecordStore::appraisals(soci::session& sql, const Principal& caller, long long node_id, int year,
                                                   int limit) {
  db::Query q(kAppraisalColumns);
  if (node_id) q.add(" AND b.path LIKE (SELECT path FROM org_node WHERE id = ").value(node_id).add(") || '%'");
  if (year) q.add(" AND a.year = ").value(year);
  db::restrict_to_scope(q, caller, "u.path", "b.path", "a.unit_id", "a.branch_id", "");
  std::vector<Appraisal> out;
  q.add(" ORDER BY a.year DESC, b.path LIMIT " + std::to_string(limit)).each(sql, [&](const soci::row& r) {
    out.push_back(appraisal_from(r));
  });
  return out;
}

long long LifeRecordStore::insert_reward_punishment(db::Tx& tx, const RewardPunishment& record, long long by,
                                                    const std::string& now) {
  RewardPunishment x = record;
  std::string docs = Json(x.documents).dump(), at = now;
  soci::indicator doc_i = x.document_no.empty() ? soci::i_null : soci::i_ok,
                  months_i = x.probation_months ? soci::i_ok : soci::i_null;
  long long id = 0;
  tx.sql() << "INSERT INTO party_reward_punishment (person_id, category, form, decided_on, decided_by, document_no, "
              "probation_months, reason, documents, recorded_by, recorded_at) VALUES (:p, :c, :f, :d, :db, :no, :m, :r, "
              ":docs, :by, :at) RETURNING id",
      soci::use(x.person_id), soci::use(x.category), soci::use(x.form), soci::use(x.decided_on), soci::use(x.decided_by),
      soci::use(x.document_no, doc_i), soci::use(x.probation_months, months_i), soci::use(x.reason), soci::use(docs),
      soci::use(by), soci::use(at), soci::into(id);
  return id;
}

std::optional<RewardPunishment> LifeRecordStore::reward_punishment(soci::session& sql, long long id) {
  std::optional<RewardPunishment> out;
  db::Query(kRewardColumns).add(" AND x.id = ").value(id).each(sql, [&](const soci::row& r) { out = reward_from(r); });
  return out;
}

std::vector<RewardPunishment> LifeRecordStore::rewards_punishments_of(soci::session& sql, long long person_id) {
  std::vector<RewardPunishment> out;
  db::Query(kRewardColumns).add(" AND x.person_id = ").value(person_id).add(" ORDER BY x.decided_on DESC, x.id DESC")
      .each(sql, [&](const soci::row& r) { out.push_back(reward_from(r)); });
  return out;
}

std::vector<RewardPunishment> LifeRecordStore::rewards_punishments(soci::session& sql, const Principal& caller,
                                                                   const std::string& category, int limit) {
  db::Query q(kRewardColumns);
  if (!category.empty()) q.add(" AND x.category = ").value(category);
  db::restrict_to_scope(q, caller, "u.path", "b.path", "p.unit_id", "p.branch_id", "p.id");
  std::vector<RewardPunishment> out;
  q.add(" ORDER BY x.decided_on DESC, x.id DESC LIMIT " + std::to_string(limit)).each(sql, [&](const soci::row& r) {
    out.push_back(reward_from(r));
  });
  return out;
}

std::vector<TimelineItem> LifeRecordStore::timeline(soci::session& sql, long long person_id) {
  std::vector<TimelineItem> out;
  auto add = [&](const char* type, const db::Query& q) {
    q.each(sql, [&](const soci::row& r) {
      out.push_back({text(r, 0), type, text(r, 1), text(r, 2), text(r, 3), db::column_ll(r, 4)});
    });
  };
  // Development steps and the reports of the cultivation period, of every case the person had.
  add("development_step",
      db::Query("SELECT s.step_date, CAST(s.step_no AS TEXT), COALESCE(s.outcome, ''), COALESCE(s.note, ''), s.id "
                "FROM development_step s JOIN development_case c ON c.id = s.case_id WHERE c.person_id = ").value(person_id));
  add("report",
      db::Query("SELECT r.report_date, r.kind, '', '', r.id FROM development_report r JOIN development_case c "
                "ON c.id = r.case_id WHERE c.person_id = ").value(person_id));
  add("meeting", db::Query("SELECT m.held_on, m.meeting_type, a.status, m.topic, m.id FROM party_meeting_attendance a JOIN party_meeting m "
                           "ON m.id = a.meeting_id WHERE m.status = 'closed' AND a.person_id = ").value(person_id));
  add("appraisal", db::Query("SELECT a.decided_on, g.grade, CAST(a.year AS TEXT), COALESCE(g.note, ''), a.id FROM "
                             "party_appraisal_grade g JOIN party_appraisal a ON a.id = g.appraisal_id WHERE g.person_id = ")
                       .value(person_id));
  add("reward_punishment", db::Query("SELECT decided_on, form, category, reason, id FROM party_reward_punishment "
                                     "WHERE person_id = ").value(person_id));
  add("transfer", db::Query("SELECT COALESCE(x.decided_on, x.issued_on), x.kind, x.status, COALESCE(tb.name, x.outside_org, ''), "
                            "x.id FROM party_transfer x LEFT JOIN org_node tb ON tb.id = x.to_branch_id WHERE x.status <> "
                            "'cancelled' AND x.person_id = ").value(person_id));
  add("status_change", db::Query("SELECT SUBSTR(changed_at, 1, 10), field, COALESCE(new_value, ''), COALESCE(old_value, ''), id "
                                 "FROM person_history WHERE field IN ('party_status', 'status', 'party_joined_date') "
                                 "AND person_id = ").value(person_id));
  // A floating period: its start (the reason and where to) and, once over, its end (returned, transferred, left).
  add("floating", db::Query("SELECT started_on, reason, status, destination, id FROM party_floating WHERE person_id = ")
                      .value(person_id));
  add("floating_end", db::Query("SELECT ended_on, end_reason, '', destination, id FROM party_floating WHERE status <> "
                                "'active' AND person_id = ").value(person_id));
  add("dues_payment", db::Query("SELECT paid_on, month, CAST(amount_cents AS TEXT), method, id FROM dues_payment "
                                "WHERE person_id = ").value(person_id));
  return out;
}

}  // namespace xinhuo::party
