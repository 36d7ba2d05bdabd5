#pragma once
// Oversight and incentives (监督激励): fault-tolerance cases (容错纠错) from application to correction and the anonymised
// case library; special inspections (专项督查) with findings and rectification deadlines; accountability records (问责)
// with the periods in which they bar promotion or an excellent grade; complaint clarifications (信访澄清); and the
// "1+X" incentive policy library (政策文件).
#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"

namespace xinhuo::oversight {

inline constexpr const char* kPermRead = "oversight.read";
inline constexpr const char* kPermWrite = "oversight.write";

// submitted 待初审 → investigating 调查核实 (or declined 不予受理) → decided 已集体研究 → notified 已反馈 → closed 已办结
const std::vector<std::string>& case_states();
// The "three distinctions" (三个区分开来) a collective decision weighs.
// inexperience 缺乏经验先行先试 / experiment 上级尚无明确限制的探索性试验 / public_interest 为推动发展的无意过失
const std::vector<std::string>& distinctions();
bool one_of(const std::vector<std::string>& list, const std::string& value);

// The initial review is due by the end of the first working day after the day of submission (Beijing dates; weekends
// skipped): submitted on a Friday evening, it is due by Monday's end.
Date review_due(Date submitted_on);

// The forms of accountability (问责条例) and what each bars, counted from the effective date.
struct AccountabilityForm {
  std::string code, zh, group;
  int promotion_months = 0;      // months in which the person may not be promoted (0: none / no fixed period)
  bool bars_excellent = false;   // the year's assessment cannot be 优秀
  std::string basis;             // the regulation the period comes from
  std::string updated_at;        // when the organisation department last changed the period (empty: as shipped)
};
// The forms with the periods the platform ships with; the periods in force are the accountability_period table's
// (OversightStore::forms), which the organisation department keeps in step with the regulations.
const std::vector<AccountabilityForm>& accountability_forms();
const AccountabilityForm* accountability_form(const std::string& code);
// The last day of the promotion bar (effective_from + months − 1 day); nullopt when the form sets none.
std::optional<Date> promotion_until(const AccountabilityForm& form, Date effective_from);

// What identifies someone in a text meant for the library: the names given, an 18-character ID-card number or an
// 11-digit mobile number. Returns the first such thing found (empty: the text is clean).
std::string identifying_text(const std::string& text, const std::vector<std::string>& names);
// The text with the names, ID-card numbers and mobile numbers replaced (某某 / 某单位 / ****), as a first draft.
std::string redact(std::string text, const std::vector<std::string>& person_names, const std::vector<std::string>& unit_names);

struct HistoryItem {
  std::string action, from_state, to_state, note, actor_name, at;
};

struct Correction {
  long long id = 0, case_id = 0;
  std::string content, due_date, done_at, done_note;
  bool overdue = false;
};

struct ToleranceCase {
  long long id = 0, person_id = 0, unit_id = 0;
  std::string person_name, unit_name;
  std::string applicant_kind, case_kind;
  std::string title, facts, decision_taken, basis, loss, remedy;
  std::string state, submitted_at, review_due, review_note, reviewed_at;
  std::string outcome;
  int votes_for = 0, votes_against = 0, votes_abstain = 0;
  std::vector<std::string> distinctions;
  std::string decision_reasons, decided_at, result_note, notified_at, closed_at;
  bool review_overdue = false, published = false;
  std::string created_at, updated_at;
  std::vector<Correction> corrections;
  std::vector<HistoryItem> history;
};

struct CaseFilter {
  long long node_id = 0;
  std::string state, q;
  bool overdue_only = false;
  int page = 1, page_size = 50;
};

struct LibraryCase {
  long long id = 0;
  std::string title, body, published_on;
};

struct Inspection {
  long long id = 0;
  std::string topic, description, start_date, end_date;
  std::vector<std::pair<long long, std::string>> nodes;  // scope: id and name
  int findings = 0, open_findings = 0, overdue_findings = 0;
  std::string created_at;
};

struct Finding {
  long long id = 0, inspection_id = 0, unit_id = 0, person_id = 0;
  std::string inspection_topic, unit_name, person_name;
  std::string content, requirement, due_date, state, follow_up, rectified_at;
  bool overdue = false;
};

struct Accountability {
  long long id = 0, person_id = 0, document_file = 0;
  std::string person_name, unit_name;
  std::string form, reason, document_no, decided_on, effective_from, promotion_until, evaluation_year, created_at;
  bool in_effect = false;
};

struct Clarification {
  long long id = 0, person_id = 0;
  std::string person_name, unit_name;
  std::string complaint, finding, clarified_on, announcement_scope, created_at;
  bool show_in_record = false;
};

// What the growth archive shows of oversight about a person, as far as the caller may see it.
struct PersonSummary {
  std::vector<Accountability> accountability;
  std::vector<Clarification> clarifications;
};

struct PolicyDoc {
  long long id = 0, file_id = 0;
  std::string title, category, issuer, doc_number, effective_from, effective_to, body;
  int version = 0;
  std::string updated_at;
};

struct PolicyFilter {
  std::string q, category, on;
  int page = 1, page_size = 50;
};
// core 1 (the main document) | promotion 选拔任用 | tolerance 容错纠错 | care 关心关爱 | reward 表彰奖励 | other 其他
const std::vector<std::string>& policy_categories();

}  // namespace xinhuo::oversight
