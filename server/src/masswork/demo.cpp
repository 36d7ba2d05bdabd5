#include "masswork/demo.hpp"

#include "core/date.hpp"
#include "db/query.hpp"
#include "masswork/project_service.hpp"
#include "masswork/service.hpp"

namespace xinhuo::masswork {

namespace {

// The account as the service sees it: its person, and the whole city as its scope for a manager.
std::optional<Principal> principal_of(soci::session& sql, const std::string& username, bool manager) {
  std::optional<Principal> out;
  db::Query("SELECT id, COALESCE(person_id, 0), display_name FROM account WHERE username = ").value(username).each(sql, [&](const soci::row& r) {
    Principal p;
    p.account_id = db::column_ll(r, 0);
    p.person_id = db::column_ll(r, 1);
    p.username = username;
    p.display_name = r.get<std::string>(2);
    if (manager) {
      p.permissions = {kPermRead, kPermWrite};
      p.scope.all = true;
    } else {
      p.scope.self = true;
    }
    out = p;
  });
  return out;
}

}  // namespace

DemoMassReport seed_demo_masswork(db::Database& db, const Clock& clock, const FieldCipher& cipher) {
  DemoMassReport report;
  std::optional<Principal> admin, cadre, cadre2;
  long long unit = 0;
  {
    auto lease = db.lease();
    if (db::Query("SELECT COUNT(*) FROM mass_contact_point").count(lease.sql()) > 0) return report;
    admin = principal_of(lease.sql(), "unitadmin", true);
    cadre = principal_of(lease.sql(), "cadre01", false);
    cadre2 = principal_of(lease.sql(), "cadre02", false);
    if (cadre && cadre->person_id)
      unit = db::Query("SELECT unit_id FROM person WHERE id = ").value(cadre->person_id).count(lease.sql());
  }
  if (!admin || !cadre || !cadre2 || !cadre->person_id || !cadre2->person_id || !unit) return report;
  MassService mass(db, clock, cipher);
  ProjectService projects(db, clock);
  const Date today = *parse_date(beijing_date(clock.now()));
  auto day = [&](int offset) { return format_date(today + std::chrono::days(offset)); };
  const long long c1 = cadre->person_id, c2 = cadre2->person_id;

  const long long east = mass.create_point(*admin, {.org_node_id = unit, .name = "东湖社区联系点", .area = "东湖街道东湖社区",
                                                    .note = "每月第一个周五集中走访"}).id;
  const long long west = mass.create_point(*admin, {.org_node_id = unit, .name = "西溪村联系点", .area = "西溪镇西溪村"}).id;
  report.contact_points = 2;
  struct H {
    long long point;
    const char* head;
    const char* area;
    const char* phone;
    const char* needs;
    std::vector<long long> cadres;
  };
  const std::vector<H> homes = {
      {east, "周桂英", "东湖社区 3 幢 2 单元 101 室", "13805741234", "独居老人，行动不便，需要定期代购药品", {c1}},
      {east, "陈建国", "东湖社区 7 幢 1 单元 502 室", "", "子女在外地，希望有人帮忙申请居家养老服务", {c1, c2}},
      {east, "吴小燕", "东湖社区 12 幢 301 室", "0574-87651234", "孩子上初中，咨询课后托管和助学政策", {c1}},
      {west, "郑阿根", "西溪村 5 组 18 号", "", "种植户，希望了解农产品电商销售渠道", {c2}},
  };
  std::vector<long long> ids;
  for (const auto& h : homes) {
    ids.push_back(mass.create_household(*admin, {.contact_point_id = h.point, .head_name = h.head, .area = h.area, .phone = h.phone,
                                                 .needs = h.needs, .cadre_ids = h.cadres}).id);
    ++report.households;
  }
  auto visit = [&](const Principal& who, long long household, int when, const char* learned, const char* done) {
    mass.log_visit(who, {.household_id = household, .visit_date = day(when), .learned = learned, .done = done,
                         .client_key = "demo-" + std::to_string(household) + "-" + std::to_string(-when)});
    ++report.visits;
  };
  visit(*cadre, ids[0], -20, "老人腿脚不便，降压药快吃完了", "代购降压药两盒，联系社区医生上门随访");
  visit(*cadre, ids[0], -3, "身体状况平稳，希望安装扶手", "已向社区反映适老化改造需求");
  visit(*cadre, ids[1], -10, "子女在外地工作，老人白天独自在家", "协助在线申请居家养老服务");
  visit(*cadre2, ids[3], -6, "今年柑橘丰收，销路不畅", "对接镇电商服务站，约定下周上门培训");

  const long long team = projects.create_team(*admin, {.org_node_id = unit, .leader_person_id = c1, .name = "“薪火”青年服务队",
                                                       .member_ids = {c1, c2}}).id;
  report.teams = 1;
  auto publish = [&](const char* title, const char* category, const char* need, long long budget, int deadline) {
    ++report.projects;
    return projects.publish(*admin, {.org_node_id = unit, .title = title, .category = category, .need = need,
                                     .deadline = day(deadline), .budget_cap = budget}).id;
  };
  publish("为独居老人安装楼道扶手", "elderly", "东湖社区 3 幢老人上下楼不便，希望在楼道安装扶手", 2000, 30);
  publish("留守儿童暑期读书角", "children", "西溪村需要一个图书角和每周两次的作业辅导志愿者", 1500, 45);
  publish("小区垃圾分类宣传", "environment", "东湖社区部分居民对垃圾分类规则不熟悉，需要上门宣传", 300, 14);
  const long long overdue = publish("微心愿：一台收音机", "wish", "周桂英老人希望有一台收音机听戏曲", 150, 0);
  {
    auto lease = db.lease();  // a need whose deadline passed with nobody claiming it, shown as overdue
    db::Query("UPDATE mass_project SET deadline = ").value(day(-3)).add(" WHERE id = ").value(overdue).run(lease.sql());
  }
  const long long claimed = publish("农产品直播带货培训", "employment", "西溪村种植户希望学习直播销售", 800, 20);
  projects.claim(*cadre2, claimed, 0);
  projects.progress(*cadre2, claimed, "已联系镇电商服务站，确定培训时间", {});
  const long long rated = publish("社区老年人智能手机课堂", "elderly", "老年人不会用手机挂号、视频通话", 500, 10);
  projects.claim(*cadre, rated, team);
  // Completion needs a photo; the demo has no uploads, so it is recorded directly as the done state.
  {
    db::Tx tx(db);
    ProjectStore::done(tx, rated, "开设 4 次课堂，32 位老人学会手机挂号和视频通话", {}, iso_utc(clock.now()));
    ProjectStore::add_update(tx, rated, c1, "done", "开设 4 次课堂，32 位老人学会手机挂号和视频通话", {}, iso_utc(clock.now()));
    tx.commit();
  }
  projects.rate(*admin, rated, 5, "老人们反映很实用");
  projects.add_hours(*admin, team, c1, rated, 80, day(-2), "授课 4 次");
  projects.add_hours(*admin, team, c2, rated, 60, day(-2), "课堂助教");
  const long long waiting = publish("楼道灯维修", "other", "东湖社区 7 幢楼道灯坏了两个月", 200, 7);
  projects.claim(*cadre, waiting, 0);
  {
    db::Tx tx(db);
    ProjectStore::done(tx, waiting, "已联系物业更换 6 盏感应灯", {}, iso_utc(clock.now()));
    ProjectStore::add_update(tx, waiting, c1, "done", "已联系物业更换 6 盏感应灯", {}, iso_utc(clock.now()));
    tx.commit();
  }
  return report;
}

}  // namespace xinhuo::masswork
