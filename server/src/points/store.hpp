#pragma once
// The points tables: catalog, scheme, event map, claims, ledger entries and balances. Writes take the caller's
// transaction; reads that list records take the caller's Principal and filter by its data scope in SQL.
#include <functional>
#include <optional>

#include "core/principal.hpp"
#include "db/transaction.hpp"
#include "points/model.hpp"
#include "points/rank_counts.hpp"

namespace xinhuo::points {

// What the ledger needs to know about a person (read in the booking's transaction).
struct PersonFacts {
  long long id = 0;
  std::string name, party_status, birth_date, rank, status;
  long long unit_id = 0, branch_id = 0;
};

class PointsStore {
 public:
  // Catalog
  static std::vector<Category> categories(soci::session& sql);
  static std::optional<int> category_cap(soci::session& sql, const std::string& code);
  static void upsert_category(db::Tx& tx, const Category& c);
  static std::vector<Rule> rules(soci::session& sql, bool with_history, const std::string& code = {});
  static std::optional<Rule> rule(soci::session& sql, long long id);
  static std::optional<Rule> current_rule(soci::session& sql, const std::string& code);
  static long long insert_rule(db::Tx& tx, const Rule& r, long long created_by, const std::string& now);
  // Compare-and-set on the rule's status; false when it was no longer `from`.
  static bool set_rule_status(db::Tx& tx, long long id, const std::string& from, const std::string& to);

  static std::optional<Scheme> scheme(soci::session& sql, int year);
  static std::vector<Scheme> schemes(soci::session& sql);
  static void upsert_scheme(db::Tx& tx, const Scheme& s, const std::string& now);

  static std::optional<std::string> rule_for_event(soci::session& sql, const std::string& event_type);
  static std::vector<std::pair<std::string, std::string>> event_rules(soci::session& sql);
  static void upsert_event_rule(db::Tx& tx, const std::string& event_type, const std::string& rule_code,
                                const std::string& now);

  static std::optional<PersonFacts> person(soci::session& sql, long long id);

  // Ledger
  // Sum of the person's booked points for a rule code (all versions) with activity dates in [from, to].
  static long long rule_sum(db::Tx& tx, long long person_id, const std::string& rule_code, const std::string& from,
                            const std::string& to);
  static long long balance(soci::session& sql, long long person_id, const std::string& period, const std::string& category);
  // The years ('2026') that have a balance of the person, in order.
  static std::vector<int> years_with_balance(soci::session& sql, long long person_id);
  // Inserts the entry unless its source_key is already booked; returns the new id, or 0 when it was.
  static long long insert_entry(db::Tx& tx, const Booking& b, int points, const std::string& limited_by,
                                const std::string& category, int year, const std::string& now);
  // Adds `points` to the person's balances of the periods in the category and in the total; returns each row's change.
  static std::vector<BalanceChange> add_to_balances(db::Tx& tx, long long person_id, const std::vector<std::string>& periods,
                                                    const std::string& category, long long points);
  static std::optional<long long> entry_id_by_source(soci::session& sql, const std::string& source_key);
  static std::optional<Entry> entry(soci::session& sql, long long id);
  static std::vector<Entry> entries(soci::session& sql, long long person_id, int year);
  // The person of an entry or claim if the caller's scope covers them (0 when not).

  // Claims
  static long long insert_claim(db::Tx& tx, const Claim& c, const std::string& fingerprint, const std::string& now);
  static std::optional<Claim> claim(soci::session& sql, long long id);
  // What deciding a claim needs, in one statement: the claim without display names (but the first approver's) and
  // the rule version it was made under.
  static std::optional<std::pair<Claim, Rule>> claim_for_decision(soci::session& sql, long long id);
  static std::vector<Claim> claims(soci::session& sql, const Principal& caller, const ClaimFilter& f, long long* total);
  static std::vector<Claim> claims_of(soci::session& sql, long long person_id, int limit);
  // An earlier claim with the same fingerprint created at or after `since` (not rejected or withdrawn).
  static long long duplicate_of(db::Tx& tx, const std::string& fingerprint, const std::string& since);
  // Compare-and-set transitions; each returns false when the claim was not in the expected state.
  static bool first_approve(db::Tx& tx, long long id, long long approver, const std::string& now);
  static bool decide(db::Tx& tx, long long id, const std::string& from, const std::string& to, long long by,
                     const std::string& reason, const std::string& now);
  static void set_claim_entry(db::Tx& tx, long long id, long long entry_id);

  // Rankings: active party members of the node's subtree, by the period's balance of a category ('' = total);
  // people without a balance count at 0. Ties share a rank and are listed by person id.
  static std::vector<RankRow> top(soci::session& sql, long long node_id, const std::string& period,
                                  const std::string& category, int limit);
  // In a wide node from its rank counts, elsewhere by counting the node's people.
  static MyRank rank_of(soci::session& sql, long long person_id, long long node_id, const std::string& period,
                        const std::string& category);
  static std::optional<std::string> node_path(soci::session& sql, long long node_id);
  static std::string node_type(soci::session& sql, long long node_id);
  // The node's path if it exists and lies in the caller's data scope (whole tree, a subtree, or the node itself).
  static std::optional<std::string> node_path_in_scope(soci::session& sql, const Principal& caller, long long node_id);

  // Every balance against the sum of its entries.
  static VerifyReport verify(soci::session& sql);
};

}  // namespace xinhuo::points
