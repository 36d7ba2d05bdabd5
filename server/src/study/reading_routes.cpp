#include "study/reading_routes.hpp"

#include <climits>

namespace xinhuo::study {

namespace {

Json nullable(const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); }

Json reading_json(const Reading& r) {
  return {{"id", r.id},
          {"node_id", r.node_id},
          {"node_name", r.node_name},
          {"group_id", r.group_id ? Json(r.group_id) : Json(nullptr)},
          {"group_name", nullable(r.group_name)},
          {"book_title", r.book_title},
          {"author", r.author},
          {"description", r.description},
          {"starts_on", r.starts_on},
          {"ends_on", r.ends_on},
          {"status", r.status},
          {"created_by_name", r.created_by_name},
          {"created_at", r.created_at},
          {"closed_at", nullable(r.closed_at)},
          {"expected", r.expected},
          {"notes", r.notes},
          {"excellent", r.excellent}};
}

Json note_json(const ReadingNote& n) {
  return {{"id", n.id ? Json(n.id) : Json(nullptr)},
          {"reading_id", n.reading_id},
          {"person_id", n.person_id},
          {"name", n.name},
          {"unit_name", n.unit_name},
          {"content", n.content},
          {"photo_file_id", n.photo_file_id ? Json(n.photo_file_id) : Json(nullptr)},
          {"excellent", n.excellent},
          {"created_at", nullable(n.created_at)},
          {"updated_at", nullable(n.updated_at)}};
}

Json mine_json(const Reading& r, const std::optional<ReadingNote>& note) {
  Json j = reading_json(r);
  j["my_note"] = note ? note_json(*note) : Json(nullptr);
  return j;
}

ReadingInput reading_input(http::Request& req, bool creating) {
  Json body = req.json();
  JsonFields f(body);
  ReadingInput in;
  if (creating) {
    in.group_id = f.optional_int("group_id", 1, LLONG_MAX).value_or(0);
    in.node_id = f.optional_int("node_id", 1, LLONG_MAX).value_or(0);
    if (!in.group_id && !in.node_id)
      throw Error::validation("node_id", {"请选择学习小组或组织", "Choose a study group or an organisation"});
    if (in.group_id && in.node_id)
      throw Error::validation("node_id", {"学习小组和组织只选其一", "Choose a study group or an organisation, not both"});
  }
  in.book_title = f.required_string("book_title", 100);
  in.author = f.optional_string("author", 60).value_or("");
  in.description = f.optional_string("description", 1000).value_or("");
  in.starts_on = f.required_string("starts_on", 10);
  in.ends_on = f.required_string("ends_on", 10);
  f.finish();
  return in;
}

}  // namespace

void add_reading_routes(http::Router& router, ReadingService& service) {
  router.add({.method = "POST", .pattern = "/api/v1/study/readings", .tag = "study",
              .summary = "Set a reading activity for a study group (group_id) or the people of an org node (node_id): "
                         "book_title, author, description, starts_on, ends_on",
              .permission = kPermWrite, .creates = true},
             [&service](http::Request& req) {
               return http::Response::json(201, reading_json(service.create(req.principal, reading_input(req, true))));
             });
  router.add({.method = "GET", .pattern = "/api/v1/study/readings", .tag = "study",
              .summary = "Reading activities organised in scope (node_id, status open|closed, title, page, page_size)",
              .permission = kPermRead},
             [&service](http::Request& req) {
               ReadingFilter f;
               f.node_id = req.query_int("node_id", 0, 0, 2000000000);
               f.status = req.query_param("status").value_or("");
               f.title = req.query_param("title").value_or("");
               if (f.title.size() > 100) throw Error::validation("title", {"书名过长", "The title is too long"});
               f.page = req.query_int("page", 1, 1, 100000);
               f.page_size = req.query_int("page_size", 20, 1, 200);
               long long total = 0;
               Json items = Json::array();
               for (const auto& r : service.list(req.principal, f, &total)) items.push_back(reading_json(r));
               return http::Response::json(200, {{"items", items}, {"total", total}, {"page", f.page}, {"page_size", f.page_size}});
             });
  router.add({.method = "GET", .pattern = "/api/v1/study/readings/{id}", .tag = "study", .summary = "One reading activity",
              .permission = kPermRead},
             [&service](http::Request& req) {
               return http::Response::json(200, reading_json(service.get(req.principal, req.id_param("id"))));
             });
  router.add({.method = "PUT", .pattern = "/api/v1/study/readings/{id}", .tag = "study",
              .summary = "Edit an open reading activity (book_title, author, description, starts_on, ends_on)",
              .permission = kPermWrite},
             [&service](http::Request& req) {
               const long long id = req.id_param("id");
               return http::Response::json(200, reading_json(service.update(req.principal, id, reading_input(req, false))));
             });
  router.add({.method = "POST", .pattern = "/api/v1/study/readings/{id}/close", .tag = "study",
              .summary = "Close a reading activity: notes can no longer be written or edited", .permission = kPermWrite},
             [&service](http::Request& req) {
               return http::Response::json(200, reading_json(service.close(req.principal, req.id_param("id"))));
             });
  router.add({.method = "GET", .pattern = "/api/v1/study/readings/{id}/notes", .tag = "study",
              .summary = "The audience in scope with their notes (status submitted|pending|excellent, page, page_size)",
              .permission = kPermRead},
             [&service](http::Request& req) {
               const long long id = req.id_param("id");
               const int page = req.query_int("page", 1, 1, 100000), size = req.query_int("page_size", 50, 1, 200);
               long long total = 0;
               Json items = Json::array();
               for (const auto& n : service.notes(req.principal, id, req.query_param("status").value_or(""), page, size, &total))
                 items.push_back(note_json(n));
               return http::Response::json(200, {{"items", items}, {"total", total}, {"page", page}, {"page_size", size}});
             });
  router.add({.method = "PUT", .pattern = "/api/v1/study/readings/{id}/notes/{note_id}/excellent", .tag = "study",
              .summary = "Mark a note excellent or take the mark away (excellent: true|false)", .permission = kPermWrite},
             [&service](http::Request& req) {
               const long long id = req.id_param("id"), note = req.id_param("note_id");
               Json body = req.json();
               JsonFields f(body);
               const bool excellent = f.optional_bool("excellent", true);
               f.finish();
               return http::Response::json(200, note_json(service.mark(req.principal, id, note, excellent)));
             });
  router.add({.method = "GET", .pattern = "/api/v1/me/study/readings", .tag = "study",
              .summary = "My reading activities (open, and closed in the last year) with my note"},
             [&service](http::Request& req) {
               Json items = Json::array();
               for (const auto& [r, note] : service.mine(req.principal)) items.push_back(mine_json(r, note));
               return http::Response::json(200, {{"items", items}});
             });
  router.add({.method = "GET", .pattern = "/api/v1/me/study/readings/{id}", .tag = "study",
              .summary = "One of my reading activities with my note"},
             [&service](http::Request& req) {
               const auto [r, note] = service.my_reading(req.principal, req.id_param("id"));
               return http::Response::json(200, mine_json(r, note));
             });
  router.add({.method = "PUT", .pattern = "/api/v1/me/study/readings/{id}/note", .tag = "study",
              .summary = "Write or rewrite my reading note while the activity is open (content 20–5000 characters, "
                         "photo_file_id: a photo I uploaded)"},
             [&service](http::Request& req) {
               const long long id = req.id_param("id");
               Json body = req.json();
               JsonFields f(body);
               const std::string content = f.required_string("content", kNoteMaxChars + 1);
               const long long photo = f.optional_int("photo_file_id", 1, LLONG_MAX).value_or(0);
               f.finish();
               return http::Response::json(200, note_json(service.write_note(req.principal, id, content, photo)));
             });
}

}  // namespace xinhuo::study
