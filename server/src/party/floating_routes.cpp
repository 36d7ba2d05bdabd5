#include "party/floating_routes.hpp"

#include <climits>

namespace xinhuo::party {

namespace {

Json opt_text(const std::string& v) { return v.empty() ? Json(nullptr) : Json(v); }

Json floating_json(const FloatingRecord& f, const std::string& today) {
  return {{"id", f.id}, {"person_id", f.person_id}, {"person_name", f.person_name}, {"unit_id", f.unit_id},
          {"unit_name", f.unit_name}, {"branch_id", f.branch_id ? Json(f.branch_id) : Json(nullptr)},
          {"branch_name", opt_text(f.branch_name)}, {"destination", f.destination}, {"reason", f.reason},
          {"started_on", f.started_on}, {"expected_return_on", opt_text(f.expected_return_on)},
          {"certificate_no", opt_text(f.certificate_no)}, {"contact_name", opt_text(f.contact_name)},
          {"note", opt_text(f.note)}, {"status", f.status}, {"ended_on", opt_text(f.ended_on)},
          {"end_reason", opt_text(f.end_reason)}, {"end_note", opt_text(f.end_note)}, {"recorded_by", f.recorded_by_name},
          {"created_at", f.created_at}, {"ended_by", opt_text(f.ended_by_name)},
          // Still away after the day they said they would be back: the branch follows it up.
          {"past_expected", f.status == "active" && !f.expected_return_on.empty() && f.expected_return_on < today}};
}

}  // namespace

void add_floating_routes(http::Router& router, FloatingService& service) {
  router.add({.method = "POST", .pattern = "/api/v1/party/floating", .tag = "party",
              .summary = "Mark a full or probationary member floating (away from the branch for a while); one active record "
                         "per member",
              .permission = kPermWrite, .creates = true},
             [&service](http::Request& req) {
               Json body = req.json();
               JsonFields f(body);
               FloatingInput in;
               in.person_id = f.required_int("person_id", 1, LLONG_MAX);
               in.destination = f.required_string("destination", 100);
               in.reason = f.required_string("reason", 20);
               in.started_on = f.required_string("started_on", 10);
               in.expected_return_on = f.optional_string("expected_return_on", 10).value_or("");
               in.certificate_no = f.optional_string("certificate_no", 50).value_or("");
               in.contact_name = f.optional_string("contact_name", 60).value_or("");
               in.note = f.optional_string("note", 500).value_or("");
               f.finish();
               return http::Response::json(201, floating_json(service.create(req.principal, in), service.today()));
             });
  router.add({.method = "GET", .pattern = "/api/v1/party/floating", .tag = "party",
              .summary = "Floating members recorded in scope, active first (node_id, status active|returned|ended, name, page, "
                         "page_size), with the counts of active ones and of those past their expected return",
              .permission = kPermRead},
             [&service](http::Request& req) {
               FloatingFilter filter;
               filter.node_id = req.query_int("node_id", 0, 0, 2000000000);
               filter.status = req.query_param("status").value_or("");
               filter.name = req.query_param("name").value_or("");
               if (filter.name.size() > 60) throw Error::validation("name", {"姓名过长", "Name too long"});
               filter.page = req.query_int("page", 1, 1, 100000);
               filter.page_size = req.query_int("page_size", 50, 1, 200);
               const auto page = service.list(req.principal, filter);
               const std::string today = service.today();
               Json items = Json::array();
               for (const auto& f : page.items) items.push_back(floating_json(f, today));
               return http::Response::json(200, {{"items", items}, {"total", page.total}, {"page", filter.page},
                                                 {"page_size", filter.page_size}, {"active", page.active},
                                                 {"past_expected", page.past_expected}, {"today", today}});
             });
  router.add({.method = "POST", .pattern = "/api/v1/party/floating/{id}/return", .tag = "party",
              .summary = "Mark a floating member returned (the return date is on or after the departure, not in the future)",
              .permission = kPermWrite},
             [&service](http::Request& req) {
               Json body = req.json();
               JsonFields f(body);
               const std::string on = f.required_string("returned_on", 10);
               const std::string note = f.optional_string("note", 500).value_or("");
               f.finish();
               return http::Response::json(200, floating_json(service.mark_returned(req.principal, req.id_param("id"), on, note),
                                                              service.today()));
             });
}

}  // namespace xinhuo::party
