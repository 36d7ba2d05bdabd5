#pragma once
// Uploads of evidence photos and documents: checked to be the type they claim (by their first bytes), stored once per
// content under the data folder, readable by the uploader and by managers whose data scope covers the uploader.
#include <filesystem>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "files/store.hpp"

namespace xinhuo::files {

class FilesService {
 public:
  FilesService(db::Database& db, const Clock& clock, std::filesystem::path folder)
      : db_(db), clock_(clock), folder_(std::move(folder)) {}

  StoredFile upload(const Principal& caller, const std::string& declared_type, const std::string& bytes);
  // The file and its bytes; 404 unless the caller may see it.
  std::pair<StoredFile, std::string> read(const Principal& caller, long long id);
  // Throws a validation error naming `field` unless every id is a file the caller uploaded, and of the kind the
  // field takes.
  static void require_owned(soci::session& sql, const Principal& caller, const std::vector<long long>& ids,
                            const std::string& field, FileKind kind = FileKind::image_or_pdf);

 private:
  std::filesystem::path path_of(const std::string& sha256) const;

  db::Database& db_;
  const Clock& clock_;
  std::filesystem::path folder_;
};

}  // namespace xinhuo::files
