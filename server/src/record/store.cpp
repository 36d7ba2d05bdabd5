#include "record/store.hpp"

#include "core/json_input.hpp"
#include "db/query.hpp"

namespace xinhuo::record {

namespace {

constexpr const char* kColumns =
    "SELECT e.id, e.person_id, p.name, u.name, e.category, e.fact_date, e.title, e.content, e.source_kind, "
    "COALESCE(e.source_name, ''), COALESCE(e.recorder_person_id, 0), e.recorder_name, e.evidence, e.state, "
    "COALESCE(e.decision_note, ''), COALESCE(da.display_name, ''), COALESCE(e.decided_at, ''), COALESCE(e.response, ''), "
    "COALESCE(e.responded_at, ''), COALESCE(e.contest_reason, ''), COALESCE(e.contested_at, ''), "
    "COALESCE(e.resolution, ''), COALESCE(e.resolution_note, ''), COALESCE(ra.display_name, ''), "
    "COALESCE(e.resolved_at, ''), COALESCE(e.source_key, ''), e.created_at, e.updated_at";
constexpr const char* kFrom =
    " FROM record_entry e JOIN person p ON p.id = e.person_id JOIN org_node u ON u.id = p.unit_id "
    "LEFT JOIN org_node b ON b.id = p.branch_id LEFT JOIN account da ON da.id = e.decided_by "
    "LEFT JOIN account ra ON ra.id = e.resolved_by WHERE 1 = 1";
constexpr const char* kCountFrom =
    "SELECT COUNT(*) FROM record_entry e JOIN person p ON p.id = e.person_id JOIN org_node u ON u.id = p.unit_id "
    "LEFT JOIN org_node b ON b.id = p.branch_id WHERE 1 = 1";
constexpr const char* kHistory =
    "SELECT action, COALESCE(from_state, ''), to_state, COALESCE(note, ''), actor_name, at FROM record_entry_history "
    "WHERE entry_id = ";
constexpr const char* kComments =
    "SELECT id, person_id, period, version, is_current, leader_name, COALESCE(leader_position, ''), content, "
    "written_by_name, written_at FROM record_comment WHERE person_id = ";

// The SELECT of an entry with its joins, made once.
const std::string& select_from() {
  static const std::string text = std::string(kColumns) + kFrom;
  return text;
}

std::string text(const soci::row& r, std::size_t i) { return r.get_indicator(i) == soci::i_null ? "" : r.get<std::string>(i); }

std::vector<long long> id_list(const std::string& json) {
  std::vector<long long> out;
  try {
    for (const auto& v : Json::parse(json))
      if (v.is_number_integer()) out.push_back(v.get<long long>());
  } catch (const std::exception&) {
    // an unreadable list shows no evidence rather than failing the read
  }
  return out;
}

Entry from_row(const soci::row& r) {
  Entry e;
  e.id = db::column_ll(r, 0);
  e.person_id = db::column_ll(r, 1);
  e.person_name = text(r, 2);
  e.unit_name = text(r, 3);
  e.category = text(r, 4);
  e.fact_date = text(r, 5);
  e.title = text(r, 6);
  e.content = text(r, 7);
  e.source_kind = text(r, 8);
  e.source_name = text(r, 9);
  e.recorder_person_id = db::column_ll(r, 10);
  e.recorder_name = text(r, 11);
  e.evidence = id_list(text(r, 12));
  e.state = text(r, 13);
  e.decision_note = text(r, 14);
  e.decided_by_name = text(r, 15);
  e.decided_at = text(r, 16);
  e.response = text(r, 17);
  e.responded_at = text(r, 18);
  e.contest_reason = text(r, 19);
  e.contested_at = text(r, 20);
  e.resolution = text(r, 21);
  e.resolution_note = text(r, 22);
  e.resolved_by_name = text(r, 23);
  e.resolved_at = text(r, 24);
  e.source_key = text(r, 25);
  e.created_at = text(r, 26);
  e.updated_at = text(r, 27);
  return e;
}

void add_scope(db::Query& q, const Principal& caller) {
  db::restrict_to_scope(q, caller, "u.path", "b.path", "p.unit_id", "p.branch_id", "p.id");
}

db::Query& value_or_null(db::Query& q, const std::string& v) { return v.empty() ? q.add("NULL") : q.value(v); }

bool changed(db::Tx& tx, db::Query& q) {
  long long rows = 0;
  q.add(" RETURNING id").each(tx.sql(), [&](const soci::row&) { ++rows; });
  return rows == 1;
}

}  // namespace

std::optional<PersonRef> RecordStore::person(soci::session& sql, long long person_id) {
  std::optional<PersonRef> out;
  db::Query("SELECT id, name, status FROM person WHERE id = ").value(person_id).each(sql, [&](const soci::row& r) {
    out = PersonRef{db::column_ll(r, 0), text(r, 1), text(r, 2)};
  });
  return out;
}

long long RecordStore::insert(db::Tx& tx, const Entry& e, long long recorded_by, const std::string& now) {
  Json evidence = Json::array();
  for (auto id : e.evidence) evidence.push_back(id);
  db::Query q(
      "INSERT INTO record_entry (person_id, category, fact_date, title, content, source_kind, source_name, "
      "recorder_person_id, recorder_name, recorded_by, evidence, state, source_key, created_at, updated_at) VALUES (");
  q.value(e.person_id).add(", ").value(e.category).add(", ").value(e.fact_date).add(", ").value(e.title).add(", ");
  q.value(e.content).add(", ").value(e.source_kind).add(", ");
  value_or_null(q, e.source_name).add(", ");
  if (e.recorder_person_id) q.value(e.recorder_person_id); else q.add("NULL");
  q.add(", ").value(e.recorder_name).add(", ");
  if (recorded_by) q.value(recorded_by); else q.add("NULL");
  q.add(", ").value(evidence.dump()).add(", ").value(e.state).add(", ");
  value_or_null(q, e.source_key).add(", ").value(now).add(", ").value(now).add(")");
  if (!e.source_key.empty()) q.add(" ON CONFLICT (source_key) DO NOTHING");
  long long id = 0;
  q.add(" RETURNING id").each(tx.sql(), [&](const soci::row& r) { id = db::column_ll(r, 0); });
  return id;
}

void RecordStore::add_history(db::Tx& tx, long long entry_id, const HistoryItem& h, long long account_id) {
  db::Query q("INSERT INTO record_entry_history (entry_id, action, from_state, to_state, note, actor_name, account_id, at) VALUES (");
  q.value(entry_id).add(", ").value(h.action).add(", ");
  value_or_null(q, h.from_state).add(", ").value(h.to_state).add(", ");
  value_or_null(q, h.note).add(", ").value(h.actor_name).add(", ");
  if (account_id) q.value(account_id); else q.add("NULL");
  q.add(", ").value(h.at).add(")").run(tx.sql());
}

bool RecordStore::decide(db::Tx& tx, long long id, const std::string& from, const std::string& to, const std::string& note,
                         long long by, const std::string& now) {
  db::Query q("UPDATE record_entry SET state = ");
  q.value(to).add(", decision_note = ");
  value_or_null(q, note).add(", decided_by = ").value(by).add(", decided_at = ").value(now);
  q.add(", updated_at = ").value(now).add(" WHERE id = ").value(id).add(" AND state = ").value(from);
  return changed(tx, q);
}

bool RecordStore::respond(db::Tx& tx, long long id, const std::string& from, const std::string& text_, const std::string& now) {
  db::Query q("UPDATE record_entry SET response = ");
  q.value(text_).add(", responded_at = ").value(now).add(", updated_at = ").value(now);
  q.add(" WHERE id = ").value(id).add(" AND state = ").value(from);
  return changed(tx, q);
}

bool RecordStore::contest(db::Tx& tx, long long id, const std::string& reason, const std::string& now) {
  db::Query q("UPDATE record_entry SET state = 'contested', contest_reason = ");
  q.value(reason).add(", contested_at = ").value(now).add(", updated_at = ").value(now);
  q.add(" WHERE id = ").value(id).add(" AND state = 'confirmed' AND resolution IS NULL");
  return changed(tx, q);
}

bool RecordStore::resolve(db::Tx& tx, long long id, const std::string& outcome, const std::string& note, long long by,
                          const std::string& now) {
  db::Query q("UPDATE record_entry SET state = ");
  q.value(outcome == "upheld" ? "confirmed" : "withdrawn").add(", resolution = ").value(outcome);
  q.add(", resolution_note = ").value(note).add(", resolved_by = ").value(by).add(", resolved_at = ").value(now);
  q.add(", updated_at = ").value(now).add(" WHERE id = ").value(id).add(" AND state = 'contested'");
  return changed(tx, q);
}

std::optional<Entry> RecordStore::find(soci::session& sql, long long id) {
  std::optional<Entry> out;
  db::Query(select_from()).add(" AND e.id = ").value(id).each(sql, [&](const soci::row& r) { out = from_row(r); });
  return out;
}

bool RecordStore::visible(soci::session& sql, const Principal& caller, long long id) {
  db::Query q(kCountFrom);
  q.add(" AND e.id = ").value(id);
  add_scope(q, caller);
  return q.count(sql) > 0;
}

std::vector<Entry> RecordStore::list(soci::session& sql, const Principal& caller, const EntryFilter& f, long long* total) {
  db::Query where;
  if (f.person_id) where.add(" AND e.person_id = ").value(f.person_id);
  if (f.node_id) where.add(" AND u.path LIKE (SELECT path FROM org_node WHERE id = ").value(f.node_id).add(") || '%'");
  if (!f.category.empty()) where.add(" AND e.category = ").value(f.category);
  if (!f.state.empty()) where.add(" AND e.state = ").value(f.state);
  if (!f.source_kind.empty()) where.add(" AND e.source_kind = ").value(f.source_kind);
  if (!f.from.empty()) where.add(" AND e.fact_date >= ").value(f.from);
  if (!f.to.empty()) where.add(" AND e.fact_date <= ").value(f.to);
  if (!f.q.empty()) {
    const std::string like = "%" + f.q + "%";
    where.add(" AND (p.name LIKE ").value(like).add(" OR e.title LIKE ").value(like).add(" OR e.content LIKE ").value(like).add(")");
  }
  add_scope(where, caller);
  if (total) *total = db::Query::prefixed(kCountFrom, where).count(sql);
  std::vector<Entry> out;
  db::Query::prefixed(select_from(), where)
      .add(" ORDER BY e.fact_date DESC, e.id DESC LIMIT " + std::to_string(f.page_size) + " OFFSET " +
           std::to_string((f.page - 1) * f.page_size))
      .each(sql, [&](const soci::row& r) { out.push_back(from_row(r)); });
  return out;
}

std::vector<Entry> RecordStore::of_person(soci::session& sql, long long person_id) {
  std::vector<Entry> out;
  db::Query(select_from())
      .add(" AND e.person_id = ")
      .value(person_id)
      .add(" ORDER BY e.fact_date DESC, e.id DESC LIMIT 1000")
      .each(sql, [&](const soci::row& r) { out.push_back(from_row(r)); });
  return out;
}

std::vector<HistoryItem> RecordStore::history(soci::session& sql, long long entry_id) {
  std::vector<HistoryItem> out;
  db::Query(kHistory).value(entry_id).add(" ORDER BY id").each(sql, [&](const soci::row& r) {
    out.push_back({text(r, 0), text(r, 1), text(r, 2), text(r, 3), text(r, 4), text(r, 5)});
  });
  return out;
}

std::vector<Comment> RecordStore::comments(soci::session& sql, long long person_id) {
  std::vector<Comment> out;
  db::Query(kComments).value(person_id).add(" ORDER BY period DESC, version DESC").each(sql, [&](const soci::row& r) {
    Comment c;
    c.id = db::column_ll(r, 0);
    c.person_id = db::column_ll(r, 1);
    c.period = text(r, 2);
    c.version = static_cast<int>(db::column_ll(r, 3));
    c.current = db::column_ll(r, 4) != 0;
    c.leader_name = text(r, 5);
    c.leader_position = text(r, 6);
    c.content = text(r, 7);
    c.written_by_name = text(r, 8);
    c.written_at = text(r, 9);
    out.push_back(c);
  });
  return out;
}

bool RecordStore::supersede(db::Tx& tx, long long person_id, const std::string& period, int expected_version) {
  if (expected_version == 0) {
    db::Query q("SELECT COUNT(*) FROM record_comment WHERE is_current = 1 AND person_id = ");
    q.value(person_id).add(" AND period = ").value(period);
    return q.count(tx.sql()) == 0;
  }
  db::Query q("UPDATE record_comment SET is_current = 0 WHERE is_current = 1 AND person_id = ");
  q.value(person_id).add(" AND period = ").value(period).add(" AND version = ").value(expected_version);
  return changed(tx, q);
}

long long RecordStore::insert_comment(db::Tx& tx, const Comment& c, long long by, const std::string& by_name,
                                      const std::string& now) {
  db::Query q("INSERT INTO record_comment (person_id, period, version, is_current, leader_name, leader_position, content, "
              "written_by, written_by_name, written_at) VALUES (");
  q.value(c.person_id).add(", ").value(c.period).add(", ").value(c.version).add(", 1, ").value(c.leader_name).add(", ");
  value_or_null(q, c.leader_position).add(", ").value(c.content).add(", ").value(by).add(", ").value(by_name);
  q.add(", ").value(now).add(") RETURNING id");
  long long id = 0;
  q.each(tx.sql(), [&](const soci::row& r) { id = db::column_ll(r, 0); });
  return id;
}

}  // namespace xinhuo::record
