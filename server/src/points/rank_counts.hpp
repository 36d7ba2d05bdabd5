#pragma once
// Rank counts of the wide org nodes (city, district, system): how many ranked people of a node hold each balance,
// so that a rank there is one more than the people counted above a score — a few hundred rows, however long the
// ledger or large the node. Units and branches hold tens of people: their ranks are counted from the people.
//
// The counts change in the transaction of whatever changes them: a booking (the person's balances), a person
// changing unit, branch or party status (event org.person_placed), a node moving in the tree (org.node_moved).
// Data written around the services (imports of raw SQL, generators) is followed by `rebuild`.
#include "db/database.hpp"
#include "db/events.hpp"
#include "points/model.hpp"
#include "points/rank_count_store.hpp"

namespace xinhuo::points {

// Where a person counts in the rankings.
struct Placement {
  bool ranked = false;                // an active party member
  std::vector<long long> nodes;       // every node on the paths of their unit and branch, ascending
  std::vector<long long> wide_nodes;  // the wide ones among them while ranked (where counts are kept)
};

// One balance row before and after a booking.
struct BalanceChange {
  std::string period, category;
  bool existed = false;  // false: the booking created the row (before it the person counted at 0 points)
  long long before = 0, after = 0;
};

class RankCounts {
 public:
  static Placement placement(soci::session& sql, long long person_id);
  static Placement placement(db::Tx& tx, long long person_id);  // in a transaction that keeps its reads
  // The counts follow a booking's balance changes.
  static void booked(db::Tx& tx, const Placement& placement, const std::vector<BalanceChange>& changes);
  // Org events: a person placed anew (payload before/after: unit_id, branch_id, party_status, status; either may
  // be null for a person created or removed), a node moved (payload from_path, to_path).
  static void on_person_placed(db::Tx& tx, const db::Event& event);
  static void on_node_moved(db::Tx& tx, const db::Event& event);

  // Recomputes every count from the balances and where people sit; returns the rows written.
  static long long rebuild(db::Database& db);
  // Compares the stored counts and populations with the balances (report.rank_mismatches).
  static void verify(soci::session& sql, VerifyReport& report);
};


}  // namespace xinhuo::points
