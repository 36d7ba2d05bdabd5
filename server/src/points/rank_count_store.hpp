#pragma once
// The SQL of the rank counts (point_rank_count, point_rank_population) and of the facts they are built from: where
// people sit in the org tree and their balances. Reads of the whole table stream in batches.
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "db/transaction.hpp"

namespace xinhuo::points {

// A person as the rankings see them: ranked while an active party member, in every node on the paths of their
// unit and branch.
struct PlacementRow {
  long long person_id = 0;
  std::string status, party_status, unit_path, branch_path;
};

struct BalanceRow {
  long long person_id = 0;
  std::string period, category;
  long long points = 0, entries = 0;
};

// The sum and number of a person's entries in one month and category (what their balances must add up to).
struct EntrySum {
  long long person_id = 0;
  int year = 0;
  std::string month, category;
  long long points = 0, entries = 0;
};

// node, period, category, points
using CountKey = std::tuple<long long, std::string, std::string, long long>;

class RankCountStore {
 public:
  static std::optional<PlacementRow> placement(soci::session& sql, long long person_id);
  // The wide nodes (city, district, system) among `ids`, ascending.
  static std::vector<long long> wide_among(soci::session& sql, const std::vector<long long>& ids);
  // Adds the deltas to the counts (rows are created as needed; a count that falls to 0 stays as a 0 row).
  static void add_counts(db::Tx& tx, const std::map<CountKey, long long>& deltas);
  static void add_population(db::Tx& tx, const std::map<long long, long long>& deltas);
  // In a wide node: people with more than `points`, and people with a balance row at all.
  static std::pair<long long, long long> above_and_counted(soci::session& sql, long long node_id, const std::string& period,
                                                           const std::string& category, long long points);
  static long long population(soci::session& sql, long long node_id);

  // People whose unit or branch lies in the node's subtree (a node that moved).
  static std::vector<PlacementRow> placements_under(soci::session& sql, long long node_id);
  static std::vector<BalanceRow> balances_of(soci::session& sql, long long person_id);

  // Whole-table reads for rebuild and verify. People are read in id ranges so that memory stays bounded.
  static long long max_person_id(soci::session& sql);
  static void each_ranked_placement(soci::session& sql, const std::function<void(const PlacementRow&)>& f);
  static void each_balance(soci::session& sql, long long from_id, long long to_id, const std::function<void(const BalanceRow&)>& f);
  static void each_entry_sum(soci::session& sql, long long from_id, long long to_id, const std::function<void(const EntrySum&)>& f);
  static void each_count(soci::session& sql, const std::function<void(const CountKey&, long long)>& f);
  static std::map<long long, long long> populations(soci::session& sql);
  static std::vector<long long> wide_nodes(soci::session& sql);

  // True when people are ranked but no population is counted (a database from before the rank counts).
  static bool never_built(soci::session& sql);
  static void clear(db::Tx& tx);
  // Writes counts and populations into empty tables (after clear), many rows per statement.
  static void insert(db::Tx& tx, const std::map<CountKey, long long>& counts, const std::map<long long, long long>& population);
};

// Active party members are ranked; everyone else is not (rank 0).
bool is_ranked(const std::string& status, const std::string& party_status);

}  // namespace xinhuo::points
