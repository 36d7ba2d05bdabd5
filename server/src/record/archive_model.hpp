#pragma once
// The growth archive (成长档案) and the young-cadre pool (年轻干部库): what the record module assembles from every
// other module about one cadre, and how managers find, watch and compare cadres. Nothing here is stored twice: the
// archive is read from the modules that hold each fact, at the moment it is asked for.
#include <string>
#include <vector>

#include "org/model.hpp"
#include "points/model.hpp"
#include "record/model.hpp"
#include "study/model.hpp"

namespace xinhuo::record {

// One dated fact of the archive. `section` groups it on the page; `kind` says what it is; `code` and `status` are
// codes the client translates (a development step, a grade, an assignment type); `title` and `detail` are what
// people wrote or named.
struct ArchiveItem {
  std::string date;     // YYYY-MM-DD
  std::string section;  // party | study | training | practice | record | evaluation | oversight
  std::string kind, code, status, title, detail;
  long long ref_id = 0;
};

// A year of organisational life summarised: meetings attended, missed and excused, dues payments, study sessions.
struct YearLife {
  int year = 0;
  int meetings_attended = 0, meetings_missed = 0, meetings_excused = 0, dues_payments = 0;
  study::YearAttendance study;
};

struct Archive {
  org::Person person;
  std::vector<org::HistoryRow> career;   // unit, branch, position and rank changes, oldest first
  std::vector<ArchiveItem> items;        // oldest first
  std::vector<YearLife> years;           // oldest first
  std::vector<points::Summary> points;   // each year with points, oldest first
  std::vector<Comment> comments;         // the current version of each period, latest period first
  std::string generated_at;
};

// Experience a cadre of the pool can be required to have (each a confirmed record entry of the category, or none of
// it for no_shortcoming in the last three years).
// frontline 一线或急难险重经历 | training 培训经历 | work_result 工作实绩 | no_shortcoming 近三年无问题不足
const std::vector<std::string>& pool_experiences();

struct PoolFilter {
  std::string name;
  long long unit_id = 0;
  std::string rank, party_status, education;
  int age_min = 0, age_max = 0;
  bool young_only = true;               // the pool is of young cadres unless asked otherwise
  std::vector<std::string> experience;  // all of them required
  std::vector<std::string> evaluation;  // all of them required: evaluation::pool_outcomes()
  long long watchlist_id = 0;           // only the people of one of the caller's watch lists
  bool promotable = false;              // only people no accountability decision bars from promotion today
  std::string sort = "name";            // name | birth_date | rank | unit
  int page = 1, page_size = 20;
};

struct PoolRow {
  org::Person person;
  std::vector<std::string> experience;  // what of pool_experiences() the person has (no_shortcoming included)
  long long points_this_year = 0;
  std::vector<long long> watchlists;    // the caller's lists the person is on
  std::vector<std::string> evaluation;  // what of evaluation::pool_outcomes() the person has
  std::string latest_grade, latest_grade_on;  // the latest published annual assessment's grade, and when
  std::string promotion_barred_until;   // the last day of a promotion bar in force (for callers with oversight.read)
};

struct Watchlist {
  long long id = 0;
  std::string name, created_at;
  long long people = 0;
};

// What is compared side by side for two to four cadres.
struct Comparison {
  org::Person person;
  std::vector<std::string> experience;
  std::vector<points::Summary> points;  // the last three years
  int frontline = 0, trainings = 0, training_hours = 0, competitions = 0, lectures = 0, courses = 0;
  double course_hours = 0;
  int study_attended = 0, study_expected = 0;  // this year's study sessions: attended (on time or late) of those held
  std::vector<std::pair<std::string, int>> entries_by_category;  // confirmed record entries
  std::string latest_comment_period, latest_comment;
};

}  // namespace xinhuo::record
