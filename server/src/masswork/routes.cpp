#include "masswork/routes.hpp"

#include <climits>

#include "core/xlsx.hpp"

namespace xinhuo::masswork {

namespace {

Json ids(const std::vector<long long>& list) {
  Json a = Json::array();
  for (auto id : list) a.push_back(id);
  return a;
}

Json point_json(const ContactPoint& p) {
  return {{"id", p.id}, {"org_node_id", p.org_node_id}, {"org_node_name", p.org_node_name}, {"name", p.name}, {"area", p.area},
          {"note", p.note}, {"status", p.status}, {"households", p.households}, {"created_at", p.created_at},
          {"updated_at", p.updated_at}};
}

Json household_json(const Household& h) {
  Json cadres = Json::array();
  for (const auto& c : h.cadres) cadres.push_back({{"person_id", c.person_id}, {"name", c.name}});
  return {{"id", h.id}, {"contact_point_id", h.contact_point_id}, {"contact_point_name", h.contact_point_name},
          {"org_node_name", h.org_node_name}, {"head_name", h.head_name}, {"area", h.area},
          {"phone", h.phone.empty() ? Json(nullptr) : Json(h.phone)}, {"needs", h.needs}, {"status", h.status}, {"cadres", cadres},
          {"visits", h.visits}, {"last_visit", h.last_visit.empty() ? Json(nullptr) : Json(h.last_visit)},
          {"created_at", h.created_at}, {"updated_at", h.updated_at}};
}

Json visit_json(const Visit& v) {
  return {{"id", v.id}, {"person_id", v.person_id}, {"person_name", v.person_name}, {"unit_name", v.unit_name},
          {"household_id", v.household_id ? Json(v.household_id) : Json(nullptr)}, {"household_name", v.household_name},
          {"place", v.place}, {"visit_date", v.visit_date}, {"learned", v.learned}, {"done", v.done}, {"photos", ids(v.photos)},
          {"client_key", v.client_key}, {"created_at", v.created_at}};
}

Json lecture_json(const Lecture& l) {
  return {{"id", l.id}, {"person_id", l.person_id}, {"person_name", l.person_name}, {"unit_name", l.unit_name},
          {"lecture_date", l.lecture_date}, {"place", l.place}, {"topic", l.topic}, {"audience", l.audience},
          {"photos", ids(l.photos)}, {"created_at", l.created_at}};
}

template <class T, class F>
Json items(const std::vector<T>& list, F to_json) {
  Json a = Json::array();
  for (const auto& x : list) a.push_back(to_json(x));
  return a;
}

Json page_of(Json items_, long long total, int page, int page_size) {
  return {{"items", std::move(items_)}, {"total", total}, {"page", page}, {"page_size", page_size}};
}

ContactPoint point_of(http::Request& req, bool create) {
  Json body = req.json();
  JsonFields f(body);
  ContactPoint p;
  if (create) p.org_node_id = f.required_int("org_node_id", 1, LLONG_MAX);
  p.name = f.required_string("name", 50);
  p.area = f.required_string("area", 100);
  p.note = f.optional_string("note", 500).value_or("");
  p.status = create ? "active" : f.optional_string("status", 10).value_or("active");
  f.finish();
  return p;
}

HouseholdInput household_of(http::Request& req, bool create) {
  Json body = req.json();
  JsonFields f(body);
  HouseholdInput h;
  if (create) h.contact_point_id = f.required_int("contact_point_id", 1, LLONG_MAX);
  h.head_name = f.required_string("head_name", 30);
  h.area = f.required_string("area", 100);
  const auto phone = f.optional_string("phone", 20);
  h.phone = phone.value_or("");
  h.phone_given = phone.has_value();
  h.needs = f.optional_string("needs", 1000).value_or("");
  if (!create) h.status = f.optional_string("status", 10).value_or("active");
  h.cadre_ids = f.optional_id_list("cadre_ids", 10);
  f.finish();
  return h;
}

HouseholdFilter household_filter(http::Request& req) {
  HouseholdFilter f;
  f.node_id = req.query_int("node_id", 0, 0, 2000000000);
  f.contact_point_id = req.query_int("contact_point_id", 0, 0, 2000000000);
  f.person_id = req.query_int("person_id", 0, 0, 2000000000);
  f.status = req.query_param("status").value_or("");
  f.q = req.query_param("q").value_or("");
  if (f.q.size() > 100) throw Error::validation("q", {"查询内容过长", "The search text is too long"});
  f.page = req.query_int("page", 1, 1, 100000);
  f.page_size = req.query_int("page_size", 50, 1, 200);
  return f;
}

VisitFilter visit_filter(http::Request& req) {
  VisitFilter f;
  f.node_id = req.query_int("node_id", 0, 0, 2000000000);
  f.person_id = req.query_int("person_id", 0, 0, 2000000000);
  f.household_id = req.query_int("household_id", 0, 0, 2000000000);
  f.from = req.query_param("from").value_or("");
  f.to = req.query_param("to").value_or("");
  f.page = req.query_int("page", 1, 1, 100000);
  f.page_size = req.query_int("page_size", 50, 1, 200);
  return f;
}

http::Response xlsx(std::string bytes, const std::string& ascii, const std::string& encoded) {
  auto res = http::Response::text(200, std::move(bytes), kXlsxContentType);
  res.set_header("Content-Disposition", "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded);
  return res;
}

}  // namespace

void add_routes(http::Router& router, MassService& mass, ProjectService& projects) {
  router.add({.method = "GET", .pattern = "/api/v1/mass/contact-points", .tag = "mass",
              .summary = "Contact points of units in scope (node_id, q, page, page_size)", .permission = kPermRead},
             [&mass](http::Request& req) {
               const long long node = req.query_int("node_id", 0, 0, 2000000000);
               const std::string q = req.query_param("q").value_or("");
               if (q.size() > 100) throw Error::validation("q", {"查询内容过长", "The search text is too long"});
               const int page = req.query_int("page", 1, 1, 100000), size = req.query_int("page_size", 50, 1, 200);
               long long total = 0;
               Json list = items(mass.points(req.principal, node, q, page, size, &total), point_json);
               return http::Response::json(200, page_of(list, total, page, size));
             });
  router.add({.method = "POST", .pattern = "/api/v1/mass/contact-points", .tag = "mass",
              .summary = "Open a contact point of a unit in scope (org_node_id, name ≤ 50, area ≤ 100, note)",
              .permission = kPermWrite, .creates = true},
             [&mass](http::Request& req) {
               return http::Response::json(201, point_json(mass.create_point(req.principal, point_of(req, true))));
             });
  router.add({.method = "PUT", .pattern = "/api/v1/mass/contact-points/{id}", .tag = "mass",
              .summary = "Change a contact point (name, area, note, status active | closed)", .permission = kPermWrite},
             [&mass](http::Request& req) {
               const long long id = req.id_param("id");
               return http::Response::json(200, point_json(mass.update_point(req.principal, id, point_of(req, false))));
             });
  router.add({.method = "GET", .pattern = "/api/v1/mass/households", .tag = "mass",
              .summary = "Paired households in scope (node_id, contact_point_id, person_id: paired cadre, status, q, page); "
                         "phone numbers masked",
              .permission = kPermRead},
             [&mass](http::Request& req) {
               const auto f = household_filter(req);
               long long total = 0;
               Json list = items(mass.households(req.principal, f, &total), household_json);
               return http::Response::json(200, page_of(list, total, f.page, f.page_size));
             });
  router.add({.method = "GET", .pattern = "/api/v1/mass/households/export", .tag = "mass",
              .summary = "The filtered households as an .xlsx file (phones masked; audited)", .permission = kPermRead},
             [&mass](http::Request& req) {
               return xlsx(mass.export_households(req.principal, household_filter(req)), "households.xlsx",
                           "%E7%BB%93%E5%AF%B9%E6%88%B7.xlsx");
             });
  router.add({.method = "POST", .pattern = "/api/v1/mass/households", .tag = "mass",
              .summary = "Add a household at a contact point in scope (head_name, area as text, phone: mobile or landline, "
                         "needs, cadre_ids: 1–10 people in scope)",
              .permission = kPermWrite, .creates = true},
             [&mass](http::Request& req) {
               return http::Response::json(201, household_json(mass.create_household(req.principal, household_of(req, true))));
             });
  router.add({.method = "GET", .pattern = "/api/v1/mass/households/{id}", .tag = "mass",
              .summary = "One household (the whole phone number for mass.write)", .permission = kPermRead},
             [&mass](http::Request& req) {
               return http::Response::json(200, household_json(mass.household(req.principal, req.id_param("id"))));
             });
  router.add({.method = "PUT", .pattern = "/api/v1/mass/households/{id}", .tag = "mass",
              .summary = "Change a household (head_name, area, phone, needs, status active | closed, cadre_ids)",
              .permission = kPermWrite},
             [&mass](http::Request& req) {
               const long long id = req.id_param("id");
               return http::Response::json(200, household_json(mass.update_household(req.principal, id, household_of(req, false))));
             });
  router.add({.method = "GET", .pattern = "/api/v1/mass/visits", .tag = "mass",
              .summary = "Visits by people in scope, latest first (node_id, person_id, household_id, from, to, page)",
              .permission = kPermRead},
             [&mass](http::Request& req) {
               const auto f = visit_filter(req);
               long long total = 0;
               Json list = items(mass.visits(req.principal, f, &total), visit_json);
               return http::Response::json(200, page_of(list, total, f.page, f.page_size));
             });
  router.add({.method = "GET", .pattern = "/api/v1/mass/visits/export", .tag = "mass",
              .summary = "The filtered visits as an .xlsx file (audited)", .permission = kPermRead},
             [&mass](http::Request& req) {
               return xlsx(mass.export_visits(req.principal, visit_filter(req)), "visits.xlsx", "%E8%B5%B0%E8%AE%BF%E8%AE%B0%E5%BD%95.xlsx");
             });
  for (bool mine : {false, true}) {
    router.add({.method = "GET",
                .pattern = std::string(mine ? "/api/v1/me/mass" : "/api/v1/mass") + "/visits/{id}/photos/{file_id}",
                .tag = "mass", .summary = mine ? "A photo of my visit" : "A photo of a visit in scope",
                .permission = mine ? "" : kPermRead},
               [&mass, mine](http::Request& req) {
                 auto [f, bytes] = mass.visit_photo(req.principal, req.id_param("id"), req.id_param("file_id"), mine);
                 auto res = http::Response::text(200, std::move(bytes), f.content_type);
                 res.set_header("Content-Disposition", "inline");
                 return res;
               });
  }
  router.add({.method = "GET", .pattern = "/api/v1/mass/lectures", .tag = "mass",
              .summary = "Policy lectures to residents given by people in scope (page, page_size)", .permission = kPermRead},
             [&mass](http::Request& req) {
               const int page = req.query_int("page", 1, 1, 100000), size = req.query_int("page_size", 50, 1, 200);
               long long total = 0;
               Json list = items(mass.lectures(req.principal, page, size, &total), lecture_json);
               return http::Response::json(200, page_of(list, total, page, size));
             });

  router.add({.method = "GET", .pattern = "/api/v1/me/mass/households", .tag = "mass",
              .summary = "The households paired with me"},
             [&mass](http::Request& req) {
               return http::Response::json(200, {{"items", items(mass.my_households(req.principal), household_json)}});
             });
  router.add({.method = "GET", .pattern = "/api/v1/me/mass/visits", .tag = "mass", .summary = "My visits, latest first"},
             [&mass](http::Request& req) {
               return http::Response::json(200, {{"items", items(mass.my_visits(req.principal), visit_json)}});
             });
  router.add({.method = "POST", .pattern = "/api/v1/me/mass/visits", .tag = "mass",
              .summary = "Log my visit (client_key: the phone's key for this visit, household_id of a household paired with "
                         "me or place, visit_date within 90 days, learned, done, photos ≤ 9). 201 with the visit; the same "
                         "client_key again: 200 with the original visit, nothing added",
              .creates = true},
             [&mass](http::Request& req) {
               Json body = req.json();
               JsonFields f(body);
               VisitInput in;
               in.client_key = f.required_string("client_key", 64);
               in.household_id = f.optional_int("household_id", 1, LLONG_MAX).value_or(0);
               in.place = f.optional_string("place", 100).value_or("");
               in.visit_date = f.required_string("visit_date", 10);
               in.learned = f.required_string("learned", 2000);
               in.done = f.optional_string("done", 2000).value_or("");
               in.photos = f.optional_id_list("photos", 9);
               f.finish();
               auto [v, created] = mass.log_visit(req.principal, in);
               return http::Response::json(created ? 201 : 200, visit_json(v));
             });
  router.add({.method = "GET", .pattern = "/api/v1/me/mass/lectures", .tag = "mass", .summary = "My lectures to residents"},
             [&mass](http::Request& req) {
               return http::Response::json(200, {{"items", items(mass.my_lectures(req.principal), lecture_json)}});
             });
  router.add({.method = "POST", .pattern = "/api/v1/me/mass/lectures", .tag = "mass",
              .summary = "Record a policy lecture I gave to residents (client_key, lecture_date, place, topic, audience ≥ 1, "
                         "photos ≤ 9); the same client_key again: 200 with the original",
              .creates = true},
             [&mass](http::Request& req) {
               Json body = req.json();
               JsonFields f(body);
               LectureInput in;
               in.client_key = f.required_string("client_key", 64);
               in.lecture_date = f.required_string("lecture_date", 10);
               in.place = f.required_string("place", 100);
               in.topic = f.required_string("topic", 100);
               in.audience = f.required_int("audience", 0, 100000);
               in.photos = f.optional_id_list("photos", 9);
               f.finish();
               auto [l, created] = mass.log_lecture(req.principal, in);
               return http::Response::json(created ? 201 : 200, lecture_json(l));
             });
  add_project_routes(router, projects);
}

}  // namespace xinhuo::masswork
