#pragma once
// Surveys (问卷) and responses (答卷). A survey belongs to an organisation node and goes to the people below it
// (everyone, young cadres only, or party members only) or to anyone signed in with its link; it is named or
// anonymous; draft → open → closed, its questions locked once it opens. Questions are single choice, multiple
// choice, scale (min..max) or text; a single-choice option may skip forward to a later question or to the end.
// The rules that need no database (checking a definition, the path a set of answers takes, percentages that sum
// to 100.00) live in survey_rules.cpp, so that they are tested as tables.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/json_input.hpp"

namespace xinhuo::evaluation::survey {

inline constexpr const char* kPermRead = "evaluation.read";      // results of surveys in scope
inline constexpr const char* kPermManage = "evaluation.manage";  // build, publish, close
// Cells of a cross-tabulation of an anonymous survey with fewer respondents than this are not shown.
inline constexpr int kMinCell = 3;
inline constexpr int kMaxQuestions = 100;
inline constexpr int kMaxOptions = 30;
inline constexpr int kMaxTextLength = 2000;  // characters of a text answer, at most

struct Option {
  std::string id, label;
  std::string skip_to;  // "" (the next question), a later question's id, or "end"
};

struct Question {
  std::string id, kind, title;  // kind: single | multiple | scale | text
  bool required = false;
  std::vector<Option> options;  // single, multiple
  int scale_min = 1, scale_max = 5;
  std::string min_label, max_label;
  int max_length = 500;  // text
};

struct Survey {
  long long id = 0, org_node_id = 0;
  std::string org_node_name;
  std::string title, description;
  bool anonymous = false, by_link = false;
  std::string target = "everyone";  // everyone | young_cadres | members
  std::vector<Question> questions;
  std::string status;  // draft | open | closed
  int version = 1;
  std::string created_by_name, created_at, updated_at, opened_at, closed_at;
  long long responses = 0;
  bool responded = false;  // the caller's own marker (phone)
};

struct SurveyFilter {
  std::string status, q;
  long long node_id = 0;
  int page = 1, page_size = 50;
};

// One answer as sent: an option list (single: one, multiple: any), a scale value, or a text.
struct Answer {
  std::string question_id;
  std::vector<std::string> option_ids;
  std::optional<long long> value;
  std::string text;
};

// ---- rules (survey_rules.cpp) ----
const std::vector<std::string>& question_kinds();
const std::vector<std::string>& targets();
// Throws a 400 naming the field (questions[2].options[1].skip_to …) when the definition is wrong: ids unique and
// well-formed, options of choice questions, a scale within 0..10 with min < max, skips only forward.
void check_questions(const std::vector<Question>& questions);
// The ids of the questions a respondent sees with these answers: from the first, each to the next, or where the
// chosen option of a single-choice question skips to.
std::vector<std::string> visible_path(const std::vector<Question>& questions, const std::map<std::string, Answer>& answers);
// Throws a 400 when the answers do not fit the questions: a question off the path answered, a required one on it
// not answered, an option not of its question, a scale value out of range, a text too long.
void check_answers(const std::vector<Question>& questions, const std::vector<Answer>& answers);
// Percentages to two decimals as hundredths (basis points) by largest remainder: they sum to exactly 10000 when
// the total is not 0. Ties of the remainder go to the larger count, then to the later item.
std::vector<int> largest_remainder_bp(const std::vector<long long>& counts);
// A share rounded half up to hundredths of a percent (for multiple choice, whose shares do not sum to 100).
int rounded_bp(long long count, long long total);
std::string percent_text(int basis_points);  // 3334 → "33.34"
// under_30 | 30_34 | 35_39 | 40_44 | 45_plus, by the age on `today` (YYYY-MM-DD) of someone born on birth_date.
std::string age_band(const std::string& birth_date, const std::string& today);
const std::vector<std::string>& age_bands();

Json questions_json(const std::vector<Question>& questions);
// Reads a questions array strictly (unknown fields refused); 400 naming the field.
std::vector<Question> questions_from_json(const Json& array);

}  // namespace xinhuo::evaluation::survey
