#pragma once
// The young-cadre dynamic record (年轻干部动态信息纪实): dated entries about a person by category, each with a
// source, an accountable recorder, evidence and a confirmation state, and the leaders' comments (组织评语) per
// period. The person sees every entry about them and may respond or contest; nothing here is gathered by watching
// people: every entry is written by someone accountable, or by a module from a fact it recorded.
#include <string>
#include <vector>

namespace xinhuo::record {

inline constexpr const char* kPermRead = "record.read";    // entries and comments of people in scope
inline constexpr const char* kPermWrite = "record.write";  // record, confirm, resolve, comment

// work_result 工作实绩 | key_task 重点任务 | frontline 一线及急难险重任务 | training 教育培训 | conduct_work 八小时内表现 |
// conduct_outside 八小时外表现 | mass_evaluation 群众评价 | shortcoming 问题不足
const std::vector<std::string>& categories();
// self 本人申报 | unit 单位 | leader 领导 | residents 群众反映 | inspection 督查检查 | module 系统（其他模块的记录）
const std::vector<std::string>& source_kinds();
// pending 待确认 | confirmed 已确认 | rejected 未通过 | contested 有异议 | withdrawn 已撤销
const std::vector<std::string>& entry_states();
bool one_of(const std::vector<std::string>& list, const std::string& value);
// "2026" (a year) or "2026H1" / "2026H2" (a half-year), 2000–2100.
bool valid_period(const std::string& period);

struct HistoryItem {
  std::string action, from_state, to_state, note, actor_name, at;
};

struct Entry {
  long long id = 0, person_id = 0;
  std::string person_name, unit_name;
  std::string category, fact_date, title, content;
  std::string source_kind, source_name;
  long long recorder_person_id = 0;
  std::string recorder_name;
  std::vector<long long> evidence;
  std::string state;
  std::string decision_note, decided_by_name, decided_at;
  std::string response, responded_at;
  std::string contest_reason, contested_at;
  std::string resolution, resolution_note, resolved_by_name, resolved_at;
  std::string source_key;
  std::string created_at, updated_at;
  std::vector<HistoryItem> history;  // filled when one entry is read
};

struct EntryFilter {
  long long person_id = 0;
  long long node_id = 0;  // people of units at or below this node
  std::string category, state, source_kind;
  std::string from, to;   // fact_date range, inclusive
  std::string q;          // part of the title, the content or the person's name
  int page = 1, page_size = 50;
};

// A leader's comment on a person for a period; versions of one period share (person, period).
struct Comment {
  long long id = 0, person_id = 0;
  std::string period;
  int version = 0;
  bool current = false;
  std::string leader_name, leader_position, content, written_by_name, written_at;
};

}  // namespace xinhuo::record
