#include "evaluation/survey_demo.hpp"

#include "db/query.hpp"
#include "evaluation/survey_service.hpp"

namespace xinhuo::evaluation::survey {

DemoSurveyReport seed_demo_surveys(db::Database& db, const Clock& clock) {
  DemoSurveyReport report;
  Principal admin;
  long long unit = 0, cadre_person = 0;
  std::vector<long long> others;
  {
    auto lease = db.lease();
    if (db::Query("SELECT COUNT(*) FROM survey").count(lease.sql()) > 0) return report;
    db::Query("SELECT a.id, a.display_name, p.unit_id, a.person_id FROM account a JOIN person p ON p.id = a.person_id "
              "WHERE a.username = 'cadre01'")
        .each(lease.sql(), [&](const soci::row& r) {
          unit = db::column_ll(r, 2);
          cadre_person = db::column_ll(r, 3);
        });
    db::Query("SELECT id, display_name FROM account WHERE username = 'unitadmin'").each(lease.sql(), [&](const soci::row& r) {
      admin.account_id = db::column_ll(r, 0);
      admin.username = "unitadmin";
      admin.display_name = r.get<std::string>(1);
    });
    if (!unit || !admin.account_id) return report;
    db::Query("SELECT id FROM person WHERE status = 'active' AND unit_id = ")
        .value(unit)
        .add(" AND id <> ")
        .value(cadre_person)
        .add(" ORDER BY id LIMIT 6")
        .each(lease.sql(), [&](const soci::row& r) { others.push_back(db::column_ll(r, 0)); });
  }
  admin.permissions = {kPermRead, kPermManage};
  admin.scope.all = true;
  SurveyService service(db, clock);
  SurveyInput in;
  in.org_node_id = unit;
  in.title = "青年理论学习小组学习效果问卷";
  in.description = "了解大家对本年度青年理论学习的评价和建议，匿名填写，约 2 分钟。";
  in.anonymous = true;
  in.questions = {
      {.id = "q1", .kind = "single", .title = "您参加本单位青年理论学习小组活动的频率", .required = true,
       .options = {{"o1", "每次都参加", ""}, {"o2", "经常参加", ""}, {"o3", "偶尔参加", ""}, {"o4", "从未参加", "q4"}}},
      {.id = "q2", .kind = "scale", .title = "您对学习活动的总体满意度", .required = true, .scale_min = 1, .scale_max = 5,
       .min_label = "很不满意", .max_label = "非常满意"},
      {.id = "q3", .kind = "multiple", .title = "您最喜欢的学习形式",
       .options = {{"o1", "专题辅导", ""}, {"o2", "交流研讨", ""}, {"o3", "现场教学", ""}, {"o4", "线上课程", ""}}},
      {.id = "q4", .kind = "text", .title = "对学习小组的意见和建议", .max_length = 300},
  };
  const long long id = service.create(admin, in).id;
  service.transition(admin, id, "publish");
  report.surveys = 1;
  const char* freq[] = {"o1", "o2", "o2", "o3", "o1", "o4"};
  const long long sat[] = {5, 4, 4, 3, 5, 0};
  for (std::size_t i = 0; i < others.size(); ++i) {
    Principal p;
    p.account_id = admin.account_id;
    p.person_id = others[i];
    std::vector<Answer> answers = {{.question_id = "q1", .option_ids = {freq[i]}}};
    if (std::string(freq[i]) != "o4") {
      answers.push_back({.question_id = "q2", .value = sat[i]});
      answers.push_back({.question_id = "q3", .option_ids = i % 2 ? std::vector<std::string>{"o1", "o3"} : std::vector<std::string>{"o2"}});
    }
    if (i == 1) answers.push_back({.question_id = "q4", .text = "希望多组织现场教学。"});
    service.respond(p, id, answers);
    ++report.responses;
  }
  return report;
}

}  // namespace xinhuo::evaluation::survey
