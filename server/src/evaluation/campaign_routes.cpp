#include "evaluation/campaign_routes.hpp"

#include <climits>

#include "core/xlsx.hpp"

namespace xinhuo::evaluation {

namespace {

Json opt_text(const std::string& v) { return v.empty() ? Json(nullptr) : Json(v); }

Json campaign_json(const Campaign& c) {
  return {{"id", c.id}, {"kind", c.kind}, {"title", c.title}, {"state", c.state}, {"org_node_id", c.org_node_id},
          {"org_name", c.org_name}, {"settings", c.settings}, {"ratees", c.ratees}, {"assignments", c.assignments},
          {"rated", c.rated}, {"created_at", c.created_at}, {"updated_at", c.updated_at}, {"opened_at", opt_text(c.opened_at)},
          {"closed_at", opt_text(c.closed_at)}, {"published_at", opt_text(c.published_at)}};
}

Json assignment_json(const Assignment& a) {
  return {{"id", a.id}, {"ratee_id", a.ratee}, {"ratee_name", a.ratee_name}, {"rater_id", a.rater}, {"rater_name", a.rater_name},
          {"role", a.role}, {"rated", a.rated}};
}

CampaignInput campaign_of(http::Request& req) {
  Json body = req.json();
  JsonFields f(body);
  CampaignInput in;
  in.kind = f.required_string("kind", 20);
  in.title = f.required_string("title", 100);
  in.org_node_id = f.required_int("org_node_id", 1, LLONG_MAX);
  if (body.contains("settings")) in.settings = f.required_object("settings");
  in.ratee_ids = f.optional_id_list("ratee_ids", 1000);
  if (body.contains("lines")) {
    const Json& lines = f.required_array("lines");
    for (std::size_t i = 0; i < lines.size(); ++i) {
      JsonFields l(lines[i], "lines[" + std::to_string(i) + "].");
      LineInput line;
      line.name = l.required_string("name", 50);
      line.leader_id = l.required_int("leader_id", 1, LLONG_MAX);
      line.ratee_ids = l.optional_id_list("ratee_ids", 1000);
      l.finish();
      in.lines.push_back(line);
    }
  }
  if (body.contains("unit_heads")) {
    const Json& heads = f.required_array("unit_heads");
    for (std::size_t i = 0; i < heads.size(); ++i) {
      JsonFields h(heads[i], "unit_heads[" + std::to_string(i) + "].");
      in.unit_heads.push_back({.unit_id = h.required_int("unit_id", 1, LLONG_MAX), .head_id = h.required_int("head_id", 1, LLONG_MAX)});
      h.finish();
    }
  }
  f.finish();
  return in;
}

}  // namespace

void add_campaign_routes(http::Router& router, CampaignService& service) {
  const std::string base = "/api/v1/evaluation/campaigns";
  router.add({.method = "POST", .pattern = base, .tag = "evaluation",
              .summary = "Create a campaign (kind dual_ranking | multi_source | annual, title, org_node_id in scope, settings, "
                         "ratee_ids; dual_ranking: lines [{name, leader_id, ratee_ids}] and unit_heads [{unit_id, head_id}] "
                         "from which each cadre is assigned their line leader and unit head); a draft",
              .permission = kPermManage, .creates = true},
             [&service](http::Request& req) { return http::Response::json(201, campaign_json(service.create(req.principal, campaign_of(req)))); });
  router.add({.method = "GET", .pattern = base, .tag = "evaluation", .summary = "Campaigns in scope, newest first (kind, state)",
              .permission = kPermRead},
             [&service](http::Request& req) {
               Json items = Json::array();
               for (const auto& c : service.list(req.principal, req.query_param("kind").value_or(""), req.query_param("state").value_or("")))
                 items.push_back(campaign_json(c));
               return http::Response::json(200, {{"items", items}});
             });
  router.add({.method = "GET", .pattern = base + "/{id}", .tag = "evaluation", .summary = "One campaign", .permission = kPermRead},
             [&service](http::Request& req) { return http::Response::json(200, campaign_json(service.get(req.principal, req.id_param("id")))); });
  router.add({.method = "PUT", .pattern = base + "/{id}", .tag = "evaluation",
              .summary = "Change a draft's title and settings; 409 campaign_state once opened", .permission = kPermManage},
             [&service](http::Request& req) {
               const long long id = req.id_param("id");
               Json body = req.json();
               JsonFields f(body);
               const std::string title = f.required_string("title", 100);
               const Json settings = f.required_object("settings");
               f.finish();
               return http::Response::json(200, campaign_json(service.update(req.principal, id, title, settings)));
             });
  for (const std::string action : {"open", "close", "publish"}) {
    router.add({.method = "POST", .pattern = base + "/{id}/" + action, .tag = "evaluation",
                .summary = "Campaign " + action + " (draft → open → closed → published); 409 campaign_state out of order",
                .permission = kPermManage},
               [&service, action](http::Request& req) {
                 return http::Response::json(200, campaign_json(service.transition(req.principal, req.id_param("id"), action)));
               });
  }
  router.add({.method = "GET", .pattern = base + "/{id}/assignments", .tag = "evaluation",
              .summary = "Who rates whom in which role, with the has-rated marker", .permission = kPermRead},
             [&service](http::Request& req) {
               Json items = Json::array();
               for (const auto& a : service.assignments(req.principal, req.id_param("id"))) items.push_back(assignment_json(a));
               return http::Response::json(200, {{"items", items}});
             });
  router.add({.method = "POST", .pattern = base + "/{id}/assignments", .tag = "evaluation",
              .summary = "Assign a rater to a ratee in a role ({ratee_id, rater_id, role: line | unit | a group's code}); "
                         "line and unit replace the current one; drafts only",
              .permission = kPermManage},
             [&service](http::Request& req) {
               const long long id = req.id_param("id");
               Json body = req.json();
               JsonFields f(body);
               const long long ratee = f.required_int("ratee_id", 1, LLONG_MAX), rater = f.required_int("rater_id", 1, LLONG_MAX);
               const std::string role = f.required_string("role", 20);
               f.finish();
               return http::Response::json(200, assignment_json(service.assign(req.principal, id, ratee, rater, role)));
             });
  router.add({.method = "DELETE", .pattern = base + "/{id}/assignments/{assignment_id}", .tag = "evaluation",
              .summary = "Remove an assignment of a draft", .permission = kPermManage},
             [&service](http::Request& req) {
               service.unassign(req.principal, req.id_param("id"), req.id_param("assignment_id"));
               return http::Response::no_content();
             });
  router.add({.method = "GET", .pattern = base + "/{id}/progress", .tag = "evaluation",
              .summary = "Each rater's lists rated and outstanding, and the reminders sent", .permission = kPermRead},
             [&service](http::Request& req) { return http::Response::json(200, service.progress(req.principal, req.id_param("id"))); });
  router.add({.method = "POST", .pattern = base + "/{id}/reminders", .tag = "evaluation",
              .summary = "Record a reminder to raters with ratings outstanding ({rater_ids}: these only); no message is sent",
              .permission = kPermManage},
             [&service](http::Request& req) {
               const long long id = req.id_param("id");
               Json body = req.body.empty() ? Json::object() : req.json();
               JsonFields f(body);
               const auto raters = f.optional_id_list("rater_ids", 1000);
               f.finish();
               return http::Response::json(200, service.remind(req.principal, id, raters));
             });
  router.add({.method = "GET", .pattern = base + "/{id}/results", .tag = "evaluation",
              .summary = "Results: 双对双排 scores, ranks, normalised and combined scores, flags and rater leniency; 立体化 "
                         "group means (small anonymous groups folded or suppressed) and evidence; annual grades and quotas",
              .permission = kPermRead},
             [&service](http::Request& req) { return http::Response::json(200, service.results(req.principal, req.id_param("id"))); });
  router.add({.method = "GET", .pattern = base + "/{id}/results/export", .tag = "evaluation",
              .summary = "The results as an .xlsx file (audited)", .permission = kPermRead},
             [&service](http::Request& req) {
               auto res = http::Response::text(200, service.export_xlsx(req.principal, req.id_param("id")), kXlsxContentType);
               res.set_header("Content-Disposition",
                              "attachment; filename=\"evaluation.xlsx\"; filename*=UTF-8''%E8%AF%84%E4%BB%B7%E7%BB%93%E6%9E%9C.xlsx");
               return res;
             });
  router.add({.method = "POST", .pattern = base + "/{id}/evidence", .tag = "evaluation",
              .summary = "Attach evidence to a ratee ({ratee_id, kind: inspection | competition | record | other, ref, note})",
              .permission = kPermManage, .creates = true},
             [&service](http::Request& req) {
               const long long id = req.id_param("id");
               Json body = req.json();
               JsonFields f(body);
               const long long ratee = f.required_int("ratee_id", 1, LLONG_MAX);
               const std::string kind = f.required_string("kind", 20);
               const std::string ref = f.optional_string("ref", 100).value_or("");
               const std::string note = f.required_string("note", 1000);
               f.finish();
               return http::Response::json(201, {{"id", service.add_evidence(req.principal, id, ratee, kind, ref, note)}});
             });
  router.add({.method = "PUT", .pattern = base + "/{id}/grades/{person_id}", .tag = "evaluation",
              .summary = "Annual: set a ratee's grade ({grade: excellent | competent | basically_competent | incompetent | "
                         "null}); 409 excellent_quota past the unit's 优秀 quota",
              .permission = kPermManage},
             [&service](http::Request& req) {
               const long long id = req.id_param("id"), person = req.id_param("person_id");
               Json body = req.json();
               if (!body.is_object() || !body.contains("grade")) throw Error::validation("grade", {"请选择等次", "Give the grade"});
               const Json grade = body["grade"];
               if (body.size() != 1 || !(grade.is_null() || grade.is_string()))
                 throw Error::validation("grade", {"等次格式不正确", "grade is a string or null"});
               return http::Response::json(200, service.set_grade(req.principal, id, person, grade.is_null() ? "" : grade.get<std::string>()));
             });

  // The rater's side: whoever the campaign assigns (checked by the service), on the phone or PC.
  router.add({.method = "GET", .pattern = "/api/v1/me/evaluation/tasks", .tag = "evaluation",
              .summary = "My rating lists in open campaigns, with how many I have rated"},
             [&service](http::Request& req) { return http::Response::json(200, service.my_tasks(req.principal)); });
  router.add({.method = "GET", .pattern = "/api/v1/me/evaluation/tasks/{id}", .tag = "evaluation",
              .summary = "My lists of one open campaign, each in my last order; 404 when I rate nothing in it"},
             [&service](http::Request& req) { return http::Response::json(200, service.my_task(req.principal, req.id_param("id"))); });
  router.add({.method = "PUT", .pattern = "/api/v1/me/evaluation/tasks/{id}/ratings", .tag = "evaluation",
              .summary = "Rate one of my lists ({role, items: [{ratee_id, score 0–100, rank}]}); 双对双排: the whole list, "
                         "ranks 1..n — 400 rank_tie for a tie; an anonymous group's score once, stored without me"},
             [&service](http::Request& req) {
               const long long id = req.id_param("id");
               Json body = req.json();
               JsonFields f(body);
               const std::string role = f.required_string("role", 20);
               const Json& list = f.required_array("items");
               if (list.empty() || list.size() > 1000) throw Error::validation("items", {"请提交评分", "Give the ratings"});
               std::vector<RatingItem> items;
               for (std::size_t i = 0; i < list.size(); ++i) {
                 JsonFields it(list[i], "items[" + std::to_string(i) + "].");
                 RatingItem item;
                 item.ratee_id = it.required_int("ratee_id", 1, LLONG_MAX);
                 item.score = static_cast<int>(it.required_int("score", 0, 100));
                 item.rank = static_cast<int>(it.optional_int("rank", 0, 100000).value_or(0));
                 it.finish();
                 items.push_back(item);
               }
               f.finish();
               return http::Response::json(200, service.rate(req.principal, id, role, items));
             });
  router.add({.method = "GET", .pattern = "/api/v1/me/evaluation/results", .tag = "evaluation",
              .summary = "My own results of published campaigns that show them to me"},
             [&service](http::Request& req) { return http::Response::json(200, service.my_results(req.principal)); });
}

}  // namespace xinhuo::evaluation
