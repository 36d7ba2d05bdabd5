#include "analytics/model.hpp"

#include "core/error.hpp"

namespace xinhuo::analytics {

const std::vector<RuleInfo>& rules() {
  static const std::vector<RuleInfo> list = {
      {"dues_rate", "党费交纳率偏低", "Low dues payment rate", true, 100},
      {"study_participation", "学习参与率偏低", "Low study participation", true, 100},
      {"meeting_cadence", "“三会一课”按期开展率偏低", "Branches behind the meeting cadence", true, 100},
      {"development_overdue", "发展党员环节超期", "Development steps overdue", false, 100000},
      {"assignment_done", "一线历练按期完成率偏低", "Front-line assignments behind plan", true, 100},
      {"project_overdue", "民生微项目逾期未完成", "Micro-projects past their deadline", false, 100000},
      {"tolerance_review_overdue", "容错申请初审超期", "Fault-tolerance reviews overdue", false, 100000},
  };
  return list;
}

const RuleInfo* find_rule(const std::string& code) {
  for (const auto& r : rules())
    if (r.code == code) return &r;
  return nullptr;
}

void check_threshold(const RuleInfo& rule, long long yellow, long long red) {
  if (rule.below) {
    if (yellow < 1 || yellow > 100) throw Error::validation("yellow", {"黄色阈值应在 1–100 之间", "yellow is 1–100 (%)"});
    if (red < 0 || red >= yellow)
      throw Error::validation("red", {"红色阈值应不小于 0 且低于黄色阈值", "red is at least 0 and below yellow"});
  } else {
    if (yellow < 1 || yellow > rule.max)
      throw Error::validation("yellow", {"黄色阈值应为正整数", "yellow is a positive count"});
    if (red <= yellow || red > rule.max)
      throw Error::validation("red", {"红色阈值应高于黄色阈值", "red is above yellow"});
  }
}

std::string light_of(const RuleInfo& rule, const Threshold& t, double value) {
  if (rule.below) {
    if (value < static_cast<double>(t.red)) return "red";
    if (value < static_cast<double>(t.yellow)) return "yellow";
    return "green";
  }
  if (value >= static_cast<double>(t.red)) return "red";
  if (value >= static_cast<double>(t.yellow)) return "yellow";
  return "green";
}

const std::vector<AgeBand>& age_bands() {
  static const std::vector<AgeBand> list = {{"≤30", 0, 30},  {"31–35", 31, 35}, {"36–40", 36, 40}, {"41–45", 41, 45},
                                            {"46–50", 46, 50}, {"51–55", 51, 55}, {"56+", 56, 200}};
  return list;
}

}  // namespace xinhuo::analytics
