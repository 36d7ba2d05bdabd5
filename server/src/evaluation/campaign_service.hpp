#pragma once
// Evaluation campaigns. An organiser (evaluation.manage) creates a campaign over people of a node in their scope; for
// 双对双排 the system assigns each cadre to the leader of their line and the head of their unit, which the organiser
// may adjust while the campaign is a draft. Draft → open → closed → published, each a compare-and-set, audited.
// Whoever the campaign assigns rates while it is open (service-checked, not a role): 双对双排 raters score and rank
// their whole list (ranks 1..n, no ties); anonymous groups' scores are stored without the rater. Organisers see
// progress, remind raters (recorded), see results and export them; a ratee sees their own published result when
// the campaign shows it to them.
#include "core/clock.hpp"
#include "db/database.hpp"
#include "db/query.hpp"
#include "evaluation/campaign_store.hpp"

namespace xinhuo::evaluation {

struct LineInput {
  std::string name;
  long long leader_id = 0;
  std::vector<long long> ratee_ids;
};

struct UnitHeadInput {
  long long unit_id = 0, head_id = 0;
};

struct CampaignInput {
  std::string kind, title;
  long long org_node_id = 0;
  Json settings = Json::object();
  std::vector<long long> ratee_ids;
  std::vector<LineInput> lines;           // dual_ranking: the lines (条) and their leaders
  std::vector<UnitHeadInput> unit_heads;  // dual_ranking: the head of each unit (块)
};

struct RatingItem {
  long long ratee_id = 0;
  int score = 0, rank = 0;
};

class CampaignService {
 public:
  CampaignService(db::Database& db, const Clock& clock) : db_(db), clock_(clock) {}

  Campaign create(const Principal& caller, const CampaignInput& in);
  Campaign update(const Principal& caller, long long id, const std::string& title, const Json& settings);
  Campaign get(const Principal& caller, long long id);
  std::vector<Campaign> list(const Principal& caller, const std::string& kind, const std::string& state);
  // action: open | close | publish
  Campaign transition(const Principal& caller, long long id, const std::string& action);

  std::vector<Assignment> assignments(const Principal& caller, long long id);
  // Adds a rater to a ratee in a role (line | unit replace the current one; a group's code adds one); draft only.
  Assignment assign(const Principal& caller, long long id, long long ratee, long long rater, const std::string& role);
  void unassign(const Principal& caller, long long id, long long assignment_id);

  Json progress(const Principal& caller, long long id);
  // Records a reminder for each given rater (none given: every rater with ratings outstanding); returns who.
  Json remind(const Principal& caller, long long id, const std::vector<long long>& raters);

  Json results(const Principal& caller, long long id);
  std::string export_xlsx(const Principal& caller, long long id);

  long long add_evidence(const Principal& caller, long long id, long long ratee, const std::string& kind,
                         const std::string& ref, const std::string& note);
  // Annual: a grade for a ratee while open; 409 excellent_quota past the unit's 优秀 quota.
  Json set_grade(const Principal& caller, long long id, long long person, const std::string& grade);

  // The caller as a rater: open campaigns with their lists, one list, and rating it.
  Json my_tasks(const Principal& caller);
  Json my_task(const Principal& caller, long long id);
  Json rate(const Principal& caller, long long id, const std::string& role, const std::vector<RatingItem>& items);
  // The caller as a ratee: their own results of published campaigns that show them.
  Json my_results(const Principal& caller);
  // For an aggregator (the growth archive) that has checked its caller may see the person: the person's results of
  // published campaigns — only those shown to ratees when `shown_only` (the person reading their own).
  Json results_of(long long person_id, bool shown_only);

  // For the young-cadre pool, which filters people in SQL: one of pool_outcomes() as a condition on `p.id`, and
  // which outcomes and latest annual grade each listed person has. Both over the three years before `today`.
  static void outcome_condition(db::Query& q, const std::string& outcome, const std::string& today);
  std::map<long long, std::vector<std::string>> outcomes_of(const std::vector<long long>& people, const std::string& today);
  std::map<long long, std::pair<std::string, std::string>> latest_grades(const std::vector<long long>& people);

  static Settings settings_of(const Json& j);
  // The year an annual campaign assesses: its setting, or for campaigns made before it was asked, the default from
  // the day it was made.
  static int assessment_year(const Campaign& c);
  static Json settings_json(const Settings& s);

 private:
  void require(const Principal& caller, const char* permission) const;
  Campaign load(soci::session& sql, const Principal& caller, long long id) const;
  Json compute(soci::session& sql, const Campaign& c, bool for_ratee) const;
  // What a campaign concludes for each ratee, frozen into evaluation_outcome when it is published.
  std::vector<Outcome> outcomes(soci::session& sql, const Campaign& c) const;
  Settings check_settings(const std::string& kind, const Json& j) const;

  db::Database& db_;
  const Clock& clock_;
};

std::string grade_zh(const std::string& grade);
std::string kind_zh(const std::string& kind);

}  // namespace xinhuo::evaluation
