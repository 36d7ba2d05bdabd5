#include "org/routes.hpp"

#include "core/json_writer.hpp"
#include "core/xlsx.hpp"

namespace xinhuo::org {

namespace {

Json node_json(const OrgNode& n) {
  return {{"id", n.id}, {"parent_id", n.parent_id ? Json(n.parent_id) : Json(nullptr)}, {"path", n.path},
          {"depth", n.depth}, {"node_type", n.node_type}, {"name", n.name}, {"short_name", n.short_name},
          {"code", n.code}, {"sort_order", n.sort_order}, {"status", n.status}, {"people", n.people}};
}

// Written straight to text: the person's detail is read on every page of the console and the phone.
void write_person(JsonWriter& w, const Person& p) {
  w.begin_object()
      .field("id", p.id).field("name", p.name).field("gender", p.gender).field("ethnicity", p.ethnicity)
      .field("birth_date", p.birth_date).field("age", p.age)
      .key("native_place").value_or_null(p.native_place)
      .key("education").value_or_null(p.education)
      .key("degree").value_or_null(p.degree)
      .field("unit_id", p.unit_id).field("unit_name", p.unit_name)
      .key("branch_id").id_or_null(p.branch_id)
      .key("branch_name").value_or_null(p.branch_name)
      .key("position").value_or_null(p.position)
      .key("rank").value_or_null(p.rank)
      .key("work_start_date").value_or_null(p.work_start_date)
      .field("party_status", p.party_status)
      .key("party_joined_date").value_or_null(p.party_joined_date)
      .field("young_cadre", p.young_cadre)
      .key("id_card_masked").value_or_null(p.id_card_masked)
      .key("phone_masked").value_or_null(p.phone_masked)
      .field("updated_at", p.updated_at)
      .end_object();
}

http::Response person_response(const Person& p) {
  JsonWriter w;
  write_person(w, p);
  return http::Response::json_text(200, w.take());
}

PersonFilter person_filter(const http::Request& req) {
  PersonFilter f;
  f.name = req.query_param("name").value_or("");
  if (f.name.size() > 60) throw Error::validation("name", {"姓名过长", "Name too long"});
  f.unit_id = req.query_int("unit_id", 0, 0, 2000000000);
  f.rank = req.query_param("rank").value_or("");
  f.id_card = req.query_param("id_card").value_or("");
  if (f.id_card.size() > 18) throw Error::validation("id_card", {"身份证号码应为 18 位", "An ID number has 18 characters"});
  if (!f.rank.empty() && !find_rank(f.rank)) throw Error::validation("rank", {"职级不正确", "Unknown rank"});
  f.party_status = req.query_param("party_status").value_or("");
  if (!f.party_status.empty() && std::find(kPartyStatuses.begin(), kPartyStatuses.end(), f.party_status) == kPartyStatuses.end())
    throw Error::validation("party_status", {"政治面貌不正确", "Unknown party status"});
  f.age_min = req.query_int("age_min", 0, 0, 120);
  f.age_max = req.query_int("age_max", 0, 0, 120);
  if (auto y = req.query_param("young_cadre"); y && !y->empty()) {
    if (*y != "true" && *y != "false") throw Error::validation("young_cadre", {"只能是 true 或 false", "Must be true or false"});
    f.young_cadre = *y == "true";
  }
  f.sort = req.query_param("sort").value_or("id");
  if (f.sort != "id" && f.sort != "name" && f.sort != "birth_date" && f.sort != "rank" && f.sort != "unit")
    throw Error::validation("sort", {"排序字段只能是 id、name、birth_date、rank、unit", "sort must be id, name, birth_date, rank or unit"});
  const std::string order = req.query_param("order").value_or("asc");
  if (order != "asc" && order != "desc") throw Error::validation("order", {"排序方向只能是 asc 或 desc", "order must be asc or desc"});
  f.descending = order == "desc";
  f.page = req.query_int("page", 1, 1, 1000000);
  f.page_size = req.query_int("page_size", 20, 1, 200);
  return f;
}

}  // namespace

void add_routes(http::Router& router, OrgService& service) {
  router.add({.method = "GET", .pattern = "/api/v1/org/nodes", .tag = "org",
              .summary = "The org tree in the caller's scope (flat, parents before children)", .permission = kPermOrgRead},
             [&service](http::Request& req) {
               Json items = Json::array();
               for (const auto& n : service.tree(req.principal)) items.push_back(node_json(n));
               return http::Response::json(200, {{"items", items}});
             });

  router.add({.method = "GET", .pattern = "/api/v1/org/nodes/{id}", .tag = "org", .summary = "One org node",
              .permission = kPermOrgRead},
             [&service](http::Request& req) { return http::Response::json(200, node_json(service.node(req.principal, req.id_param("id")))); });

  router.add({.method = "POST", .pattern = "/api/v1/org/nodes", .tag = "org", .summary = "Create an org node under a parent",
              .permission = kPermOrgWrite, .creates = true,
              .request_schema = {{"type", "object"}, {"required", {"parent_id", "node_type", "name"}}}},
             [&service](http::Request& req) {
               Json body = req.json();
               JsonFields f(body);
               NodeInput in;
               in.parent_id = f.required_int("parent_id", 1, LLONG_MAX);
               in.node_type = f.required_string("node_type", 30);
               in.name = f.required_string("name", 100);
               in.short_name = f.optional_string("short_name", 30).value_or("");
               in.code = f.optional_string("code", 40).value_or("");
               in.sort_order = static_cast<int>(f.optional_int("sort_order", 0, 100000).value_or(0));
               f.finish();
               return http::Response::json(201, node_json(service.create_node(req.principal, in)));
             });

  router.add({.method = "PATCH", .pattern = "/api/v1/org/nodes/{id}", .tag = "org", .summary = "Rename or reorder an org node",
              .permission = kPermOrgWrite},
             [&service](http::Request& req) {
               Json body = req.json();
               JsonFields f(body);
               NodeUpdate u;
               u.name = f.optional_string("name", 100);
               u.short_name = f.optional_string("short_name", 30);
               if (auto s = f.optional_int("sort_order", 0, 100000)) u.sort_order = static_cast<int>(*s);
               f.finish();
               return http::Response::json(200, node_json(service.update_node(req.principal, req.id_param("id"), u)));
             });

  router.add({.method = "POST", .pattern = "/api/v1/org/nodes/{id}/move", .tag = "org",
              .summary = "Move an org node and its subtree under a new parent", .permission = kPermOrgWrite},
             [&service](http::Request& req) {
               Json body = req.json();
               JsonFields f(body);
               const long long parent = f.required_int("parent_id", 1, LLONG_MAX);
               f.finish();
               return http::Response::json(200, node_json(service.move_node(req.principal, req.id_param("id"), parent)));
             });

  router.add({.method = "POST", .pattern = "/api/v1/org/nodes/{id}/close", .tag = "org",
              .summary = "Close an org node (kept with its people and history, no longer active)", .permission = kPermOrgWrite},
             [&service](http::Request& req) { return http::Response::json(200, node_json(service.close_node(req.principal, req.id_param("id")))); });

  router.add({.method = "GET", .pattern = "/api/v1/people", .tag = "people",
              .summary = "People in the caller's scope: filters name, unit_id (an org node: its people by unit or by branch, "
                         "and below), rank, party_status, age_min, "
                         "age_max, young_cadre; sort, order, page, page_size",
              .permission = kPermPeopleRead},
             [&service](http::Request& req) {
               const PersonFilter f = person_filter(req);
               long long total = 0;
               const auto people = service.people(req.principal, f, &total);
               JsonWriter w;
               w.begin_object().key("items").begin_array();
               for (const auto& p : people) write_person(w, p);
               w.end_array().field("total", total).field("page", f.page).field("page_size", f.page_size).end_object();
               return http::Response::json_text(200, w.take());
             });

  router.add({.method = "GET", .pattern = "/api/v1/people/export", .tag = "people",
              .summary = "The filtered roster as an .xlsx file (same filters as the list; numbers masked; audited)",
              .permission = kPermPeopleExport},
             [&service](http::Request& req) {
               auto bytes = service.export_people(req.principal, person_filter(req));
               auto res = http::Response::text(200, std::move(bytes), kXlsxContentType);
               // RFC 5987: a UTF-8 file name, with a plain fallback for old clients.
               res.set_header("Content-Disposition",
                              "attachment; filename=\"people.xlsx\"; filename*=UTF-8''%E4%BA%BA%E5%91%98%E5%90%8D%E5%86%8C.xlsx");
               return res;
             });

  router.add({.method = "GET", .pattern = "/api/v1/me/person", .tag = "people",
              .summary = "我的信息: the caller's own person record"},
             [&service](http::Request& req) { return person_response(service.my_person(req.principal)); });

  router.add({.method = "GET", .pattern = "/api/v1/people/{id}", .tag = "people", .summary = "One person",
              .permission = kPermPeopleRead},
             [&service](http::Request& req) { return person_response(service.person(req.principal, req.id_param("id"))); });

  router.add({.method = "PATCH", .pattern = "/api/v1/people/{id}", .tag = "people",
              .summary = "Change a person's fields (each change is kept in the history)", .permission = kPermPeopleWrite},
             [&service](http::Request& req) {
               Json body = req.json();
               JsonFields f(body);
               PersonPatch p;
               p.name = f.optional_string("name", 50);
               p.gender = f.optional_string("gender", 10);
               p.ethnicity = f.optional_string("ethnicity", 20);
               p.birth_date = f.optional_string("birth_date", 10);
               p.native_place = f.optional_string("native_place", 50);
               p.education = f.optional_string("education", 20);
               p.degree = f.optional_string("degree", 20);
               p.position = f.optional_string("position", 50);
               p.rank = f.optional_string("rank", 30);
               p.work_start_date = f.optional_string("work_start_date", 10);
               p.party_status = f.optional_string("party_status", 20);
               p.party_joined_date = f.optional_string("party_joined_date", 10);
               p.id_card = f.optional_string("id_card", 18);
               p.phone = f.optional_string("phone", 20);
               p.unit_id = f.optional_int("unit_id", 1, LLONG_MAX);
               p.branch_id = f.optional_int("branch_id", 0, LLONG_MAX);
               f.finish();
               return person_response(service.update_person(req.principal, req.id_param("id"), p));
             });

  router.add({.method = "GET", .pattern = "/api/v1/people/{id}/sensitive", .tag = "people",
              .summary = "The full ID-card and phone numbers of a person (audited)", .permission = kPermPeopleSensitive},
             [&service](http::Request& req) {
               auto s = service.sensitive(req.principal, req.id_param("id"));
               auto opt = [](const std::string& v) { return v.empty() ? Json(nullptr) : Json(v); };
               return http::Response::json(200, {{"id_card", opt(s.id_card)}, {"phone", opt(s.phone)}});
             });

  router.add({.method = "GET", .pattern = "/api/v1/people/{id}/history", .tag = "people",
              .summary = "Every change to a person: who, when, old → new", .permission = kPermPeopleRead},
             [&service](http::Request& req) {
               Json items = Json::array();
               for (const auto& h : service.history(req.principal, req.id_param("id")))
                 items.push_back({{"id", h.id}, {"field", h.field}, {"old_value", h.old_value}, {"new_value", h.new_value},
                                  {"username", h.username}, {"changed_at", h.changed_at}});
               return http::Response::json(200, {{"items", items}});
             });
}

}  // namespace xinhuo::org
