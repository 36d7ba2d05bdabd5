#include "study/group_routes.hpp"

#include <climits>

namespace xinhuo::study {

namespace {

Json group_json(const StudyGroup& g, bool with_members) {
  Json j = {{"id", g.id},
            {"unit_id", g.unit_id},
            {"unit_name", g.unit_name},
            {"name", g.name},
            {"leader_person_id", g.leader_person_id ? Json(g.leader_person_id) : Json(nullptr)},
            {"leader_name", g.leader_name.empty() ? Json(nullptr) : Json(g.leader_name)},
            {"status", g.status},
            {"created_at", g.created_at},
            {"member_count", g.member_count}};
  if (with_members) {
    Json members = Json::array();
    for (const auto& m : g.members)
      members.push_back({{"person_id", m.person_id}, {"name", m.name}, {"rank", m.rank}, {"unit_name", m.unit_name},
                         {"joined_at", m.joined_at}, {"young_cadre", m.young_cadre}});
    j["members"] = members;
  }
  return j;
}

GroupInput group_input(http::Request& req, bool creating) {
  Json body = req.json();
  JsonFields f(body);
  GroupInput in;
  if (creating) in.unit_id = f.required_int("unit_id", 1, LLONG_MAX);
  in.name = f.required_string("name", 60);
  in.leader_person_id = f.optional_int("leader_person_id", 1, LLONG_MAX).value_or(0);
  f.finish();
  return in;
}

Json rate(int part, int whole) { return whole ? Json(static_cast<double>(part) / whole) : Json(nullptr); }

}  // namespace

void add_group_routes(http::Router& router, GroupService& service) {
  router.add({.method = "POST", .pattern = "/api/v1/study/groups", .tag = "study",
              .summary = "Set up a youth study group in a unit (unit_id, name, leader_person_id); the leader joins it",
              .permission = kPermWrite, .creates = true},
             [&service](http::Request& req) {
               return http::Response::json(201, group_json(service.create(req.principal, group_input(req, true)), true));
             });
  router.add({.method = "GET", .pattern = "/api/v1/study/groups", .tag = "study",
              .summary = "Study groups in scope (node_id, status active|closed, name, page, page_size)",
              .permission = kPermRead},
             [&service](http::Request& req) {
               GroupFilter f;
               f.node_id = req.query_int("node_id", 0, 0, 2000000000);
               f.status = req.query_param("status").value_or("");
               f.name = req.query_param("name").value_or("");
               if (f.name.size() > 60) throw Error::validation("name", {"名称过长", "The name is too long"});
               f.page = req.query_int("page", 1, 1, 100000);
               f.page_size = req.query_int("page_size", 50, 1, 200);
               long long total = 0;
               Json items = Json::array();
               for (const auto& g : service.list(req.principal, f, &total)) items.push_back(group_json(g, false));
               return http::Response::json(200, {{"items", items}, {"total", total}, {"page", f.page}, {"page_size", f.page_size}});
             });
  router.add({.method = "GET", .pattern = "/api/v1/study/groups/{id}", .tag = "study",
              .summary = "One study group with its members", .permission = kPermRead},
             [&service](http::Request& req) {
               return http::Response::json(200, group_json(service.get(req.principal, req.id_param("id")), true));
             });
  router.add({.method = "PUT", .pattern = "/api/v1/study/groups/{id}", .tag = "study",
              .summary = "Rename a group or change its leader (name, leader_person_id)", .permission = kPermWrite},
             [&service](http::Request& req) {
               const long long id = req.id_param("id");
               return http::Response::json(200, group_json(service.update(req.principal, id, group_input(req, false)), true));
             });
  router.add({.method = "POST", .pattern = "/api/v1/study/groups/{id}/close", .tag = "study",
              .summary = "Close a group (kept with its history; its members are no longer covered by it)",
              .permission = kPermWrite},
             [&service](http::Request& req) {
               return http::Response::json(200, group_json(service.close(req.principal, req.id_param("id")), true));
             });
  router.add({.method = "POST", .pattern = "/api/v1/study/groups/{id}/members", .tag = "study",
              .summary = "Add people of the group's unit to the group (person_ids, at most 200)", .permission = kPermWrite},
             [&service](http::Request& req) {
               const long long id = req.id_param("id");
               Json body = req.json();
               JsonFields f(body);
               auto ids = f.optional_id_list("person_ids", kMaxMembersPerRequest + 1);
               f.finish();
               return http::Response::json(200, group_json(service.add_members(req.principal, id, ids), true));
             });
  router.add({.method = "DELETE", .pattern = "/api/v1/study/groups/{id}/members/{person_id}", .tag = "study",
              .summary = "Take a person out of the group", .permission = kPermWrite},
             [&service](http::Request& req) {
               return http::Response::json(
                   200, group_json(service.remove_member(req.principal, req.id_param("id"), req.id_param("person_id")), true));
             });
  router.add({.method = "GET", .pattern = "/api/v1/study/coverage", .tag = "study",
              .summary = "Coverage of the units in scope at or below node_id: units with a group, young cadres in a group "
                         "(totals, and a page of units: page, page_size)",
              .permission = kPermRead},
             [&service](http::Request& req) {
               const int page = req.query_int("page", 1, 1, 100000), size = req.query_int("page_size", 100, 1, 500);
               const auto c = service.coverage(req.principal, req.query_int("node_id", 0, 0, 2000000000), page, size);
               Json units = Json::array();
               for (const auto& u : c.units)
                 units.push_back({{"unit_id", u.unit_id}, {"unit_name", u.unit_name}, {"groups", u.groups},
                                  {"young_cadres", u.young_cadres}, {"covered", u.covered},
                                  {"coverage_rate", rate(u.covered, u.young_cadres)}});
               return http::Response::json(
                   200, {{"units", units},
                         {"page", page},
                         {"page_size", size},
                         {"totals",
                          {{"units", c.unit_count}, {"units_with_group", c.units_with_group}, {"groups", c.group_count},
                           {"young_cadres", c.young_cadres}, {"covered", c.covered},
                           {"unit_rate", rate(c.units_with_group, c.unit_count)},
                           {"coverage_rate", rate(c.covered, c.young_cadres)}}},
                         {"today", service.today()}});
             });
  router.add({.method = "GET", .pattern = "/api/v1/study/coverage/uncovered", .tag = "study",
              .summary = "Young cadres of the units in scope at or below node_id who are in no study group (page, page_size)",
              .permission = kPermRead},
             [&service](http::Request& req) {
               const int page = req.query_int("page", 1, 1, 100000), size = req.query_int("page_size", 50, 1, 200);
               long long total = 0;
               Json items = Json::array();
               for (const auto& p : service.uncovered(req.principal, req.query_int("node_id", 0, 0, 2000000000), page, size, &total))
                 items.push_back({{"person_id", p.person_id}, {"name", p.name}, {"rank", p.rank}, {"birth_date", p.birth_date},
                                  {"unit_id", p.unit_id}, {"unit_name", p.unit_name}});
               return http::Response::json(200, {{"items", items}, {"total", total}, {"page", page}, {"page_size", size}});
             });
  router.add({.method = "GET", .pattern = "/api/v1/me/study/groups", .tag = "study", .summary = "The study groups I am in"},
             [&service](http::Request& req) {
               Json items = Json::array();
               for (const auto& g : service.mine(req.principal)) items.push_back(group_json(g, false));
               return http::Response::json(200, {{"items", items}});
             });
}

}  // namespace xinhuo::study
