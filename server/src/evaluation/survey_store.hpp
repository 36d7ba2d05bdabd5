#pragma once
// The survey tables. A survey is seen by those whose data scope covers its node; it is answered by the people its
// target covers (checked here in SQL) or by anyone signed in when it is open by link. Nothing here returns a person
// with a response of an anonymous survey: those responses have none.
#include <optional>

#include "core/principal.hpp"
#include "db/transaction.hpp"
#include "evaluation/survey_model.hpp"
#include "org/model.hpp"

namespace xinhuo::evaluation::survey {

struct Respondent {
  long long person_id = 0, unit_id = 0;
  std::string birth_date;
};

// One count of the answers: a question's option (option_id) or scale value (value), within a group (a unit or an
// age band; empty: everyone).
struct CountRow {
  std::string question_id, option_id;
  long long value = 0;
  std::string group;
  long long count = 0;
};

// A named response's answers, for the export of a named survey.
struct NamedAnswer {
  long long response_id = 0;
  std::string person_name, unit_name, submitted_on, question_id, option_id, text;
  long long value = 0;
  bool has_value = false;
};

class SurveyStore {
 public:
  static long long insert(db::Tx& tx, const Survey& s, long long created_by, const std::string& now);
  // Compare-and-set: saves only a draft still at `version`; false otherwise.
  static bool update_draft(db::Tx& tx, const Survey& s, int version, const std::string& now);
  static bool transition(db::Tx& tx, long long id, const std::string& from, const std::string& to, const std::string& now);

  static std::optional<Survey> find(soci::session& sql, long long id);
  static bool visible(soci::session& sql, const Principal& caller, long long id);
  static std::vector<Survey> list(soci::session& sql, const Principal& caller, const SurveyFilter& f, long long* total);

  static std::optional<Respondent> respondent(soci::session& sql, long long person_id);
  // The person is active and in the survey's target (the node's subtree, and young or a member when it says so).
  static bool in_target(soci::session& sql, const Survey& s, long long person_id, const std::string& today,
                        const org::YoungCadreRule& rule);
  // Open surveys whose target covers the person, and every survey the person has answered.
  static std::vector<Survey> mine(soci::session& sql, long long person_id, const std::string& today,
                                  const org::YoungCadreRule& rule);
  static bool has_responded(soci::session& sql, long long survey_id, long long person_id);

  // The has-responded marker; false when the person has one already (the unique key decides between racers).
  static bool mark_respondent(db::Tx& tx, long long survey_id, long long person_id);
  // person_id 0: anonymous.
  static void insert_response(db::Tx& tx, long long id, long long survey_id, long long person_id, long long unit_id,
                              const std::string& age_band, const std::string& submitted_on, const std::vector<Answer>& answers);

  static long long response_count(soci::session& sql, long long survey_id);
  // How many responses answered each question.
  static std::map<std::string, long long> answered(soci::session& sql, long long survey_id);
  // Counts of options and scale values; `by`: "" (overall), "unit" or "age_band".
  static std::vector<CountRow> counts(soci::session& sql, long long survey_id, const std::string& by);
  // Respondents per group who answered each question: question_id → group → count.
  static std::map<std::string, std::map<std::string, long long>> group_sizes(soci::session& sql, long long survey_id,
                                                                             const std::string& by);
  static std::map<std::string, std::string> unit_names(soci::session& sql, long long survey_id);
  // The texts given to a question, in text order (never in the order they came in).
  static std::vector<std::string> texts(soci::session& sql, long long survey_id, const std::string& question_id);
  static std::vector<NamedAnswer> named_answers(soci::session& sql, long long survey_id);
};

}  // namespace xinhuo::evaluation::survey
