#include "record/routes.hpp"

#include <climits>

#include "core/xlsx.hpp"

namespace xinhuo::record {

namespace {

Json opt_text(const std::string& v) { return v.empty() ? Json(nullptr) : Json(v); }

Json entry_json(const Entry& e) {
  Json history = Json::array();
  for (const auto& h : e.history)
    history.push_back({{"action", h.action}, {"from_state", opt_text(h.from_state)}, {"to_state", h.to_state},
                       {"note", opt_text(h.note)}, {"actor_name", h.actor_name}, {"at", h.at}});
  Json evidence = Json::array();
  for (auto id : e.evidence) evidence.push_back(id);
  return {{"id", e.id}, {"person_id", e.person_id}, {"person_name", e.person_name}, {"unit_name", e.unit_name},
          {"category", e.category}, {"fact_date", e.fact_date}, {"title", e.title}, {"content", e.content},
          {"source_kind", e.source_kind}, {"source_name", opt_text(e.source_name)},
          {"recorder_person_id", e.recorder_person_id ? Json(e.recorder_person_id) : Json(nullptr)},
          {"recorder_name", e.recorder_name}, {"evidence", evidence}, {"state", e.state},
          {"decision_note", opt_text(e.decision_note)}, {"decided_by", opt_text(e.decided_by_name)},
          {"decided_at", opt_text(e.decided_at)}, {"response", opt_text(e.response)}, {"responded_at", opt_text(e.responded_at)},
          {"contest_reason", opt_text(e.contest_reason)}, {"contested_at", opt_text(e.contested_at)},
          {"resolution", opt_text(e.resolution)}, {"resolution_note", opt_text(e.resolution_note)},
          {"resolved_by", opt_text(e.resolved_by_name)}, {"resolved_at", opt_text(e.resolved_at)},
          {"from_event", !e.source_key.empty()}, {"created_at", e.created_at}, {"updated_at", e.updated_at},
          {"history", history}};
}

Json comment_json(const Comment& c) {
  return {{"id", c.id}, {"person_id", c.person_id}, {"period", c.period}, {"version", c.version}, {"current", c.current},
          {"leader_name", c.leader_name}, {"leader_position", opt_text(c.leader_position)}, {"content", c.content},
          {"written_by", c.written_by_name}, {"written_at", c.written_at}};
}

Json comments_json(const std::vector<Comment>& comments) {
  Json items = Json::array();
  for (const auto& c : comments) items.push_back(comment_json(c));
  return {{"items", items}};
}

EntryFilter filter_of(http::Request& req) {
  EntryFilter f;
  f.person_id = req.query_int("person_id", 0, 0, 2000000000);
  f.node_id = req.query_int("node_id", 0, 0, 2000000000);
  f.category = req.query_param("category").value_or("");
  f.state = req.query_param("state").value_or("");
  f.source_kind = req.query_param("source_kind").value_or("");
  f.from = req.query_param("from").value_or("");
  f.to = req.query_param("to").value_or("");
  f.q = req.query_param("q").value_or("");
  if (f.q.size() > 100) throw Error::validation("q", {"查询内容过长", "The search text is too long"});
  f.page = req.query_int("page", 1, 1, 100000);
  f.page_size = req.query_int("page_size", 50, 1, 200);
  return f;
}

EntryInput entry_of(http::Request& req, bool self) {
  Json body = req.json();
  JsonFields f(body);
  EntryInput in;
  if (!self) in.person_id = f.required_int("person_id", 1, LLONG_MAX);
  in.category = f.required_string("category", 30);
  in.fact_date = f.required_string("fact_date", 10);
  in.title = f.required_string("title", 100);
  in.content = f.required_string("content", 4000);
  if (!self) in.source_kind = f.required_string("source_kind", 20);
  in.source_name = f.optional_string("source_name", 50).value_or("");
  in.evidence = f.optional_id_list("evidence", 9);
  f.finish();
  return in;
}

Json items_of(const std::vector<Entry>& entries) {
  Json items = Json::array();
  for (const auto& e : entries) items.push_back(entry_json(e));
  return items;
}

}  // namespace

void add_routes(http::Router& router, RecordService& service) {
  router.add({.method = "POST", .pattern = "/api/v1/record/entries", .tag = "record",
              .summary = "Record an entry about a person in scope (category, fact_date not in the future, title ≤ 100, content ≤ "
                         "4000, source_kind unit | leader | residents | inspection, source_name — required for "
                         "conduct_outside —, evidence: up to 9 uploaded files); confirmed and shown to the person at once",
              .permission = kPermWrite, .creates = true},
             [&service](http::Request& req) {
               return http::Response::json(201, entry_json(service.create(req.principal, entry_of(req, false))));
             });
  router.add({.method = "GET", .pattern = "/api/v1/record/entries", .tag = "record",
              .summary = "Entries about people in scope, latest fact first (person_id, node_id, category, state, source_kind, "
                         "from, to, q, page, page_size)",
              .permission = kPermRead},
             [&service](http::Request& req) {
               const EntryFilter f = filter_of(req);
               long long total = 0;
               Json items = items_of(service.list(req.principal, f, &total));
               return http::Response::json(200, {{"items", items}, {"total", total}, {"page", f.page}, {"page_size", f.page_size}});
             });
  router.add({.method = "GET", .pattern = "/api/v1/record/entries/export", .tag = "record",
              .summary = "The filtered entries as an .xlsx file (audited)", .permission = kPermRead},
             [&service](http::Request& req) {
               auto res = http::Response::text(200, service.export_xlsx(req.principal, filter_of(req)), kXlsxContentType);
               res.set_header("Content-Disposition",
                              "attachment; filename=\"record.xlsx\"; filename*=UTF-8''%E5%B9%B2%E9%83%A8%E7%BA%AA%E5%AE%9E.xlsx");
               return res;
             });
  router.add({.method = "GET", .pattern = "/api/v1/record/entries/{id}", .tag = "record",
              .summary = "One entry with its history", .permission = kPermRead},
             [&service](http::Request& req) {
               return http::Response::json(200, entry_json(service.get(req.principal, req.id_param("id"))));
             });
  const std::vector<std::pair<std::string, std::string>> decisions = {
      {"confirm", "Confirm a pending self-report"},
      {"reject", "Reject a pending self-report ({reason})"},
      {"withdraw", "Withdraw a confirmed entry ({reason}); it is kept, marked withdrawn"},
      {"resolve", "Resolve a contested entry ({outcome: upheld | withdrawn, note}): upheld keeps it with the note"},
  };
  for (const auto& [action, summary] : decisions) {
    router.add({.method = "POST", .pattern = "/api/v1/record/entries/{id}/" + action, .tag = "record",
                .summary = summary + "; 409 record_state when the entry is no longer in the state this starts from",
                .permission = kPermWrite},
               [&service, action](http::Request& req) {
                 const long long id = req.id_param("id");
                 Json body = req.body.empty() ? Json::object() : req.json();
                 JsonFields f(body);
                 std::string outcome, note;
                 if (action == "reject" || action == "withdraw") note = f.required_string("reason", 1000);
                 if (action == "confirm") note = f.optional_string("note", 1000).value_or("");
                 if (action == "resolve") {
                   outcome = f.required_string("outcome", 20);
                   note = f.required_string("note", 2000);
                 }
                 f.finish();
                 return http::Response::json(200, entry_json(service.decide(req.principal, id, action, outcome, note)));
               });
  }
  for (const bool mine : {false, true}) {
    router.add({.method = "GET",
                .pattern = std::string(mine ? "/api/v1/me/record" : "/api/v1/record") + "/entries/{id}/evidence/{file_id}",
                .tag = "record",
                .summary = mine ? "A photo attached to an entry about me" : "A photo attached to an entry in scope",
                .permission = mine ? "" : kPermRead},
               [&service, mine](http::Request& req) {
                 auto [f, bytes] = service.evidence(req.principal, req.id_param("id"), req.id_param("file_id"), mine);
                 auto res = http::Response::text(200, std::move(bytes), f.content_type);
                 res.set_header("Content-Disposition", "inline");
                 return res;
               });
  }
  router.add({.method = "GET", .pattern = "/api/v1/record/people/{id}/comments", .tag = "record",
              .summary = "Leaders' comments on a person in scope, every version, latest period first", .permission = kPermRead},
             [&service](http::Request& req) {
               return http::Response::json(200, comments_json(service.comments(req.principal, req.id_param("id"))));
             });
  router.add({.method = "PUT", .pattern = "/api/v1/record/people/{id}/comments/{period}", .tag = "record",
              .summary = "Write the leader's comment for a period (2026 or 2026H1): {leader_name, leader_position, content, "
                         "base_version: the current version replaced, 0 for the first}; the old version is kept; 409 "
                         "comment_version when it changed meanwhile",
              .permission = kPermWrite},
             [&service](http::Request& req) {
               const long long person = req.id_param("id");
               Json body = req.json();
               JsonFields f(body);
               CommentInput in;
               in.period = req.path_params.at("period");
               in.leader_name = f.required_string("leader_name", 50);
               in.leader_position = f.optional_string("leader_position", 50).value_or("");
               in.content = f.required_string("content", 2000);
               in.base_version = static_cast<int>(f.optional_int("base_version", 0, 100000).value_or(0));
               f.finish();
               return http::Response::json(200, comment_json(service.write_comment(req.principal, person, in)));
             });
  router.add({.method = "GET", .pattern = "/api/v1/me/record/entries", .tag = "record",
              .summary = "Every entry about me, in every state, latest fact first"},
             [&service](http::Request& req) {
               return http::Response::json(200, {{"items", items_of(service.mine(req.principal))}});
             });
  router.add({.method = "POST", .pattern = "/api/v1/me/record/entries", .tag = "record",
              .summary = "Report an entry about myself (category, fact_date, title, content, source_name, evidence); pending "
                         "until my unit confirms or rejects it",
              .creates = true},
             [&service](http::Request& req) {
               return http::Response::json(201, entry_json(service.report(req.principal, entry_of(req, true))));
             });
  router.add({.method = "GET", .pattern = "/api/v1/me/record/entries/{id}", .tag = "record",
              .summary = "One entry about me with its history"},
             [&service](http::Request& req) {
               return http::Response::json(200, entry_json(service.my_entry(req.principal, req.id_param("id"))));
             });
  router.add({.method = "POST", .pattern = "/api/v1/me/record/entries/{id}/respond", .tag = "record",
              .summary = "Add my note to an entry about me ({response})"},
             [&service](http::Request& req) {
               const long long id = req.id_param("id");
               Json body = req.json();
               JsonFields f(body);
               const std::string text = f.required_string("response", 1000);
               f.finish();
               return http::Response::json(200, entry_json(service.answer(req.principal, id, "respond", text)));
             });
  router.add({.method = "POST", .pattern = "/api/v1/me/record/entries/{id}/contest", .tag = "record",
              .summary = "Contest a confirmed entry about me ({reason}); it shows both sides until the unit resolves it"},
             [&service](http::Request& req) {
               const long long id = req.id_param("id");
               Json body = req.json();
               JsonFields f(body);
               const std::string text = f.required_string("reason", 1000);
               f.finish();
               return http::Response::json(200, entry_json(service.answer(req.principal, id, "contest", text)));
             });
  router.add({.method = "GET", .pattern = "/api/v1/me/record/comments", .tag = "record",
              .summary = "Leaders' comments on me, every version"},
             [&service](http::Request& req) { return http::Response::json(200, comments_json(service.my_comments(req.principal))); });
}

}  // namespace xinhuo::record
