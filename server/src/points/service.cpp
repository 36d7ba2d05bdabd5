#include "points/service.hpp"

#include "org/facts.hpp"
#include "points/facts.hpp"

#include <algorithm>
#include <regex>

#include "audit/recorder.hpp"
#include "files/service.hpp"
#include "core/random.hpp"
#include "core/xlsx.hpp"
#include "core/log.hpp"
#include "db/subtree.hpp"
#include "org/events.hpp"

namespace xinhuo::points {

namespace {

const Text kNoPerson{"当前账号未关联党员信息", "This account is not linked to a person"};

bool valid_date(const std::string& d) {
  static const std::regex shape(R"(\d{4}-\d{2}-\d{2})");
  if (!std::regex_match(d, shape)) return false;
  const int y = std::stoi(d.substr(0, 4)), m = std::stoi(d.substr(5, 2)), day = std::stoi(d.substr(8, 2));
  static const int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (y < 1900 || m < 1 || m > 12 || day < 1 || day > days[m - 1]) return false;
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return !(m == 2 && day == 29 && !leap);
}

std::string month_end(const std::string& date) {
  const int y = std::stoi(date.substr(0, 4)), m = std::stoi(date.substr(5, 2));
  static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return date.substr(0, 8) + std::to_string(m == 2 && leap ? 29 : days[m - 1]);
}

// The periods an activity date books into: its year, quarter and month.
std::vector<std::string> periods_of(const std::string& date) {
  const std::string year = date.substr(0, 4);
  const int month = std::stoi(date.substr(5, 2));
  return {year, year + "-Q" + std::to_string((month - 1) / 3 + 1), date.substr(0, 7)};
}

// Repeats are found by person, rule and the description with whitespace and case folded.
std::string fingerprint(long long person_id, const std::string& rule_code, const std::string& description) {
  std::string folded;
  for (char c : description) {
    if (std::isspace(static_cast<unsigned char>(c))) continue;
    folded.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  return sha256_hex(std::to_string(person_id) + "|" + rule_code + "|" + folded);
}

void check_text(const std::string& field, const std::string& value, std::size_t max_bytes, const Text& what) {
  if (value.empty() || value.size() > max_bytes) throw Error::validation(field, what);
}

Error already_decided() {
  return Error::conflict("claim_already_decided", {"该申报已被处理，请刷新后查看", "This claim was already decided; refresh to see it"});
}

}  // namespace

Period parse_period(const std::string& text, const char* field) {
  static const std::regex shape(R"((\d{4})(-Q([1-4])|-(0[1-9]|1[0-2]))?)");
  std::smatch m;
  if (!std::regex_match(text, m, shape))
    throw Error::validation(field, {"期间应为年份（2026）、季度（2026-Q4）或月份（2026-11）",
                                    "A period is a year (2026), a quarter (2026-Q4) or a month (2026-11)"});
  return Period{text, std::stoi(m[1].str())};
}

void PointsService::require(const Principal& caller, const char* permission) const {
  if (!caller.can(permission)) throw Error::forbidden("forbidden", {"没有执行此操作的权限", "You are not allowed to do this"});
}

std::string PointsService::today() const { return iso_utc(clock_.now() + std::chrono::hours(8)).substr(0, 10); }
int PointsService::current_year() const { return std::stoi(today().substr(0, 4)); }

void PointsService::ensure_default_catalog() {
  db::Tx tx(db_);
  const std::string now = iso_utc(clock_.now());
  if (PointsStore::categories(tx.sql()).empty()) {
    for (const auto& c : default_categories()) PointsStore::upsert_category(tx, c);
    for (const auto& d : default_rules()) {
      Rule r = d.rule;
      r.version = 1;
      r.status = "current";
      r.valid_from = "2020-01-01";
      PointsStore::insert_rule(tx, r, 0, now);
      if (!d.event_type.empty()) PointsStore::upsert_event_rule(tx, d.event_type, r.code, now);
    }
  }
  const int year = current_year();
  if (!PointsStore::scheme(tx.sql(), year)) {
    // A new year starts from the previous year's scheme, or from the default (base 60, floor 0).
    Scheme s = PointsStore::scheme(tx.sql(), year - 1).value_or(Scheme{});
    s.year = year;
    PointsStore::upsert_scheme(tx, s, now);
  }
  tx.commit();
}

void PointsService::subscribe(db::EventBus& bus) {
  for (const auto& type : event_types()) bus.subscribe(type, [this](db::Tx& tx, const db::Event& e) { on_event(tx, e); });
  // The rank counts follow people and nodes through the org tree.
  bus.subscribe(org::kEventPersonPlaced, [](db::Tx& tx, const db::Event& e) { RankCounts::on_person_placed(tx, e); });
  bus.subscribe(org::kEventNodeMoved, [](db::Tx& tx, const db::Event& e) { RankCounts::on_node_moved(tx, e); });
}

bool PointsService::applies(const Rule& rule, const PersonFacts& person, const std::string& date) const {
  if (person.status != "active") return false;
  if (date < rule.valid_from || (!rule.valid_to.empty() && date > rule.valid_to)) return false;
  if (rule.applies_to == "everyone") return true;
  if (rule.applies_to == "probationary") return person.party_status == "probationary";
  if (rule.applies_to == "young_cadres") return young_.applies(person.rank, org::age_on(person.birth_date, date));
  return person.party_status == "probationary" || person.party_status == "full";
}

long long PointsService::book(db::Tx& tx, const Booking& b) {
  // Bookings one at a time: caps read sums before writing, and the rank counts are rows every booking of a city
  // shares (PostgreSQL; SQLite's write transaction holds the database already).
  tx.lock_writers();
  const int year = std::stoi(b.activity_date.substr(0, 4));
  const Scheme scheme = tx.kept<Scheme>("points.scheme:" + std::to_string(year),
                                        [&] { return PointsStore::scheme(tx.sql(), year).value_or(Scheme{year}); });
  const std::string& category = b.rule.category_code;
  const std::string y = std::to_string(year);
  int points = b.requested;
  std::string limited_by;
  auto cut_to = [&](long long room, const char* reason) {
    room = std::max<long long>(0, room);
    if (points > room) {
      points = static_cast<int>(room);
      limited_by = reason;
    }
  };
  // Reversals undo exactly what was booked; everything else meets the caps, the floor and the ceiling.
  if (b.source_type != "reversal" && points > 0) {
    const Rule& r = b.rule;
    if (r.cap_day) cut_to(*r.cap_day - PointsStore::rule_sum(tx, b.person_id, r.code, b.activity_date, b.activity_date), "cap_day");
    if (r.cap_month)
      cut_to(*r.cap_month - PointsStore::rule_sum(tx, b.person_id, r.code, b.activity_date.substr(0, 8) + "01",
                                                  month_end(b.activity_date)),
             "cap_month");
    if (r.cap_year) cut_to(*r.cap_year - PointsStore::rule_sum(tx, b.person_id, r.code, y + "-01-01", y + "-12-31"), "cap_year");
    if (const auto cap = tx.kept<std::optional<int>>("points.category_cap:" + category,
                                                           [&] { return PointsStore::category_cap(tx.sql(), category); }))
      cut_to(*cap - PointsStore::balance(tx.sql(), b.person_id, y, category), "category_cap");
    if (scheme.ceiling_score)
      cut_to(*scheme.ceiling_score - scheme.base_score - PointsStore::balance(tx.sql(), b.person_id, y, ""), "ceiling");
  } else if (b.source_type != "reversal" && points < 0) {
    const long long above_floor = scheme.base_score + PointsStore::balance(tx.sql(), b.person_id, y, "") - scheme.floor_score;
    if (-points > above_floor) {
      points = -static_cast<int>(std::max<long long>(0, above_floor));
      limited_by = "floor";
    }
  }
  // A source is booked once: booked before (or meanwhile), the entry there is the answer and nothing changes.
  const long long id = PointsStore::insert_entry(tx, b, points, limited_by, category, year, iso_utc(clock_.now()));
  if (id == 0) return PointsStore::entry_id_by_source(tx.sql(), b.source_key).value_or(0);
  const auto changes = PointsStore::add_to_balances(tx, b.person_id, periods_of(b.activity_date), category, points);
  RankCounts::booked(tx, RankCounts::placement(tx, b.person_id), changes);
  tx.publish({.type = kEventEntryBooked, .subject_id = id, .person_id = b.person_id, .occurred_at = iso_utc(clock_.now()),
              .payload = {{"activity_date", b.activity_date}, {"category", category}, {"points", points}}});
  return id;
}

void PointsService::on_event(db::Tx& tx, const db::Event& e) {
  if (e.person_id == 0) return;
  const auto code = tx.kept<std::optional<std::string>>("points.event_rule:" + e.type,
                                                        [&] { return PointsStore::rule_for_event(tx.sql(), e.type); });
  if (!code) return;
  const auto rule = tx.kept<std::optional<Rule>>("points.current_rule:" + *code,
                                                 [&] { return PointsStore::current_rule(tx.sql(), *code); });
  const auto person = PointsStore::person(tx.sql(), e.person_id);
  std::string date = e.payload.value("activity_date", std::string());
  if (!valid_date(date)) {
    // The activity's date is its date in Beijing, where the platform's users live.
    try {
      date = iso_utc(parse_iso_utc(e.occurred_at) + std::chrono::hours(8)).substr(0, 10);
    } catch (const std::exception&) {
      date = today();
    }
  }
  if (!rule || !person || !applies(*rule, *person, date)) return;
  int quantity = 1;
  if (auto q = e.payload.find("quantity"); q != e.payload.end() && q->is_number_integer())
    quantity = std::clamp(q->get<int>(), 1, 100);
  Booking b;
  b.person_id = person->id;
  b.rule = *rule;
  b.requested = rule->points * quantity;
  b.activity_date = date;
  b.source_type = "event";
  b.source_key = "event:" + e.type + ":" + std::to_string(e.subject_id) + ":" + std::to_string(e.person_id);
  b.event_type = e.type;
  book(tx, b);
}

Claim PointsService::visible_claim(soci::session& sql, const Principal& caller, long long id) {
  auto c = PointsStore::claim(sql, id);
  const bool own = c && caller.person_id && c->person_id == caller.person_id;
  if (!c || (!own && !org::person_in_scope(sql, caller, c->person_id))) throw Error::not_found();
  return *c;
}

Claim PointsService::submit_claim(const Principal& caller, const ClaimInput& in) {
  if (!caller.person_id) throw Error::forbidden("no_person", kNoPerson);
  if (!valid_date(in.activity_date)) throw Error::validation("activity_date", {"日期格式应为 YYYY-MM-DD", "Dates are YYYY-MM-DD"});
  if (in.activity_date > today()) throw Error::validation("activity_date", {"活动日期不能晚于今天", "The activity cannot be in the future"});
  if (std::stoi(in.activity_date.substr(0, 4)) < current_year() - 1)
    throw Error::validation("activity_date", {"只能申报今年或去年的活动", "Only this year's or last year's activities can be reported"});
  check_text("description", in.description, 4000, {"请填写活动说明（不超过 1000 字）", "Describe the activity (up to 1,000 characters)"});
  if (in.evidence.size() > 9) throw Error::validation("evidence", {"最多 9 张证明材料", "At most 9 pieces of evidence"});

  db::Tx tx(db_);
  const auto rule = PointsStore::rule(tx.sql(), in.rule_id);
  if (!rule || rule->status != "current") throw Error::validation("rule_id", {"积分项目不存在或已停用", "No such rule, or it is retired"});
  if (rule->earn_mode != "self_report")
    throw Error::validation("rule_id", {"该积分项目不能自行申报", "This rule is not earned by self-report"});
  if (rule->evidence_required && in.evidence.empty())
    throw Error::validation("evidence", {"该项目需要上传证明材料", "This rule needs evidence"});
  files::FilesService::require_owned(tx.sql(), caller, in.evidence, "evidence");
  const auto person = PointsStore::person(tx.sql(), caller.person_id);
  if (!person || !applies(*rule, *person, in.activity_date))
    throw Error::validation("rule_id", {"该积分项目不适用于您", "This rule does not apply to you"});

  Claim c;
  c.kind = "self_report";
  c.person_id = person->id;
  c.unit_id = person->unit_id;
  c.branch_id = person->branch_id;
  c.rule_id = rule->id;
  c.points = rule->points;
  c.activity_date = in.activity_date;
  c.description = in.description;
  c.evidence = in.evidence;
  c.created_by = caller.account_id;
  const auto now = clock_.now();
  const std::string print = fingerprint(person->id, rule->code, in.description);
  c.possible_duplicate_of = PointsStore::duplicate_of(tx, print, iso_utc(now - std::chrono::hours(24 * 7)));
  c.id = PointsStore::insert_claim(tx, c, print, iso_utc(now));
  auto committed = *PointsStore::claim(tx.sql(), c.id);
  tx.commit();
  return committed;
}

Claim PointsService::record(const Principal& caller, const RecordInput& in) {
  require(caller, kPermAdjust);
  if (!valid_date(in.activity_date)) throw Error::validation("activity_date", {"日期格式应为 YYYY-MM-DD", "Dates are YYYY-MM-DD"});
  if (in.activity_date > today()) throw Error::validation("activity_date", {"日期不能晚于今天", "The date cannot be in the future"});
  check_text("reason", in.reason, 4000, {"请填写原因（不超过 1000 字）", "Give the reason (up to 1,000 characters)"});
  db::Tx tx(db_);
  if (!org::person_in_scope(tx.sql(), caller, in.person_id)) throw Error::not_found({"人员不存在", "No such person"});
  if (in.person_id == caller.person_id)
    throw Error::forbidden("own_record", {"不能为本人记录加分或扣分", "You cannot record points for yourself"});
  const auto rule = PointsStore::rule(tx.sql(), in.rule_id);
  if (!rule || rule->status != "current") throw Error::validation("rule_id", {"积分项目不存在或已停用", "No such rule, or it is retired"});
  if (rule->earn_mode != "manager")
    throw Error::validation("rule_id", {"该积分项目不由管理人员记录", "This rule is not recorded by managers"});
  int points = rule->points;
  if (rule->code == kAdjustmentRule) {
    if (!in.points || *in.points == 0 || std::abs(*in.points) > 100)
      throw Error::validation("points", {"人工调整需填写分值（-100 至 100，不能为 0）", "An adjustment needs points from -100 to 100, not 0"});
    points = *in.points;
  } else if (in.points && *in.points != rule->points) {
    throw Error::validation("points", {"该项目的分值由规则确定", "This rule sets its own points"});
  }
  const auto person = PointsStore::person(tx.sql(), in.person_id);
  if (!person || !applies(*rule, *person, in.activity_date))
    throw Error::validation("rule_id", {"该积分项目不适用于此人", "This rule does not apply to this person"});

  Claim c;
  c.kind = "manager_record";
  c.person_id = person->id;
  c.unit_id = person->unit_id;
  c.branch_id = person->branch_id;
  c.rule_id = rule->id;
  c.points = points;
  c.activity_date = in.activity_date;
  c.description = in.reason;
  c.created_by = caller.account_id;
  const auto now = clock_.now();
  c.id = PointsStore::insert_claim(tx, c, fingerprint(person->id, rule->code, in.reason + in.activity_date), iso_utc(now));
  audit::record(tx, caller, {.action = "points.recorded", .target_type = "person", .target_id = std::to_string(person->id),
                             .detail = {{"claim_id", c.id}, {"rule", rule->code}, {"points", points}, {"reason", in.reason}}},
                now);
  // The recorder is the first approver; a rule that needs two approvers then waits for a second person.
  if (rule->second_approver) {
    PointsStore::first_approve(tx, c.id, caller.account_id, iso_utc(now));
  } else {
    PointsStore::decide(tx, c.id, "pending", "approved", caller.account_id, "", iso_utc(now));
    auto stored = *PointsStore::claim(tx.sql(), c.id);
    PointsStore::set_claim_entry(tx, c.id, book_claim(tx, stored, *rule, caller.display_name));
  }
  auto committed = *PointsStore::claim(tx.sql(), c.id);
  tx.commit();
  return committed;
}

std::vector<Claim> PointsService::claims(const Principal& caller, const ClaimFilter& filter, long long* total) {
  require(caller, kPermApprove);
  auto lease = db_.lease();
  return PointsStore::claims(lease.sql(), caller, filter, total);
}

std::vector<Claim> PointsService::my_claims(const Principal& caller) {
  if (!caller.person_id) throw Error::forbidden("no_person", kNoPerson);
  auto lease = db_.lease();
  return PointsStore::claims_of(lease.sql(), caller.person_id, 200);
}

Claim PointsService::claim(const Principal& caller, long long id) {
  auto lease = db_.lease();
  return visible_claim(lease.sql(), caller, id);
}

long long PointsService::book_claim(db::Tx& tx, const Claim& c, const Rule& rule, const std::string& approvers) {
  Booking b;
  b.person_id = c.person_id;
  b.rule = rule;
  b.requested = c.points;
  b.activity_date = c.activity_date;
  b.source_type = "claim";
  b.source_key = "claim:" + std::to_string(c.id);
  b.claim_id = c.id;
  b.note = c.description;
  b.recorded_by = c.created_by;
  b.approved_by = approvers;
  return book(tx, b);
}

void PointsService::approve_in(db::Tx& tx, const Principal& caller, long long id) {
  tx.lock_writers();  // before the claim's row: a decision waits for others whole, never halfway (no deadlock)
  const auto facts = PointsStore::claim_for_decision(tx.sql(), id);
  const bool own = facts && caller.person_id && facts->first.person_id == caller.person_id;
  if (!facts || (!own && !caller.scope.all && !org::person_in_scope(tx.sql(), caller, facts->first.person_id)))
    throw Error::not_found();
  const auto& [c, rule] = *facts;
  if (c.person_id == caller.person_id)
    throw Error::forbidden("own_claim", {"不能审批本人的积分", "You cannot approve your own points"});
  if (c.kind == "self_report" && c.created_by == caller.account_id)
    throw Error::forbidden("own_claim", {"不能审批本人提交的申报", "You cannot approve a claim you submitted"});
  const std::string now = iso_utc(clock_.now());
  if (c.status == "pending" && c.second_approver) {
    if (!PointsStore::first_approve(tx, id, caller.account_id, now)) throw already_decided();
    audit::record(tx, caller, {.action = "points.claim_first_approved", .target_type = "point_claim",
                               .target_id = std::to_string(id), .detail = {{"person_id", c.person_id}, {"points", c.points}}},
                  clock_.now());
    return;
  }
  if (c.status == "first_approved" && (c.first_approver_id == caller.account_id || c.created_by == caller.account_id))
    throw Error::conflict("second_approver_required",
                          {"该项目需要另一位审批人复核", "This rule needs a second approver other than the first"});
  if (c.status != "pending" && c.status != "first_approved") throw already_decided();
  if (!PointsStore::decide(tx, id, c.status, "approved", caller.account_id, "", now)) throw already_decided();
  std::string approvers = c.first_approver_name.empty() ? caller.display_name : c.first_approver_name + "、" + caller.display_name;
  const long long entry = book_claim(tx, c, rule, approvers);
  PointsStore::set_claim_entry(tx, id, entry);
  audit::record(tx, caller, {.action = "points.claim_approved", .target_type = "point_claim", .target_id = std::to_string(id),
                             .detail = {{"person_id", c.person_id}, {"points", c.points}, {"entry_id", entry}}},
                clock_.now());
}

Claim PointsService::approve(const Principal& caller, long long id) {
  require(caller, kPermApprove);
  // Approvals arriving together share one commit (one fsync on SQLite); one that fails loses only its own work.
  approvals_.run([&](db::Tx& tx) { approve_in(tx, caller, id); });
  auto lease = db_.lease();  // the answer is read after the commit, outside the writers' turn
  return *PointsStore::claim(lease.sql(), id);
}

BatchResult PointsService::approve_batch(const Principal& caller, const std::vector<long long>& ids) {
  require(caller, kPermApprove);
  BatchResult result;
  // One transaction, one savepoint per claim: a refusal undoes only its own claim, and one commit makes the
  // batch durable.
  db::Tx tx(db_);
  tx.lock_writers();
  tx.defer_sums();
  tx.keep_reads();
  for (long long id : ids) {
    db::Savepoint savepoint(tx);
    try {
      approve_in(tx, caller, id);
      savepoint.release();
      result.approved.push_back(id);
    } catch (const Error& e) {
      result.failed.emplace_back(id, e.code());
    }
  }
  tx.commit();
  return result;
}

Claim PointsService::reject(const Principal& caller, long long id, const std::string& reason) {
  require(caller, kPermApprove);
  check_text("reason", reason, 4000, {"请填写退回原因（不超过 1000 字）", "Give the reason (up to 1,000 characters)"});
  db::Tx tx(db_);
  tx.lock_writers();  // before the claim's row, as approvals do
  const Claim c = visible_claim(tx.sql(), caller, id);
  if (c.person_id == caller.person_id) throw Error::forbidden("own_claim", {"不能审批本人的积分", "You cannot decide your own points"});
  if ((c.status != "pending" && c.status != "first_approved") ||
      !PointsStore::decide(tx, id, c.status, "rejected", caller.account_id, reason, iso_utc(clock_.now())))
    throw already_decided();
  audit::record(tx, caller, {.action = "points.claim_rejected", .target_type = "point_claim", .target_id = std::to_string(id),
                             .detail = {{"person_id", c.person_id}, {"reason", reason}}},
                clock_.now());
  auto committed = *PointsStore::claim(tx.sql(), id);
  tx.commit();
  return committed;
}

Claim PointsService::withdraw(const Principal& caller, long long id) {
  if (!caller.person_id) throw Error::forbidden("no_person", kNoPerson);
  db::Tx tx(db_);
  const auto c = PointsStore::claim(tx.sql(), id);
  if (!c || c->person_id != caller.person_id || c->kind != "self_report") throw Error::not_found();
  if (c->status != "pending" || !PointsStore::decide(tx, id, "pending", "withdrawn", caller.account_id, "", iso_utc(clock_.now())))
    throw already_decided();
  auto committed = *PointsStore::claim(tx.sql(), id);
  tx.commit();
  return committed;
}

Entry PointsService::reverse(const Principal& caller, long long entry_id, const std::string& reason) {
  require(caller, kPermAdjust);
  check_text("reason", reason, 4000, {"请填写更正原因（不超过 1000 字）", "Give the reason (up to 1,000 characters)"});
  db::Tx tx(db_);
  const auto e = PointsStore::entry(tx.sql(), entry_id);
  if (!e || !org::person_in_scope(tx.sql(), caller, e->person_id)) throw Error::not_found();
  if (e->person_id == caller.person_id)
    throw Error::forbidden("own_record", {"不能更正本人的积分", "You cannot correct your own points"});
  if (e->source_type == "reversal") throw Error::conflict("is_reversal", {"更正记录不能再次更正", "A reversal cannot be reversed"});
  if (e->reversed_by) throw Error::conflict("already_reversed", {"该记录已被更正", "This entry was already reversed"});
  Booking b;
  b.person_id = e->person_id;
  b.rule = *PointsStore::rule(tx.sql(), e->rule_id);
  b.requested = -e->points;
  b.activity_date = e->activity_date;
  b.source_type = "reversal";
  b.source_key = "reversal:" + std::to_string(entry_id);
  b.reverses_id = entry_id;
  b.note = reason;
  b.recorded_by = caller.account_id;
  const long long id = book(tx, b);
  audit::record(tx, caller, {.action = "points.entry_reversed", .target_type = "ledger_entry", .target_id = std::to_string(entry_id),
                             .detail = {{"person_id", e->person_id}, {"points", e->points}, {"reversal_id", id}, {"reason", reason}}},
                clock_.now());
  auto committed = *PointsStore::entry(tx.sql(), id);
  tx.commit();
  return committed;
}

Summary PointsService::summary_of(soci::session& sql, const PersonFacts& person, int year) {
  Summary s;
  s.person_id = person.id;
  s.person_name = person.name;
  s.year = year;
  s.base_score = PointsStore::scheme(sql, year).value_or(Scheme{year}).base_score;
  const std::string y = std::to_string(year);
  s.earned = PointsStore::balance(sql, person.id, y, "");
  s.score = s.base_score + s.earned;
  for (const auto& c : PointsStore::categories(sql))
    s.categories.push_back({c.code, c.name, PointsStore::balance(sql, person.id, y, c.code), c.yearly_cap});
  return s;
}

Summary PointsService::summary(const Principal& caller, long long person_id, int year) {
  require(caller, kPermRead);
  auto lease = db_.lease();
  const auto person = PointsStore::person(lease.sql(), person_id);
  if (!person || !org::person_in_scope(lease.sql(), caller, person_id)) throw Error::not_found({"人员不存在", "No such person"});
  return summary_of(lease.sql(), *person, year);
}

std::vector<Entry> PointsService::entries(const Principal& caller, long long person_id, int year) {
  require(caller, kPermRead);
  auto lease = db_.lease();
  if (!org::person_in_scope(lease.sql(), caller, person_id)) throw Error::not_found({"人员不存在", "No such person"});
  return PointsStore::entries(lease.sql(), person_id, year);
}

std::vector<Summary> PointsService::years_of(long long person_id) {
  auto lease = db_.lease();
  std::vector<Summary> out;
  const auto person = PointsStore::person(lease.sql(), person_id);
  if (!person) return out;
  for (int year : PointsStore::years_with_balance(lease.sql(), person_id)) out.push_back(summary_of(lease.sql(), *person, year));
  return out;
}

long long PointsService::earned_of(long long person_id, int year) {
  auto lease = db_.lease();
  return PointsStore::balance(lease.sql(), person_id, std::to_string(year), "");
}

Summary PointsService::my_summary(const Principal& caller, int year) {
  if (!caller.person_id) throw Error::forbidden("no_person", kNoPerson);
  auto lease = db_.lease();
  return summary_of(lease.sql(), *PointsStore::person(lease.sql(), caller.person_id), year);
}

std::vector<Entry> PointsService::my_entries(const Principal& caller, int year) {
  if (!caller.person_id) throw Error::forbidden("no_person", kNoPerson);
  auto lease = db_.lease();
  return PointsStore::entries(lease.sql(), caller.person_id, year);
}

std::vector<RankRow> PointsService::ranking(const Principal& caller, long long node_id, const std::string& period,
                                            const std::string& category, int limit) {
  require(caller, kPermRead);
  auto lease = db_.lease();
  const auto path = PointsStore::node_path_in_scope(lease.sql(), caller, node_id);
  if (!path) throw Error::not_found({"组织不存在", "No such organisation"});
  return PointsStore::top(lease.sql(), node_id, parse_period(period).key, category, limit);
}

std::string PointsService::export_ranking(const Principal& caller, long long node_id, const std::string& period,
                                          const std::string& category) {
  const auto rows = ranking(caller, node_id, period, category, 50000);
  Sheet sheet{.name = "积分排名",
              .header = {"名次", "姓名", "单位", "党支部", "积分"},
              .widths = {8, 12, 28, 28, 10},
              .rows = {}};
  for (const auto& r : rows)
    sheet.rows.push_back({std::to_string(r.rank), r.name, r.unit_name, r.branch_name, std::to_string(r.points)});
  std::string bytes = write_xlsx(sheet);
  db::Tx tx(db_);
  audit::record(tx, caller, {.action = "points.ranking_exported", .target_type = "org_node", .target_id = std::to_string(node_id),
                             .detail = {{"period", period}, {"category", category}, {"rows", rows.size()}}},
                clock_.now());
  tx.commit();
  return bytes;
}

MyRank PointsService::my_rank(const Principal& caller, const std::string& period, const std::string& category,
                              const std::string& within) {
  if (!caller.person_id) throw Error::forbidden("no_person", kNoPerson);
  if (within != "unit" && within != "branch" && within != "city")
    throw Error::validation("within", {"范围只能是 unit、branch 或 city", "within is unit, branch or city"});
  const std::string key = parse_period(period).key;
  auto lease = db_.lease();
  const auto person = PointsStore::person(lease.sql(), caller.person_id);
  long long node = person->unit_id;
  if (within == "branch") node = person->branch_id;
  if (within == "city") {
    // The top of the person's tree: the city (a province above the cities in generated data at scale).
    const auto ids = db::path_ids(PointsStore::node_path(lease.sql(), person->unit_id).value_or(""));
    node = ids.empty() ? 0 : ids.front();
  }
  if (!node) return MyRank{.points = PointsStore::balance(lease.sql(), caller.person_id, key, category)};
  return PointsStore::rank_of(lease.sql(), caller.person_id, node, key, category);
}

VerifyReport PointsService::verify() {
  auto lease = db_.lease();
  VerifyReport report = PointsStore::verify(lease.sql());
  RankCounts::verify(lease.sql(), report);
  return report;
}

long long PointsService::rebuild_ranks() { return RankCounts::rebuild(db_); }

void PointsService::ensure_rank_counts() {
  {
    auto lease = db_.lease();
    if (!RankCountStore::never_built(lease.sql())) return;
  }
  const long long rows = RankCounts::rebuild(db_);
  log::info("points: rank counts built", {{"rows", rows}});
}

}  // namespace xinhuo::points
