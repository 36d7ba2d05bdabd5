#pragma once
// The file_upload table (the bytes themselves are in the service's folder).
#include <optional>
#include <vector>

#include "core/principal.hpp"
#include "db/transaction.hpp"
#include "files/model.hpp"

namespace xinhuo::files {

class FilesStore {
 public:
  static long long insert(db::Tx& tx, const StoredFile& f, const std::string& now);
  static std::optional<StoredFile> file(soci::session& sql, long long id);
  // Whether the caller's data scope covers the person who uploaded the file.
  static bool owner_in_scope(soci::session& sql, const Principal& caller, long long owner_person_id);
  // How many of `ids` were uploaded by the account.
  // How many of `ids` the account uploaded (only images when images_only).
  static long long count_owned(soci::session& sql, long long account_id, const std::vector<long long>& ids,
                               bool images_only = false);
};

}  // namespace xinhuo::files
