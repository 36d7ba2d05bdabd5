#include "party/transfer_routes.hpp"

#include <climits>

namespace xinhuo::party {

namespace {

Json opt_text(const std::string& v) { return v.empty() ? Json(nullptr) : Json(v); }
Json opt_id(long long v) { return v ? Json(v) : Json(nullptr); }

Json transfer_json(const Transfer& t, bool flagged) {
  return {{"id", t.id}, {"person_id", t.person_id}, {"person_name", t.person_name}, {"kind", t.kind},
          {"from_branch_id", opt_id(t.from_branch_id)}, {"from_branch_name", opt_text(t.from_branch_name)},
          {"to_branch_id", opt_id(t.to_branch_id)}, {"to_branch_name", opt_text(t.to_branch_name)},
          {"outside_org", opt_text(t.outside_org)}, {"letter_no", opt_text(t.letter_no)}, {"issued_on", t.issued_on},
          {"status", t.status}, {"note", opt_text(t.note)}, {"issued_by", t.issued_by_name}, {"created_at", t.created_at},
          {"decided_by", opt_text(t.decided_by_name)}, {"decided_on", opt_text(t.decided_on)},
          {"decision_note", opt_text(t.decision_note)}, {"flagged", flagged}};
}

}  // namespace

void add_transfer_routes(http::Router& router, TransferService& service) {
  router.add({.method = "POST", .pattern = "/api/v1/party/transfers", .tag = "party",
              .summary = "Issue an organisational relationship transfer (internal, out_of_city or into_city)",
              .permission = kPermWrite, .creates = true},
             [&service](http::Request& req) {
               Json body = req.json();
               JsonFields f(body);
               TransferInput in;
               in.person_id = f.required_int("person_id", 1, LLONG_MAX);
               in.kind = f.optional_string("kind", 20).value_or("internal");
               in.to_branch_id = f.optional_int("to_branch_id", 1, LLONG_MAX).value_or(0);
               in.outside_org = f.optional_string("outside_org", 100).value_or("");
               in.letter_no = f.optional_string("letter_no", 50).value_or("");
               in.issued_on = f.required_string("issued_on", 10);
               in.note = f.optional_string("note", 500).value_or("");
               f.finish();
               const auto t = service.issue(req.principal, in);
               return http::Response::json(201, transfer_json(t, service.flagged(t)));
             });
  router.add({.method = "GET", .pattern = "/api/v1/party/transfers", .tag = "party",
              .summary = "Transfers of members in scope or into branches in scope (status pending|confirmed|cancelled); "
                         "pending for more than 3 months are flagged",
              .permission = kPermRead},
             [&service](http::Request& req) {
               Json items = Json::array();
               for (const auto& t : service.list(req.principal, req.query_param("status").value_or("")))
                 items.push_back(transfer_json(t, service.flagged(t)));
               return http::Response::json(200, {{"items", items}});
             });
  router.add({.method = "GET", .pattern = "/api/v1/party/branches", .tag = "party",
              .summary = "Names-only directory of the city's open branches and general branches for choosing where a transfer "
                         "goes (q: part of the branch or unit name, type branch|general_branch, page, page_size ≤ 50); no people",
              .permission = kPermWrite},
             [&service](http::Request& req) {
               const std::string q = req.query_param("q").value_or("");
               if (q.size() > 150) throw Error::validation("q", {"查询文字过长", "Search text too long"});
               const std::string type = req.query_param("type").value_or("");
               const int page = req.query_int("page", 1, 1, 100000), size = req.query_int("page_size", 20, 1, 50);
               long long total = 0;
               Json items = Json::array();
               for (const auto& b : service.branch_directory(req.principal, q, type, page, size, &total))
                 items.push_back({{"id", b.id}, {"name", b.name}, {"node_type", b.node_type},
                                  {"unit_id", b.unit_id ? Json(b.unit_id) : Json(nullptr)},
                                  {"unit_name", opt_text(b.unit_name)}, {"path_label", b.path_label}});
               return http::Response::json(200, {{"items", items}, {"total", total}, {"page", page}, {"page_size", size}});
             });
  router.add({.method = "POST", .pattern = "/api/v1/party/transfers/{id}/confirm", .tag = "party",
              .summary = "The receiving side confirms: the member moves to the new branch in the same transaction",
              .permission = kPermWrite},
             [&service](http::Request& req) {
               Json body = req.json();
               JsonFields f(body);
               const std::string on = f.required_string("confirmed_on", 10);
               const std::string note = f.optional_string("note", 500).value_or("");
               f.finish();
               const auto t = service.confirm(req.principal, req.id_param("id"), on, note);
               return http::Response::json(200, transfer_json(t, false));
             });
  router.add({.method = "POST", .pattern = "/api/v1/party/transfers/{id}/cancel", .tag = "party",
              .summary = "The issuing side withdraws a transfer that is still pending", .permission = kPermWrite},
             [&service](http::Request& req) {
               Json body = req.json();
               JsonFields f(body);
               const std::string reason = f.required_string("reason", 500);
               f.finish();
               const auto t = service.cancel(req.principal, req.id_param("id"), reason);
               return http::Response::json(200, transfer_json(t, false));
             });
}

}  // namespace xinhuo::party
