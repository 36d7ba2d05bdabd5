#include "study/course_routes.hpp"

#include <climits>
#include <cmath>

#include "core/xlsx.hpp"

namespace xinhuo::study {

namespace {

Json nullable(const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); }

// A course's link: its own, or for an uploaded document the route that serves it (to the console or to a learner).
std::string link_of(const Course& c, bool mine) {
  if (!c.file_id) return c.url;
  return std::string(mine ? "/api/v1/me" : "/api/v1") + "/study/courses/" + std::to_string(c.id) + "/document";
}

// The phone's player draws the document itself (pdf.js), so it is served like any file: inline, never in a frame.
http::Response document_file(std::pair<files::StoredFile, std::string> f) {
  auto res = http::Response::text(200, std::move(f.second), f.first.content_type);
  res.set_header("Content-Disposition", "inline");
  return res;
}

Json course_json(const Course& c) {
  return {{"id", c.id},
          {"node_id", c.node_id},
          {"node_name", c.node_name},
          {"title", c.title},
          {"description", c.description},
          {"kind", c.kind},
          {"hours", c.credit_minutes / 60.0},
          {"duration_seconds", c.duration_seconds ? Json(c.duration_seconds) : Json(nullptr)},
          {"required_seconds", c.required_seconds()},
          {"url", link_of(c, false)},
          {"file_id", c.file_id ? Json(c.file_id) : Json(nullptr)},
          {"required_by", nullable(c.required_by)},
          {"status", c.status},
          {"created_by_name", c.created_by_name},
          {"created_at", c.created_at},
          {"updated_at", c.updated_at},
          {"published_at", nullable(c.published_at)},
          {"audience", c.audience},
          {"started", c.started},
          {"completed", c.completed}};
}

Json my_course_json(const Course& c) {
  return {{"id", c.id},
          {"node_name", c.node_name},
          {"title", c.title},
          {"description", c.description},
          {"kind", c.kind},
          {"hours", c.credit_minutes / 60.0},
          {"duration_seconds", c.duration_seconds ? Json(c.duration_seconds) : Json(nullptr)},
          {"required_seconds", c.required_seconds()},
          {"url", link_of(c, true)},
          {"uploaded", c.file_id != 0},
          {"required_by", nullable(c.required_by)},
          {"watched_seconds", c.watched_seconds},
          {"position_seconds", c.position_seconds},
          {"started_at", nullable(c.started_at)},
          {"last_beat_at", nullable(c.last_beat_at)},
          {"completed_at", nullable(c.completed_at)}};
}

CourseInput course_input(http::Request& req, bool creating) {
  Json body = req.json();
  if (!body.is_object()) throw Error::validation("body", {"请求体应为 JSON 对象", "The body is a JSON object"});
  // Hours are a number with a half (0.5–10); JsonFields reads integers, so they are taken out first.
  CourseInput in;
  if (!body.contains("hours") || !body["hours"].is_number())
    throw Error::validation("hours", {"请填写学时（0.5 到 10）", "Give the hours (0.5 to 10)"});
  const double hours = body["hours"].get<double>();
  if (!std::isfinite(hours) || std::fabs(hours * 2 - std::round(hours * 2)) > 1e-9 || hours < 0.5 || hours > 10)
    throw Error::validation("hours", {"学时应在 0.5 到 10 之间，以 0.5 为单位", "Hours are 0.5 to 10, in steps of 0.5"});
  in.credit_minutes = static_cast<int>(std::lround(hours * 60));
  body.erase("hours");
  JsonFields f(body);
  if (creating) in.node_id = f.required_int("node_id", 1, LLONG_MAX);
  in.title = f.required_string("title", 100);
  in.description = f.optional_string("description", 2000).value_or("");
  in.kind = f.required_string("kind", 20);
  in.duration_seconds = static_cast<int>(f.optional_int("duration_seconds", 60, 36000).value_or(0));
  in.url = f.optional_string("url", 1000).value_or("");
  in.file_id = f.optional_int("file_id", 1, LLONG_MAX).value_or(0);
  in.required_by = f.optional_string("required_by", 10).value_or("");
  f.finish();
  return in;
}

Json learner_json(const CourseLearner& l, int required) {
  return {{"person_id", l.person_id},
          {"name", l.name},
          {"unit_name", l.unit_name},
          {"watched_seconds", l.watched_seconds},
          {"percent", required ? std::min(100, l.watched_seconds * 100 / required) : 0},
          {"started_at", nullable(l.started_at)},
          {"last_beat_at", nullable(l.last_beat_at)},
          {"completed_at", nullable(l.completed_at)}};
}

}  // namespace

void add_course_routes(http::Router& router, CourseService& service) {
  router.add({.method = "POST", .pattern = "/api/v1/study/courses", .tag = "study",
              .summary = "Offer an online course to the people of an org node's subtree (node_id, title, description, kind "
                         "video|document, hours 0.5–10, duration_seconds, url, or for a document file_id: an uploaded PDF, "
                         "required_by); made as a draft",
              .permission = kPermWrite, .creates = true},
             [&service](http::Request& req) {
               return http::Response::json(201, course_json(service.create(req.principal, course_input(req, true))));
             });
  router.add({.method = "GET", .pattern = "/api/v1/study/courses", .tag = "study",
              .summary = "Courses offered by nodes in scope, with the learners in scope who started and completed them "
                         "(node_id, status, kind, title, page, page_size)",
              .permission = kPermRead},
             [&service](http::Request& req) {
               CourseFilter f;
               f.node_id = req.query_int("node_id", 0, 0, 2000000000);
               f.status = req.query_param("status").value_or("");
               f.kind = req.query_param("kind").value_or("");
               f.title = req.query_param("title").value_or("");
               if (f.title.size() > 100) throw Error::validation("title", {"名称过长", "The title is too long"});
               f.page = req.query_int("page", 1, 1, 100000);
               f.page_size = req.query_int("page_size", 20, 1, 200);
               long long total = 0;
               Json items = Json::array();
               for (const auto& c : service.list(req.principal, f, &total)) items.push_back(course_json(c));
               return http::Response::json(200, {{"items", items}, {"total", total}, {"page", f.page}, {"page_size", f.page_size}});
             });
  router.add({.method = "GET", .pattern = "/api/v1/study/courses/{id}", .tag = "study", .summary = "One course with its figures",
              .permission = kPermRead},
             [&service](http::Request& req) {
               return http::Response::json(200, course_json(service.get(req.principal, req.id_param("id"))));
             });
  router.add({.method = "GET", .pattern = "/api/v1/study/courses/{id}/document", .tag = "study",
              .summary = "A course's uploaded document, to a manager whose scope covers its unit", .permission = kPermRead},
             [&service](http::Request& req) { return document_file(service.document(req.principal, req.id_param("id"), false)); });
  router.add({.method = "PUT", .pattern = "/api/v1/study/courses/{id}", .tag = "study",
              .summary = "Edit a course (the kind, hours and length are fixed once someone has started)",
              .permission = kPermWrite},
             [&service](http::Request& req) {
               const long long id = req.id_param("id");
               return http::Response::json(200, course_json(service.update(req.principal, id, course_input(req, false))));
             });
  router.add({.method = "POST", .pattern = "/api/v1/study/courses/{id}/publish", .tag = "study",
              .summary = "Publish a draft or withdrawn course to its audience", .permission = kPermWrite},
             [&service](http::Request& req) {
               return http::Response::json(200, course_json(service.publish(req.principal, req.id_param("id"))));
             });
  router.add({.method = "POST", .pattern = "/api/v1/study/courses/{id}/withdraw", .tag = "study",
              .summary = "Withdraw a published course (progress is kept; it can be published again)", .permission = kPermWrite},
             [&service](http::Request& req) {
               return http::Response::json(200, course_json(service.withdraw(req.principal, req.id_param("id"))));
             });
  router.add({.method = "GET", .pattern = "/api/v1/study/courses/{id}/learners", .tag = "study",
              .summary = "The course's audience in scope with their progress (status started|in_progress|completed|not_started, "
                         "name, page, page_size) and the figures per unit",
              .permission = kPermRead},
             [&service](http::Request& req) {
               const long long id = req.id_param("id");
               const std::string status = req.query_param("status").value_or("");
               const std::string name = req.query_param("name").value_or("");
               if (name.size() > 60) throw Error::validation("name", {"姓名过长", "The name is too long"});
               const int page = req.query_int("page", 1, 1, 100000), size = req.query_int("page_size", 50, 1, 200);
               long long total = 0;
               const auto rows = service.learners(req.principal, id, status, name, page, size, &total);
               const Course c = service.get(req.principal, id);
               Json items = Json::array(), units = Json::array();
               for (const auto& l : rows) items.push_back(learner_json(l, c.required_seconds()));
               for (const auto& u : service.units(req.principal, id))
                 units.push_back({{"unit_id", u.unit_id}, {"unit_name", u.unit_name}, {"people", u.people},
                                  {"started", u.started}, {"completed", u.completed},
                                  {"completion_rate", u.people ? Json(static_cast<double>(u.completed) / u.people) : Json(nullptr)}});
               return http::Response::json(200, {{"items", items}, {"total", total}, {"page", page}, {"page_size", size},
                                                 {"units", units}, {"course", course_json(c)}});
             });
  router.add({.method = "GET", .pattern = "/api/v1/study/courses/{id}/learners/export", .tag = "study",
              .summary = "The course's learners in scope with their progress as an .xlsx file (audited)", .permission = kPermRead},
             [&service](http::Request& req) {
               auto res = http::Response::text(200, service.export_xlsx(req.principal, req.id_param("id")), kXlsxContentType);
               res.set_header("Content-Disposition",
                              "attachment; filename=\"course-progress.xlsx\"; filename*=UTF-8''%E5%AD%A6%E4%B9%A0%E8%BF%9B%E5%BA%A6.xlsx");
               return res;
             });
  router.add({.method = "GET", .pattern = "/api/v1/me/study/courses", .tag = "study",
              .summary = "My published courses with my progress: in progress first, then not started, then completed"},
             [&service](http::Request& req) {
               Json items = Json::array();
               for (const auto& c : service.mine(req.principal)) items.push_back(my_course_json(c));
               return http::Response::json(200, {{"items", items}});
             });
  router.add({.method = "GET", .pattern = "/api/v1/me/study/courses/{id}", .tag = "study", .summary = "One of my courses"},
             [&service](http::Request& req) {
               return http::Response::json(200, my_course_json(service.my_course(req.principal, req.id_param("id"))));
             });
  router.add({.method = "GET", .pattern = "/api/v1/me/study/courses/{id}/document", .tag = "study",
              .summary = "The uploaded document of one of my courses"},
             [&service](http::Request& req) { return document_file(service.document(req.principal, req.id_param("id"), true)); });
  router.add({.method = "POST", .pattern = "/api/v1/me/study/courses/{id}/start", .tag = "study",
              .summary = "Opening the player: my progress row is made if there is none"},
             [&service](http::Request& req) {
               return http::Response::json(200, my_course_json(service.start(req.principal, req.id_param("id"))));
             });
  router.add({.method = "POST", .pattern = "/api/v1/me/study/courses/{id}/progress", .tag = "study",
              .summary = "A heartbeat of the player: seconds actually played (or read) since the last one, 0–120, and "
                         "position_seconds; credited no faster than the wall clock; completes the course once"},
             [&service](http::Request& req) {
               const long long id = req.id_param("id");
               Json body = req.json();
               JsonFields f(body);
               const int seconds = static_cast<int>(f.required_int("seconds", 0, kMaxBeatSeconds));
               const int position = static_cast<int>(f.optional_int("position_seconds", 0, 36000).value_or(0));
               f.finish();
               const auto r = service.heartbeat(req.principal, id, seconds, position);
               Json j = my_course_json(r.course);
               j["credited"] = r.credited;
               j["completed_now"] = r.completed_now;
               return http::Response::json(200, j);
             });
}

}  // namespace xinhuo::study
