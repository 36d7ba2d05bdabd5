#include "evaluation/demo.hpp"

#include "db/query.hpp"
#include "evaluation/campaign_service.hpp"

namespace xinhuo::evaluation {

namespace {

struct DemoAccount {
  Principal principal;
  long long unit_id = 0;
};

std::optional<DemoAccount> account(soci::session& sql, const std::string& username) {
  std::optional<DemoAccount> out;
  db::Query("SELECT a.id, COALESCE(a.person_id, 0), a.display_name, COALESCE(p.unit_id, 0) FROM account a "
            "LEFT JOIN person p ON p.id = a.person_id WHERE a.username = ")
      .value(username)
      .each(sql, [&](const soci::row& r) {
        DemoAccount d;
        d.principal.account_id = db::column_ll(r, 0);
        d.principal.person_id = db::column_ll(r, 1);
        d.principal.username = username;
        d.principal.display_name = r.get<std::string>(2);
        d.principal.permissions = {kPermRead, kPermManage};
        d.principal.scope.all = true;
        d.unit_id = db::column_ll(r, 3);
        out = d;
      });
  return out;
}

}  // namespace

DemoEvaluationReport seed_demo_evaluation(db::Database& db, const Clock& clock) {
  DemoEvaluationReport report;
  std::optional<DemoAccount> admin, cadre, secretary;
  std::vector<long long> colleagues;
  {
    auto lease = db.lease();
    if (db::Query("SELECT COUNT(*) FROM evaluation_campaign").count(lease.sql()) > 0) return report;
    admin = account(lease.sql(), "unitadmin");
    cadre = account(lease.sql(), "cadre01");
    secretary = account(lease.sql(), "secretary");
    if (!admin || !cadre || !secretary || !admin->principal.person_id || !cadre->principal.person_id ||
        !secretary->principal.person_id)
      return report;
    db::Query q("SELECT id FROM person WHERE status = 'active' AND unit_id = ");
    q.value(cadre->unit_id).add(" AND id NOT IN (").value(cadre->principal.person_id).add(", ").value(admin->principal.person_id);
    q.add(", ").value(secretary->principal.person_id).add(") ORDER BY id LIMIT 5");
    q.each(lease.sql(), [&](const soci::row& r) { colleagues.push_back(db::column_ll(r, 0)); });
  }
  if (colleagues.size() < 4) return report;
  CampaignService service(db, clock);
  const Principal& org = admin->principal;
  const long long head = admin->principal.person_id, leader = cadre->principal.person_id;
  Principal head_rater = org;  // the unit head rates as themselves: their person is the assigned rater

  // Earlier, published: cadre01 among the rated, the secretary their line leader.
  {
    CampaignInput in{.kind = "dual_ranking", .title = "上半年干部“双对双排”", .org_node_id = cadre->unit_id,
                     .settings = {{"top_count", 1}, {"bottom_count", 1}}};
    std::vector<long long> rated = {leader, colleagues[0], colleagues[1], colleagues[2]};
    in.lines.push_back({.name = "综合业务条线", .leader_id = secretary->principal.person_id, .ratee_ids = rated});
    in.unit_heads.push_back({.unit_id = cadre->unit_id, .head_id = head});
    const long long id = service.create(org, in).id;
    service.transition(org, id, "open");
    service.rate(secretary->principal, id, "line", {{rated[0], 93, 1}, {rated[1], 88, 2}, {rated[2], 85, 3}, {rated[3], 80, 4}});
    service.rate(head_rater, id, "unit", {{rated[0], 90, 2}, {rated[1], 92, 1}, {rated[2], 84, 3}, {rated[3], 78, 4}});
    service.transition(org, id, "close");
    service.transition(org, id, "publish");
    report.campaigns++;
    report.ratings += 8;
  }
  // Last year's annual assessment, published: cadre01 优秀 (the one place 20 % of them allows), the others 称职.
  {
    CampaignInput in{.kind = "annual", .title = "年度考核（上一年度）", .org_node_id = cadre->unit_id};
    in.ratee_ids = {leader};
    in.ratee_ids.insert(in.ratee_ids.end(), colleagues.begin(), colleagues.end());
    const long long id = service.create(org, in).id;
    service.transition(org, id, "open");
    for (long long person : in.ratee_ids) service.set_grade(org, id, person, person == leader ? "excellent" : "competent");
    service.transition(org, id, "close");
    service.transition(org, id, "publish");
    report.campaigns++;
  }
  // Open now: cadre01 leads the line of five colleagues and has not rated yet; the unit head has.
  {
    CampaignInput in{.kind = "dual_ranking", .title = "年度干部“双对双排”考核", .org_node_id = cadre->unit_id,
                     .settings = {{"top_count", 1}, {"bottom_count", 1}}};
    in.lines.push_back({.name = "教育业务条线", .leader_id = leader, .ratee_ids = colleagues});
    in.unit_heads.push_back({.unit_id = cadre->unit_id, .head_id = head});
    const long long id = service.create(org, in).id;
    service.transition(org, id, "open");
    std::vector<RatingItem> items;
    const int scores[] = {86, 91, 78, 88, 83};
    const int ranks[] = {3, 1, 5, 2, 4};
    for (std::size_t i = 0; i < colleagues.size(); ++i) items.push_back({colleagues[i], scores[i], ranks[i]});
    service.rate(head_rater, id, "unit", items);
    report.campaigns++;
    report.ratings += static_cast<long long>(items.size());
  }
  return report;
}

}  // namespace xinhuo::evaluation
