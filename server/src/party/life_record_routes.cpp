#include "party/life_record_routes.hpp"

#include <climits>

namespace xinhuo::party {

namespace {

Json opt_text(const std::string& v) { return v.empty() ? Json(nullptr) : Json(v); }

Json appraisal_json(const Appraisal& a, bool with_grades) {
  Json j = {{"id", a.id}, {"branch_id", a.branch_id}, {"branch_name", a.branch_name}, {"year", a.year},
            {"decided_on", a.decided_on}, {"note", opt_text(a.note)}, {"recorded_by", a.recorded_by_name},
            {"recorded_at", a.recorded_at}};
  if (with_grades) {
    Json grades = Json::array();
    for (const auto& g : a.grades)
      grades.push_back({{"person_id", g.person_id}, {"name", g.person_name}, {"grade", g.grade}, {"note", opt_text(g.note)}});
    j["grades"] = grades;
  }
  return j;
}

Json reward_json(const RewardPunishment& x) {
  return {{"id", x.id}, {"person_id", x.person_id}, {"person_name", x.person_name}, {"category", x.category},
          {"form", x.form}, {"decided_on", x.decided_on}, {"decided_by", x.decided_by},
          {"document_no", opt_text(x.document_no)},
          {"probation_months", x.probation_months ? Json(x.probation_months) : Json(nullptr)}, {"reason", x.reason},
          {"documents", x.documents}, {"recorded_by", x.recorded_by_name}, {"recorded_at", x.recorded_at}};
}

Json timeline_json(const Timeline& t) {
  Json items = Json::array();
  for (const auto& i : t.items)
    items.push_back({{"date", i.date}, {"type", i.type}, {"code", i.code}, {"status", opt_text(i.status)},
                     {"text", opt_text(i.text)}, {"ref_id", i.ref_id}});
  return {{"person", {{"id", t.person.id}, {"name", t.person.name}, {"party_status", t.person.party_status},
                      {"status", t.person.status}, {"party_joined_date", opt_text(t.party_joined_date)},
                      {"unit_name", t.unit_name}, {"branch_name", opt_text(t.branch_name)}}},
          {"items", items}};
}

}  // namespace

void add_life_record_routes(http::Router& router, LifeRecordService& service) {
  router.add({.method = "POST", .pattern = "/api/v1/party/appraisals", .tag = "party",
              .summary = "Record a branch's democratic appraisal of a year: every party member of the branch graded "
                         "(excellent | qualified | basically_qualified | unqualified | not_rated)",
              .permission = kPermWrite, .creates = true},
             [&service](http::Request& req) {
               Json body = req.json();
               JsonFields f(body);
               Appraisal a;
               a.branch_id = f.required_int("branch_id", 1, LLONG_MAX);
               a.year = static_cast<int>(f.required_int("year", 1900, 9999));
               a.decided_on = f.required_string("decided_on", 10);
               a.note = f.optional_string("note", 1000).value_or("");
               const Json& grades = f.required_array("grades");
               f.finish();
               if (grades.size() > 500) throw Error::validation("grades", {"名单最多 500 人", "At most 500 people"});
               for (std::size_t i = 0; i < grades.size(); ++i) {
                 const std::string prefix = "grades[" + std::to_string(i) + "]";
                 if (!grades[i].is_object()) throw Error::validation(prefix, {"每一项应为对象", "Each item is an object"});
                 JsonFields g(grades[i], prefix + ".");
                 AppraisalGrade x;
                 x.person_id = g.required_int("person_id", 1, LLONG_MAX);
                 x.grade = g.required_string("grade", 30);
                 x.note = g.optional_string("note", 500).value_or("");
                 g.finish();
                 a.grades.push_back(std::move(x));
               }
               return http::Response::json(201, appraisal_json(service.record_appraisal(req.principal, a), true));
             });
  router.add({.method = "GET", .pattern = "/api/v1/party/appraisals", .tag = "party",
              .summary = "Appraisals of branches in scope (node_id, year), newest first", .permission = kPermRead},
             [&service](http::Request& req) {
               Json items = Json::array();
               for (const auto& a : service.appraisals(req.principal, req.query_int("node_id", 0, 0, 2000000000),
                                                       req.query_int("year", 0, 0, 9999)))
                 items.push_back(appraisal_json(a, false));
               return http::Response::json(200, {{"items", items}});
             });
  router.add({.method = "GET", .pattern = "/api/v1/party/appraisals/{id}", .tag = "party",
              .summary = "One appraisal with every member's grade", .permission = kPermRead},
             [&service](http::Request& req) {
               return http::Response::json(200, appraisal_json(service.appraisal(req.principal, req.id_param("id")), true));
             });
  router.add({.method = "POST", .pattern = "/api/v1/party/rewards-punishments", .tag = "party",
              .summary = "Record a reward or a party discipline punishment of a member (form outstanding_member | "
                         "outstanding_party_worker | commendation | other_reward | warning | serious_warning | "
                         "removal_from_post | probation_in_party | expulsion); expulsion ends the membership",
              .permission = kPermWrite, .creates = true},
             [&service](http::Request& req) {
               Json body = req.json();
               JsonFields f(body);
               RewardPunishment x;
               x.person_id = f.required_int("person_id", 1, LLONG_MAX);
               x.form = f.required_string("form", 40);
               x.decided_on = f.required_string("decided_on", 10);
               x.decided_by = f.required_string("decided_by", 100);
               x.document_no = f.optional_string("document_no", 60).value_or("");
               x.probation_months = static_cast<int>(f.optional_int("probation_months", 1, 60).value_or(0));
               x.reason = f.required_string("reason", 2000);
               x.documents = f.optional_id_list("documents", 20);
               f.finish();
               return http::Response::json(201, reward_json(service.record_reward_punishment(req.principal, x)));
             });
  router.add({.method = "GET", .pattern = "/api/v1/party/rewards-punishments", .tag = "party",
              .summary = "Rewards and punishments of members in scope (category reward | punishment), newest first",
              .permission = kPermRead},
             [&service](http::Request& req) {
               Json items = Json::array();
               for (const auto& x : service.rewards_punishments(req.principal, req.query_param("category").value_or("")))
                 items.push_back(reward_json(x));
               return http::Response::json(200, {{"items", items}});
             });
  router.add({.method = "GET", .pattern = "/api/v1/party/people/{id}/timeline", .tag = "party",
              .summary = "A member's life-cycle timeline: development steps and reports, meetings, appraisals, rewards "
                         "and punishments, transfers, dues payments and status changes, oldest first",
              .permission = kPermRead},
             [&service](http::Request& req) {
               return http::Response::json(200, timeline_json(service.timeline(req.principal, req.id_param("id"))));
             });
  router.add({.method = "GET", .pattern = "/api/v1/me/party/timeline", .tag = "party",
              .summary = "My own life-cycle timeline"},
             [&service](http::Request& req) { return http::Response::json(200, timeline_json(service.my_timeline(req.principal))); });
}

}  // namespace xinhuo::party
