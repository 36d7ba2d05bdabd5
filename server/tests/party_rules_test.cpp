// The time rules of member development, one by one: refused too early (with the date it becomes possible), warned
// near the deadline, flagged after it; votes at the thresholds; probation outcomes. Pure functions, no database.
#include <gtest/gtest.h>

#include "core/date.hpp"
#include "party/rules.hpp"

using namespace xinhuo;
using namespace xinhuo::party;

namespace {

std::string shift(const std::string& date, int days) { return format_date(*parse_date(date) + std::chrono::days(days)); }

// A step with what its rules need, so a case can be walked through quickly.
StepRecord valid_step(int no, const std::string& date) {
  StepRecord s;
  s.step_no = no;
  s.date = date;
  switch (no) {
    case 2:
    case 16: s.people = {{"talker", 0, "王书记"}}; break;
    case 3: s.outcome = "recommendation"; break;
    case 5: s.people = {{"contact", 101, "李联系"}}; break;
    case 9: s.people = {{"sponsor", 101, "李介绍"}, {"sponsor", 102, "张介绍"}}; break;
    case 11: s.training_days = 3; break;
    case 13:
      s.publicity_from = shift(date, -9);
      s.publicity_to = shift(date, -1);
      break;
    case 15:
    case 23:
      s.vote = Vote{10, 8, 7, 1, 0};
      if (no == 23) s.outcome = "convert";
      break;
    default: break;
  }
  return s;
}

DevelopmentCase fresh_case() {
  DevelopmentCase c;
  c.id = 1;
  c.person_id = 7;
  c.person_name = "赵申请";
  c.birth_date = "2000-03-15";
  c.status = "active";
  return c;
}

// Records `s` after checking it (as the service does), with a far-away today.
void record(DevelopmentCase& c, StepRecord s, const std::string& today = "2035-01-01") {
  s.attempt = next_step(c).attempt;
  check_step(c, s, today);
  c.steps.push_back(s);
}

// A case with steps 1..last recorded at the given dates: application 2024-01-10, filing (4) 2024-03-01, …
DevelopmentCase case_through(int last) {
  static const char* dates[] = {"2024-01-10", "2024-01-25", "2024-02-20", "2024-03-01", "2024-03-05", "2024-03-06",
                                "2025-03-03", "2025-03-10", "2025-03-20", "2025-04-01", "2025-04-15", "2025-05-06",
                                "2025-05-20", "2025-05-22", "2025-06-03", "2025-06-20", "2025-07-15", "2025-07-20",
                                "2025-07-25", "2025-07-28", "2025-08-01"};
  DevelopmentCase c = fresh_case();
  for (int no = 1; no <= last && no <= 21; ++no) record(c, valid_step(no, dates[no - 1]));
  return c;
}

std::string error_code(const std::function<void()>& f, std::string* field = nullptr, std::string* earliest = nullptr) {
  try {
    f();
  } catch (const Error& e) {
    if (field) *field = e.field();
    for (const auto& [k, v] : e.details())
      if (k == "earliest" && earliest) *earliest = v;
    return e.code();
  }
  return "";
}

const Warning* find_warning(const std::vector<Warning>& list, const std::string& kind) {
  for (const auto& w : list)
    if (w.kind == kind) return &w;
  return nullptr;
}

}  // namespace

TEST(Dates, MonthArithmeticClampsToTheEndOfTheMonth) {
  EXPECT_EQ(format_date(add_months(*parse_date("2024-01-31"), 1)), "2024-02-29");
  EXPECT_EQ(format_date(add_months(*parse_date("2023-01-31"), 1)), "2023-02-28");
  EXPECT_EQ(format_date(add_years(*parse_date("2024-02-29"), 1)), "2025-02-28");
  EXPECT_EQ(format_date(add_months(*parse_date("2025-06-03"), -1)), "2025-05-03");
  EXPECT_FALSE(parse_date("2025-02-30"));
  EXPECT_FALSE(parse_date("2025-2-3"));
  // 2026-11-23 is a Monday: Monday to Friday is 5 working days, the weekend adds none.
  EXPECT_EQ(working_days(*parse_date("2026-11-23"), *parse_date("2026-11-29")), 5);
  EXPECT_EQ(working_days(*parse_date("2026-11-25"), *parse_date("2026-12-01")), 5);
  EXPECT_EQ(working_days(*parse_date("2026-11-25"), *parse_date("2026-11-30")), 4);
}

TEST(Development, AnApplicantMustBeEighteen) {
  DevelopmentCase c = fresh_case();  // born 2000-03-15
  std::string earliest;
  EXPECT_EQ(error_code([&] { check_step(c, valid_step(1, "2018-03-14"), "2030-01-01"); }, nullptr, &earliest), "validation_failed");
  EXPECT_EQ(earliest, "2018-03-15");
  EXPECT_EQ(error_code([&] { check_step(c, valid_step(1, "2018-03-15"), "2030-01-01"); }), "");
}

TEST(Development, StepsAreRecordedInOrderAndNeverBeforeThePreviousOneOrInTheFuture) {
  DevelopmentCase c = case_through(1);
  EXPECT_EQ(error_code([&] { check_step(c, valid_step(3, "2024-02-01"), "2030-01-01"); }), "step_out_of_order");
  std::string field;
  EXPECT_EQ(error_code([&] { check_step(c, valid_step(2, "2024-01-09"), "2030-01-01"); }, &field), "validation_failed");
  EXPECT_EQ(field, "date");
  EXPECT_EQ(error_code([&] { check_step(c, valid_step(2, "2024-02-01"), "2024-01-31"); }, &field), "validation_failed");
  StepRecord no_talker = valid_step(2, "2024-01-20");
  no_talker.people.clear();
  EXPECT_EQ(error_code([&] { check_step(c, no_talker, "2030-01-01"); }, &field), "validation_failed");
  EXPECT_EQ(field, "people");
}

TEST(Development, ACandidateNeedsAFullYearAfterTheActivistWasFiled) {
  DevelopmentCase c = case_through(6);  // filed (step 4) on 2024-03-01
  const NextStep n = next_step(c);
  EXPECT_EQ(n.step_no, 7);
  EXPECT_EQ(n.earliest, "2025-03-01");
  std::string earliest;
  EXPECT_EQ(error_code([&] { check_step(c, valid_step(7, "2025-02-28"), "2030-01-01"); }, nullptr, &earliest), "validation_failed");
  EXPECT_EQ(earliest, "2025-03-01");
  EXPECT_EQ(error_code([&] { check_step(c, valid_step(7, "2025-03-01"), "2030-01-01"); }), "");
}

TEST(Development, TheTalkIsDueWithinAMonthOfTheApplication) {
  DevelopmentCase c = case_through(1);  // applied 2024-01-10: talk due 2024-02-10
  EXPECT_EQ(next_step(c).due, "2024-02-10");
  EXPECT_EQ(find_warning(warnings(c, "2024-01-10"), "talk"), nullptr);  // 31 days left: not yet
  const Warning* soon = find_warning(warnings(c, "2024-01-11"), "talk");
  ASSERT_NE(soon, nullptr);
  EXPECT_EQ(soon->level, "due_soon");
  EXPECT_EQ(soon->days_left, 30);
  EXPECT_EQ(find_warning(warnings(c, "2024-02-10"), "talk")->level, "due_soon");
  const Warning* late = find_warning(warnings(c, "2024-02-11"), "talk");
  ASSERT_NE(late, nullptr);
  EXPECT_EQ(late->level, "overdue");
  EXPECT_EQ(late->days_left, -1);
  record(c, valid_step(2, "2024-01-25"));
  EXPECT_EQ(find_warning(warnings(c, "2024-02-11"), "talk"), nullptr);
}

TEST(Development, ContactsOneOrTwoAndSponsorsExactlyTwo) {
  DevelopmentCase c = case_through(4);
  StepRecord three = valid_step(5, "2024-03-05");
  three.people = {{"contact", 101, "甲"}, {"contact", 102, "乙"}, {"contact", 103, "丙"}};
  EXPECT_EQ(error_code([&] { check_step(c, three, "2030-01-01"); }), "validation_failed");
  const Warning* due = find_warning(warnings(c, "2024-03-20"), "contacts");
  ASSERT_NE(due, nullptr);
  EXPECT_EQ(due->due, "2024-04-01");
  DevelopmentCase d = case_through(8);
  StepRecord one = valid_step(9, "2025-03-20");
  one.people.pop_back();
  EXPECT_EQ(error_code([&] { check_step(d, one, "2030-01-01"); }), "validation_failed");
  StepRecord same = valid_step(9, "2025-03-20");
  same.people[1].person_id = 101;
  EXPECT_EQ(error_code([&] { check_step(d, same, "2030-01-01"); }), "validation_failed");
}

TEST(Development, ThoughtReportsQuarterlyAndAssessmentsHalfYearly) {
  DevelopmentCase c = case_through(6);  // filed 2024-03-01
  auto w = warnings(c, "2024-06-15");
  ASSERT_NE(find_warning(w, "thought_report"), nullptr);
  EXPECT_EQ(find_warning(w, "thought_report")->due, "2024-06-01");
  EXPECT_EQ(find_warning(w, "thought_report")->level, "overdue");
  EXPECT_EQ(find_warning(w, "assessment"), nullptr);  // due 2024-09-01
  c.reports.push_back({1, 1, "thought_report", "2024-06-10", "思想汇报", 0, "", ""});
  w = warnings(c, "2024-06-15");
  EXPECT_EQ(find_warning(w, "thought_report"), nullptr);  // next due 2024-09-10
  w = warnings(c, "2024-08-20");
  EXPECT_EQ(find_warning(w, "thought_report")->level, "due_soon");
  EXPECT_EQ(find_warning(w, "assessment")->due, "2024-09-01");
}

TEST(Development, TrainingAndPublicityHaveTheirMinimums) {
  DevelopmentCase c = case_through(10);
  StepRecord short_training = valid_step(11, "2025-04-15");
  short_training.training_days = 2;
  short_training.training_hours = 23;
  EXPECT_EQ(error_code([&] { check_step(c, short_training, "2030-01-01"); }), "validation_failed");
  short_training.training_days = 0;
  short_training.training_hours = 24;
  EXPECT_EQ(error_code([&] { check_step(c, short_training, "2030-01-01"); }), "");

  DevelopmentCase d = case_through(12);  // committee review 2025-05-06
  StepRecord pre = valid_step(13, "2025-05-20");
  pre.publicity_from = "2025-05-14";  // Wednesday to Tuesday: 4 working days
  pre.publicity_to = "2025-05-19";
  std::string field;
  EXPECT_EQ(error_code([&] { check_step(d, pre, "2030-01-01"); }, &field), "validation_failed");
  EXPECT_EQ(field, "publicity_to");
  pre.publicity_from = "2025-05-13";  // 5 working days
  EXPECT_EQ(error_code([&] { check_step(d, pre, "2030-01-01"); }), "");
  pre.date = "2025-05-18";  // before the publicity ended
  EXPECT_EQ(error_code([&] { check_step(d, pre, "2030-01-01"); }, &field), "validation_failed");
}

TEST(Development, BranchMeetingVotesNeedMoreThanHalf) {
  DevelopmentCase c = case_through(14);
  auto vote = [&](Vote v) {
    StepRecord s = valid_step(15, "2025-06-03");
    s.vote = v;
    return error_code([&] { check_step(c, s, "2030-01-01"); });
  };
  EXPECT_EQ(vote({10, 6, 6, 0, 0}), "");
  EXPECT_EQ(vote({10, 5, 5, 0, 0}), "validation_failed");   // half present is not more than half
  EXPECT_EQ(vote({10, 8, 5, 3, 0}), "validation_failed");   // half of those with a vote said yes: fails
  EXPECT_EQ(vote({10, 11, 8, 0, 0}), "validation_failed");  // more present than eligible
  EXPECT_EQ(vote({10, 8, 6, 2, 1}), "validation_failed");   // more ballots than people present
  EXPECT_EQ(vote({9, 5, 5, 0, 0}), "");                     // 5 of 9 is more than half
  StepRecord none = valid_step(15, "2025-06-03");
  none.vote.reset();
  EXPECT_EQ(error_code([&] { check_step(c, none, "2030-01-01"); }), "validation_failed");
}

TEST(Development, APoliticalReviewIsValidForAYear) {
  DevelopmentCase c = case_through(14);  // review (step 10) on 2025-04-01
  const Warning* w = find_warning(warnings(c, "2026-03-10"), "political_review");
  ASSERT_NE(w, nullptr);
  EXPECT_EQ(w->due, "2026-04-01");
  EXPECT_EQ(w->level, "due_soon");
  EXPECT_EQ(error_code([&] { check_step(c, valid_step(15, "2026-04-02"), "2030-01-01"); }), "validation_failed");
  EXPECT_EQ(error_code([&] { check_step(c, valid_step(15, "2026-04-01"), "2030-01-01"); }), "");
}

TEST(Development, ApprovalWithinThreeMonthsAndNeverAfterSix) {
  DevelopmentCase c = case_through(16);  // branch meeting (15) on 2025-06-03
  EXPECT_EQ(next_step(c).due, "2025-09-03");
  EXPECT_EQ(find_warning(warnings(c, "2025-09-04"), "approval")->level, "overdue");
  EXPECT_EQ(find_warning(warnings(c, "2025-08-01"), "approval"), nullptr);
  EXPECT_EQ(error_code([&] { check_step(c, valid_step(17, "2025-12-04"), "2030-01-01"); }), "validation_failed");
  EXPECT_EQ(error_code([&] { check_step(c, valid_step(17, "2025-12-03"), "2030-01-01"); }), "");
}

TEST(Development, PartyStatusFollowsTheSteps) {
  EXPECT_EQ(party_status_after(case_through(1)), "applicant");
  EXPECT_EQ(party_status_after(case_through(3)), "activist");
  EXPECT_EQ(party_status_after(case_through(7)), "candidate");
  EXPECT_EQ(party_status_after(case_through(16)), "candidate");
  EXPECT_EQ(party_status_after(case_through(17)), "probationary");
  EXPECT_EQ(stage_of(case_through(2)), 1);
  EXPECT_EQ(stage_of(case_through(6)), 2);
  EXPECT_EQ(stage_of(case_through(18)), 4);
  EXPECT_EQ(stage_of(case_through(19)), 5);
}

TEST(Development, ConversionOnTime) {
  DevelopmentCase c = case_through(21);  // probation from 2025-06-03 to 2026-06-03
  EXPECT_EQ(probation_end(c), "2026-06-03");
  NextStep n = next_step(c);
  EXPECT_EQ(n.step_no, 22);
  EXPECT_EQ(n.earliest, "2026-05-03");
  std::string earliest;
  EXPECT_EQ(error_code([&] { check_step(c, valid_step(22, "2026-05-02"), "2030-01-01"); }, nullptr, &earliest), "validation_failed");
  EXPECT_EQ(earliest, "2026-05-03");
  record(c, valid_step(22, "2026-05-10"));
  EXPECT_EQ(find_warning(warnings(c, "2026-05-10"), "conversion")->level, "due_soon");
  EXPECT_EQ(error_code([&] { check_step(c, valid_step(23, "2026-06-02"), "2030-01-01"); }, nullptr, &earliest), "validation_failed");
  EXPECT_EQ(earliest, "2026-06-03");
  record(c, valid_step(23, "2026-06-05"));
  EXPECT_EQ(find_warning(warnings(c, "2026-09-06"), "conversion_approval")->level, "overdue");
  record(c, valid_step(24, "2026-06-20"));
  EXPECT_EQ(party_status_after(c), "full");
  EXPECT_EQ(next_step(c).step_no, 25);
}

TEST(Development, ProbationIsExtendedOnceBySixToTwelveMonths) {
  DevelopmentCase c = case_through(21);
  record(c, valid_step(22, "2026-05-10"));
  StepRecord extend = valid_step(23, "2026-06-05");
  extend.outcome = "extend";
  extend.extension_months = 5;
  std::string field;
  EXPECT_EQ(error_code([&] { check_step(c, extend, "2030-01-01"); }, &field), "validation_failed");
  EXPECT_EQ(field, "extension_months");
  extend.extension_months = 13;
  EXPECT_EQ(error_code([&] { check_step(c, extend, "2030-01-01"); }), "validation_failed");
  extend.extension_months = 6;
  record(c, extend);
  record(c, valid_step(24, "2026-06-20"));
  EXPECT_EQ(party_status_after(c), "probationary");
  EXPECT_EQ(probation_end(c), "2026-12-03");
  NextStep n = next_step(c);
  EXPECT_EQ(n.step_no, 22);
  EXPECT_EQ(n.attempt, 2);
  EXPECT_EQ(n.earliest, "2026-11-03");
  record(c, valid_step(22, "2026-11-10"));
  StepRecord again = valid_step(23, "2026-12-05");
  again.outcome = "extend";
  again.extension_months = 6;
  EXPECT_EQ(error_code([&] { check_step(c, again, "2030-01-01"); }, &field), "validation_failed");
  EXPECT_EQ(field, "outcome");
  record(c, valid_step(23, "2026-12-05"));
  record(c, valid_step(24, "2026-12-20"));
  EXPECT_EQ(party_status_after(c), "full");
}

TEST(Development, ADisqualifiedProbationerReturnsToTheMasses) {
  DevelopmentCase c = case_through(21);
  record(c, valid_step(22, "2026-05-10"));
  StepRecord no = valid_step(23, "2026-06-05");
  no.outcome = "disqualify";
  record(c, no);
  EXPECT_EQ(party_status_after(c), "probationary");  // until the higher committee approves
  record(c, valid_step(24, "2026-06-20"));
  EXPECT_EQ(party_status_after(c), "masses");
  EXPECT_EQ(next_step(c).step_no, 0);
  c.status = "disqualified";
  EXPECT_EQ(error_code([&] { check_step(c, valid_step(25, "2026-07-01"), "2030-01-01"); }), "case_closed");
  EXPECT_TRUE(warnings(c, "2030-01-01").empty());
}
