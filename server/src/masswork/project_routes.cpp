#include <climits>

#include "core/xlsx.hpp"
#include "masswork/routes.hpp"

namespace xinhuo::masswork {

namespace {

Json ids(const std::vector<long long>& list) {
  Json a = Json::array();
  for (auto id : list) a.push_back(id);
  return a;
}

Json opt_text(const std::string& v) { return v.empty() ? Json(nullptr) : Json(v); }

Json project_json(const Project& p) {
  Json updates = Json::array();
  for (const auto& u : p.updates)
    updates.push_back({{"kind", u.kind}, {"note", u.note}, {"person_name", u.person_name}, {"at", u.at}, {"photos", ids(u.photos)}});
  return {{"id", p.id}, {"org_node_id", p.org_node_id}, {"org_node_name", p.org_node_name}, {"title", p.title},
          {"category", p.category}, {"need", p.need}, {"budget_cap", p.budget_cap}, {"deadline", p.deadline}, {"status", p.status},
          {"claimer_person_id", p.claimer_person_id ? Json(p.claimer_person_id) : Json(nullptr)},
          {"claimer_name", opt_text(p.claimer_name)},
          {"claimer_team_id", p.claimer_team_id ? Json(p.claimer_team_id) : Json(nullptr)}, {"team_name", opt_text(p.team_name)},
          {"claimed_at", opt_text(p.claimed_at)}, {"done_note", opt_text(p.done_note)}, {"done_at", opt_text(p.done_at)},
          {"done_photos", ids(p.done_photos)}, {"satisfaction", p.satisfaction ? Json(p.satisfaction) : Json(nullptr)},
          {"rating_note", opt_text(p.rating_note)}, {"rated_at", opt_text(p.rated_at)}, {"closed_at", opt_text(p.closed_at)},
          {"overdue", p.overdue}, {"created_at", p.created_at}, {"updated_at", p.updated_at}, {"updates", updates}};
}

Json team_json(const Team& t) {
  Json members = Json::array();
  for (const auto& m : t.members)
    members.push_back({{"person_id", m.person_id}, {"name", m.name}, {"hours", static_cast<double>(m.tenths) / 10.0}});
  return {{"id", t.id}, {"org_node_id", t.org_node_id}, {"org_node_name", t.org_node_name}, {"name", t.name},
          {"leader_person_id", t.leader_person_id ? Json(t.leader_person_id) : Json(nullptr)}, {"leader_name", opt_text(t.leader_name)},
          {"members", members}, {"projects", t.projects}, {"created_at", t.created_at}};
}

template <class T, class F>
Json items(const std::vector<T>& list, F to_json) {
  Json a = Json::array();
  for (const auto& x : list) a.push_back(to_json(x));
  return a;
}

ProjectFilter filter_of(http::Request& req) {
  ProjectFilter f;
  f.node_id = req.query_int("node_id", 0, 0, 2000000000);
  f.status = req.query_param("status").value_or("");
  f.category = req.query_param("category").value_or("");
  f.overdue_only = req.query_param("overdue").value_or("") == "true";
  f.q = req.query_param("q").value_or("");
  if (f.q.size() > 100) throw Error::validation("q", {"查询内容过长", "The search text is too long"});
  f.page = req.query_int("page", 1, 1, 100000);
  f.page_size = req.query_int("page_size", 50, 1, 200);
  return f;
}

TeamInput team_of(http::Request& req, bool create) {
  Json body = req.json();
  JsonFields f(body);
  TeamInput t;
  if (create) t.org_node_id = f.required_int("org_node_id", 1, LLONG_MAX);
  t.name = f.required_string("name", 50);
  t.leader_person_id = f.optional_int("leader_person_id", 1, LLONG_MAX).value_or(0);
  t.member_ids = f.optional_id_list("member_ids", 100);
  f.finish();
  return t;
}

// {note, photos} of a progress update or the completion.
std::pair<std::string, std::vector<long long>> report_of(http::Request& req) {
  Json body = req.json();
  JsonFields f(body);
  std::string note = f.required_string("note", 2000);
  auto photos = f.optional_id_list("photos", 9);
  f.finish();
  return {note, photos};
}

}  // namespace

void add_project_routes(http::Router& router, ProjectService& projects) {
  router.add({.method = "GET", .pattern = "/api/v1/mass/projects", .tag = "mass",
              .summary = "Micro-projects of units in scope, nearest deadline first (node_id, status, category, overdue=true, q, page)",
              .permission = kPermRead},
             [&projects](http::Request& req) {
               const auto f = filter_of(req);
               long long total = 0;
               Json list = items(projects.list(req.principal, f, &total), project_json);
               return http::Response::json(200, {{"items", list}, {"total", total}, {"page", f.page}, {"page_size", f.page_size}});
             });
  router.add({.method = "GET", .pattern = "/api/v1/mass/projects/export", .tag = "mass",
              .summary = "The filtered micro-projects as an .xlsx file (audited)", .permission = kPermRead},
             [&projects](http::Request& req) {
               auto res = http::Response::text(200, projects.export_xlsx(req.principal, filter_of(req)), kXlsxContentType);
               res.set_header("Content-Disposition", "attachment; filename=\"projects.xlsx\"; "
                                                     "filename*=UTF-8''%E6%B0%91%E7%94%9F%E5%BE%AE%E9%A1%B9%E7%9B%AE.xlsx");
               return res;
             });
  router.add({.method = "POST", .pattern = "/api/v1/mass/projects", .tag = "mass",
              .summary = "Publish a micro-project of a unit in scope (org_node_id, title ≤ 50, category, need, budget_cap in "
                         "yuan, deadline not past)",
              .permission = kPermWrite, .creates = true},
             [&projects](http::Request& req) {
               Json body = req.json();
               JsonFields f(body);
               ProjectInput in;
               in.org_node_id = f.required_int("org_node_id", 1, LLONG_MAX);
               in.title = f.required_string("title", 50);
               in.category = f.required_string("category", 20);
               in.need = f.required_string("need", 1000);
               in.budget_cap = f.optional_int("budget_cap", -1, 100000000).value_or(0);
               in.deadline = f.required_string("deadline", 10);
               f.finish();
               return http::Response::json(201, project_json(projects.publish(req.principal, in)));
             });
  router.add({.method = "GET", .pattern = "/api/v1/mass/projects/{id}", .tag = "mass",
              .summary = "One micro-project with its updates", .permission = kPermRead},
             [&projects](http::Request& req) {
               return http::Response::json(200, project_json(projects.get(req.principal, req.id_param("id"))));
             });
  router.add({.method = "POST", .pattern = "/api/v1/mass/projects/{id}/rate", .tag = "mass",
              .summary = "Rate a done project (satisfaction 1–5, note): publishes mass.micro_project_completed for the "
                         "claimer (each member of a claiming team); 409 project_state unless done",
              .permission = kPermWrite},
             [&projects](http::Request& req) {
               const long long id = req.id_param("id");
               Json body = req.json();
               JsonFields f(body);
               const int satisfaction = static_cast<int>(f.required_int("satisfaction", 0, 100));
               const std::string note = f.optional_string("note", 500).value_or("");
               f.finish();
               return http::Response::json(200, project_json(projects.rate(req.principal, id, satisfaction, note)));
             });
  router.add({.method = "POST", .pattern = "/api/v1/mass/projects/{id}/close", .tag = "mass",
              .summary = "Close a rated project (or withdraw one nobody claimed); 409 project_state otherwise",
              .permission = kPermWrite},
             [&projects](http::Request& req) {
               return http::Response::json(200, project_json(projects.close(req.principal, req.id_param("id"))));
             });
  router.add({.method = "GET", .pattern = "/api/v1/mass/teams", .tag = "mass",
              .summary = "Youth service teams of units in scope with members and their service hours", .permission = kPermRead},
             [&projects](http::Request& req) {
               return http::Response::json(200, {{"items", items(projects.teams(req.principal), team_json)}});
             });
  router.add({.method = "POST", .pattern = "/api/v1/mass/teams", .tag = "mass",
              .summary = "Form a youth service team of a unit in scope (org_node_id, name, member_ids: people in scope, "
                         "leader_person_id: one of them)",
              .permission = kPermWrite, .creates = true},
             [&projects](http::Request& req) {
               return http::Response::json(201, team_json(projects.create_team(req.principal, team_of(req, true))));
             });
  router.add({.method = "PUT", .pattern = "/api/v1/mass/teams/{id}", .tag = "mass",
              .summary = "Change a team's name, leader and members", .permission = kPermWrite},
             [&projects](http::Request& req) {
               const long long id = req.id_param("id");
               return http::Response::json(200, team_json(projects.update_team(req.principal, id, team_of(req, false))));
             });
  router.add({.method = "POST", .pattern = "/api/v1/mass/teams/{id}/hours", .tag = "mass",
              .summary = "Record service hours of a member (person_id, hours 0.1–24, service_date, project_id: a project the "
                         "team claimed, note)",
              .permission = kPermWrite},
             [&projects](http::Request& req) {
               const long long id = req.id_param("id");
               Json body = req.json();
               // Hours come as a decimal (1.5); kept in tenths of an hour.
               const Json hours = body.is_object() && body.contains("hours") ? body["hours"] : Json();
               if (!hours.is_number() || hours.get<double>() < 0 || hours.get<double>() > 1000)
                 throw Error::validation("hours", {"请填写服务时长（小时）", "Give the hours"});
               const long long tenths = static_cast<long long>(hours.get<double>() * 10.0 + 0.5);
               body.erase("hours");
               JsonFields rest(body);
               const long long person = rest.required_int("person_id", 1, LLONG_MAX);
               const std::string date = rest.required_string("service_date", 10);
               const long long project = rest.optional_int("project_id", 1, LLONG_MAX).value_or(0);
               const std::string note = rest.optional_string("note", 200).value_or("");
               rest.finish();
               return http::Response::json(200, team_json(projects.add_hours(req.principal, id, person, project, tenths, date, note)));
             });

  router.add({.method = "GET", .pattern = "/api/v1/me/mass/projects", .tag = "mass",
              .summary = "The open board: published micro-projects of every unit (category, q)"},
             [&projects](http::Request& req) {
               return http::Response::json(200, {{"items", items(projects.board(req.principal, filter_of(req)), project_json)}});
             });
  router.add({.method = "GET", .pattern = "/api/v1/me/mass/claims", .tag = "mass",
              .summary = "Micro-projects I claimed, alone or with a team of mine"},
             [&projects](http::Request& req) {
               return http::Response::json(200, {{"items", items(projects.my_claims(req.principal), project_json)}});
             });
  router.add({.method = "GET", .pattern = "/api/v1/me/mass/teams", .tag = "mass", .summary = "The service teams I belong to"},
             [&projects](http::Request& req) {
               return http::Response::json(200, {{"items", items(projects.my_teams(req.principal), team_json)}});
             });
  router.add({.method = "GET", .pattern = "/api/v1/me/mass/projects/{id}", .tag = "mass",
              .summary = "A project on the open board, or one I claimed, with its updates"},
             [&projects](http::Request& req) {
               return http::Response::json(200, project_json(projects.my_project(req.principal, req.id_param("id"))));
             });
  router.add({.method = "POST", .pattern = "/api/v1/me/mass/projects/{id}/claim", .tag = "mass",
              .summary = "Claim a published project for myself or for a team of mine (team_id); one claimer: 409 "
                         "project_state when someone claimed it first"},
             [&projects](http::Request& req) {
               const long long id = req.id_param("id");
               Json body = req.json();
               JsonFields f(body);
               const long long team = f.optional_int("team_id", 1, LLONG_MAX).value_or(0);
               f.finish();
               return http::Response::json(200, project_json(projects.claim(req.principal, id, team)));
             });
  router.add({.method = "POST", .pattern = "/api/v1/me/mass/projects/{id}/progress", .tag = "mass",
              .summary = "Report progress on a project I claimed (note, photos)"},
             [&projects](http::Request& req) {
               const long long id = req.id_param("id");
               auto [note, photos] = report_of(req);
               return http::Response::json(200, project_json(projects.progress(req.principal, id, note, photos)));
             });
  router.add({.method = "POST", .pattern = "/api/v1/me/mass/projects/{id}/done", .tag = "mass",
              .summary = "Mark a project I claimed done (note, photos: at least one); the publisher rates it next"},
             [&projects](http::Request& req) {
               const long long id = req.id_param("id");
               auto [note, photos] = report_of(req);
               return http::Response::json(200, project_json(projects.done(req.principal, id, note, photos)));
             });
}

}  // namespace xinhuo::masswork
