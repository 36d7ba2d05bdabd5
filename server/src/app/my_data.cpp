// "My data": everything the platform holds about the caller, as one JSON file — the union of the caller's own read
// endpoints, called through the router with the caller's Principal, so each part obeys the same rules as the page
// that shows it (an account without a person record simply has no person parts).
#include "app/my_data.hpp"

#include "audit/recorder.hpp"
#include "core/log.hpp"

namespace xinhuo::app {

namespace {
struct Part {
  const char* key;
  const char* path;
  const char* query;
};
const Part kParts[] = {
    {"account", "/api/v1/auth/me", ""},
    {"sessions", "/api/v1/auth/sessions", ""},
    {"person", "/api/v1/me/person", ""},
    {"points", "/api/v1/me/points", ""},
    {"points_entries", "/api/v1/me/points/entries", ""},
    {"points_claims", "/api/v1/me/points/claims", ""},
    {"points_appeals", "/api/v1/me/points/appeals", ""},
};
}  // namespace

void add_my_data_route(http::Router& router, db::Database& db, const Clock& clock) {
  router.add({.method = "GET", .pattern = "/api/v1/me/data", .tag = "account",
              .summary = "Everything held about me (account, sessions, person record, points) as a JSON file (audited)"},
             [&router, &db, &clock](http::Request& req) {
               Json out = {{"format", "xinhuo.my-data.v1"}, {"exported_at", iso_utc(clock.now())}};
               for (const auto& part : kParts) {
                 http::Request sub;
                 sub.method = "GET";
                 sub.path = part.path;
                 sub.query = part.query;
                 sub.headers = req.headers;
                 sub.principal = req.principal;
                 sub.request_id = req.request_id;
                 auto match = router.match("GET", part.path);
                 if (!match.handler || (!match.spec->permission.empty() && !req.principal.can(match.spec->permission)))
                   continue;
                 sub.route = match.spec;
                 try {
                   const http::Response r = (*match.handler)(sub);
                   out[part.key] = r.status == 200 ? Json::parse(r.body, nullptr, false) : Json(nullptr);
                 } catch (const Error&) {
                   out[part.key] = nullptr;  // e.g. no person record linked to this account
                 }
               }
               db::Tx tx(db);
               audit::record(tx, req.principal, {.action = "self.data_exported", .target_type = "account",
                                                 .target_id = std::to_string(req.principal.account_id)},
                             clock.now());
               tx.commit();
               auto res = http::Response::json(200, out);
               res.set_header("Content-Disposition", "attachment; filename=\"my-data.json\"");
               return res;
             });
}

}  // namespace xinhuo::app
