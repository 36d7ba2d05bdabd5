#include "files/routes.hpp"

namespace xinhuo::files {

void add_routes(http::Router& router, FilesService& service) {
  router.add({.method = "POST", .pattern = "/api/v1/files", .tag = "files",
              .summary = "Upload a file: the body is a JPEG, PNG or WebP image (up to 5 MiB) or a PDF (up to 20 MiB), "
                         "with its Content-Type",
              .creates = true, .max_body = kMaxDocumentBytes},
             [&service](http::Request& req) {
               const auto f = service.upload(req.principal, req.header("Content-Type").value_or(""), req.body);
               return http::Response::json(201, {{"id", f.id}, {"content_type", f.content_type}, {"size", f.size_bytes}});
             });
  router.add({.method = "GET", .pattern = "/api/v1/files/{id}", .tag = "files",
              .summary = "A file's bytes (its uploader, or a manager whose scope covers the uploader)"},
             [&service](http::Request& req) {
               auto [f, bytes] = service.read(req.principal, req.id_param("id"));
               auto res = http::Response::text(200, std::move(bytes), f.content_type);
               res.set_header("Content-Disposition", "inline");
               return res;
             });
}

}  // namespace xinhuo::files
