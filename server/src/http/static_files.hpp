#pragma once
// Serves the built web app: files under the web root, index.html for any other path (the app routes in the
// browser). Hashed assets (Vite's assets/ folder) are cached for a year; index.html is revalidated every time.
#include <filesystem>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "http/message.hpp"

namespace xinhuo::http {

class StaticFiles {
 public:
  explicit StaticFiles(std::filesystem::path root);

  // nullopt when there is no web root (the API still works).
  std::optional<Response> serve(const Request& req);

 private:
  struct Cached {
    std::filesystem::file_time_type mtime;
    std::string body;
    std::string gzipped;  // empty when the type does not compress or it would not help
    std::string etag;
  };
  std::optional<Response> file_response(const std::filesystem::path& file, const Request& req, bool immutable);
  std::filesystem::path root_;
  std::mutex mutex_;
  std::unordered_map<std::string, Cached> cache_;
};

std::string content_type_for(const std::filesystem::path& file);
// gzip (RFC 1952) of data at the default level.
std::string gzip(const std::string& data);

}  // namespace xinhuo::http
