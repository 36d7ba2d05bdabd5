// Demo points: a year of activity for every party member of the demo city, booked through the same event path
// the other modules will use, and a few reports waiting in the demo branch secretary's queue.
#include "points/demo.hpp"

#include <random>

#include "db/query.hpp"
#include "points/synthetic_ledger.hpp"

namespace xinhuo::points {

namespace {

constexpr long long kSimulatedSubjectBase = 1'000'000'000;
const char* const kMembers =
    "SELECT id FROM person WHERE status = 'active' AND party_status IN ('probationary', 'full') ORDER BY id";
// The demo accounts' people: the members of the demo branch with accounts (cadre01, cadre02).
const char* const kDemoReporters =
    "SELECT a.person_id, a.id FROM account a WHERE a.username IN ('cadre01', 'cadre02') AND a.person_id IS NOT NULL "
    "ORDER BY a.username";

// A 1×1 PNG: demo evidence that a browser can show.
std::string tiny_png() {
  static const unsigned char bytes[] = {
      0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00,
      0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x02, 0x00, 0x00, 0x00, 0x90, 0x77, 0x53, 0xDE, 0x00, 0x00, 0x00,
      0x0C, 0x49, 0x44, 0x41, 0x54, 0x08, 0xD7, 0x63, 0x68, 0x60, 0x60, 0x00, 0x00, 0x00, 0x84, 0x00, 0x81, 0x2D,
      0x6F, 0x8B, 0x19, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82};
  return std::string(reinterpret_cast<const char*>(bytes), sizeof bytes);
}

}  // namespace

DemoPointsReport seed_demo_points(db::Database& db, PointsService& points, files::FilesService& files,
                                  std::uint64_t seed) {
  DemoPointsReport report;
  points.ensure_default_catalog();
  const std::string today = points.today();
  const int year = std::stoi(today.substr(0, 4));
  const int months = std::stoi(today.substr(5, 2));
  std::mt19937_64 random(seed ^ 0x9E3779B97F4A7C15ull);
  std::vector<long long> members;
  {
    auto lease = db.lease();
    db::Query(kMembers).each(lease.sql(), [&](const soci::row& r) { members.push_back(db::column_ll(r, 0)); });
  }
  // The simulated activities have no record of their own: their subject numbers start far above any real id, so that a
  // real check-in, lecture or course later booked for the same person is never taken for one of them (the ledger books
  // one entry per event type, subject and person).
  long long subject = kSimulatedSubjectBase;
  {
    db::Tx tx(db);
    for (long long person : members) {
      for (int month = 1; month <= months; ++month) {
        const int last_day = month == months ? std::stoi(today.substr(8, 2)) : 28;
        for (const auto& a : kDemoActivities) {
          std::poisson_distribution<int> count(a.per_month);
          for (int n = count(random); n > 0; --n) {
            char date[40];  // room for any int, so the compiler can see nothing is cut
            std::snprintf(date, sizeof date, "%04d-%02d-%02d", year, month, static_cast<int>(random() % last_day) + 1);
            Json payload = {{"activity_date", date}};
            if (std::string_view(a.type) == "study.course_hour")
              payload["quantity"] = static_cast<int>(random() % 3) + 1;
            tx.publish({.type = a.type,
                        .subject_id = ++subject,
                        .person_id = person,
                        .occurred_at = std::string(date) + "T02:00:00Z",
                        .payload = payload});
            ++report.events;
          }
        }
      }
    }
    tx.commit();
  }

  // Reports waiting for the demo branch secretary, each with a photo.
  std::vector<std::pair<long long, long long>> reporters;
  {
    auto lease = db.lease();
    db::Query(kDemoReporters).each(lease.sql(), [&](const soci::row& r) {
      reporters.emplace_back(db::column_ll(r, 0), db::column_ll(r, 1));
    });
  }
  const char* const descriptions[] = {"参加社区防汛值守三天，协助转移群众 12 人",
                                      "撰写学习党的二十届三中全会精神心得体会"};
  const char* const rules[] = {"practice_urgent", "study_note"};
  for (std::size_t i = 0; i < reporters.size(); ++i) {
    Principal member;
    member.person_id = reporters[i].first;
    member.account_id = reporters[i].second;
    const auto photo = files.upload(member, "image/png", tiny_png() + std::string(i + 1, ' '));
    std::optional<Rule> rule;
    {
      auto lease = db.lease();
      rule = PointsStore::current_rule(lease.sql(), rules[i % 2]);
    }
    if (!rule) continue;
    points.submit_claim(
        member,
        {.rule_id = rule->id, .activity_date = today, .description = descriptions[i % 2], .evidence = {photo.id}});
    ++report.claims;
  }
  {
    auto lease = db.lease();
    report.entries = db::Query("SELECT COUNT(*) FROM ledger_entry").count(lease.sql());
  }
  return report;
}

}  // namespace xinhuo::points
