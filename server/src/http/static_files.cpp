#include "http/static_files.hpp"

#include <fmt/format.h>

#include <fstream>
#include <sstream>

namespace xinhuo::http {

namespace fs = std::filesystem;

std::string content_type_for(const fs::path& file) {
  static const std::unordered_map<std::string, std::string> types = {
      {".html", "text/html; charset=utf-8"}, {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"}, {".css", "text/css; charset=utf-8"},
      {".json", "application/json; charset=utf-8"}, {".webmanifest", "application/manifest+json"},
      {".svg", "image/svg+xml"}, {".png", "image/png"}, {".jpg", "image/jpeg"}, {".jpeg", "image/jpeg"},
      {".gif", "image/gif"}, {".ico", "image/x-icon"}, {".webp", "image/webp"}, {".woff", "font/woff"},
      {".woff2", "font/woff2"}, {".ttf", "font/ttf"}, {".txt", "text/plain; charset=utf-8"},
      {".map", "application/json"}, {".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}};
  auto it = types.find(file.extension().string());
  return it == types.end() ? "application/octet-stream" : it->second;
}

StaticFiles::StaticFiles(fs::path root) : root_(std::move(root)) {}

std::optional<Response> StaticFiles::file_response(const fs::path& file, const Request& req, bool immutable) {
  std::error_code ec;
  auto mtime = fs::last_write_time(file, ec);
  if (ec || !fs::is_regular_file(file, ec)) return std::nullopt;
  std::string body, etag;
  {
    std::lock_guard lock(mutex_);
    auto it = cache_.find(file.string());
    if (it != cache_.end() && it->second.mtime == mtime) {
      body = it->second.body;
      etag = it->second.etag;
    }
  }
  if (etag.empty()) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream ss;
    ss << in.rdbuf();
    body = ss.str();
    etag = fmt::format("\"{:x}-{:x}\"", body.size(), static_cast<unsigned long long>(mtime.time_since_epoch().count()));
    std::lock_guard lock(mutex_);
    cache_[file.string()] = {mtime, body, etag};
  }
  Response r;
  r.set_header("ETag", etag);
  r.set_header("Cache-Control", immutable ? "public, max-age=31536000, immutable" : "no-cache");
  if (req.header("If-None-Match") == etag) {
    r.status = 304;
    return r;
  }
  r.status = 200;
  r.set_header("Content-Type", content_type_for(file));
  if (req.method != "HEAD") r.body = std::move(body);
  return r;
}

std::optional<Response> StaticFiles::serve(const Request& req) {
  if (root_.empty() || (req.method != "GET" && req.method != "HEAD")) return std::nullopt;
  const std::string decoded = percent_decode(req.path);
  // Refuse anything that could climb out of the web root.
  if (decoded.find("..") != std::string::npos || decoded.find('\0') != std::string::npos ||
      decoded.find('\\') != std::string::npos)
    return std::nullopt;
  const fs::path relative = fs::path(decoded).relative_path();
  if (!relative.empty()) {
    const bool immutable = decoded.rfind("/assets/", 0) == 0;
    if (auto r = file_response(root_ / relative, req, immutable)) return r;
    // A missing asset is a real 404, not the app: the browser asked for a file.
    if (relative.has_extension() && relative.extension() != ".html") return std::nullopt;
  }
  return file_response(root_ / "index.html", req, false);
}

}  // namespace xinhuo::http
