// Each dashboard chart's data as a one-sheet workbook, audited (who took which figures of which node).
#include <algorithm>
#include <cstdio>

#include "analytics/service.hpp"
#include "audit/recorder.hpp"
#include "core/error.hpp"
#include "core/xlsx.hpp"
#include "db/transaction.hpp"

namespace xinhuo::analytics {

namespace {

std::string cell(const Json& v) {
  if (v.is_null()) return "";
  if (v.is_string()) return v.get<std::string>();
  if (v.is_number_integer()) return std::to_string(v.get<long long>());
  if (v.is_number()) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", v.get<double>());
    return buf;
  }
  return v.dump();
}

Sheet pairs(const std::string& name, const std::string& key_header, const Json& object) {
  Sheet s{name, {key_header, "数量"}, {24, 12}, {}};
  for (const auto& [k, v] : object.items()) s.rows.push_back({k, cell(v)});
  return s;
}

}  // namespace

std::string AnalyticsService::export_xlsx(const Principal& caller, Filter filter, const std::string& chart,
                                          std::string* filename) {
  static const std::vector<std::string> charts = {"people", "children", "study", "meetings", "development", "dues", "points",
                                                  "assignments", "evaluation", "projects", "cases", "warnings"};
  if (std::find(charts.begin(), charts.end(), chart) == charts.end())
    throw Error::validation("chart", {"图表名称不正确", "chart is people, children, study, meetings, development, dues, points, "
                                                      "assignments, evaluation, projects, cases or warnings"});
  const Json d = dashboard(caller, filter);
  Sheet sheet;
  const Json children = d["children"];
  auto per_child = [&](const std::string& name, const std::vector<std::pair<std::string, std::string>>& cols) {
    Sheet s{name, {"组织"}, {28}, {}};
    for (const auto& c : cols) s.header.push_back(c.second), s.widths.push_back(14);
    for (const auto& c : children) {
      std::vector<std::string> row = {c["name"].get<std::string>()};
      for (const auto& col : cols) row.push_back(cell(c["figures"][col.first]));
      s.rows.push_back(row);
    }
    return s;
  };
  if (chart == "people") {
    sheet = Sheet{"人员结构", {"类别", "分组", "人数"}, {12, 20, 12}, {}};
    const Json people = d["people"];
    for (const auto& b : people["by_age_band"]) sheet.rows.push_back({"年龄段", b["band"].get<std::string>(), cell(b["n"])});
    for (const auto& r : people["by_rank"]) sheet.rows.push_back({"职级", r["name"].get<std::string>(), cell(r["n"])});
  } else if (chart == "children") {
    sheet = per_child("下级组织", {{"people", "人数"}, {"young", "年轻干部"}, {"participation_rate", "学习参与率%"},
                                  {"cadence_rate", "三会一课按期率%"}, {"dues_rate", "党费交纳率%"},
                                  {"development_overdue", "发展超期"}, {"points_per_person", "人均积分"},
                                  {"assignments_planned", "一线历练计划"}, {"assignments_completed", "已完成"}});
  } else if (chart == "study") {
    sheet = Sheet{"学习趋势", {"月份", "签到人次", "参与人数"}, {12, 12, 12}, {}};
    for (const auto& m : d["study_trend"]) sheet.rows.push_back({m["month"].get<std::string>(), cell(m["checkins"]), cell(m["participants"])});
  } else if (chart == "meetings") {
    sheet = per_child("三会一课", {{"branches", "支部数"}, {"branches_green", "绿"}, {"branches_yellow", "黄"},
                                  {"branches_red", "红"}, {"cadence_rate", "按期率%"}});
  } else if (chart == "development") {
    sheet = pairs("发展党员", "阶段", d["development_by_stage"]);
  } else if (chart == "dues") {
    sheet = per_child("党费交纳", {{"dues_members", "应交人数"}, {"dues_paid", "已交人数"}, {"dues_rate", "交纳率%"}});
  } else if (chart == "points") {
    sheet = pairs("积分分类", "类别", d["points_by_category"]);
  } else if (chart == "assignments") {
    sheet = per_child("一线历练", {{"assignments_planned", "计划"}, {"assignments_completed", "完成"},
                                  {"assignments_overdue", "逾期未完成"}});
  } else if (chart == "evaluation") {
    static const std::vector<std::pair<std::string, std::string>> grades = {
        {"excellent", "优秀"}, {"competent", "称职"}, {"basically_competent", "基本称职"}, {"incompetent", "不称职"}};
    sheet = Sheet{"年度考核等次", {"等次", "人数"}, {16, 12}, {}};
    for (const auto& [code, zh] : grades) sheet.rows.push_back({zh, cell(d["grades"].value(code, Json(0)))});
  } else if (chart == "projects") {
    sheet = per_child("民生微项目", {{"projects_published", "发布"}, {"projects_claimed", "已认领"}, {"projects_done", "已完成"},
                                    {"projects_overdue", "逾期"}, {"project_satisfaction", "平均满意度"}});
  } else if (chart == "cases") {
    sheet = per_child("容错纠错", {{"cases_submitted", "申请"}, {"cases_tolerated", "予以容错"}, {"cases_not_tolerated", "不予容错"},
                                  {"cases_declined", "不予受理"}, {"cases_pending", "办理中"}, {"cases_review_overdue", "初审超期"}});
  } else {
    sheet = Sheet{"预警", {"组织", "规则", "等级", "数值", "黄色阈值", "红色阈值"}, {28, 28, 8, 10, 10, 10}, {}};
    for (const auto& w : d["warnings"])
      sheet.rows.push_back({w["node"]["name"].get<std::string>(), w["rule_name"].get<std::string>(), w["level"].get<std::string>(),
                            cell(w["value"]), cell(w["yellow"]), cell(w["red"])});
  }
  std::string bytes = write_xlsx(sheet);
  db::Tx tx(db_);
  audit::record(tx, caller, {.action = "analytics.exported", .target_type = "org_node",
                             .target_id = std::to_string(d["node"]["id"].get<long long>()),
                             .detail = {{"chart", chart}, {"from", d["period"]["from"]}, {"to", d["period"]["to"]},
                                        {"young_only", d["young_only"]}, {"rows", sheet.rows.size()}}},
                clock_.now());
  tx.commit();
  *filename = "analytics-" + chart + ".xlsx";
  return bytes;
}

}  // namespace xinhuo::analytics
