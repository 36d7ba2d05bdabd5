#include "files/service.hpp"

#include <fstream>
#include <set>
#include <sstream>

#include "core/random.hpp"
#include "files/upload_check.hpp"

namespace xinhuo::files {

std::filesystem::path FilesService::path_of(const std::string& sha256) const { return folder_ / sha256.substr(0, 2) / sha256; }

StoredFile FilesService::upload(const Principal& caller, const std::string& declared_type, const std::string& bytes) {
  const std::string actual = check_upload(declared_type, bytes);
  StoredFile f;
  f.sha256 = sha256_hex(bytes);
  f.content_type = actual;
  f.size_bytes = static_cast<long long>(bytes.size());
  f.owner_account_id = caller.account_id;
  f.owner_person_id = caller.person_id;
  const auto path = path_of(f.sha256);
  if (!std::filesystem::exists(path)) {
    // Written under a temporary name and renamed, so a reader never sees half a file.
    std::filesystem::create_directories(path.parent_path());
    const auto partial = path.string() + ".part-" + random_hex(6);
    {
      std::ofstream out(partial, std::ios::binary);
      out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
      out.flush();
      if (!out) throw std::runtime_error("cannot write an uploaded file");
    }
    std::filesystem::rename(partial, path);
  }
  db::Tx tx(db_);
  f.created_at = iso_utc(clock_.now());
  f.id = FilesStore::insert(tx, f, f.created_at);
  tx.commit();
  return f;
}

std::pair<StoredFile, std::string> FilesService::read(const Principal& caller, long long id) {
  auto lease = db_.lease();
  const auto f = FilesStore::file(lease.sql(), id);
  if (!f) throw Error::not_found();
  const bool own = f->owner_account_id == caller.account_id;
  const bool manager = (caller.can("points.approve") || caller.can("points.read") || caller.can("party.read")) &&
                       FilesStore::owner_in_scope(lease.sql(), caller, f->owner_person_id);
  if (!own && !manager) throw Error::not_found();
  std::ifstream in(path_of(f->sha256), std::ios::binary);
  if (!in) throw Error::not_found({"文件已不存在", "The file is gone"});
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return {*f, bytes.str()};
}

void FilesService::require_owned(soci::session& sql, const Principal& caller, const std::vector<long long>& ids,
                                 const std::string& field, FileKind kind) {
  const std::set<long long> distinct(ids.begin(), ids.end());
  const bool images = kind == FileKind::image;
  if (distinct.size() != ids.size() ||
      FilesStore::count_owned(sql, caller.account_id, std::vector<long long>(distinct.begin(), distinct.end()), images) !=
          static_cast<long long>(distinct.size()))
    throw Error::validation(field, images ? Text{"照片须是您本人上传的图片", "Photos must be images you uploaded"}
                                          : Text{"材料须是您本人上传的图片或 PDF 文件",
                                                    "Attachments must be images or PDF files you uploaded"});
}

}  // namespace xinhuo::files
