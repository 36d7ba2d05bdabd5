#pragma once
// Member development (发展党员): one development case per person, the 25 steps recorded in order, the reports of
// the cultivation period, and what the time rules make of them (the next step, deadlines and warnings).
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "party/meetings.hpp"

namespace xinhuo::party {

inline constexpr const char* kPermRead = "party.read";    // development files, warnings and the pipeline in scope
inline constexpr const char* kPermWrite = "party.write";  // record steps and reports in scope

// One of the 25 steps of 《中国共产党发展党员工作细则》 and the stage it belongs to (1–5).
struct StepInfo {
  int no;
  int stage;
  const char* code;
  const char* zh;
  const char* en;
};
const std::array<StepInfo, 25>& steps();
const StepInfo& step_info(int no);
// 申请入党, 入党积极分子的确定和培养教育, 发展对象的确定和考察, 预备党员的接收, 预备党员的教育考察和转正.
const char* stage_name(int stage);

// Branch-meeting votes (steps 15 and 23): who had a vote, who came, how they voted.
struct Vote {
  int eligible = 0, present = 0, yes = 0, no = 0, abstain = 0;
};

// A person responsible for a step: the talker (谈话人), a contact (培养联系人) or a sponsor (入党介绍人).
struct Participant {
  std::string role;  // talker | contact | sponsor
  long long person_id = 0;  // 0 for someone outside the roster (e.g. a talker of the higher committee)
  std::string name;
};

struct StepRecord {
  long long id = 0, case_id = 0;
  int step_no = 0;
  int attempt = 1;  // steps 22–24 run again after an extended probation
  std::string date;
  std::vector<Participant> people;
  std::vector<long long> documents;  // uploaded files
  std::optional<Vote> vote;
  // Step 3: recommendation | youth_league (how the activist was put forward);
  // step 23: convert | extend | disqualify (the branch's decision).
  std::string outcome;
  int extension_months = 0;                   // step 23 with outcome extend: 6–12
  int training_days = 0, training_hours = 0;  // step 11: at least 3 days or 24 class hours
  std::string publicity_from, publicity_to;   // step 13: the 公示 of at least 5 working days
  std::string note;
  long long entered_by = 0;
  std::string entered_by_name, entered_at;
};

// Cultivation reports: the applicant's quarterly thought report, the branch's half-yearly assessment.
struct Report {
  long long id = 0, case_id = 0;
  std::string kind;  // thought_report | assessment
  std::string date, content;
  long long entered_by = 0;
  std::string entered_by_name, entered_at;
};

struct DevelopmentCase {
  long long id = 0, person_id = 0;
  std::string person_name, gender, birth_date, party_status;
  long long unit_id = 0, branch_id = 0;
  std::string unit_name, branch_name;
  std::string status;  // active | completed | disqualified
  int stage = 1;
  std::string created_at, updated_at;
  std::vector<StepRecord> steps;  // in order of step and attempt
  std::vector<Report> reports;    // oldest first
};

// What comes next: the step, the first day it may be recorded, and the day it is due (either may be empty).
struct NextStep {
  int step_no = 0;  // 0: nothing left (completed or disqualified)
  int attempt = 1;
  std::string earliest, due;
};

// A date by which something must happen in an active case (a step, a thought report, an assessment).
struct Deadline {
  std::string kind;  // see Warning::kind
  int step_no = 0;
  std::string due;
};

// A deadline near (30 days or less) or missed.
struct Warning {
  long long case_id = 0, person_id = 0;
  std::string person_name, unit_name, branch_name;
  std::string kind;   // talk | contacts | thought_report | assessment | political_review | approval | conversion |
                      // conversion_approval
  std::string level;  // due_soon (yellow) | overdue (red)
  std::string due;
  int days_left = 0;  // negative once missed
  int step_no = 0;    // the step the deadline belongs to
};

// A page of warnings and how many there are of each level in the whole scope.
struct WarningPage {
  std::vector<Warning> items;
  long long overdue = 0, due_soon = 0;
};

// The development pipeline of a part of the tree: active cases per stage and how many have a deadline near or
// missed.
struct StageCount {
  int stage = 0;
  int cases = 0, due_soon = 0, overdue = 0;
};

// A member's declared income for a year and the monthly dues it gives.
struct DuesBase {
  long long person_id = 0;
  int year = 0;
  std::string category;
  long long income_cents = 0, amount_cents = 0;
  std::string set_by_name, set_at;
  std::string from_month;  // YYYY-MM of `year` from which it applies (the first base starts the dues owed)
};

struct DuesPayment {
  long long id = 0, person_id = 0;
  std::string month;
  long long amount_cents = 0;
  std::string paid_on, method, note, recorded_by_name, recorded_at;
};

// A member's dues as a list shows them: this year's amount, what is paid, and how many months are late.
struct DuesMember {
  long long person_id = 0, unit_id = 0, branch_id = 0;
  std::string name, party_status, unit_name, branch_name;
  std::optional<DuesBase> base;      // the latest declared year up to this one; none: not declared yet
  std::string first_month;           // the first month dues are owed (empty without a base)
  std::vector<std::string> paid;     // months paid, sorted
  int arrears_months = 0;
  std::string level;                 // warning (3–5 months) | overdue (6 or more) | empty
};

// One branch's dues in a year (the branch and unit dues report): what its members owe up to this month by their
// declared amounts, what was paid for the year's months, and how many members are behind.
struct DuesReportRow {
  long long unit_id = 0, branch_id = 0;  // branch 0: members of the unit outside any branch
  std::string unit_name, branch_name;
  int members = 0, declared = 0;         // party members; those with a declared amount
  long long due_cents = 0, paid_cents = 0;
  int warning = 0, overdue = 0;          // members 3–5 months behind; 6 or more
};

// An organisational relationship transfer (组织关系转接).
struct Transfer {
  long long id = 0, person_id = 0;
  std::string person_name;
  std::string kind;  // internal | out_of_city | into_city
  long long from_branch_id = 0, to_branch_id = 0;
  std::string from_branch_name, to_branch_name, outside_org, letter_no, issued_on, status, note;
  std::string issued_by_name, created_at, decided_by_name, decided_on, decision_note;
};

inline constexpr int kTransferFlagMonths = 3;  // a transfer not confirmed within 3 months is flagged

// A branch as the transfer directory names it: no people, no figures, only where it sits.
struct BranchEntry {
  long long id = 0, unit_id = 0;
  std::string name, node_type, unit_name;
  std::string path_label;  // the names from below the city down to the branch: 市教育局 / 机关党委 / 第一党支部
};

// A floating member (流动党员): away from the branch for a while (working, studying elsewhere), still its member.
struct FloatingRecord {
  long long id = 0, person_id = 0, unit_id = 0, branch_id = 0;  // unit and branch when it was recorded
  std::string person_name, unit_name, branch_name;
  std::string destination;
  std::string reason;  // work | study | family | other
  std::string started_on, expected_return_on, certificate_no, contact_name, note;
  std::string status;      // active | returned | ended
  std::string ended_on;    // the return date, or the day it ended with a move or a status change
  std::string end_reason;  // returned | transferred | left_party
  std::string end_note;
  std::string recorded_by_name, created_at, ended_by_name;
};

struct FloatingFilter {
  long long node_id = 0;  // records of this unit or branch or below
  std::string status;     // active | returned | ended; empty: all
  std::string name;       // part of the member's name
  int page = 1, page_size = 50;
};

// One member's attendance at a meeting.
struct Attendance {
  long long person_id = 0;
  std::string person_name, party_status;
  std::string status;  // present | excused | absent
  std::string reason;  // why excused
};

// A meeting of organisational life (see meetings.hpp for the meeting types).
struct Meeting {
  long long id = 0, node_id = 0, branch_id = 0, unit_id = 0;
  std::string node_name, branch_name, unit_name;
  std::string meeting_type, held_on, topic;
  long long host_person_id = 0;
  std::string host_name, lecturer;
  bool lecturer_is_secretary = false;
  std::string location, minutes;
  std::vector<long long> photos;
  std::string status;  // open | closed
  std::string created_by_name, created_at, closed_by_name, closed_at;
  int present = 0, excused = 0, absent = 0;
  std::vector<Attendance> attendance;  // filled when one meeting is read
};

// One member's grade in a democratic appraisal (民主评议党员).
struct AppraisalGrade {
  long long person_id = 0;
  std::string person_name;
  std::string grade;  // excellent 优秀 | qualified 合格 | basically_qualified 基本合格 | unqualified 不合格 | not_rated
  std::string note;
};

// A branch's democratic appraisal of a year, as its meeting decided it.
struct Appraisal {
  long long id = 0, branch_id = 0, unit_id = 0;
  std::string branch_name;
  int year = 0;
  std::string decided_on, note, recorded_by_name, recorded_at;
  std::vector<AppraisalGrade> grades;
};

// A reward (表彰) or a party discipline punishment (党纪处分) of a member.
struct RewardPunishment {
  long long id = 0, person_id = 0;
  std::string person_name;
  std::string category;  // reward | punishment
  std::string form;      // outstanding_member … | warning, serious_warning, removal_from_post, probation_in_party, expulsion
  std::string decided_on, decided_by, document_no;
  int probation_months = 0;
  std::string reason;
  std::vector<long long> documents;
  std::string recorded_by_name, recorded_at;
};

// One dated line of a member's life-cycle timeline.
struct TimelineItem {
  std::string date;
  std::string type;    // development_step | report | meeting | appraisal | reward_punishment | transfer |
                       // dues_payment | status_change | floating (the start) | floating_end
  std::string code;    // what the client translates: the step number, meeting type, grade, form, field …
  std::string status;  // a second code where one is needed: attendance, transfer status, the new value …
  std::string text;    // what people wrote or named: a topic, a reason, a branch
  long long ref_id = 0;  // the record it comes from
};

// A branch (or party group) and the state of each type of meeting it must hold.
struct BranchCadence {
  long long node_id = 0;
  std::string node_name, node_type, unit_name;
  std::string light;                      // the worst of its lights
  std::vector<Cadence> meeting_types;
  std::string secretary_lecture_light;    // branches only
};

}  // namespace xinhuo::party
