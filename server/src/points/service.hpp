#pragma once
// Party-member points: the catalog, the ledger with its caps, floor and ceiling, claims and their approval,
// automatic points from other modules' events, balances and rankings. Every write is one transaction; claim
// decisions are compare-and-set; every decision, record and reversal is audited.
#include "core/clock.hpp"
#include "core/error.hpp"
#include "db/events.hpp"
#include "db/group_commit.hpp"
#include "org/model.hpp"
#include "points/catalog.hpp"
#include "points/simulation.hpp"
#include "points/store.hpp"

namespace xinhuo::points {

struct RuleInput {
  std::string code, category_code, name, earn_mode, applies_to = "members", valid_from, valid_to;
  int points = 0;
  bool evidence_required = false, second_approver = false;
  std::optional<int> cap_day, cap_month, cap_year;
};

struct ClaimInput {
  long long rule_id = 0;
  std::string activity_date, description;
  std::vector<long long> evidence;
};

// A manager's record of a deduction or an award for a person (kind manager_record).
struct RecordInput {
  long long person_id = 0;
  long long rule_id = 0;
  std::optional<int> points;  // only for the manual adjustment rule, whose amount the manager sets
  std::string activity_date, reason;
};

struct BatchResult {
  std::vector<long long> approved;
  std::vector<std::pair<long long, std::string>> failed;  // claim id → error code
};

class PointsService {
 public:
  PointsService(db::Database& db, const Clock& clock, org::YoungCadreRule rule = {})
      : db_(db), clock_(clock), young_(rule), approvals_(db) {}

  // The default catalog (categories, rules, this year's scheme, the event map) on an empty database.
  void ensure_default_catalog();
  // Builds the rank counts of a database that has ranked people but none counted (made before they existed).
  void ensure_rank_counts();
  // Subscribes the ledger to every type of event_types().
  void subscribe(db::EventBus& bus);

  std::vector<Category> categories(const Principal& caller);
  std::vector<Rule> rules(const Principal& caller, bool with_history, const std::string& code);
  Rule create_rule(const Principal& caller, const RuleInput& input);
  // A new version of the rule; the old one is superseded and keeps its entries.
  Rule revise_rule(const Principal& caller, long long id, const RuleInput& input);
  Rule retire_rule(const Principal& caller, long long id);
  std::vector<Scheme> schemes(const Principal& caller);
  Scheme set_scheme(const Principal& caller, const Scheme& scheme);
  std::vector<std::pair<std::string, std::string>> event_rules(const Principal& caller);
  void set_event_rule(const Principal& caller, const std::string& event_type, const std::string& rule_code);

  // Books one entry inside `tx` after caps, floor and ceiling. Returns the entry id; a source already booked
  // returns the first entry's id and changes nothing.
  long long book(db::Tx& tx, const Booking& booking);
  // An event from another module: books the rule mapped to its type, if any and if it applies to the person.
  void on_event(db::Tx& tx, const db::Event& event);

  Claim submit_claim(const Principal& caller, const ClaimInput& input);
  Claim record(const Principal& caller, const RecordInput& input);
  std::vector<Claim> claims(const Principal& caller, const ClaimFilter& filter, long long* total);
  std::vector<Claim> my_claims(const Principal& caller);
  Claim claim(const Principal& caller, long long id);
  Claim approve(const Principal& caller, long long id);
  Claim reject(const Principal& caller, long long id, const std::string& reason);
  Claim withdraw(const Principal& caller, long long id);
  BatchResult approve_batch(const Principal& caller, const std::vector<long long>& ids);

  Entry reverse(const Principal& caller, long long entry_id, const std::string& reason);
  Summary summary(const Principal& caller, long long person_id, int year);
  std::vector<Entry> entries(const Principal& caller, long long person_id, int year);
  Summary my_summary(const Principal& caller, int year);
  // For an aggregator (the growth archive) that has already checked that its caller may see the person.
  // Every year in which the person earned or lost points, oldest first.
  std::vector<Summary> years_of(long long person_id);
  // Points earned in the year (without the base score).
  long long earned_of(long long person_id, int year);
  std::vector<Entry> my_entries(const Principal& caller, int year);

  std::vector<RankRow> ranking(const Principal& caller, long long node_id, const std::string& period,
                               const std::string& category, int limit);
  // The ranking as an .xlsx workbook (audited: it lists people and their scores).
  std::string export_ranking(const Principal& caller, long long node_id, const std::string& period,
                             const std::string& category);
  // The caller's rank among the party members of their unit, branch or city (`within`).
  MyRank my_rank(const Principal& caller, const std::string& period, const std::string& category,
                 const std::string& within = "unit");

  // How a past period would score under draft rule changes (points.rules).
  SimulationResult simulate(const Principal& caller, SimulationInput input);

  // Balances against their entries, rank counts against the balances.
  VerifyReport verify();
  // Recomputes the rank counts from the balances (after data written around the services, or people moved by
  // hand); returns the rows written.
  long long rebuild_ranks();
  int current_year() const;
  std::string today() const;

 private:
  void require(const Principal& caller, const char* permission) const;
  bool applies(const Rule& rule, const PersonFacts& person, const std::string& date) const;
  Summary summary_of(soci::session& sql, const PersonFacts& person, int year);
  Rule validated_rule(const RuleInput& input, soci::session& sql) const;
  Claim decided(db::Tx& tx, const Principal& caller, const Claim& claim);
  void approve_in(db::Tx& tx, const Principal& caller, long long id);
  Claim visible_claim(soci::session& sql, const Principal& caller, long long id);
  long long book_claim(db::Tx& tx, const Claim& claim, const Rule& rule, const std::string& approvers);

  db::Database& db_;
  const Clock& clock_;
  org::YoungCadreRule young_;
  db::GroupCommit approvals_;
};

// "2026", "2026-Q4" or "2026-11"; throws a validation error naming `field` otherwise.
Period parse_period(const std::string& text, const char* field = "period");

}  // namespace xinhuo::points
