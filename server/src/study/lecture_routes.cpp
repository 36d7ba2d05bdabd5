#include "study/lecture_routes.hpp"

#include <climits>

#include "core/xlsx.hpp"

namespace xinhuo::study {

namespace {

Json opt_text(const std::string& v) { return v.empty() ? Json(nullptr) : Json(v); }

Json team_json(const LectureTeam& t, bool with_lecturers) {
  Json j = {{"id", t.id},
            {"node_id", t.node_id},
            {"node_name", t.node_name},
            {"node_type", t.node_type},
            {"name", t.name},
            {"description", opt_text(t.description)},
            {"status", t.status},
            {"created_at", t.created_at},
            {"closed_at", opt_text(t.closed_at)},
            {"lecturer_count", t.lecturer_count},
            {"lecture_count", t.lecture_count},
            {"pending_count", t.pending_count}};
  if (with_lecturers) {
    Json list = Json::array();
    for (const auto& m : t.lecturers)
      list.push_back({{"person_id", m.person_id}, {"name", m.name}, {"unit_name", m.unit_name}, {"topics", opt_text(m.topics)},
                      {"joined_on", m.joined_on}, {"status", m.status}, {"left_on", opt_text(m.left_on)},
                      {"lectures", m.lectures}});
    j["lecturers"] = list;
  }
  return j;
}

Json lecture_json(const Lecture& l) {
  Json lecturers = Json::array();
  for (const auto& p : l.lecturers) lecturers.push_back({{"person_id", p.person_id}, {"name", p.name}});
  return {{"id", l.id},
          {"team_id", l.team_id},
          {"team_name", l.team_name},
          {"topic", l.topic},
          {"held_on", l.held_on},
          {"place", l.place},
          {"audience_kind", l.audience_kind},
          {"audience_size", l.audience_size},
          {"level", l.level},
          {"notes", opt_text(l.notes)},
          {"photos", Json(l.photos)},
          {"status", l.status},
          {"reported_by", l.reported_by ? Json(l.reported_by) : Json(nullptr)},
          {"reported_by_name", opt_text(l.reported_by_name)},
          {"created_by", l.created_by_name},
          {"created_at", l.created_at},
          {"decided_by", opt_text(l.decided_by_name)},
          {"decided_at", opt_text(l.decided_at)},
          {"reject_reason", opt_text(l.reject_reason)},
          {"lecturers", lecturers}};
}

Json counts_json(const std::vector<LectureCount>& counts) {
  Json out = Json::array();
  for (const auto& c : counts) out.push_back({{"key", c.key}, {"lectures", c.lectures}, {"audience", c.audience}});
  return out;
}

Json stats_json(const LectureStats& s) {
  return {{"lectures", s.lectures},
          {"audience", s.audience},
          {"by_level", counts_json(s.by_level)},
          {"by_year", counts_json(s.by_year)},
          {"by_month", counts_json(s.by_month)}};
}

Json record_json(const LecturerRecord& r) {
  Json lectures = Json::array(), teams = Json::array();
  for (const auto& l : r.lectures) lectures.push_back(lecture_json(l));
  for (const auto& t : r.teams) teams.push_back(team_json(t, true));
  return {{"person_id", r.person_id}, {"name", r.name}, {"teams", teams}, {"lectures", lectures}, {"stats", stats_json(r.stats)}};
}

TeamInput team_input(http::Request& req, bool creating) {
  Json body = req.json();
  JsonFields f(body);
  TeamInput in;
  if (creating) in.node_id = f.required_int("node_id", 1, LLONG_MAX);
  in.name = f.required_string("name", 60);
  in.description = f.optional_string("description", 500).value_or("");
  f.finish();
  return in;
}

LectureInput lecture_input(http::Request& req) {
  Json body = req.json();
  JsonFields f(body);
  LectureInput in;
  in.team_id = f.required_int("team_id", 1, LLONG_MAX);
  in.topic = f.required_string("topic", 100);
  in.held_on = f.required_string("held_on", 10);
  in.place = f.required_string("place", 100);
  in.audience_kind = f.required_string("audience_kind", 10);
  in.audience_size = f.required_int("audience_size", 1, kMaxAudience);
  in.level = f.required_string("level", 10);
  in.notes = f.optional_string("notes", 500).value_or("");
  in.lecturer_ids = f.optional_id_list("lecturer_ids", kMaxLecturers);
  in.photos = f.optional_id_list("photos", kMaxLecturePhotos);
  f.finish();
  return in;
}

LectureFilter lecture_filter(http::Request& req) {
  LectureFilter f;
  f.team_id = req.query_int("team_id", 0, 0, 2000000000);
  f.node_id = req.query_int("node_id", 0, 0, 2000000000);
  f.person_id = req.query_int("person_id", 0, 0, 2000000000);
  f.status = req.query_param("status").value_or("");
  f.level = req.query_param("level").value_or("");
  f.audience_kind = req.query_param("audience_kind").value_or("");
  f.from = req.query_param("from").value_or("");
  f.to = req.query_param("to").value_or("");
  if (const int year = req.query_int("year", 0, 0, 2100)) {
    f.from = std::to_string(year) + "-01-01";
    f.to = std::to_string(year) + "-12-31";
  }
  f.page = req.query_int("page", 1, 1, 100000);
  f.page_size = req.query_int("page_size", 50, 1, 200);
  return f;
}

}  // namespace

void add_lecture_routes(http::Router& router, LectureService& service) {
  router.add({.method = "POST", .pattern = "/api/v1/study/lecture-teams", .tag = "study",
              .summary = "Set up a lecture team (宣讲团) of a unit, district or the city (node_id, name, description)",
              .permission = kPermWrite, .creates = true},
             [&service](http::Request& req) {
               return http::Response::json(201, team_json(service.create_team(req.principal, team_input(req, true)), true));
             });
  router.add({.method = "GET", .pattern = "/api/v1/study/lecture-teams", .tag = "study",
              .summary = "Lecture teams in scope (node_id, status active|closed, name, page, page_size)", .permission = kPermRead},
             [&service](http::Request& req) {
               TeamFilter f;
               f.node_id = req.query_int("node_id", 0, 0, 2000000000);
               f.status = req.query_param("status").value_or("");
               f.name = req.query_param("name").value_or("");
               if (f.name.size() > 60) throw Error::validation("name", {"名称过长", "The name is too long"});
               f.page = req.query_int("page", 1, 1, 100000);
               f.page_size = req.query_int("page_size", 50, 1, 200);
               long long total = 0;
               Json items = Json::array();
               for (const auto& t : service.teams(req.principal, f, &total)) items.push_back(team_json(t, false));
               return http::Response::json(200, {{"items", items}, {"total", total}, {"page", f.page}, {"page_size", f.page_size}});
             });
  router.add({.method = "GET", .pattern = "/api/v1/study/lecture-teams/{id}", .tag = "study",
              .summary = "One lecture team with its lecturers (active and left)", .permission = kPermRead},
             [&service](http::Request& req) {
               return http::Response::json(200, team_json(service.team(req.principal, req.id_param("id")), true));
             });
  router.add({.method = "PUT", .pattern = "/api/v1/study/lecture-teams/{id}", .tag = "study",
              .summary = "Rename an open lecture team or change its description", .permission = kPermWrite},
             [&service](http::Request& req) {
               const long long id = req.id_param("id");
               return http::Response::json(200, team_json(service.update_team(req.principal, id, team_input(req, false)), true));
             });
  router.add({.method = "POST", .pattern = "/api/v1/study/lecture-teams/{id}/close", .tag = "study",
              .summary = "Close a lecture team with no lecture awaiting confirmation", .permission = kPermWrite},
             [&service](http::Request& req) {
               return http::Response::json(200, team_json(service.close_team(req.principal, req.id_param("id")), true));
             });
  router.add({.method = "POST", .pattern = "/api/v1/study/lecture-teams/{id}/lecturers", .tag = "study",
              .summary = "A person of the team's organisation joins as a lecturer (person_id, topics, joined_on)",
              .permission = kPermWrite},
             [&service](http::Request& req) {
               const long long id = req.id_param("id");
               Json body = req.json();
               JsonFields f(body);
               LecturerInput in;
               in.person_id = f.required_int("person_id", 1, LLONG_MAX);
               in.topics = f.optional_string("topics", 200).value_or("");
               in.joined_on = f.optional_string("joined_on", 10).value_or("");
               f.finish();
               return http::Response::json(200, team_json(service.add_lecturer(req.principal, id, in), true));
             });
  router.add({.method = "PUT", .pattern = "/api/v1/study/lecture-teams/{id}/lecturers/{person_id}", .tag = "study",
              .summary = "Change an active lecturer's topics", .permission = kPermWrite},
             [&service](http::Request& req) {
               const long long id = req.id_param("id");
               Json body = req.json();
               JsonFields f(body);
               LecturerInput in;
               in.person_id = req.id_param("person_id");
               in.topics = f.optional_string("topics", 200).value_or("");
               f.finish();
               return http::Response::json(200, team_json(service.update_lecturer(req.principal, id, in), true));
             });
  router.add({.method = "POST", .pattern = "/api/v1/study/lecture-teams/{id}/lecturers/{person_id}/leave", .tag = "study",
              .summary = "A lecturer leaves the team (their lectures stay on record)", .permission = kPermWrite},
             [&service](http::Request& req) {
               const long long id = req.id_param("id");
               return http::Response::json(200, team_json(service.remove_lecturer(req.principal, id, req.id_param("person_id")), true));
             });
  router.add({.method = "POST", .pattern = "/api/v1/study/lectures", .tag = "study",
              .summary = "Record a lecture (team_id, topic, held_on, place, audience_kind cadres|public, audience_size, level "
                         "unit|district|city, lecturer_ids, photos, notes): confirmed at once, points to each lecturer",
              .permission = kPermWrite, .creates = true},
             [&service](http::Request& req) {
               return http::Response::json(201, lecture_json(service.record(req.principal, lecture_input(req))));
             });
  router.add({.method = "GET", .pattern = "/api/v1/study/lectures", .tag = "study",
              .summary = "Lectures of the teams in scope, latest first (team_id, node_id, person_id, status, level, "
                         "audience_kind, from, to, year, page, page_size)",
              .permission = kPermRead},
             [&service](http::Request& req) {
               const LectureFilter f = lecture_filter(req);
               long long total = 0;
               Json items = Json::array();
               for (const auto& l : service.lectures(req.principal, f, &total)) items.push_back(lecture_json(l));
               return http::Response::json(200, {{"items", items}, {"total", total}, {"page", f.page}, {"page_size", f.page_size}});
             });
  router.add({.method = "GET", .pattern = "/api/v1/study/lectures/stats", .tag = "study",
              .summary = "Confirmed lectures and their audience by level, year and month (the lecture filters)",
              .permission = kPermRead},
             [&service](http::Request& req) {
               return http::Response::json(200, stats_json(service.stats(req.principal, lecture_filter(req))));
             });
  router.add({.method = "GET", .pattern = "/api/v1/study/lectures/export", .tag = "study",
              .summary = "The filtered lectures as an .xlsx file (audited)", .permission = kPermRead},
             [&service](http::Request& req) {
               auto res = http::Response::text(200, service.export_xlsx(req.principal, lecture_filter(req)), kXlsxContentType);
               res.set_header("Content-Disposition",
                                        "attachment; filename=\"lectures.xlsx\"; filename*=UTF-8''%E5%AE%A3%E8%AE%B2%E8%AE%B0%E5%BD%95.xlsx");
               return res;
             });
  router.add({.method = "GET", .pattern = "/api/v1/study/lectures/{id}", .tag = "study",
              .summary = "One lecture (study.read in scope, or one of its lecturers)"},
             [&service](http::Request& req) {
               return http::Response::json(200, lecture_json(service.lecture(req.principal, req.id_param("id"))));
             });
  router.add({.method = "POST", .pattern = "/api/v1/study/lectures/{id}/confirm", .tag = "study",
              .summary = "Confirm a reported lecture: each lecturer earns the lecture's points once", .permission = kPermWrite},
             [&service](http::Request& req) {
               return http::Response::json(200, lecture_json(service.confirm(req.principal, req.id_param("id"))));
             });
  router.add({.method = "POST", .pattern = "/api/v1/study/lectures/{id}/reject", .tag = "study",
              .summary = "Send a reported lecture back with a reason", .permission = kPermWrite},
             [&service](http::Request& req) {
               const long long id = req.id_param("id");
               Json body = req.json();
               JsonFields f(body);
               const std::string reason = f.required_string("reason", 200);
               f.finish();
               return http::Response::json(200, lecture_json(service.reject(req.principal, id, reason)));
             });
  router.add({.method = "POST", .pattern = "/api/v1/study/lectures/{id}/cancel", .tag = "study",
              .summary = "Cancel a lecture awaiting confirmation (a confirmed one answers 409 lecture_confirmed)",
              .permission = kPermWrite},
             [&service](http::Request& req) {
               return http::Response::json(200, lecture_json(service.cancel(req.principal, req.id_param("id"), false)));
             });
  router.add({.method = "GET", .pattern = "/api/v1/study/lecturers/{person_id}/record", .tag = "study",
              .summary = "A lecturer's record: their lectures for teams in scope and the confirmed ones counted (year)",
              .permission = kPermRead},
             [&service](http::Request& req) {
               const int year = req.query_int("year", 0, 0, 2100);
               return http::Response::json(200, record_json(service.lecturer_record(req.principal, req.id_param("person_id"), year)));
             });
  router.add({.method = "GET", .pattern = "/api/v1/me/study/lectures", .tag = "study",
              .summary = "My lecture teams, my lectures and my record"},
             [&service](http::Request& req) { return http::Response::json(200, record_json(service.my_record(req.principal))); });
  router.add({.method = "POST", .pattern = "/api/v1/me/study/lectures", .tag = "study",
              .summary = "Report a lecture I gave (the lecture fields); it awaits the team administrator's confirmation",
              .creates = true},
             [&service](http::Request& req) {
               return http::Response::json(201, lecture_json(service.report(req.principal, lecture_input(req))));
             });
  router.add({.method = "POST", .pattern = "/api/v1/me/study/lectures/{id}/withdraw", .tag = "study",
              .summary = "Withdraw a lecture I reported while it awaits confirmation"},
             [&service](http::Request& req) {
               return http::Response::json(200, lecture_json(service.cancel(req.principal, req.id_param("id"), true)));
             });
}

}  // namespace xinhuo::study
