#include "oversight/demo.hpp"

#include "db/query.hpp"
#include "oversight/case_service.hpp"
#include "oversight/policy_service.hpp"
#include "oversight/service.hpp"

namespace xinhuo::oversight {

namespace {

std::optional<Principal> principal_of(soci::session& sql, const std::string& username, bool manager) {
  std::optional<Principal> out;
  db::Query("SELECT id, COALESCE(person_id, 0), display_name FROM account WHERE username = ").value(username).each(sql, [&](const soci::row& r) {
    Principal p;
    p.account_id = db::column_ll(r, 0);
    p.person_id = manager ? 0 : db::column_ll(r, 1);
    p.username = username;
    p.display_name = r.get<std::string>(2);
    if (manager) {
      p.permissions = {kPermRead, kPermWrite};
      p.scope.all = true;
    } else {
      p.permissions = {"self.read"};
      p.scope.self = true;
    }
    out = p;
  });
  return out;
}

}  // namespace

DemoOversightReport seed_demo_oversight(db::Database& db, const Clock& clock) {
  DemoOversightReport report;
  std::optional<Principal> admin, cadre, cadre2;
  long long unit = 0;
  {
    auto lease = db.lease();
    if (db::Query("SELECT COUNT(*) FROM tolerance_case").count(lease.sql()) > 0) return report;
    admin = principal_of(lease.sql(), "admin", true);
    cadre = principal_of(lease.sql(), "cadre01", false);
    cadre2 = principal_of(lease.sql(), "cadre02", false);
    if (cadre && cadre->person_id)
      unit = db::Query("SELECT unit_id FROM person WHERE id = ").value(cadre->person_id).count(lease.sql());
  }
  if (!admin || !cadre || !cadre2 || !cadre->person_id || !cadre2->person_id || !unit) return report;
  const TimePoint now = clock.now();
  const Date today = *parse_date(beijing_date(now));
  auto day = [&](int offset) { return format_date(today + std::chrono::days(offset)); };
  ManualClock past(now - std::chrono::hours(24 * 6));  // a week ago: the overdue case and the older steps
  CaseService old_cases(db, past), cases(db, clock);

  // Past its review deadline: submitted six days ago and not reviewed.
  old_cases.apply(*cadre2, {.title = "应急采购程序简化的容错申请",
                            .facts = "台风过境后校舍受损，为保障按期复课，经分管领导同意采用简化程序采购维修材料。",
                            .decision_taken = "以询价方式代替公开招标，采购金额 38 万元。",
                            .basis = "《政府采购法》关于紧急采购的规定及局党委会议纪要。",
                            .loss = "采购单价较市场均价高约 4%。", .remedy = "已与供应商协商退还差价并补办备案手续。"});
  ++report.cases;
  // A tolerated case: decided, notified, with a correction plan (one item done) and published to the library.
  const long long ok = old_cases.apply(*cadre, {.title = "课后服务试点经费先行垫付的容错申请",
      .facts = "为推进课后服务试点，在专项经费下达前先行从公用经费中垫付教师补助。",
      .decision_taken = "经处室集体研究后垫付 12 万元，并报局领导同意。",
      .basis = "市委关于推进“双减”工作的实施意见；局长办公会议纪要。",
      .loss = "造成公用经费短期占用，未造成资金损失。", .remedy = "专项经费到位后已全额归垫。"}).id;
  old_cases.review(*admin, ok, true, "材料齐全，予以受理。");
  old_cases.note(*admin, ok, "经调取会议纪要和资金流水核实，垫付资金已全额归垫，无个人谋利。");
  cases.decide(*admin, ok, {.outcome = "tolerated", .votes_for = 6, .votes_against = 0, .votes_abstain = 1,
                            .distinctions = {"experiment", "public_interest"},
                            .reasons = "属于推动改革中的先行先试，决策程序基本规范，出于公心且未谋取私利，及时纠正未造成损失。"});
  cases.add_correction(*admin, ok, "完善经费垫付审批流程，形成制度文件", day(20));
  const auto with_item = cases.add_correction(*admin, ok, "向局党委作出书面说明", day(5));
  cases.notify(*admin, ok, "经集体研究，予以容错免责。");
  for (const auto& k : with_item.corrections)
    if (k.content == "向局党委作出书面说明") cases.finish_correction(*admin, ok, k.id, "已于局党委会上作书面说明。");
  const auto draft = cases.draft(*admin, ok);
  cases.publish(*admin, ok, "经费先行垫付推动课后服务试点案", draft.body);
  ++report.cases;
  // Under investigation: a risky decision filed in advance.
  const long long filed = cases.apply(*cadre, {.case_kind = "advance_filing", .title = "校园食堂引入第三方托管的容错报备",
      .facts = "拟在 3 所学校试行食堂第三方托管，相关规定尚不明确。",
      .decision_taken = "经局党委会研究，拟先行试点一学期。", .basis = "省教育厅关于学校食堂管理改革的指导意见。",
      .loss = "可能出现托管服务质量不达标的风险。", .remedy = "设置退出条款，每月组织满意度测评。"}).id;
  cases.review(*admin, filed, true, "");
  ++report.cases;
  // Declined at the initial review.
  const long long no = cases.apply(*cadre2, {.title = "未按期报送统计数据的容错申请",
      .facts = "因个人疏忽，未按期报送季度统计数据。", .decision_taken = "未采取特别措施", .basis = "无明确依据",
      .loss = "影响全市数据汇总一天。", .remedy = "已补报。"}).id;
  cases.review(*admin, no, false, "属于工作疏忽，不属于容错纠错的适用情形。");
  ++report.cases;

  OversightService oversight(db, clock);
  oversight.record_accountability(*admin, {.person_id = cadre2->person_id, .form = "admonition",
                                           .reason = "在校舍安全检查中履职不到位，未及时发现隐患。", .document_no = "教党〔2026〕12号",
                                           .decided_on = day(-40), .effective_from = day(-40)});
  oversight.record_clarification(*admin, {.person_id = cadre->person_id, .complaint = "反映其在招生工作中为亲属违规办理入学。",
                                          .finding = "经核查，所反映问题不属实，相关学生按正常程序入学。",
                                          .clarified_on = day(-30), .announcement_scope = "局机关全体干部会议"});
  OversightService old_oversight(db, past);
  const auto insp = old_oversight.create_inspection(*admin, {.topic = "校园安全专项督查",
      .description = "督查校舍安全、食品安全和消防安全责任落实情况。", .start_date = day(-6), .end_date = day(30),
      .node_ids = {unit}});
  old_oversight.add_finding(*admin, insp.id, {.unit_id = unit, .content = "部分学校消防通道堆放杂物。",
                                              .requirement = "立即清理并建立每日巡查制度。", .due_date = day(-2)});
  const auto f2 = old_oversight.add_finding(*admin, insp.id, {.unit_id = unit, .person_id = cadre2->person_id,
      .content = "食堂从业人员健康证登记不全。", .requirement = "一周内完成补登并报备。", .due_date = day(1)});
  oversight.follow_up(*admin, f2.id, "已补登 80%，剩余人员本周内完成。", false);
  oversight.add_finding(*admin, insp.id, {.unit_id = unit, .content = "安全台账更新不及时。", .requirement = "按月更新台账。",
                                          .due_date = day(15)});
  report.findings = 3;

  PolicyService policies(db, clock);
  struct P {
    const char *title, *category, *issuer, *number, *from, *to, *body;
  };
  const P docs[] = {
      {"关于进一步激励广大干部新时代新担当新作为的实施意见", "core", "中共市委办公厅", "市委办〔2024〕18号", "2024-03-01", "",
       "为深入贯彻落实中央《关于进一步激励广大干部新时代新担当新作为的意见》，建立健全激励保障机制，现提出如下实施意见：一、树立鲜明用人导向……"},
      {"干部容错纠错实施办法", "tolerance", "中共市纪委 市委组织部", "市纪〔2024〕7号", "2024-05-01", "",
       "坚持“三个区分开来”，对干部在改革创新中的失误错误予以容错……申请、初审、调查核实、集体研究、结果反馈、纠错整改。"},
      {"关于推进领导干部能上能下的实施细则", "promotion", "中共市委组织部", "市组通〔2023〕21号", "2023-09-01", "",
       "对不适宜担任现职的领导干部进行组织调整……"},
      {"关心关爱基层干部十条措施", "care", "中共市委组织部", "市组通〔2024〕9号", "2024-01-15", "2026-12-31",
       "落实带薪年休假制度，定期组织健康体检，关心干部家庭困难……"},
      {"年度表彰奖励办法（试行）", "reward", "市人力资源和社会保障局", "市人社发〔2022〕3号", "2022-01-01", "2024-12-31",
       "对在重大任务中表现突出的干部及时给予表彰奖励……（已失效）"},
  };
  for (const auto& d : docs) {
    PolicyDoc p;
    p.title = d.title;
    p.category = d.category;
    p.issuer = d.issuer;
    p.doc_number = d.number;
    p.effective_from = d.from;
    p.effective_to = d.to;
    p.body = d.body;
    policies.create(*admin, p);
    ++report.policies;
  }
  return report;
}

}  // namespace xinhuo::oversight
