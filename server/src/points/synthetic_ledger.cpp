#include "points/synthetic_ledger.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <random>
#include <stdexcept>

#include "db/bulk_insert.hpp"
#include "db/query.hpp"
#include "points/catalog.hpp"
#include "points/rank_counts.hpp"
#include "points/store.hpp"

namespace xinhuo::points {

namespace {
const char* const kMembers =
    "SELECT id FROM person WHERE status = 'active' AND party_status IN ('probationary', 'full') ORDER BY id";
const char* const kAnyEntry = "SELECT COUNT(*) FROM (SELECT 1 FROM ledger_entry LIMIT 1) x";
const std::vector<std::string> kEntryColumns = {"person_id",     "rule_id",  "rule_code",   "category_code", "requested",
                                                "points",        "limited_by", "activity_date", "year",       "source_type",
                                                "source_key",    "event_type", "created_at"};
const std::vector<std::string> kBalanceColumns = {"person_id", "period", "category_code", "points", "entries"};
constexpr std::size_t kMembersPerTransaction = 2000;

constexpr std::size_t kActivityCount = std::size(kDemoActivities);

struct Source {
  std::optional<Rule> rule;
  std::optional<int> category_cap;
};

// One member's year: the running sums the caps, the floor and the ceiling are checked against, as book() reads them.
class MemberYear {
 public:
  MemberYear(const Scheme& scheme) : scheme_(scheme) {}

  // Points booked for a request of `requested` on day `day` (index into the year's dates) in `month`.
  std::pair<int, const char*> cut(const Source& s, std::size_t a, int requested, std::size_t day, int month) {
    const Rule& r = *s.rule;
    int points = requested;
    const char* limited_by = "";
    auto cut_to = [&](long long room, const char* reason) {
      room = std::max<long long>(0, room);
      if (points > room) points = static_cast<int>(room), limited_by = reason;
    };
    if (points > 0) {
      if (r.cap_day) cut_to(*r.cap_day - by_day_[{a, day}], "cap_day");
      if (r.cap_month) cut_to(*r.cap_month - by_month_[{a, month}], "cap_month");
      if (r.cap_year) cut_to(*r.cap_year - by_rule_[a], "cap_year");
      if (s.category_cap) cut_to(*s.category_cap - by_category_[r.category_code], "category_cap");
      if (scheme_.ceiling_score) cut_to(*scheme_.ceiling_score - scheme_.base_score - total_, "ceiling");
    } else if (points < 0) {
      const long long above_floor = scheme_.base_score + total_ - scheme_.floor_score;
      if (-points > above_floor) points = -static_cast<int>(std::max<long long>(0, above_floor)), limited_by = "floor";
    }
    by_day_[{a, day}] += points;
    by_month_[{a, month}] += points;
    by_rule_[a] += points;
    by_category_[r.category_code] += points;
    total_ += points;
    return {points, limited_by};
  }

 private:
  const Scheme& scheme_;
  std::map<std::pair<std::size_t, std::size_t>, long long> by_day_;
  std::map<std::pair<std::size_t, int>, long long> by_month_;
  std::map<std::size_t, long long> by_rule_;
  std::map<std::string, long long> by_category_;
  long long total_ = 0;
};
}  // namespace

SyntheticLedgerReport generate_ledger(db::Database& db, const SyntheticLedgerOptions& o) {
  SyntheticLedgerReport report;
  const int year = std::stoi(o.today.substr(0, 4)), last_month = std::stoi(o.today.substr(5, 2));
  const int last_day = std::stoi(o.today.substr(8, 2));
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  const int month_days[] = {31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  std::vector<std::string> dates;  // every day from 1 January to today
  std::vector<int> months;
  for (int m = 1; m <= last_month; ++m)
    for (int d = 1; d <= (m == last_month ? last_day : month_days[m - 1]); ++d) {
      dates.push_back(fmt::format("{:04d}-{:02d}-{:02d}", year, m, d));
      months.push_back(m);
    }

  std::vector<long long> members;
  std::vector<Source> sources(kActivityCount);
  Scheme scheme{year};
  {
    auto lease = db.lease();
    if (db::Query(kAnyEntry).count(lease.sql()) > 0)
      throw std::runtime_error("the ledger already has entries; generate points into a database without them");
    db::Query(kMembers).each(lease.sql(), [&](const soci::row& r) { members.push_back(db::column_ll(r, 0)); });
    const auto categories = PointsStore::categories(lease.sql());
    for (std::size_t a = 0; a < kActivityCount; ++a) {
      const auto code = PointsStore::rule_for_event(lease.sql(), kDemoActivities[a].type);
      auto rule = code ? PointsStore::current_rule(lease.sql(), *code) : std::nullopt;
      if (!rule || (rule->applies_to != "members" && rule->applies_to != "everyone")) continue;
      sources[a].rule = rule;
      for (const auto& c : categories)
        if (c.code == rule->category_code) sources[a].category_cap = c.yearly_cap;
    }
    scheme = PointsStore::scheme(lease.sql(), year).value_or(Scheme{year});
  }
  report.members = static_cast<long long>(members.size());
  if (members.empty() || o.entries <= 0) return report;

  std::vector<double> weights;
  for (std::size_t a = 0; a < kActivityCount; ++a) weights.push_back(sources[a].rule ? kDemoActivities[a].per_month : 0);
  std::mt19937_64 random(o.seed ^ 0x5851F42D4C957F2Dull);
  std::discrete_distribution<std::size_t> pick(weights.begin(), weights.end());
  std::uniform_int_distribution<std::size_t> any_day(0, dates.size() - 1);
  const long long per_member = o.entries / report.members, extra = o.entries % report.members;
  const std::string y = std::to_string(year);
  long long subject = 0;

  for (std::size_t start = 0; start < members.size(); start += kMembersPerTransaction) {
    db::Tx tx(db);
    // SQLite's default page cache (2 MB) sends every index page through the kernel; a bulk load wants more.
    if (tx.dialect() == db::Dialect::sqlite) tx.sql() << "PRAGMA cache_size = -524288";
    {
      db::BulkInsert entries(tx.sql(), "ledger_entry", kEntryColumns);
      db::BulkInsert balances(tx.sql(), "point_balance", kBalanceColumns);
      const std::size_t end = std::min(members.size(), start + kMembersPerTransaction);
      for (std::size_t i = start; i < end; ++i) {
        const long long person = members[i];
        const std::string person_text = std::to_string(person);
        // The member's activities in date order, so that caps cut the later ones as bookings would.
        std::vector<std::pair<std::size_t, std::size_t>> year_of;  // day, activity
        for (long long n = per_member + (static_cast<long long>(i) < extra ? 1 : 0); n > 0; --n)
          year_of.emplace_back(any_day(random), pick(random));
        std::sort(year_of.begin(), year_of.end());
        MemberYear state(scheme);
        std::map<std::pair<std::string, std::string>, std::pair<long long, long long>> sums;  // period, category
        for (const auto& [day, a] : year_of) {
          const Source& s = sources[a];
          const int quantity = std::string_view(kDemoActivities[a].type) == "study.course_hour" ? 1 + static_cast<int>(random() % 3) : 1;
          const int requested = s.rule->points * quantity;
          const auto [points, limited_by] = state.cut(s, a, requested, day, months[day]);
          const std::string& date = dates[day];
          entries.add({person_text, std::to_string(s.rule->id), s.rule->code, s.rule->category_code, std::to_string(requested),
                       std::to_string(points), *limited_by ? db::Cell(limited_by) : std::nullopt, date, y, "event",
                       fmt::format("event:{}:{}:{}", kDemoActivities[a].type, ++subject, person), kDemoActivities[a].type,
                       date + "T02:00:00Z"});
          const std::string quarter = y + "-Q" + std::to_string((months[day] - 1) / 3 + 1);
          for (const std::string& period : {y, quarter, date.substr(0, 7)})
            for (const std::string& category : {s.rule->category_code, std::string()}) {
              auto& sum = sums[{period, category}];
              sum.first += points;
              ++sum.second;
            }
          ++report.entries;
        }
        for (const auto& [key, sum] : sums) {
          balances.add({person_text, key.first, key.second, std::to_string(sum.first), std::to_string(sum.second)});
          ++report.balances;
        }
      }
      entries.flush();
      balances.flush();
    }
    tx.commit();
    if (o.progress) o.progress(report.entries);
  }
  report.rank_rows = RankCounts::rebuild(db);
  return report;
}

}  // namespace xinhuo::points
