#include "party/dues_service.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "audit/recorder.hpp"
#include "core/date.hpp"
#include "core/error.hpp"
#include "core/xlsx.hpp"
#include "org/facts.hpp"
#include "party/dues.hpp"
#include "party/store.hpp"

namespace xinhuo::party {

namespace {
const Text kNoMember{"党员不存在", "No such party member"};
}

std::string DuesService::this_month() const { return beijing_date(clock_.now()).substr(0, 7); }

void DuesService::require(const Principal& caller, const char* permission) const {
  if (!caller.can(permission)) throw Error::forbidden("forbidden", {"没有执行此操作的权限", "You are not allowed to do this"});
}

void DuesService::with_arrears(DuesMember& m) const {
  if (m.first_month.empty()) return;
  m.arrears_months = arrears_streak(m.paid, m.first_month, this_month());
  m.level = arrears_level(m.arrears_months);
}

DuesBase DuesService::set_base(const Principal& caller, long long person_id, int year, const std::string& category,
                               long long income_cents, const std::string& from_month) {
  require(caller, kPermWrite);
  if (!valid_dues_category(category))
    throw Error::validation("category", {"类别应为在职、离退休、学生、失业或低收入", "Unknown category"});
  const int current = std::stoi(this_month().substr(0, 4));
  if (year < current - 5 || year > current + 1)
    throw Error::validation("year", {"年度应在近五年至明年之间", "The year is out of range"});
  if (!from_month.empty() && (!valid_month(from_month) || from_month.substr(0, 4) != std::to_string(year)))
    throw Error::validation("from_month", {"起始月份应为该年度内的月份（YYYY-MM）", "The first month is a month of that year (YYYY-MM)"});
  DuesBase b{person_id, year, category, income_cents, monthly_dues_cents(category, income_cents), caller.display_name, "", from_month};
  db::Tx tx(db_);
  if (!DuesStore::member(tx.sql(), person_id) || !org::person_in_scope(tx.sql(), caller, person_id))
    throw Error::not_found(kNoMember);
  if (b.from_month.empty()) {
    // A correction of the income keeps the month; a new declaration for this year applies from this month on.
    for (const auto& existing : DuesStore::bases(tx.sql(), person_id))
      if (existing.year == year) b.from_month = existing.from_month;
    if (b.from_month.empty()) b.from_month = year == current ? this_month() : std::to_string(year) + "-01";
  }
  const std::string now = iso_utc(clock_.now());
  DuesStore::upsert_base(tx, b, caller.account_id, now);
  audit::record(tx, caller, {.action = "party.dues_base_set", .target_type = "person", .target_id = std::to_string(person_id),
                             .detail = {{"year", year}, {"category", category}, {"amount_cents", b.amount_cents},
                                        {"from_month", b.from_month}}},
                clock_.now());
  tx.commit();
  b.set_at = now;
  return b;
}

std::vector<DuesPayment> DuesService::record(const Principal& caller, const PaymentInput& in) {
  require(caller, kPermWrite);
  if (in.months.empty() || in.months.size() > 24)
    throw Error::validation("months", {"请选择 1 至 24 个月份", "Choose 1 to 24 months"});
  std::set<std::string> distinct;
  for (const auto& m : in.months) {
    if (!valid_month(m)) throw Error::validation("months", {"月份格式应为 YYYY-MM：" + m, "Use YYYY-MM: " + m});
    if (!distinct.insert(m).second) throw Error::validation("months", {"月份重复：" + m, "Month given twice: " + m});
  }
  const auto paid_on = parse_date(in.paid_on);
  if (!paid_on) throw Error::validation("paid_on", {"日期格式应为 YYYY-MM-DD", "Use the format YYYY-MM-DD"});
  if (in.paid_on > beijing_date(clock_.now())) throw Error::validation("paid_on", {"缴纳日期不能晚于今天", "The date cannot be in the future"});
  if (in.method != "cash" && in.method != "transfer" && in.method != "online" && in.method != "bank_import")
    throw Error::validation("method", {"缴纳方式不正确", "Unknown payment method"});
  const std::string paid_month = in.paid_on.substr(0, 7);
  for (const auto& m : in.months) {
    if (months_between(m, paid_month) > kBackPaymentMonths)
      throw Error::validation("months", {"补交党费最多补交6个月：" + m + " 早于 " + add_month(paid_month, -kBackPaymentMonths),
                                         "Back payment covers at most 6 months: " + m + " is before " +
                                             add_month(paid_month, -kBackPaymentMonths)});
    if (months_between(paid_month, m) > 12)
      throw Error::validation("months", {"预交党费最多一年：" + m, "Payment in advance covers at most a year: " + m});
  }

  std::vector<DuesPayment> out;
  db::Tx tx(db_);
  const auto member = DuesStore::member(tx.sql(), in.person_id);
  if (!member || !org::person_in_scope(tx.sql(), caller, in.person_id)) throw Error::not_found(kNoMember);
  const auto bases = DuesStore::bases(tx.sql(), in.person_id);
  const std::string now = iso_utc(clock_.now());
  for (const auto& m : in.months) {
    // The amount of the month's year, or of the latest year declared before it.
    const DuesBase* base = nullptr;
    for (const auto& b : bases)
      if (b.year <= std::stoi(m.substr(0, 4))) base = &b;
    if (!base)
      throw Error::conflict("no_dues_base", {m + " 所在年度尚未核定党费基数，请先登记收入", "No declared income covers " + m});
    if (base && m < first_dues_month(member->second, bases.front().from_month))
      throw Error::validation("months", {m + " 早于应缴党费的起始月份", m + " is before the first month dues are owed"});
    if (DuesStore::month_paid(tx.sql(), in.person_id, m))
      throw Error::conflict("already_paid", {m + " 的党费已缴纳", "Dues for " + m + " are already paid"});
    DuesPayment p;
    p.person_id = in.person_id;
    p.month = m;
    p.amount_cents = in.amount_cents.value_or(base->amount_cents);
    p.paid_on = in.paid_on;
    p.method = in.method;
    p.note = in.note;
    p.id = DuesStore::insert_payment(tx, p, caller.account_id, now);
    p.recorded_by_name = caller.display_name;
    p.recorded_at = now;
    out.push_back(std::move(p));
  }
  audit::record(tx, caller, {.action = "party.dues_paid", .target_type = "person", .target_id = std::to_string(in.person_id),
                             .detail = {{"months", in.months}, {"method", in.method}}},
                clock_.now());
  tx.commit();
  return out;
}

std::vector<BatchFailure> DuesService::record_batch(const Principal& caller, const std::vector<BatchRow>& rows, int* recorded) {
  require(caller, kPermWrite);
  std::vector<BatchFailure> failures;
  *recorded = 0;
  for (const auto& r : rows) {
    try {
      record(caller, r.payment);
      ++*recorded;
    } catch (const Error& e) {
      failures.push_back({r.row, e.field(), e.message().zh, e.message().en});
    }
  }
  return failures;
}

std::vector<DuesMember> DuesService::members(const Principal& caller, long long node_id, int page, int page_size,
                                             long long* total) {
  require(caller, kPermRead);
  auto lease = db_.lease();
  if (node_id && !org::node_in_scope(lease.sql(), caller, node_id)) throw Error::not_found({"组织不存在", "No such organisation"});
  auto out = DuesStore::members(lease.sql(), caller, node_id, page, page_size, total);
  for (auto& m : out) with_arrears(m);
  return out;
}

DuesMember DuesService::mine(const Principal& caller, std::vector<DuesBase>* bases, std::vector<DuesPayment>* payments) {
  if (!caller.person_id) throw Error::forbidden("no_person", {"账号未关联人员", "This account is not linked to a person"});
  auto lease = db_.lease();
  DuesMember m;
  m.person_id = caller.person_id;
  const auto member = DuesStore::member(lease.sql(), caller.person_id);
  *bases = DuesStore::bases(lease.sql(), caller.person_id);
  *payments = DuesStore::payments(lease.sql(), caller.person_id);
  if (!member) return m;  // not a party member: no dues
  m.party_status = member->first;
  if (!bases->empty()) {
    m.base = bases->back();
    m.first_month = first_dues_month(member->second, bases->front().from_month);
  }
  for (const auto& p : *payments) m.paid.push_back(p.month);
  with_arrears(m);
  return m;
}

std::vector<MatchResult> DuesService::match(const Principal& caller, const std::vector<MatchRow>& rows) {
  require(caller, kPermWrite);
  if (rows.size() > kMaxBatchRows) throw Error::validation("rows", {"一次最多 5000 行", "At most 5,000 rows at a time"});
  std::vector<MatchResult> out(rows.size());
  std::vector<std::string> hashes(rows.size());
  std::set<std::string> wanted_hashes, wanted_names;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    out[i].row = rows[i].row;
    std::string id = rows[i].id_card;
    for (auto& ch : id) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    if (!id.empty()) {
      if (auto problem = id_card_problem(id); !problem.zh.empty()) {
        out[i].status = "invalid_id";
        out[i].message = problem;
        continue;
      }
      if (cipher_) {
        hashes[i] = cipher_->lookup_hash(id);
        wanted_hashes.insert(hashes[i]);
        continue;
      }
    }
    if (!rows[i].name.empty()) wanted_names.insert(rows[i].name);
  }
  auto lease = db_.lease();
  const auto candidates = DuesStore::candidates(lease.sql(), caller, {wanted_hashes.begin(), wanted_hashes.end()},
                                                {wanted_names.begin(), wanted_names.end()});
  std::map<std::string, const DuesStore::Candidate*> by_hash;
  std::multimap<std::string, const DuesStore::Candidate*> by_name;
  for (const auto& c : candidates) {
    if (!c.id_card_hash.empty()) by_hash[c.id_card_hash] = &c;
    by_name.emplace(c.name, &c);
  }
  std::vector<const DuesStore::Candidate*> found(rows.size(), nullptr);
  const Text unknown{"未找到该党员（或不在您的管理范围内）", "No such party member in your scope"};
  for (std::size_t i = 0; i < rows.size(); ++i) {
    auto& r = out[i];
    if (r.status == "invalid_id") continue;
    if (!hashes[i].empty()) {
      auto it = by_hash.find(hashes[i]);
      if (it == by_hash.end()) {
        r.status = "unknown", r.message = unknown;
      } else if (!rows[i].name.empty() && it->second->name != rows[i].name) {
        r.status = "name_mismatch";
        r.message = {"姓名与该身份证号登记的姓名（" + it->second->name + "）不一致",
                     "The name differs from the one registered with this ID number (" + it->second->name + ")"};
      } else {
        found[i] = it->second;
      }
      continue;
    }
    if (rows[i].name.empty()) {
      r.status = "unknown", r.message = {"请填写身份证号或姓名", "Give the ID-card number or the name"};
      continue;
    }
    std::vector<const DuesStore::Candidate*> same;
    for (auto [it, end] = by_name.equal_range(rows[i].name); it != end; ++it)
      if (rows[i].branch.empty() || it->second->branch_name == rows[i].branch) same.push_back(it->second);
    if (same.empty()) {
      r.status = "unknown", r.message = unknown;
    } else if (same.size() > 1) {
      r.status = "ambiguous";
      r.message = {"有 " + std::to_string(same.size()) + " 名同名党员，请填写身份证号或党支部",
                   std::to_string(same.size()) + " members have this name: give the ID-card number or the branch"};
    } else {
      found[i] = same.front();
    }
  }
  std::vector<long long> matched;
  for (const auto* c : found)
    if (c) matched.push_back(c->person_id);
  std::sort(matched.begin(), matched.end());
  matched.erase(std::unique(matched.begin(), matched.end()), matched.end());
  auto bases = DuesStore::bases_of(lease.sql(), matched);
  auto paid = DuesStore::paid_of(lease.sql(), matched);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto* c = found[i];
    if (!c) continue;
    auto& r = out[i];
    r.status = "matched";
    r.member.person_id = c->person_id;
    r.member.name = c->name;
    r.member.unit_name = c->unit_name;
    r.member.branch_name = c->branch_name;
    r.bases = bases[c->person_id];
    r.member.paid = paid[c->person_id];
    if (!r.bases.empty()) r.member.first_month = first_dues_month(c->joined, r.bases.front().from_month);
  }
  return out;
}

std::string DuesService::statement_template() const {
  Sheet sheet{.name = "党费银行流水"};
  sheet.header = {"身份证号", "姓名", "党支部", "缴费月份", "金额（元）", "缴纳日期", "备注"};
  sheet.widths = {22, 10, 18, 20, 12, 12, 20};
  sheet.rows = {{"330203199503011236", "张三", "第一党支部", "2026-10", "120.00", "2026-11-05", "代扣10月党费"},
                {"", "李四", "第二党支部", "2026-07至2026-09", "135.00", "2026-11-05", "补交三个月"}};
  return write_xlsx(sheet);
}

std::vector<DuesReportRow> DuesService::report(const Principal& caller, long long node_id) {
  require(caller, kPermRead);
  const std::string month = this_month();
  const int year = std::stoi(month.substr(0, 4));
  const std::string january = month.substr(0, 4) + "-01";
  auto lease = db_.lease();
  if (node_id && !org::node_in_scope(lease.sql(), caller, node_id)) throw Error::not_found({"组织不存在", "No such organisation"});
  std::map<std::pair<long long, long long>, DuesReportRow> rows;
  constexpr int kPage = 500;
  long long total = 0;
  for (int page = 1;; ++page) {
    auto members = DuesStore::members(lease.sql(), caller, node_id, page, kPage, &total);
    for (auto& m : members) {
      with_arrears(m);
      auto& row = rows[{m.unit_id, m.branch_id}];
      row.unit_id = m.unit_id;
      row.branch_id = m.branch_id;
      row.unit_name = m.unit_name;
      row.branch_name = m.branch_name;
      ++row.members;
      if (m.base) {
        ++row.declared;
        // Owed this year: from January (or the first month owed) up to this month, at the declared amount.
        const std::string from = std::max(m.first_month, january);
        if (from <= month) row.due_cents += m.base->amount_cents * (months_between(from, month) + 1);
      }
      if (m.level == "warning") ++row.warning;
      if (m.level == "overdue") ++row.overdue;
    }
    if (static_cast<long long>(page) * kPage >= total) break;
  }
  for (const auto& [key, cents] : DuesStore::paid_by_branch(lease.sql(), caller, node_id, year))
    if (auto it = rows.find(key); it != rows.end()) it->second.paid_cents = cents;
  std::vector<DuesReportRow> out;  // by unit, then branch (ids: the order the tree was built in)
  for (auto& [key, row] : rows) out.push_back(std::move(row));
  return out;
}

long long DuesService::publish_overdue() {
  const std::string month = this_month();
  std::vector<std::pair<long long, std::string>> overdue;  // person, first unpaid month of the streak
  {
    auto lease = db_.lease();
    constexpr int kPage = 500;
    for (long long after = 0;;) {
      auto members = DuesStore::members_after(lease.sql(), after, kPage);
      if (members.empty()) break;
      after = members.back().person_id;
      for (auto& m : members) {
        with_arrears(m);
        if (m.arrears_months >= kArrearsWarnMonths) overdue.emplace_back(m.person_id, add_month(month, -m.arrears_months));
      }
    }
  }
  const std::string now = iso_utc(clock_.now()), today = beijing_date(clock_.now());
  constexpr std::size_t kPerTransaction = 200;
  for (std::size_t i = 0; i < overdue.size(); i += kPerTransaction) {
    db::Tx tx(db_);
    for (std::size_t j = i; j < std::min(overdue.size(), i + kPerTransaction); ++j) {
      const auto& [person, since] = overdue[j];
      tx.publish({.type = kEventDuesOverdue,
                  .subject_id = std::stoll(since.substr(0, 4) + since.substr(5, 2)),  // e.g. 202608
                  .person_id = person,
                  .occurred_at = now,
                  .payload = {{"activity_date", today}, {"unpaid_since", since}}});
    }
    tx.commit();
  }
  return static_cast<long long>(overdue.size());
}

}  // namespace xinhuo::party
