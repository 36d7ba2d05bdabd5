// The default points scheme (seeded into an empty catalog; administrators change it in the console, and every
// change is a new rule version). Source: the municipal practice summarised in the reference scheme.
#include "points/catalog.hpp"

namespace xinhuo::points {

const std::vector<Category>& default_categories() {
  static const std::vector<Category> list = {
      {"org_life", "组织生活", 20, 1},  {"study", "理论学习", 20, 2}, {"lecture", "宣讲", 15, 3},
      {"practice", "实践历练", 20, 4},  {"service", "为民服务", 15, 5}, {"honour", "荣誉", std::nullopt, 6},
      {"deduction", "扣分", std::nullopt, 7}, {"adjustment", "调整", std::nullopt, 8},
  };
  return list;
}

const std::vector<DefaultRule>& default_rules() {
  auto r = [](const char* code, const char* category, const char* name, int points, const char* mode) {
    Rule x;
    x.code = code;
    x.category_code = category;
    x.name = name;
    x.points = points;
    x.earn_mode = mode;
    return x;
  };
  static const std::vector<DefaultRule> list = [&] {
    std::vector<DefaultRule> v;
    v.push_back({r("org_meeting", "org_life", "参加“三会一课”或主题党日", 1, "automatic"), "party.meeting_attended"});
    v.push_back({r("org_life_meeting", "org_life", "参加组织生活会或民主评议", 2, "automatic"), "party.life_meeting_attended"});
    v.push_back({r("study_checkin", "study", "参加集中学习（签到）", 1, "automatic"), "study.checkin"});
    Rule course = r("study_course_hour", "study", "完成网络课程（每学时）", 1, "automatic");
    course.cap_day = 2;
    v.push_back({course, "study.course_hour"});
    Rule note = r("study_note", "study", "学习心得或体会获认可", 2, "self_report");
    note.evidence_required = true;
    v.push_back({note, ""});
    v.push_back({r("lecture", "lecture", "在宣讲团开展宣讲", 3, "automatic"), "study.lecture_given"});
    v.push_back({r("lecture_city", "lecture", "开展市级宣讲", 5, "automatic"), "study.lecture_given_city"});
    v.push_back({r("practice_short", "practice", "一线锻炼（1周至1个月）", 2, "automatic"), "practice.assignment_completed_short"});
    v.push_back({r("practice_long", "practice", "一线锻炼（2个月以上）", 5, "automatic"), "practice.assignment_completed_long"});
    Rule urgent = r("practice_urgent", "practice", "参加急难险重任务（防疫、防汛、应急）", 3, "self_report");
    urgent.evidence_required = true;
    v.push_back({urgent, ""});
    v.push_back({r("service_project", "service", "完成民生微项目", 3, "automatic"), "mass.micro_project_completed"});
    Rule visit = r("service_visit", "service", "走访结对帮扶户", 1, "automatic");
    visit.cap_month = 2;
    v.push_back({visit, "mass.household_visited"});
    for (auto [code, name, points] : {std::tuple{"honour_unit", "获单位级表彰", 3}, std::tuple{"honour_city", "获市级表彰", 5},
                                      std::tuple{"honour_province", "获省级表彰", 10}}) {
      Rule h = r(code, "honour", name, points, "self_report");
      h.evidence_required = true;
      v.push_back({h, ""});
    }
    v.push_back({r("deduct_absence", "deduction", "无故缺席学习或会议", -2, "automatic"), "party.absence_recorded"});
    v.push_back({r("deduct_dues", "deduction", "连续 3 个月未交纳党费", -2, "automatic"), "party.dues_overdue"});
    v.push_back({r("deduct_task", "deduction", "未完成分配的任务", -3, "manager"), ""});
    Rule discipline = r("deduct_discipline", "deduction", "违反中央八项规定精神或纪律", -10, "manager");
    discipline.second_approver = true;
    v.push_back({discipline, ""});
    v.push_back({r(kAdjustmentRule, "adjustment", "人工调整（注明原因）", 1, "manager"), ""});
    return v;
  }();
  return list;
}

const std::vector<std::string>& event_types() {
  static const std::vector<std::string> list = {
      "party.meeting_attended",  "party.life_meeting_attended", "party.absence_recorded",
      "party.dues_overdue",      "study.checkin",               "study.course_hour",
      "study.lecture_given",     "study.lecture_given_city",    "study.absence_recorded",
      "practice.assignment_completed_short", "practice.assignment_completed_long", "practice.training_completed",
      "mass.micro_project_completed", "mass.household_visited",
  };
  return list;
}

}  // namespace xinhuo::points
