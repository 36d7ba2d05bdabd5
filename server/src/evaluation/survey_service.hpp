#pragma once
// Surveys: an organiser (evaluation.manage, scope covering the survey's node) builds a draft, publishes it (open:
// questions locked) and closes it; whoever reads evaluation results in scope sees live counts, percentages and
// cross-tabulations by unit and age band, and exports them (audited). A person in the target — or anyone signed in
// with a person, when the survey is open by link — answers once: the has-responded marker is the unique key that
// decides between two submissions racing. An anonymous survey's response is stored without its person, with a
// random id and only its date, and is not audited one by one (an audit row per answer would link the two by time);
// no route and no export returns a person with an anonymous response.
#include "core/clock.hpp"
#include "db/database.hpp"
#include "evaluation/survey_store.hpp"

namespace xinhuo::evaluation::survey {

struct SurveyInput {
  long long org_node_id = 0;
  std::string title, description, target = "everyone";
  bool anonymous = false, by_link = false;
  std::vector<Question> questions;
};

// The statistics of one question.
struct OptionStat {
  std::string id, label;  // scale: the value as id and label
  long long count = 0;
  std::string percent;    // "33.34"
};
struct CrossRow {
  std::string group, label;
  long long respondents = 0;  // -1: suppressed (anonymous survey, fewer than kMinCell)
  std::vector<long long> counts;  // per option of the question; -1: suppressed cell
};
struct QuestionStat {
  std::string id, kind, title;
  long long answered = 0;
  std::vector<OptionStat> options;
  std::string mean;                 // scale: the mean to two decimals
  std::vector<std::string> texts;   // text: the answers, in text order
  std::vector<CrossRow> by_unit, by_age_band;
};
struct Results {
  Survey survey;
  long long responses = 0;
  std::vector<QuestionStat> questions;
};

class SurveyService {
 public:
  SurveyService(db::Database& db, const Clock& clock, org::YoungCadreRule rule = {}) : db_(db), clock_(clock), rule_(rule) {}

  Survey create(const Principal& caller, const SurveyInput& in);
  // Saves a draft at `version` (409 survey_version when it changed meanwhile, 409 survey_state once it is open).
  Survey update(const Principal& caller, long long id, int version, const SurveyInput& in);
  // action: publish (draft → open, at least one question) | close (open → closed).
  Survey transition(const Principal& caller, long long id, const std::string& action);
  Survey get(const Principal& caller, long long id);
  std::vector<Survey> list(const Principal& caller, const SurveyFilter& filter, long long* total);
  Results results(const Principal& caller, long long id);
  std::string export_xlsx(const Principal& caller, long long id);

  std::vector<Survey> mine(const Principal& caller);
  // A survey the caller may answer (or has answered), without results.
  Survey my_survey(const Principal& caller, long long id);
  // 201 with the survey marked responded; 409 survey_responded the second time; 409 survey_state unless open.
  Survey respond(const Principal& caller, long long id, const std::vector<Answer>& answers);

  std::string today() const;

 private:
  void require(const Principal& caller, const char* permission) const;
  void check_input(const SurveyInput& in) const;
  Survey load_visible(soci::session& sql, const Principal& caller, long long id) const;
  // The survey if the person may answer it: in its target, or it is open by link; 404 otherwise.
  Survey answerable(soci::session& sql, long long person_id, long long id) const;
  Results compute(soci::session& sql, const Survey& s) const;

  db::Database& db_;
  const Clock& clock_;
  org::YoungCadreRule rule_;
};

}  // namespace xinhuo::evaluation::survey
