#include "party/meeting_routes.hpp"

#include <climits>

namespace xinhuo::party {

namespace {

Json opt_text(const std::string& v) { return v.empty() ? Json(nullptr) : Json(v); }

Json meeting_json(const Meeting& m, bool with_attendance) {
  Json j = {{"id", m.id}, {"node_id", m.node_id}, {"node_name", m.node_name}, {"branch_id", m.branch_id},
            {"branch_name", m.branch_name}, {"unit_name", m.unit_name}, {"meeting_type", m.meeting_type}, {"held_on", m.held_on},
            {"topic", m.topic}, {"host_person_id", m.host_person_id}, {"host_name", m.host_name},
            {"lecturer", opt_text(m.lecturer)}, {"lecturer_is_secretary", m.lecturer_is_secretary},
            {"location", opt_text(m.location)}, {"minutes", opt_text(m.minutes)}, {"photos", m.photos},
            {"status", m.status}, {"created_by", m.created_by_name}, {"created_at", m.created_at},
            {"closed_by", opt_text(m.closed_by_name)}, {"closed_at", opt_text(m.closed_at)},
            {"present", m.present}, {"excused", m.excused}, {"absent", m.absent}};
  if (with_attendance) {
    Json rows = Json::array();
    for (const auto& a : m.attendance)
      rows.push_back({{"person_id", a.person_id}, {"name", a.person_name}, {"party_status", a.party_status},
                      {"status", a.status}, {"reason", opt_text(a.reason)}});
    j["attendance"] = rows;
  }
  return j;
}

MeetingInput meeting_input(http::Request& req, bool creating) {
  Json body = req.json();
  JsonFields f(body);
  MeetingInput in;
  if (creating) {
    in.node_id = f.required_int("node_id", 1, LLONG_MAX);
    in.meeting_type = f.required_string("meeting_type", 30);
  }
  in.held_on = f.required_string("held_on", 10);
  in.topic = f.required_string("topic", 200);
  in.host_person_id = f.required_int("host_person_id", 1, LLONG_MAX);
  in.lecturer = f.optional_string("lecturer", 50).value_or("");
  in.lecturer_is_secretary = f.optional_bool("lecturer_is_secretary", false);
  in.location = f.optional_string("location", 100).value_or("");
  in.minutes = f.optional_string("minutes", 20000).value_or("");
  in.photos = f.optional_id_list("photos", 50);  // the service allows 9 and says so
  f.finish();
  return in;
}

}  // namespace

void add_meeting_routes(http::Router& router, MeetingService& service) {
  router.add({.method = "POST", .pattern = "/api/v1/party/meetings", .tag = "party",
              .summary = "Record a meeting of a branch or party group (meeting_type branch_general | branch_committee | party_group "
                         "| party_lecture | theme_day | life_meeting); attendance starts as the branch's members, present",
              .permission = kPermWrite, .creates = true},
             [&service](http::Request& req) {
               return http::Response::json(201, meeting_json(service.create(req.principal, meeting_input(req, true)), true));
             });
  router.add({.method = "GET", .pattern = "/api/v1/party/meetings", .tag = "party",
              .summary = "Meetings in scope, newest first, a page at a time (node_id, meeting_type, status open|closed, from, to, "
                         "page, page_size)",
              .permission = kPermRead},
             [&service](http::Request& req) {
               MeetingFilter f;
               f.node_id = req.query_int("node_id", 0, 0, 2000000000);
               f.meeting_type = req.query_param("meeting_type").value_or("");
               f.status = req.query_param("status").value_or("");
               f.from = req.query_param("from").value_or("");
               f.to = req.query_param("to").value_or("");
               f.page = req.query_int("page", 1, 1, 100000);
               f.page_size = req.query_int("page_size", 50, 1, 200);
               long long total = 0;
               Json items = Json::array();
               for (const auto& m : service.list(req.principal, f, &total)) items.push_back(meeting_json(m, false));
               return http::Response::json(200, {{"items", items}, {"total", total}, {"page", f.page}, {"page_size", f.page_size}});
             });
  router.add({.method = "GET", .pattern = "/api/v1/party/meetings/{id}", .tag = "party",
              .summary = "One meeting with its attendance", .permission = kPermRead},
             [&service](http::Request& req) {
               return http::Response::json(200, meeting_json(service.get(req.principal, req.id_param("id")), true));
             });
  router.add({.method = "PUT", .pattern = "/api/v1/party/meetings/{id}", .tag = "party",
              .summary = "Change an open meeting's date, topic, host, lecturer, place, minutes and photos",
              .permission = kPermWrite},
             [&service](http::Request& req) {
               const long long id = req.id_param("id");
               return http::Response::json(200, meeting_json(service.update(req.principal, id, meeting_input(req, false)), true));
             });
  router.add({.method = "DELETE", .pattern = "/api/v1/party/meetings/{id}", .tag = "party",
              .summary = "Delete an open meeting recorded by mistake", .permission = kPermWrite},
             [&service](http::Request& req) {
               service.remove(req.principal, req.id_param("id"));
               return http::Response::no_content();
             });
  router.add({.method = "PUT", .pattern = "/api/v1/party/meetings/{id}/attendance", .tag = "party",
              .summary = "Replace an open meeting's attendance: [{person_id, status present|excused|absent, reason}]",
              .permission = kPermWrite},
             [&service](http::Request& req) {
               Json body = req.json();
               JsonFields f(body);
               const Json& list = f.required_array("attendance");
               f.finish();
               std::vector<Attendance> rows;
               for (std::size_t i = 0; i < list.size(); ++i) {
                 const std::string prefix = "attendance[" + std::to_string(i) + "].";
                 if (!list[i].is_object())
                   throw Error::validation("attendance[" + std::to_string(i) + "]", {"每一项应为对象", "Each item is an object"});
                 JsonFields row(list[i], prefix);
                 Attendance a;
                 a.person_id = row.required_int("person_id", 1, LLONG_MAX);
                 a.status = row.required_string("status", 10);
                 a.reason = row.optional_string("reason", 200).value_or("");
                 row.finish();
                 rows.push_back(std::move(a));
               }
               return http::Response::json(200, meeting_json(service.set_attendance(req.principal, req.id_param("id"), rows), true));
             });
  router.add({.method = "POST", .pattern = "/api/v1/party/meetings/{id}/close", .tag = "party",
              .summary = "Close a held meeting: its attendance is published (points for those present, a deduction for "
                         "unexcused absence) and the record is frozen",
              .permission = kPermWrite},
             [&service](http::Request& req) {
               return http::Response::json(200, meeting_json(service.close(req.principal, req.id_param("id")), true));
             });
  router.add({.method = "GET", .pattern = "/api/v1/party/meeting-cadence", .tag = "party",
              .summary = "Branches and party groups in scope (node_id, page, page_size) with a red / yellow / green light "
                         "for each type of meeting they must hold and for the secretary's yearly party lecture",
              .permission = kPermRead},
             [&service](http::Request& req) {
               const int page = req.query_int("page", 1, 1, 100000), size = req.query_int("page_size", 50, 1, 200);
               long long total = 0;
               Json items = Json::array();
               for (const auto& b : service.cadence(req.principal, req.query_int("node_id", 0, 0, 2000000000), page, size, &total)) {
                 Json meeting_types = Json::array();
                 for (const auto& c : b.meeting_types)
                   meeting_types.push_back({{"meeting_type", c.meeting_type}, {"light", c.light}, {"last_held_on", opt_text(c.last_held_on)},
                                    {"period_first", c.period_first}, {"period_last", c.period_last},
                                    {"held_this_period", c.held_this_period}, {"missed_this_year", c.missed_this_year}});
                 items.push_back({{"node_id", b.node_id}, {"node_name", b.node_name}, {"node_type", b.node_type},
                                  {"unit_name", b.unit_name}, {"light", b.light}, {"meeting_types", meeting_types},
                                  {"secretary_lecture_light", opt_text(b.secretary_lecture_light)}});
               }
               return http::Response::json(200, {{"items", items}, {"total", total}, {"page", page}, {"page_size", size},
                                                 {"today", service.today()}});
             });
  router.add({.method = "GET", .pattern = "/api/v1/me/party/meetings", .tag = "party",
              .summary = "My meetings (the latest 100) with my attendance"},
             [&service](http::Request& req) {
               Json items = Json::array();
               for (const auto& m : service.mine(req.principal)) {
                 Json j = meeting_json(m, false);
                 j.erase("minutes");
                 j["my_status"] = m.attendance.empty() ? Json(nullptr) : Json(m.attendance.front().status);
                 items.push_back(j);
               }
               return http::Response::json(200, {{"items", items}});
             });
}

}  // namespace xinhuo::party
