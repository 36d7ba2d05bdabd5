#include "party/dues_demo.hpp"

#include <random>
#include <string>
#include <vector>

#include "db/bulk_insert.hpp"
#include "db/query.hpp"
#include "db/transaction.hpp"
#include "party/dues.hpp"

namespace xinhuo::party {

DemoDuesReport seed_demo_dues(db::Database& db, const std::string& today, std::uint64_t seed) {
  DemoDuesReport report;
  db::Tx tx(db);
  const long long recorder = db::Query("SELECT COALESCE(MIN(id), 0) FROM account").count(tx.sql());
  if (!recorder || db::Query("SELECT COUNT(*) FROM dues_payment").count(tx.sql()) > 0) return report;
  struct Member {
    long long id = 0;
    std::string joined;  // YYYY-MM-DD or empty
  };
  std::vector<Member> members;
  db::Query("SELECT id, COALESCE(party_joined_date, '') FROM person WHERE status = 'active' "
            "AND party_status IN ('full', 'probationary') ORDER BY id")
      .each(tx.sql(), [&](const soci::row& r) { members.push_back({db::column_ll(r, 0), r.get<std::string>(1)}); });

  std::mt19937_64 rng(seed ^ 0xd0e5ULL);
  const std::string year = today.substr(0, 4), this_month = today.substr(0, 7), set_at = year + "-01-05T02:00:00Z";
  static const char* kMethods[] = {"transfer", "online", "online", "cash"};
  const unsigned current_share = std::stoi(today.substr(8, 2)) >= 10 ? 88 : 15;  // percent of this month's dues paid
  db::BulkInsert bases(tx.sql(), "dues_base",
                       {"person_id", "year", "category", "income_cents", "amount_cents", "set_by", "set_at", "from_month"});
  db::BulkInsert payments(tx.sql(), "dues_payment",
                          {"person_id", "month", "amount_cents", "paid_on", "method", "recorded_by", "recorded_at"});
  payments.write_after(bases);
  for (const auto& m : members) {
    // Post-tax monthly income of a civil servant: 6,000–16,000 yuan; one in twenty retired on a pension.
    const bool retired = rng() % 20 == 0;
    const std::string category = retired ? "retired" : "employed";
    const long long income = (retired ? 4000 + static_cast<long long>(rng() % 4000) : 6000 + static_cast<long long>(rng() % 10000)) * 100;
    const long long amount = monthly_dues_cents(category, income);
    bases.add({std::to_string(m.id), year, category, std::to_string(income), std::to_string(amount), std::to_string(recorder),
               set_at, year + "-01"});
    ++report.bases;
    // One member in thirty stopped paying four months ago. This month's dues are deducted with the pay on the 10th:
    // before it a few have paid, after it most.
    const bool stopped = rng() % 30 == 0;
    const std::string first = first_dues_month(m.joined, year + "-01");
    for (const auto& month : months_due(first, this_month)) {
      const bool current = month == this_month;
      if (stopped && months_between(month, this_month) < 4) continue;
      if (current ? rng() % 100 >= current_share : rng() % 100 < 2) continue;
      const std::string paid_on = current ? today : month + "-" + (rng() % 2 ? "10" : "18");
      payments.add({std::to_string(m.id), month, std::to_string(amount), paid_on, kMethods[rng() % 4], std::to_string(recorder),
                    paid_on + "T02:00:00Z"});
      ++report.payments;
    }
    if (stopped && months_between(first, this_month) >= kArrearsWarnMonths) ++report.behind;
  }
  payments.flush();
  bases.flush();
  tx.commit();
  return report;
}

}  // namespace xinhuo::party
