#include "points/store.hpp"

#include <map>
#include <tuple>

#include "db/query.hpp"

namespace xinhuo::points {

namespace {
const char* const kSelectCategories = "SELECT code, name, yearly_cap, sort_order FROM point_category ORDER BY sort_order, code";
const char* const kCategoryCap = "SELECT yearly_cap FROM point_category WHERE code = ";
const char* const kUpsertCategory =
    "INSERT INTO point_category (code, name, yearly_cap, sort_order) VALUES (:c, :n, :cap, :s) "
    "ON CONFLICT (code) DO UPDATE SET name = excluded.name, yearly_cap = excluded.yearly_cap, sort_order = excluded.sort_order";
const char* const kRuleColumns =
    "SELECT id, code, version, category_code, name, points, earn_mode, evidence_required, cap_day, cap_month, cap_year, "
    "second_approver, applies_to, valid_from, COALESCE(valid_to, ''), status, created_at FROM point_rule WHERE 1 = 1";
const char* const kInsertRule =
    "INSERT INTO point_rule (code, version, category_code, name, points, earn_mode, evidence_required, cap_day, "
    "cap_month, cap_year, second_approver, applies_to, valid_from, valid_to, status, created_at, created_by) "
    "VALUES (:code, :v, :cat, :name, :pts, :mode, :ev, :cd, :cm, :cy, :sa, :at, :vf, :vt, :st, :now, :by) RETURNING id";
const char* const kSetRuleStatus = "UPDATE point_rule SET status = :to WHERE id = :id AND status = :from";

const char* const kSelectScheme = "SELECT year, base_score, floor_score, ceiling_score FROM point_scheme WHERE 1 = 1";
const char* const kUpsertScheme =
    "INSERT INTO point_scheme (year, base_score, floor_score, ceiling_score, updated_at) VALUES (:y, :b, :f, :c, :now) "
    "ON CONFLICT (year) DO UPDATE SET base_score = excluded.base_score, floor_score = excluded.floor_score, "
    "ceiling_score = excluded.ceiling_score, updated_at = excluded.updated_at";

const char* const kSelectEventRule = "SELECT rule_code FROM point_event_rule WHERE event_type = ";
const char* const kSelectEventRules = "SELECT event_type, rule_code FROM point_event_rule ORDER BY event_type";
const char* const kUpsertEventRule =
    "INSERT INTO point_event_rule (event_type, rule_code, updated_at) VALUES (:t, :r, :now) "
    "ON CONFLICT (event_type) DO UPDATE SET rule_code = excluded.rule_code, updated_at = excluded.updated_at";

const char* const kSelectPerson =
    "SELECT id, name, party_status, birth_date, COALESCE(rank, ''), status, unit_id, COALESCE(branch_id, 0) "
    "FROM person WHERE id = ";

const char* const kRuleSum[] = {"SELECT COALESCE(SUM(points), 0) FROM ledger_entry WHERE person_id = ", " AND rule_code = ",
                                " AND activity_date >= ", " AND activity_date <= "};
// The statements of a booking and a decision are built with db::Query (kept prepared on SQLite); a value goes
// between each fragment.
const char* const kSelectBalance[] = {"SELECT points FROM point_balance WHERE person_id = ", " AND period = ",
                                      " AND category_code = "};
const char* const kInsertEntry =
    "INSERT INTO ledger_entry (person_id, rule_id, rule_code, category_code, requested, points, limited_by, "
    "activity_date, year, source_type, source_key, event_type, claim_id, reverses_id, note, recorded_by, approved_by, "
    "created_at) VALUES (";
const char* const kInsertEntryTail = ") ON CONFLICT (source_key) DO NOTHING";
// One statement for all the balances a booking changes; each row comes back as it now stands.
const char* const kAddBalancesHead = "INSERT INTO point_balance (person_id, period, category_code, points, entries) VALUES ";
const char* const kAddBalancesTail =
    " ON CONFLICT (person_id, period, category_code) DO UPDATE SET points = point_balance.points + excluded.points, "
    "entries = point_balance.entries + 1 RETURNING period, category_code, points, entries";
const char* const kEntryBySource = "SELECT id FROM ledger_entry WHERE source_key = ";
const char* const kEntryColumns =
    "SELECT e.id, e.person_id, e.rule_id, r.version, e.rule_code, r.name, e.category_code, e.requested, e.points, "
    "COALESCE(e.limited_by, ''), e.activity_date, e.year, e.source_type, e.source_key, COALESCE(e.event_type, ''), "
    "COALESCE(e.claim_id, 0), COALESCE(e.reverses_id, 0), "
    "COALESCE((SELECT x.id FROM ledger_entry x WHERE x.reverses_id = e.id), 0), COALESCE(e.note, ''), "
    "COALESCE(a.display_name, ''), COALESCE(e.approved_by, ''), e.created_at, COALESCE(c.kind, '') "
    "FROM ledger_entry e JOIN point_rule r ON r.id = e.rule_id LEFT JOIN account a ON a.id = e.recorded_by "
    "LEFT JOIN point_claim c ON c.id = e.claim_id WHERE 1 = 1";

const char* const kInsertClaim =
    "INSERT INTO point_claim (kind, person_id, unit_id, branch_id, rule_id, points, activity_date, description, "
    "evidence, fingerprint, possible_duplicate_of, status, created_by, created_at) VALUES (:k, :p, :u, :b, :r, :pts, "
    ":d, :desc, :ev, :fp, :dup, 'pending', :by, :now) RETURNING id";
const char* const kClaimColumns =
    "SELECT c.id, c.kind, c.person_id, p.name, c.unit_id, COALESCE(c.branch_id, 0), u.name, c.rule_id, r.code, r.name, "
    "r.category_code, c.points, r.second_approver, c.activity_date, c.description, c.evidence, "
    "COALESCE(c.possible_duplicate_of, 0), c.status, c.created_by, ca.display_name, c.created_at, "
    "COALESCE(c.first_approver_id, 0), COALESCE(fa.display_name, ''), COALESCE(c.first_approved_at, ''), "
    "COALESCE(c.decided_by, 0), COALESCE(da.display_name, ''), COALESCE(c.decided_at, ''), "
    "COALESCE(c.decision_reason, ''), COALESCE(c.entry_id, 0)";
const char* const kClaimFrom =
    " FROM point_claim c JOIN person p ON p.id = c.person_id JOIN point_rule r ON r.id = c.rule_id "
    "JOIN org_node u ON u.id = c.unit_id LEFT JOIN org_node b ON b.id = c.branch_id "
    "JOIN account ca ON ca.id = c.created_by LEFT JOIN account fa ON fa.id = c.first_approver_id "
    "LEFT JOIN account da ON da.id = c.decided_by WHERE 1 = 1";
const char* const kClaimForDecision =
    "SELECT c.id, c.kind, c.person_id, c.unit_id, COALESCE(c.branch_id, 0), c.points, c.activity_date, c.description, "
    "c.status, c.created_by, COALESCE(c.first_approver_id, 0), COALESCE(fa.display_name, ''), "
    "r.id, r.code, r.version, r.category_code, r.name, r.points, r.earn_mode, r.evidence_required, r.cap_day, "
    "r.cap_month, r.cap_year, r.second_approver, r.applies_to, r.valid_from, COALESCE(r.valid_to, ''), r.status, "
    "r.created_at FROM point_claim c JOIN point_rule r ON r.id = c.rule_id "
    "LEFT JOIN account fa ON fa.id = c.first_approver_id WHERE c.id = ";
const char* const kDuplicateOf =
    "SELECT COALESCE(MIN(id), 0) FROM point_claim WHERE fingerprint = :f AND created_at >= :since "
    "AND status NOT IN ('rejected', 'withdrawn')";
// Compare-and-set: a row comes back only when the claim was still in the expected state.
const char* const kFirstApprove[] = {"UPDATE point_claim SET status = 'first_approved', first_approver_id = ",
                                     ", first_approved_at = ", " WHERE id = ", " AND status = 'pending' RETURNING id"};
const char* const kDecide[] = {"UPDATE point_claim SET status = ", ", decided_by = ", ", decided_at = ",
                               ", decision_reason = ", " WHERE id = ", " AND status = ", " RETURNING id"};
const char* const kSetClaimEntry[] = {"UPDATE point_claim SET entry_id = ", " WHERE id = "};


std::optional<int> optional_int(const soci::row& r, std::size_t i) {
  if (r.get_indicator(i) == soci::i_null) return std::nullopt;
  return static_cast<int>(db::column_ll(r, i));
}

Rule rule_from(const soci::row& r) {
  Rule x;
  x.id = db::column_ll(r, 0);
  x.code = r.get<std::string>(1);
  x.version = static_cast<int>(db::column_ll(r, 2));
  x.category_code = r.get<std::string>(3);
  x.name = r.get<std::string>(4);
  x.points = static_cast<int>(db::column_ll(r, 5));
  x.earn_mode = r.get<std::string>(6);
  x.evidence_required = db::column_ll(r, 7) != 0;
  x.cap_day = optional_int(r, 8);
  x.cap_month = optional_int(r, 9);
  x.cap_year = optional_int(r, 10);
  x.second_approver = db::column_ll(r, 11) != 0;
  x.applies_to = r.get<std::string>(12);
  x.valid_from = r.get<std::string>(13);
  x.valid_to = r.get<std::string>(14);
  x.status = r.get<std::string>(15);
  x.created_at = r.get<std::string>(16);
  return x;
}

Entry entry_from(const soci::row& r) {
  Entry e;
  e.id = db::column_ll(r, 0);
  e.person_id = db::column_ll(r, 1);
  e.rule_id = db::column_ll(r, 2);
  e.rule_version = static_cast<int>(db::column_ll(r, 3));
  e.rule_code = r.get<std::string>(4);
  e.rule_name = r.get<std::string>(5);
  e.category_code = r.get<std::string>(6);
  e.requested = static_cast<int>(db::column_ll(r, 7));
  e.points = static_cast<int>(db::column_ll(r, 8));
  e.limited_by = r.get<std::string>(9);
  e.activity_date = r.get<std::string>(10);
  e.year = static_cast<int>(db::column_ll(r, 11));
  e.source_type = r.get<std::string>(12);
  e.source_key = r.get<std::string>(13);
  e.event_type = r.get<std::string>(14);
  e.claim_id = db::column_ll(r, 15);
  e.reverses_id = db::column_ll(r, 16);
  e.reversed_by = db::column_ll(r, 17);
  e.note = r.get<std::string>(18);
  e.recorded_by_name = r.get<std::string>(19);
  e.approved_by = r.get<std::string>(20);
  e.created_at = r.get<std::string>(21);
  e.claim_kind = r.get<std::string>(22);
  return e;
}

std::vector<long long> id_list(const std::string& json_text) {
  std::vector<long long> out;
  const Json parsed = Json::parse(json_text, nullptr, false);
  if (parsed.is_array())
    for (const auto& v : parsed)
      if (v.is_number_integer()) out.push_back(v.get<long long>());
  return out;
}

Claim claim_from(const soci::row& r) {
  Claim c;
  c.id = db::column_ll(r, 0);
  c.kind = r.get<std::string>(1);
  c.person_id = db::column_ll(r, 2);
  c.person_name = r.get<std::string>(3);
  c.unit_id = db::column_ll(r, 4);
  c.branch_id = db::column_ll(r, 5);
  c.unit_name = r.get<std::string>(6);
  c.rule_id = db::column_ll(r, 7);
  c.rule_code = r.get<std::string>(8);
  c.rule_name = r.get<std::string>(9);
  c.category_code = r.get<std::string>(10);
  c.points = static_cast<int>(db::column_ll(r, 11));
  c.second_approver = db::column_ll(r, 12) != 0;
  c.activity_date = r.get<std::string>(13);
  c.description = r.get<std::string>(14);
  c.evidence = id_list(r.get<std::string>(15));
  c.possible_duplicate_of = db::column_ll(r, 16);
  c.status = r.get<std::string>(17);
  c.created_by = db::column_ll(r, 18);
  c.created_by_name = r.get<std::string>(19);
  c.created_at = r.get<std::string>(20);
  c.first_approver_id = db::column_ll(r, 21);
  c.first_approver_name = r.get<std::string>(22);
  c.first_approved_at = r.get<std::string>(23);
  c.decided_by = db::column_ll(r, 24);
  c.decided_by_name = r.get<std::string>(25);
  c.decided_at = r.get<std::string>(26);
  c.decision_reason = r.get<std::string>(27);
  c.entry_id = db::column_ll(r, 28);
  return c;
}

soci::indicator null_if_absent(const std::optional<int>& v) { return v ? soci::i_ok : soci::i_null; }

}  // namespace

std::vector<Category> PointsStore::categories(soci::session& sql) {
  std::vector<Category> out;
  soci::rowset<soci::row> rows = sql.prepare << kSelectCategories;
  for (const auto& r : rows)
    out.push_back({r.get<std::string>(0), r.get<std::string>(1), optional_int(r, 2), static_cast<int>(db::column_ll(r, 3))});
  return out;
}

std::optional<int> PointsStore::category_cap(soci::session& sql, const std::string& code) {
  std::optional<int> cap;
  db::Query(kCategoryCap).value(code).each(sql, [&](const soci::row& r) { cap = optional_int(r, 0); });
  return cap;
}

void PointsStore::upsert_category(db::Tx& tx, const Category& c) {
  const int cap = c.yearly_cap.value_or(0);
  soci::indicator cap_ind = null_if_absent(c.yearly_cap);
  tx.sql() << kUpsertCategory, soci::use(c.code), soci::use(c.name), soci::use(cap, cap_ind), soci::use(c.sort_order);
}

std::vector<Rule> PointsStore::rules(soci::session& sql, bool with_history, const std::string& code) {
  db::Query q(kRuleColumns);
  if (!with_history) q.add(" AND status = 'current'");
  if (!code.empty()) q.add(" AND code = ").value(code);
  q.add(" ORDER BY category_code, code, version DESC");
  std::vector<Rule> out;
  q.each(sql, [&](const soci::row& r) { out.push_back(rule_from(r)); });
  return out;
}

std::optional<Rule> PointsStore::rule(soci::session& sql, long long id) {
  std::optional<Rule> out;
  db::Query(kRuleColumns).add(" AND id = ").value(id).each(sql, [&](const soci::row& r) { out = rule_from(r); });
  return out;
}

std::optional<Rule> PointsStore::current_rule(soci::session& sql, const std::string& code) {
  std::optional<Rule> out;
  db::Query(kRuleColumns).add(" AND status = 'current' AND code = ").value(code).each(sql, [&](const soci::row& r) {
    out = rule_from(r);
  });
  return out;
}

long long PointsStore::insert_rule(db::Tx& tx, const Rule& r, long long created_by, const std::string& now) {
  long long id = 0;
  const int ev = r.evidence_required ? 1 : 0, sa = r.second_approver ? 1 : 0;
  const int cd = r.cap_day.value_or(0), cm = r.cap_month.value_or(0), cy = r.cap_year.value_or(0);
  soci::indicator cd_i = null_if_absent(r.cap_day), cm_i = null_if_absent(r.cap_month), cy_i = null_if_absent(r.cap_year);
  soci::indicator vt_i = r.valid_to.empty() ? soci::i_null : soci::i_ok;
  soci::indicator by_i = created_by ? soci::i_ok : soci::i_null;
  tx.sql() << kInsertRule, soci::use(r.code), soci::use(r.version), soci::use(r.category_code), soci::use(r.name),
      soci::use(r.points), soci::use(r.earn_mode), soci::use(ev), soci::use(cd, cd_i), soci::use(cm, cm_i),
      soci::use(cy, cy_i), soci::use(sa), soci::use(r.applies_to), soci::use(r.valid_from), soci::use(r.valid_to, vt_i),
      soci::use(r.status), soci::use(now), soci::use(created_by, by_i), soci::into(id);
  return id;
}

bool PointsStore::set_rule_status(db::Tx& tx, long long id, const std::string& from, const std::string& to) {
  soci::statement st = (tx.sql().prepare << kSetRuleStatus, soci::use(to), soci::use(id), soci::use(from));
  st.execute(true);
  return db::affected_rows(st) == 1;
}

std::optional<Scheme> PointsStore::scheme(soci::session& sql, int year) {
  std::optional<Scheme> out;
  db::Query(kSelectScheme).add(" AND year = ").value(year).each(sql, [&](const soci::row& r) {
    out = Scheme{static_cast<int>(db::column_ll(r, 0)), static_cast<int>(db::column_ll(r, 1)),
                 static_cast<int>(db::column_ll(r, 2)), optional_int(r, 3)};
  });
  return out;
}

std::vector<Scheme> PointsStore::schemes(soci::session& sql) {
  std::vector<Scheme> out;
  db::Query(kSelectScheme).add(" ORDER BY year DESC").each(sql, [&](const soci::row& r) {
    out.push_back(Scheme{static_cast<int>(db::column_ll(r, 0)), static_cast<int>(db::column_ll(r, 1)),
                         static_cast<int>(db::column_ll(r, 2)), optional_int(r, 3)});
  });
  return out;
}

void PointsStore::upsert_scheme(db::Tx& tx, const Scheme& s, const std::string& now) {
  const int ceiling = s.ceiling_score.value_or(0);
  soci::indicator ceiling_i = null_if_absent(s.ceiling_score);
  tx.sql() << kUpsertScheme, soci::use(s.year), soci::use(s.base_score), soci::use(s.floor_score),
      soci::use(ceiling, ceiling_i), soci::use(now);
}

std::optional<std::string> PointsStore::rule_for_event(soci::session& sql, const std::string& event_type) {
  std::optional<std::string> out;
  db::Query(kSelectEventRule).value(event_type).each(sql, [&](const soci::row& r) { out = r.get<std::string>(0); });
  return out;
}

std::vector<std::pair<std::string, std::string>> PointsStore::event_rules(soci::session& sql) {
  std::vector<std::pair<std::string, std::string>> out;
  soci::rowset<soci::row> rows = sql.prepare << kSelectEventRules;
  for (const auto& r : rows) out.emplace_back(r.get<std::string>(0), r.get<std::string>(1));
  return out;
}

void PointsStore::upsert_event_rule(db::Tx& tx, const std::string& event_type, const std::string& rule_code,
                                    const std::string& now) {
  tx.sql() << kUpsertEventRule, soci::use(event_type), soci::use(rule_code), soci::use(now);
}

std::optional<PersonFacts> PointsStore::person(soci::session& sql, long long id) {
  std::optional<PersonFacts> out;
  db::Query(kSelectPerson).value(id).rows(sql, [&](const db::Row& r) {
    out = PersonFacts{r.ll(0), r.text(1), r.text(2), r.text(3), r.text(4), r.text(5), r.ll(6), r.ll(7)};
  });
  return out;
}

long long PointsStore::rule_sum(db::Tx& tx, long long person_id, const std::string& rule_code, const std::string& from,
                                const std::string& to) {
  long long sum = 0;
  db::Query(kRuleSum[0])
      .value(person_id)
      .add(kRuleSum[1])
      .value(rule_code)
      .add(kRuleSum[2])
      .value(from)
      .add(kRuleSum[3])
      .value(to)
      .each(tx.sql(), [&](const soci::row& r) { sum = db::column_ll(r, 0); });
  return sum;
}

long long PointsStore::balance(soci::session& sql, long long person_id, const std::string& period,
                               const std::string& category) {
  long long points = 0;
  db::Query(kSelectBalance[0])
      .value(person_id)
      .add(kSelectBalance[1])
      .value(period)
      .add(kSelectBalance[2])
      .value(category)
      .rows(sql, [&](const db::Row& r) { points = r.ll(0); });
  return points;
}

long long PointsStore::insert_entry(db::Tx& tx, const Booking& b, int points, const std::string& limited_by,
                                    const std::string& category, int year, const std::string& now) {
  db::Query q(kInsertEntry);
  // Absent values are written as NULL in the text: a few shapes of the statement, each kept prepared.
  auto text = [&](const std::string& v) -> db::Query& { return v.empty() ? q.add("NULL") : q.value(v); };
  auto id = [&](long long v) -> db::Query& { return v ? q.value(v) : q.add("NULL"); };
  q.value(b.person_id).add(", ").value(b.rule.id).add(", ").value(b.rule.code).add(", ").value(category).add(", ");
  q.value(b.requested).add(", ").value(points).add(", ");
  text(limited_by).add(", ").value(b.activity_date).add(", ").value(year).add(", ").value(b.source_type).add(", ");
  q.value(b.source_key).add(", ");
  text(b.event_type).add(", ");
  id(b.claim_id).add(", ");
  id(b.reverses_id).add(", ");
  text(b.note).add(", ");
  id(b.recorded_by).add(", ");
  text(b.approved_by).add(", ").value(now).add(kInsertEntryTail);
  return q.inserted_id(tx.sql());
}

std::vector<BalanceChange> PointsStore::add_to_balances(db::Tx& tx, long long person_id, const std::vector<std::string>& periods,
                                                        const std::string& category, long long points) {
  db::Query q(kAddBalancesHead);
  bool first = true;
  for (const auto& period : periods)
    for (const std::string& cat : {category, std::string()}) {
      q.add(first ? "(" : ", (").value(person_id).add(", ").value(period).add(", ").value(cat).add(", ").value(points).add(", 1)");
      first = false;
    }
  q.add(kAddBalancesTail);
  std::vector<BalanceChange> out;
  q.rows(tx.sql(), [&](const db::Row& r) {
    const long long now = r.ll(2);
    // A row that counts one entry was made by this booking.
    out.push_back({r.text(0), r.text(1), r.ll(3) > 1, now - points, now});
  });
  return out;
}

std::optional<long long> PointsStore::entry_id_by_source(soci::session& sql, const std::string& source_key) {
  std::optional<long long> id;
  db::Query(kEntryBySource).value(source_key).each(sql, [&](const soci::row& r) { id = db::column_ll(r, 0); });
  return id;
}

std::optional<Entry> PointsStore::entry(soci::session& sql, long long id) {
  std::optional<Entry> out;
  db::Query(kEntryColumns).add(" AND e.id = ").value(id).each(sql, [&](const soci::row& r) { out = entry_from(r); });
  return out;
}

std::vector<Entry> PointsStore::entries(soci::session& sql, long long person_id, int year) {
  std::vector<Entry> out;
  db::Query(kEntryColumns)
      .add(" AND e.person_id = ")
      .value(person_id)
      .add(" AND e.year = ")
      .value(year)
      .add(" ORDER BY e.activity_date DESC, e.id DESC")
      .each(sql, [&](const soci::row& r) { out.push_back(entry_from(r)); });
  return out;
}

long long PointsStore::insert_claim(db::Tx& tx, const Claim& c, const std::string& fingerprint, const std::string& now) {
  long long id = 0;
  Json evidence = Json::array();
  for (auto e : c.evidence) evidence.push_back(e);
  const std::string evidence_text = evidence.dump();
  soci::indicator branch_i = c.branch_id ? soci::i_ok : soci::i_null;
  soci::indicator dup_i = c.possible_duplicate_of ? soci::i_ok : soci::i_null;
  tx.sql() << kInsertClaim, soci::use(c.kind), soci::use(c.person_id), soci::use(c.unit_id), soci::use(c.branch_id, branch_i),
      soci::use(c.rule_id), soci::use(c.points), soci::use(c.activity_date), soci::use(c.description),
      soci::use(evidence_text), soci::use(fingerprint), soci::use(c.possible_duplicate_of, dup_i),
      soci::use(c.created_by), soci::use(now), soci::into(id);
  return id;
}

std::optional<Claim> PointsStore::claim(soci::session& sql, long long id) {
  std::optional<Claim> out;
  db::Query(std::string(kClaimColumns) + kClaimFrom).add(" AND c.id = ").value(id).each(sql, [&](const soci::row& r) {
    out = claim_from(r);
  });
  return out;
}

std::optional<std::pair<Claim, Rule>> PointsStore::claim_for_decision(soci::session& sql, long long id) {
  std::optional<std::pair<Claim, Rule>> out;
  db::Query(kClaimForDecision).value(id).each(sql, [&](const soci::row& r) {
    Claim c;
    c.id = db::column_ll(r, 0);
    c.kind = r.get<std::string>(1);
    c.person_id = db::column_ll(r, 2);
    c.unit_id = db::column_ll(r, 3);
    c.branch_id = db::column_ll(r, 4);
    c.points = static_cast<int>(db::column_ll(r, 5));
    c.activity_date = r.get<std::string>(6);
    c.description = r.get<std::string>(7);
    c.status = r.get<std::string>(8);
    c.created_by = db::column_ll(r, 9);
    c.first_approver_id = db::column_ll(r, 10);
    c.first_approver_name = r.get<std::string>(11);
    Rule rule;
    rule.id = db::column_ll(r, 12);
    rule.code = r.get<std::string>(13);
    rule.version = static_cast<int>(db::column_ll(r, 14));
    rule.category_code = r.get<std::string>(15);
    rule.name = r.get<std::string>(16);
    rule.points = static_cast<int>(db::column_ll(r, 17));
    rule.earn_mode = r.get<std::string>(18);
    rule.evidence_required = db::column_ll(r, 19) != 0;
    rule.cap_day = optional_int(r, 20);
    rule.cap_month = optional_int(r, 21);
    rule.cap_year = optional_int(r, 22);
    rule.second_approver = db::column_ll(r, 23) != 0;
    rule.applies_to = r.get<std::string>(24);
    rule.valid_from = r.get<std::string>(25);
    rule.valid_to = r.get<std::string>(26);
    rule.status = r.get<std::string>(27);
    rule.created_at = r.get<std::string>(28);
    c.rule_id = rule.id;
    c.rule_code = rule.code;
    c.category_code = rule.category_code;
    c.second_approver = rule.second_approver;
    out.emplace(std::move(c), std::move(rule));
  });
  return out;
}

std::vector<Claim> PointsStore::claims(soci::session& sql, const Principal& caller, const ClaimFilter& f, long long* total) {
  db::Query where("");
  if (f.status.empty()) where.add(" AND c.status IN ('pending', 'first_approved')");
  else where.add(" AND c.status = ").value(f.status);
  if (f.unit_id) where.add(" AND c.unit_id = ").value(f.unit_id);
  if (f.person_id) where.add(" AND c.person_id = ").value(f.person_id);
  db::restrict_to_scope(where, caller, "u.path", "b.path", "c.unit_id", "c.branch_id", "c.person_id");
  *total = db::Query::prefixed(std::string("SELECT COUNT(*)") + kClaimFrom, where).count(sql);
  std::vector<Claim> out;
  db::Query::prefixed(std::string(kClaimColumns) + kClaimFrom, where)
      .add(" ORDER BY c.id LIMIT " + std::to_string(f.page_size) + " OFFSET " +
           std::to_string(static_cast<long long>(f.page - 1) * f.page_size))
      .each(sql, [&](const soci::row& r) { out.push_back(claim_from(r)); });
  return out;
}

std::vector<Claim> PointsStore::claims_of(soci::session& sql, long long person_id, int limit) {
  std::vector<Claim> out;
  db::Query(std::string(kClaimColumns) + kClaimFrom)
      .add(" AND c.person_id = ")
      .value(person_id)
      .add(" ORDER BY c.id DESC LIMIT " + std::to_string(limit))
      .each(sql, [&](const soci::row& r) { out.push_back(claim_from(r)); });
  return out;
}

long long PointsStore::duplicate_of(db::Tx& tx, const std::string& fingerprint, const std::string& since) {
  long long id = 0;
  tx.sql() << kDuplicateOf, soci::use(fingerprint), soci::use(since), soci::into(id);
  return id;
}

bool PointsStore::first_approve(db::Tx& tx, long long id, long long approver, const std::string& now) {
  db::Query q(kFirstApprove[0]);
  q.value(approver).add(kFirstApprove[1]).value(now).add(kFirstApprove[2]).value(id).add(kFirstApprove[3]);
  bool changed = false;
  q.each(tx.sql(), [&](const soci::row&) { changed = true; });
  return changed;
}

bool PointsStore::decide(db::Tx& tx, long long id, const std::string& from, const std::string& to, long long by,
                         const std::string& reason, const std::string& now) {
  db::Query q(kDecide[0]);
  q.value(to).add(kDecide[1]).value(by).add(kDecide[2]).value(now).add(kDecide[3]);
  (reason.empty() ? q.add("NULL") : q.value(reason)).add(kDecide[4]).value(id).add(kDecide[5]).value(from).add(kDecide[6]);
  bool changed = false;
  q.each(tx.sql(), [&](const soci::row&) { changed = true; });
  return changed;
}

void PointsStore::set_claim_entry(db::Tx& tx, long long id, long long entry_id) {
  db::Query(kSetClaimEntry[0]).value(entry_id).add(kSetClaimEntry[1]).value(id).run(tx.sql());
}

VerifyReport PointsStore::verify(soci::session& sql) {
  VerifyReport report;
  auto describe = [](long long person, const std::string& period, const std::string& category, long long balance,
                     long long entries) {
    return "person " + std::to_string(person) + ", period " + period + ", category " +
           (category.empty() ? std::string("(total)") : category) + ": balance " + std::to_string(balance) +
           ", entries sum to " + std::to_string(entries);
  };
  // A few thousand people at a time, so that a ledger of tens of millions of entries is checked in bounded memory.
  constexpr long long kPeople = 5000;
  const long long last = RankCountStore::max_person_id(sql);
  for (long long from = 0; from <= last; from += kPeople) {
    // Expected balances from the entries, in the same periods and categories the ledger books them under.
    std::map<std::tuple<long long, std::string, std::string>, std::pair<long long, long long>> expected;
    RankCountStore::each_entry_sum(sql, from, from + kPeople, [&](const EntrySum& e) {
      const std::string year = std::to_string(e.year);
      const std::string quarter = year + "-Q" + std::to_string((std::stoi(e.month) - 1) / 3 + 1);
      for (const std::string& period : {year, quarter, year + "-" + e.month})
        for (const std::string& cat : {e.category, std::string()}) {
          auto& slot = expected[{e.person_id, period, cat}];
          slot.first += e.points;
          slot.second += e.entries;
        }
    });
    RankCountStore::each_balance(sql, from, from + kPeople, [&](const BalanceRow& b) {
      ++report.balances_checked;
      auto it = expected.find({b.person_id, b.period, b.category});
      const long long want = it == expected.end() ? 0 : it->second.first;
      const long long want_count = it == expected.end() ? 0 : it->second.second;
      if (b.points != want || b.entries != want_count)
        report.mismatches.push_back(describe(b.person_id, b.period, b.category, b.points, want));
      if (it != expected.end()) expected.erase(it);
    });
    for (const auto& [key, sums] : expected)
      report.mismatches.push_back(describe(std::get<0>(key), std::get<1>(key), std::get<2>(key), 0, sums.first) +
                                  " (no balance row)");
  }
  return report;
}

std::vector<int> PointsStore::years_with_balance(soci::session& sql, long long person_id) {
  std::vector<int> out;
  db::Query q("SELECT period FROM point_balance WHERE person_id = ");
  q.value(person_id).add(" AND category_code = '' AND LENGTH(period) = 4 ORDER BY period");
  q.each(sql, [&](const soci::row& r) { out.push_back(std::stoi(r.get<std::string>(0))); });
  return out;
}

}  // namespace xinhuo::points
