#include "study/session_routes.hpp"

#include <climits>

namespace xinhuo::study {

namespace {

Json opt_text(const std::string& v) { return v.empty() ? Json(nullptr) : Json(v); }
Json opt_id(long long v) { return v ? Json(v) : Json(nullptr); }

Json session_json(const StudySession& s) {
  return {{"id", s.id},
          {"audience", s.audience},
          {"group_id", opt_id(s.group_id)},
          {"group_name", opt_text(s.group_name)},
          {"node_id", s.node_id},
          {"node_name", s.node_name},
          {"title", s.title},
          {"starts_at", s.starts_at},
          {"ends_at", s.ends_at},
          {"place", opt_text(s.place)},
          {"online_url", opt_text(s.online_url)},
          {"organiser_person_id", opt_id(s.organiser_person_id)},
          {"organiser_name", opt_text(s.organiser_name)},
          {"late_after_minutes", s.late_after_minutes},
          {"status", s.status},
          {"created_by", s.created_by_name},
          {"created_at", s.created_at},
          {"closed_at", opt_text(s.closed_at)},
          {"expected", s.expected},
          {"present", s.present},
          {"late", s.late},
          {"excused", s.excused},
          {"absent", s.absent},
          {"manageable", s.manageable}};
}

SessionInput session_input(http::Request& req, bool creating) {
  Json body = req.json();
  JsonFields f(body);
  SessionInput in;
  if (creating) {
    in.audience = f.required_string("audience", 10);
    in.group_id = f.optional_int("group_id", 1, LLONG_MAX).value_or(0);
    in.node_id = f.optional_int("node_id", 1, LLONG_MAX).value_or(0);
  }
  in.title = f.required_string("title", 100);
  in.starts_at = f.required_string("starts_at", 20);
  in.ends_at = f.required_string("ends_at", 20);
  in.place = f.optional_string("place", 100).value_or("");
  in.online_url = f.optional_string("online_url", 300).value_or("");
  in.organiser_person_id = f.optional_int("organiser_person_id", 1, LLONG_MAX).value_or(0);
  in.late_after_minutes = static_cast<int>(f.optional_int("late_after_minutes", 0, 120).value_or(10));
  f.finish();
  return in;
}

}  // namespace

// The routes carry no permission: the service authorises, because a study group's leader organises their own group's
// sessions without study.write, and readers need study.read.
void add_session_routes(http::Router& router, SessionService& service) {
  router.add({.method = "POST", .pattern = "/api/v1/study/sessions", .tag = "study",
              .summary = "Organise a study session (audience group with group_id | unit or city with node_id; title, starts_at, "
                         "ends_at in UTC, place or online_url, organiser_person_id, late_after_minutes)", .creates = true},
             [&service](http::Request& req) {
               return http::Response::json(201, session_json(service.create(req.principal, session_input(req, true))));
             });
  router.add({.method = "GET", .pattern = "/api/v1/study/sessions", .tag = "study",
              .summary = "Study sessions in scope, latest first (node_id, group_id, audience, status, from, to as Beijing dates, "
                         "page, page_size)"},
             [&service](http::Request& req) {
               SessionFilter f;
               f.node_id = req.query_int("node_id", 0, 0, 2000000000);
               f.group_id = req.query_int("group_id", 0, 0, 2000000000);
               f.audience = req.query_param("audience").value_or("");
               f.status = req.query_param("status").value_or("");
               f.from = req.query_param("from").value_or("");
               f.to = req.query_param("to").value_or("");
               f.page = req.query_int("page", 1, 1, 100000);
               f.page_size = req.query_int("page_size", 50, 1, 200);
               long long total = 0;
               Json items = Json::array();
               for (const auto& s : service.list(req.principal, f, &total)) items.push_back(session_json(s));
               return http::Response::json(200, {{"items", items}, {"total", total}, {"page", f.page}, {"page_size", f.page_size}});
             });
  router.add({.method = "GET", .pattern = "/api/v1/study/sessions/{id}", .tag = "study",
              .summary = "One study session with its attendance counts"},
             [&service](http::Request& req) {
               return http::Response::json(200, session_json(service.get(req.principal, req.id_param("id"))));
             });
  router.add({.method = "PUT", .pattern = "/api/v1/study/sessions/{id}", .tag = "study",
              .summary = "Change an open session's title, times, place, organiser"},
             [&service](http::Request& req) {
               const long long id = req.id_param("id");
               return http::Response::json(200, session_json(service.update(req.principal, id, session_input(req, false))));
             });
  router.add({.method = "POST", .pattern = "/api/v1/study/sessions/{id}/close", .tag = "study",
              .summary = "Close a session that has started: the expected people who did not check in are recorded absent"},
             [&service](http::Request& req) {
               return http::Response::json(200, session_json(service.close(req.principal, req.id_param("id"))));
             });
  router.add({.method = "POST", .pattern = "/api/v1/study/sessions/{id}/cancel", .tag = "study",
              .summary = "Cancel a session nobody has checked in to"},
             [&service](http::Request& req) {
               return http::Response::json(200, session_json(service.cancel(req.principal, req.id_param("id"))));
             });
  router.add({.method = "GET", .pattern = "/api/v1/study/sessions/{id}/qr", .tag = "study",
              .summary = "The check-in token the organiser's screen shows now (a new one every period_seconds) with the live "
                         "counts"},
             [&service](http::Request& req) {
               const auto q = service.qr(req.principal, req.id_param("id"));
               return http::Response::json(200, {{"token", q.token},
                                                 {"checkin_path", "/m/study/checkin?t=" + q.token},
                                                 {"valid_until", q.valid_until},
                                                 {"period_seconds", q.period_seconds},
                                                 {"session", session_json(q.session)}});
             });
  router.add({.method = "PUT", .pattern = "/api/v1/study/sessions/{id}/attendance", .tag = "study",
              .summary = "The organiser marks people: [{person_id, status present|late|excused, reason}]"},
             [&service](http::Request& req) {
               const long long id = req.id_param("id");
               Json body = req.json();
               JsonFields f(body);
               const Json& list = f.required_array("attendance");
               f.finish();
               if (list.size() > static_cast<std::size_t>(kMaxMarksPerRequest))
                 throw Error::validation("attendance", {"一次最多登记 500 人", "At most 500 people at a time"});
               std::vector<AttendanceMark> marks;
               for (std::size_t i = 0; i < list.size(); ++i) {
                 if (!list[i].is_object())
                   throw Error::validation("attendance[" + std::to_string(i) + "]", {"每一项应为对象", "Each item is an object"});
                 JsonFields row(list[i], "attendance[" + std::to_string(i) + "].");
                 AttendanceMark m;
                 m.person_id = row.required_int("person_id", 1, LLONG_MAX);
                 m.status = row.required_string("status", 10);
                 m.reason = row.optional_string("reason", 200).value_or("");
                 row.finish();
                 marks.push_back(std::move(m));
               }
               return http::Response::json(200, session_json(service.mark(req.principal, id, marks)));
             });
  router.add({.method = "GET", .pattern = "/api/v1/study/sessions/{id}/attendance", .tag = "study",
              .summary = "Who came and who is still expected (status present|late|excused|absent|pending, page, page_size)"},
             [&service](http::Request& req) {
               const int page = req.query_int("page", 1, 1, 100000), size = req.query_int("page_size", 50, 1, 500);
               long long total = 0;
               Json items = Json::array();
               for (const auto& c : service.attendance(req.principal, req.id_param("id"), req.query_param("status").value_or(""),
                                                        page, size, &total))
                 items.push_back({{"person_id", c.person_id}, {"name", c.name}, {"unit_name", c.unit_name},
                                  {"status", c.status.empty() ? Json("pending") : Json(c.status)},
                                  {"method", opt_text(c.method)}, {"checked_in_at", opt_text(c.checked_in_at)},
                                  {"reason", opt_text(c.reason)}});
               return http::Response::json(200, {{"items", items}, {"total", total}, {"page", page}, {"page_size", size}});
             });
  router.add({.method = "POST", .pattern = "/api/v1/study/checkins", .tag = "study",
              .summary = "Check in to a study session with the token scanned from the organiser's screen (scanning again is "
                         "the same check-in)",
              .max_body = 4096},
             [&service](http::Request& req) {
               Json body = req.json();
               JsonFields f(body);
               const std::string token = f.required_string("token", 100);
               f.finish();
               const auto r = service.checkin(req.principal, token);
               return http::Response::json(200, {{"session", {{"id", r.session.id}, {"title", r.session.title},
                                                              {"starts_at", r.session.starts_at}, {"ends_at", r.session.ends_at},
                                                              {"place", opt_text(r.session.place)}}},
                                                 {"status", r.status},
                                                 {"checked_in_at", opt_text(r.checked_in_at)},
                                                 {"already", r.already}});
             });
  router.add({.method = "GET", .pattern = "/api/v1/me/study/sessions", .tag = "study",
              .summary = "My study sessions from today for `days` days (default 7), or the past year's with past=true, with my "
                         "status"},
             [&service](http::Request& req) {
               const bool past = req.query_param("past").value_or("") == "true";
               const int days = req.query_int("days", 7, 1, 60);
               Json items = Json::array();
               for (const auto& s : service.mine(req.principal, past, days)) {
                 Json j = session_json(s);
                 j["my_status"] = s.my_status.empty() ? Json(nullptr) : Json(s.my_status);
                 items.push_back(j);
               }
               return http::Response::json(200, {{"items", items}});
             });
}

}  // namespace xinhuo::study
