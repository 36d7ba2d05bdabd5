#include "org/import_routes.hpp"

#include "core/xlsx.hpp"

namespace xinhuo::org {

namespace {

std::vector<ImportRow> rows_from(JsonFields& body) {
  const Json* rows = &body.required_array("rows");
  std::vector<ImportRow> out;
  std::size_t index = 0;
  for (const auto& item : *rows) {
    JsonFields f(item, "rows[" + std::to_string(index++) + "].");
    ImportRow row;
    row.row = static_cast<int>(f.required_int("row", 1, 1000000));
    for (const auto& c : import_columns())
      if (auto v = f.optional_string(c.key, 200)) row.cells[c.key] = *v;
    f.finish();
    out.push_back(std::move(row));
  }
  return out;
}

// Messages in the caller's language (Accept-Language), like every error.
Json errors_json(const std::vector<RowError>& errors, bool english) {
  Json out = Json::array();
  for (const auto& e : errors) out.push_back({{"row", e.row}, {"column", e.column}, {"message", e.message.in(english)}});
  return out;
}

}  // namespace

void add_import_routes(http::Router& router, ImportService& service) {
  router.add({.method = "GET", .pattern = "/api/v1/people/imports/template", .tag = "people",
              .summary = "The .xlsx template for importing people", .permission = kPermPeopleImport},
             [&service](http::Request&) {
               auto res = http::Response::text(200, service.template_xlsx(), kXlsxContentType);
               res.set_header("Content-Disposition",
                              "attachment; filename=\"people-template.xlsx\"; "
                              "filename*=UTF-8''%E4%BA%BA%E5%91%98%E5%AF%BC%E5%85%A5%E6%A8%A1%E6%9D%BF.xlsx");
               return res;
             });

  router.add({.method = "POST", .pattern = "/api/v1/people/imports/preview", .tag = "people",
              .summary = "Check rows read from the workbook: errors by row and column, nothing written",
              .permission = kPermPeopleImport},
             [&service](http::Request& req) {
               Json body = req.json();
               JsonFields f(body);
               auto rows = rows_from(f);
               f.finish();
               auto p = service.preview(req.principal, rows);
               return http::Response::json(200, {{"total", p.total}, {"valid", p.valid}, {"errors", errors_json(p.errors, req.english())}});
             });

  router.add({.method = "POST", .pattern = "/api/v1/people/imports", .tag = "people",
              .summary = "Import rows: all_or_nothing, or skip_invalid rows; answers the result report",
              .permission = kPermPeopleImport, .creates = true},
             [&service](http::Request& req) {
               Json body = req.json();
               JsonFields f(body);
               auto rows = rows_from(f);
               const std::string mode = f.required_string("mode", 20);
               f.finish();
               auto r = service.commit(req.principal, rows, mode);
               return http::Response::json(201, {{"import_id", r.import_id}, {"created", r.created}, {"skipped", r.skipped},
                                                 {"errors", errors_json(r.errors, req.english())}});
             });

  router.add({.method = "POST", .pattern = "/api/v1/people/imports/{id}/undo", .tag = "people",
              .summary = "Undo the last import (while none of its people was changed)", .permission = kPermPeopleImport},
             [&service](http::Request& req) {
               auto b = service.undo(req.principal, req.id_param("id"));
               return http::Response::json(200, {{"import_id", b.id}, {"status", b.status}, {"created", b.rows_created}});
             });
}

}  // namespace xinhuo::org
