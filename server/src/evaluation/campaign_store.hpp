#pragma once
// The campaign tables. A campaign is visible to a caller whose data scope covers its organisation node; its ratees
// and raters are people below that node. Anonymous scores are read only as (ratee, group, score).
#include <map>
#include <optional>
#include <tuple>

#include "core/json_input.hpp"
#include "core/principal.hpp"
#include "db/query.hpp"
#include "db/transaction.hpp"
#include "evaluation/model.hpp"

namespace xinhuo::evaluation {

struct Campaign {
  long long id = 0, org_node_id = 0;
  std::string kind, title, state, org_name;
  Json settings = Json::object();
  std::string created_at, updated_at, opened_at, closed_at, published_at;
  long long ratees = 0, assignments = 0, rated = 0;
};

// An accountability decision that keeps a person from 优秀 in an assessment year (oversight's accountability table).
struct BarredExcellent {
  std::string form, effective_from;
};

struct Ratee {
  long long person_id = 0, unit_id = 0;
  std::string name, unit_name, line_name, grade;
};

struct Assignment {
  long long id = 0, ratee = 0, rater = 0;
  std::string ratee_name, rater_name, role;
  bool rated = false;
  std::string rated_at;
};

struct NamedRating {
  long long assignment_id = 0, ratee = 0, rater = 0;
  std::string role;
  int score = 0, rank = 0;
};

// What a published campaign concluded for one ratee (evaluation_outcome).
struct Outcome {
  long long person_id = 0;
  std::string grade, flag;  // annual grade; dual_ranking top | bottom
  int combined_rank = 0;    // dual_ranking; 0 when unrated
};

struct PersonRef {
  long long id = 0, unit_id = 0;
  std::string name, status;
};

class CampaignStore {
 public:
  static std::optional<PersonRef> person(soci::session& sql, long long id);
  // The person is in the caller's scope and below `node_id`.
  static bool person_under(soci::session& sql, const Principal& caller, long long person_id, long long node_id);

  static long long insert(db::Tx& tx, const Campaign& c, long long by, const std::string& now);
  static void add_ratee(db::Tx& tx, long long campaign, long long person, const std::string& line_name);
  // Adds an assignment unless the same one exists; returns its id.
  static long long add_assignment(db::Tx& tx, long long campaign, long long ratee, long long rater, const std::string& role);
  static bool remove_assignment(db::Tx& tx, long long campaign, long long assignment);
  static void remove_role(db::Tx& tx, long long campaign, long long ratee, const std::string& role);

  // Compare-and-set: the campaign changes only while in `from`.
  static bool move(db::Tx& tx, long long id, const std::string& from, const std::string& to, const std::string& stamp_column,
                   const std::string& now);
  static bool update_draft(db::Tx& tx, long long id, const std::string& title, const Json& settings, const std::string& now);

  static std::optional<Campaign> find(soci::session& sql, long long id);
  static bool visible(soci::session& sql, const Principal& caller, long long id);
  static std::vector<Campaign> list(soci::session& sql, const Principal& caller, const std::string& kind,
                                    const std::string& state);

  static std::vector<Ratee> ratees(soci::session& sql, long long campaign);
  static std::vector<Assignment> assignments(soci::session& sql, long long campaign);
  static std::vector<Assignment> assignments_of_rater(soci::session& sql, long long campaign, long long rater);
  static std::vector<NamedRating> named_ratings(soci::session& sql, long long campaign);
  // (ratee, group, score) of anonymous groups; never who gave them.
  static std::vector<std::tuple<long long, std::string, int>> anonymous_scores(soci::session& sql, long long campaign);

  static void upsert_rating(db::Tx& tx, long long assignment, int score, int rank, const std::string& now);
  static void insert_anonymous(db::Tx& tx, long long campaign, long long ratee, const std::string& role, int score);
  // The has-rated marker; false when it was set already (an anonymous score is given once).
  static bool mark_rated(db::Tx& tx, long long assignment, bool only_first, const std::string& now);

  static bool set_grade(db::Tx& tx, long long campaign, long long person, const std::string& grade, long long by,
                        const std::string& now);
  static long long excellent_in_unit(soci::session& sql, long long campaign, long long unit, long long except_person);
  static long long ratees_in_unit(soci::session& sql, long long campaign, long long unit);
  // The campaign's ratees kept from 优秀 in `year` by an accountability decision (the earliest one each).
  static std::map<long long, BarredExcellent> excellent_barred(soci::session& sql, long long campaign, int year);

  static long long add_evidence(db::Tx& tx, long long campaign, long long ratee, const std::string& kind,
                                const std::string& ref, const std::string& note, long long by, const std::string& now);
  struct Evidence {
    long long id = 0, ratee = 0;
    std::string kind, ref, note, added_at;
  };
  static std::vector<Evidence> evidence(soci::session& sql, long long campaign);

  static void add_reminder(db::Tx& tx, long long campaign, long long rater, long long by, const std::string& now);
  // rater → (times reminded, last reminded at)
  static std::map<long long, std::pair<long long, std::string>> reminders(soci::session& sql, long long campaign);

  // Campaigns the person rates in (open ones), and published ones the person is a ratee of.
  static std::vector<Campaign> rated_by(soci::session& sql, long long person);
  static std::vector<Campaign> published_for(soci::session& sql, long long person);

  static void record_outcomes(db::Tx& tx, const Campaign& c, const std::string& published_on, const std::vector<Outcome>& list);
  // Appends " AND <condition on p.id>" for one of pool_outcomes(), over outcomes published on or after `since`.
  static void outcome_condition(db::Query& q, const std::string& outcome, const std::string& since);
  // Which of pool_outcomes() each person has since `since`, and their latest annual grade (published_on, grade).
  static std::map<long long, std::vector<std::string>> outcomes_of(soci::session& sql, const std::vector<long long>& people,
                                                                  const std::string& since);
  static std::map<long long, std::pair<std::string, std::string>> latest_grades(soci::session& sql,
                                                                               const std::vector<long long>& people);
};

}  // namespace xinhuo::evaluation
