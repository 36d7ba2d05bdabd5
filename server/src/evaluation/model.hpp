#pragma once
// Evaluation campaigns (考核评价): 双对双排 (dual_ranking: a line leader and a unit head each score and rank every
// cadre), 立体化 (multi_source: weighted rater groups, some anonymous, with evidence) and 年度考核 (annual: grades
// with a quota of 优秀 per unit). A campaign goes draft → open → closed → published; raters rate while it is open;
// organisers see results at any time, a ratee sees their own once published when the campaign shows it to them.
// The arithmetic lives here, free of the database, so that docs/evaluation.md's worked example is a unit test.
#include <map>
#include <string>
#include <vector>

namespace xinhuo::evaluation {

inline constexpr const char* kPermRead = "evaluation.read";
inline constexpr const char* kPermManage = "evaluation.manage";

const std::vector<std::string>& kinds();   // dual_ranking | multi_source | annual
const std::vector<std::string>& states();  // draft | open | closed | published
// excellent 优秀 | competent 称职 | basically_competent 基本称职 | incompetent 不称职
const std::vector<std::string>& grades();
// What the young-cadre pool filters by, over the last three years of published campaigns: excellent (优秀 in an
// annual assessment) | top (前列 in a 双对双排) | no_low (neither 基本称职 / 不称职 nor 末位)
const std::vector<std::string>& pool_outcomes();
bool one_of(const std::vector<std::string>& list, const std::string& value);

// The smallest number of responses an anonymous group is reported with on its own.
inline constexpr int kMinAnonymousResponses = 3;

struct RaterGroup {
  std::string code, name;
  int weight = 0;  // percent
  bool anonymous = false;
};

struct Settings {
  // dual_ranking
  int line_weight = 50, unit_weight = 50;  // percent, summing to 100
  std::string normalisation = "zscore";    // zscore | minmax | none
  int top_count = 1, bottom_count = 1;     // flagged at each end of the combined ranking
  // multi_source
  std::vector<RaterGroup> groups;
  // annual
  int excellent_percent = 20;              // 优秀 share of a unit's ratees, rounded down
  int year = 0;                            // the year assessed (0 in campaigns made before it was asked)
  // everyone
  bool show_to_ratee = true;               // the published result is shown to the ratee
};

// One named score of a 双对双排 rater for a ratee.
struct DualScore {
  long long rater = 0, ratee = 0;
  std::string role;  // line | unit
  double score = 0;
  int rank = 0;
};

struct RaterStats {
  long long rater = 0;
  std::string role;
  int count = 0;
  double mean = 0, spread = 0;  // population standard deviation
  double leniency = 0;          // mean − the mean of every score of the campaign
};

struct DualResult {
  long long ratee = 0;
  bool has_line = false, has_unit = false;
  double line_score = 0, unit_score = 0;
  int line_rank = 0, unit_rank = 0;
  double line_normalised = 0, unit_normalised = 0;
  double combined = 0;
  int combined_rank = 0;
  bool top = false, bottom = false;
};

struct DualOutcome {
  std::vector<DualResult> results;  // combined ranking order
  std::vector<RaterStats> raters;
  double overall_mean = 0;
};

// Normalises each rater's scores (z-score: 50 + 10·(s − mean)/sd, sd 0 → 50; min-max: 100·(s − min)/(max − min),
// max = min → 50; none: the score), combines them (line_weight·line + unit_weight·unit)/100 — a cadre with one
// rater only takes that rater's normalised score —, ranks by the combined score (equal scores share a rank) and
// flags the top and bottom; values rounded to two decimals.
DualOutcome combine_dual(const std::vector<DualScore>& scores, const Settings& settings);

// The ranks a rater gives must be 1..n, each once; the index of the first offending item, or -1.
int first_rank_problem(const std::vector<int>& ranks);

// How many 优秀 a unit of `ratees` people may have: floor(ratees × percent / 100).
int excellent_quota(int ratees, int percent);

// The year an annual assessment made on `date` (YYYY-MM-DD) is about when none was given: assessments run from
// December into the first quarter, so one made in January–March is about the year before.
int default_assessment_year(const std::string& date);

struct GroupScores {
  std::string code;
  std::vector<double> scores;
};

struct GroupLine {
  std::string code;   // a group's code, or "other" for the small anonymous groups folded together
  int responses = 0;
  double mean = 0;
  int weight = 0;
  bool suppressed = false;  // fewer than kMinAnonymousResponses even folded: no mean shown, not counted
};

struct MultiResult {
  std::vector<GroupLine> lines;
  double total = 0;  // Σ weight·mean / Σ weight over the lines shown
  bool has_total = false;
};

// Anonymous groups with fewer than 3 responses are folded into "other" (their weights added); "other" itself is
// suppressed when it has fewer than 3. Named groups are shown as they are.
MultiResult combine_multi(const std::vector<GroupScores>& scores, const Settings& settings);

double round2(double v);

}  // namespace xinhuo::evaluation
