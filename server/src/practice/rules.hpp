#pragma once
// The rules of practice that need no database: the vocabularies, the states an assignment moves through, which
// completion event an assignment's length earns, and competition ranks with ties. Table-driven tests cover them.
#include <string>
#include <vector>

namespace xinhuo::practice {

inline constexpr const char* kEventCompletedShort = "practice.assignment_completed_short";
inline constexpr const char* kEventCompletedLong = "practice.assignment_completed_long";
inline constexpr const char* kEventTrainingCompleted = "practice.training_completed";

// frontline 一线历练 | secondment 挂职 | east_west 东西部协作 | counterpart 对口支援 | mountain_sea 山海协作 |
// urgent 急难险重任务
const std::vector<std::string>& assignment_types();
// epidemic 疫情防控 | emergency 应急处置 | flood 防汛抗洪 | safety 安全生产 | other
const std::vector<std::string>& urgent_kinds();
// excellent 优秀 | good 良好 | qualified 合格 | unqualified 不合格
const std::vector<std::string>& grades();
// party_spirit 党性教育 | theory 理论培训 | skill 业务技能 | young_cadre 年轻干部 | other
const std::vector<std::string>& training_kinds();
// excellent 优秀 | qualified 合格 | unqualified 不合格
const std::vector<std::string>& training_results();
// unit 单位 | district 区县 | city 市级 | province 省级
const std::vector<std::string>& competition_levels();
bool one_of(const std::vector<std::string>& list, const std::string& value);

// The states a transition may start from: start (planned), mid_term (active), complete (active, mid_term),
// terminate (planned, active, mid_term). Empty for an unknown action.
std::vector<std::string> transition_from(const std::string& action);

// What a completed assignment's length earns, counting both its first and its last day:
// "long" for more than two months (the last day on or after the same day two months on: 1 March → 1 May),
// "short" from one week (7 days) up to two months — the default scheme names 1 week – 1 month (+2) and more than
// 2 months (+5) and says nothing of the second month, so it gets the smaller award —
// "none" under a week. Dates are YYYY-MM-DD, checked before.
std::string length_class(const std::string& starts_on, const std::string& actual_end);
// The event a length class publishes (nullptr for "none").
const char* completion_event(const std::string& length_class);

// Competition ranks by score, highest first; equal scores share a rank and the next rank skips (1, 1, 3).
std::vector<int> ranks(const std::vector<double>& scores);

}  // namespace xinhuo::practice
