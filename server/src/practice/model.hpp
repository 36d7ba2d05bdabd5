#pragma once
// Training and practice (实践锻炼): training classes with enrolment and results, skill competitions (岗位练兵比武)
// with ranked results, and front-line assignments (一线历练, 挂职 …) with their evaluations, plus the yearly plan of
// assignments per org node.
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace xinhuo::practice {

inline constexpr const char* kPermRead = "practice.read";    // trainings, competitions and assignments in scope
inline constexpr const char* kPermWrite = "practice.write";  // record them in scope

// A training class (培训班) organised by an org node.
struct Enrolment {
  long long person_id = 0;
  std::string person_name, unit_name;
  int attended_days = 0;
  std::string completion;  // pending | completed | not_completed
  std::string result;      // excellent 优秀 | qualified 合格 | unqualified 不合格 | empty
  std::optional<double> score;  // 0–100, one decimal
};

struct Training {
  long long id = 0, node_id = 0;
  std::string node_name;
  std::string title, kind;  // kind: party_spirit | theory | skill | young_cadre | other
  std::string starts_on, ends_on;
  int hours = 0, capacity = 0;
  std::string place, status;  // open | closed
  std::string created_by_name, created_at, closed_by_name, closed_at;
  int enrolled = 0, completed = 0;
  std::vector<Enrolment> enrolments;  // filled when one class is read
  std::map<std::string, std::vector<long long>> days;  // 按日考勤: marked day → people present (one class read)
};

// One participant of a competition and, once published, the rank (ties share a rank: 1, 1, 3).
struct Entry {
  long long person_id = 0;
  std::string person_name, unit_name;
  double score = 0;
  int rank = 0;  // 0 until the results are published
};

// A skill competition (岗位练兵比武).
struct Competition {
  long long id = 0, node_id = 0;
  std::string node_name, title, level, held_on;  // level: unit | district | city | province
  std::string status;                            // draft | published
  std::string created_by_name, created_at, published_by_name, published_at;
  int participants = 0;
  std::vector<Entry> entries;  // filled when one competition is read
};

// A front-line assignment of a person: 一线历练, 挂职, 东西部协作, 对口支援, 山海协作 or 急难险重任务.
struct Assignment {
  long long id = 0, person_id = 0, unit_id = 0, branch_id = 0;
  std::string person_name, unit_name, party_status;
  std::string assignment_type, urgent_kind;  // urgent_kind only for urgent
  std::string host_place, task;
  std::string starts_on, planned_end, actual_end;
  long long supervisor_person_id = 0;
  std::string supervisor_name, supervisor_phone;  // phone masked when read; sealed at rest
  std::string state;  // planned | active | mid_term | completed | terminated
  std::string started_on;
  std::string mid_term_grade, mid_term_note, mid_term_on;
  std::string final_grade, outcome, termination_reason;
  std::string completion_event;  // the event published on completion (short | long | none)
  std::string created_by_name, created_at, updated_at;
};

// The yearly plan of an org node and what happened: assignments started (their start recorded) and completed
// in the year.
struct PlanRow {
  long long node_id = 0;
  std::string node_name, node_type;
  int planned = -1;  // -1: no plan set
  long long started = 0, completed = 0;
};

struct PlanReport {
  int year = 0;
  PlanRow node;                // the node asked for (its own plan, everything under it)
  std::vector<PlanRow> units;  // each unit under it in scope
};

}  // namespace xinhuo::practice
