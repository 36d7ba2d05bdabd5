#pragma once
// Party-member points (党员积分): the types the store, the service and the routes share.
#include <optional>
#include <string>
#include <vector>

namespace xinhuo::points {

inline constexpr const char* kPermRead = "points.read";        // balances, entries and rankings in scope
inline constexpr const char* kPermApprove = "points.approve";  // decide claims in scope
inline constexpr const char* kPermAdjust = "points.adjust";    // record deductions and awards, reverse entries
inline constexpr const char* kPermRules = "points.rules";      // the catalog, the scheme, the event map

struct Category {
  std::string code, name;
  std::optional<int> yearly_cap;
  int sort_order = 0;
};

// One version of a rule.
struct Rule {
  long long id = 0;
  std::string code;
  int version = 1;
  std::string category_code, name;
  int points = 0;                 // signed: deductions are negative
  std::string earn_mode;          // automatic | self_report | manager
  bool evidence_required = false;
  std::optional<int> cap_day, cap_month, cap_year;  // per person, in points
  bool second_approver = false;
  std::string applies_to = "members";  // members | young_cadres | probationary | everyone
  std::string valid_from, valid_to;    // ISO dates; valid_to "" = open
  std::string status;                  // current | superseded | retired
  std::string created_at;
};

struct Scheme {
  int year = 0;
  int base_score = 60;
  int floor_score = 0;
  std::optional<int> ceiling_score;
};

// What a booking asks for; the ledger decides how much of it counts.
struct Booking {
  long long person_id = 0;
  Rule rule;
  int requested = 0;
  std::string activity_date;  // YYYY-MM-DD
  std::string source_type;    // event | claim | reversal
  std::string source_key;     // unique: the same source never books twice
  std::string event_type;
  long long claim_id = 0;
  long long reverses_id = 0;
  std::string note;
  long long recorded_by = 0;
  std::string approved_by;
};

struct Entry {
  long long id = 0;
  long long person_id = 0;
  long long rule_id = 0;
  int rule_version = 0;
  std::string rule_code, rule_name, category_code;
  int requested = 0, points = 0;
  std::string limited_by;  // "" | cap_day | cap_month | cap_year | category_cap | floor | ceiling
  std::string activity_date;
  int year = 0;
  std::string source_type, source_key, event_type;
  long long claim_id = 0, reverses_id = 0, reversed_by = 0;
  std::string note, recorded_by_name, approved_by, created_at;
  std::string claim_kind;  // self_report | manager_record for entries booked from a claim
};

struct Claim {
  long long id = 0;
  std::string kind;  // self_report | manager_record
  long long person_id = 0;
  std::string person_name;
  long long unit_id = 0, branch_id = 0;
  std::string unit_name;
  long long rule_id = 0;
  std::string rule_code, rule_name, category_code;
  int points = 0;
  bool second_approver = false;
  std::string activity_date, description;
  std::vector<long long> evidence;
  long long possible_duplicate_of = 0;
  std::string status;
  long long created_by = 0;
  std::string created_by_name, created_at;
  long long first_approver_id = 0;
  std::string first_approver_name, first_approved_at;
  long long decided_by = 0;
  std::string decided_by_name, decided_at, decision_reason;
  long long entry_id = 0;
};

struct ClaimFilter {
  std::string status;  // "" = open ones (pending and first_approved)
  long long unit_id = 0;
  long long person_id = 0;
  int page = 1, page_size = 50;
};

struct CategoryBalance {
  std::string code, name;
  long long points = 0;
  std::optional<int> yearly_cap;
};

struct Summary {
  long long person_id = 0;
  std::string person_name;
  int year = 0;
  int base_score = 0;
  long long earned = 0;  // sum of booked points in the year
  long long score = 0;   // base + earned
  std::vector<CategoryBalance> categories;
};

struct RankRow {
  int rank = 0;
  long long person_id = 0;
  std::string name, unit_name, branch_name;
  long long points = 0;
};

struct MyRank {
  int rank = 0;           // 0: the person is not ranked (not an active party member of the node)
  long long of = 0;       // people ranked
  double percentile = 0;  // share of people ranked at or below this score, 0–100
  long long points = 0;
};

// A period as the balances name it: "2026", "2026-Q4" or "2026-11".
struct Period {
  std::string key;
  int year = 0;
};

struct VerifyReport {
  long long balances_checked = 0;
  std::vector<std::string> mismatches;  // "person 12, period 2026, category 组织生活: balance 5, entries 4"
  long long rank_rows_checked = 0;      // rank counts and populations compared with the balances
  long long rank_mismatch_count = 0;
  std::vector<std::string> rank_mismatches;  // the first ones: "node 7, period 2026, category (total), 12 points: …"
};

// City, district and system nodes hold many units: their ranks are read from rank counts.
inline bool is_wide_node(const std::string& node_type) {
  return node_type == "city" || node_type == "district" || node_type == "system";
}

}  // namespace xinhuo::points
