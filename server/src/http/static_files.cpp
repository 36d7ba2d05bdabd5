#include "http/static_files.hpp"

#include <fmt/format.h>

#include <zlib.h>

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

std::string gzip(const std::string& data) {
  z_stream z{};
  if (deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) return {};
  std::string out(deflateBound(&z, data.size()), '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  const int rc = deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  return rc == Z_STREAM_END ? out : std::string{};
}

static bool compressible(const std::string& content_type) {
  return content_type.rfind("text/", 0) == 0 || content_type.find("json") != std::string::npos ||
         content_type.find("svg") != std::string::npos;
}

static bool accepts_gzip(const Request& req) {
  auto enc = req.header("Accept-Encoding");
  return enc && enc->find("gzip") != std::string::npos;
}

StaticFiles::StaticFiles(fs::path root) : root_(std::move(root)) {}

std::optional<Response> StaticFiles::file_response(const fs::path& file, const Request& req, bool immutable) {
  std::error_code ec;
  auto mtime = fs::last_write_time(file, ec);
  if (ec || !fs::is_regular_file(file, ec)) return std::nullopt;
  const std::string type = content_type_for(file);
  std::string body, gzipped, etag;
  {
    std::lock_guard lock(mutex_);
    auto it = cache_.find(file.string());
    if (it != cache_.end() && it->second.mtime == mtime) {
      body = it->second.body;
      gzipped = it->second.gzipped;
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
    if (compressible(type) && body.size() > 512) {
      gzipped = gzip(body);
      if (gzipped.size() >= body.size()) gzipped.clear();
    }
    std::lock_guard lock(mutex_);
    cache_[file.string()] = {mtime, body, gzipped, etag};
  }
  const bool send_gzip = !gzipped.empty() && accepts_gzip(req);
  if (send_gzip) etag.insert(etag.size() - 1, "-gz");
  Response r;
  r.set_header("ETag", etag);
  if (!gzipped.empty()) r.set_header("Vary", "Accept-Encoding");
  r.set_header("Cache-Control", immutable ? "public, max-age=31536000, immutable" : "no-cache");
  if (req.header("If-None-Match") == etag) {
    r.status = 304;
    return r;
  }
  r.status = 200;
  r.set_header("Content-Type", type);
  if (send_gzip) r.set_header("Content-Encoding", "gzip");
  if (req.method != "HEAD") r.body = send_gzip ? std::move(gzipped) : std::move(body);
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
