#include "files/store.hpp"

#include "db/query.hpp"

namespace xinhuo::files {

namespace {
const char* const kInsertFile =
    "INSERT INTO file_upload (sha256, content_type, size_bytes, owner_account_id, owner_person_id, created_at) "
    "VALUES (:h, :t, :s, :a, :p, :now) RETURNING id";
const char* const kFileColumns =
    "SELECT id, sha256, content_type, size_bytes, owner_account_id, COALESCE(owner_person_id, 0), created_at "
    "FROM file_upload WHERE id = ";
const char* const kOwnerInScope =
    "SELECT COUNT(*) FROM person p JOIN org_node u ON u.id = p.unit_id LEFT JOIN org_node b ON b.id = p.branch_id "
    "WHERE p.id = ";
const char* const kCountOwned = "SELECT COUNT(*) FROM file_upload WHERE owner_account_id = ";
}  // namespace

long long FilesStore::insert(db::Tx& tx, const StoredFile& f, const std::string& now) {
  long long id = 0;
  soci::indicator person_i = f.owner_person_id ? soci::i_ok : soci::i_null;
  tx.sql() << kInsertFile, soci::use(f.sha256), soci::use(f.content_type), soci::use(f.size_bytes),
      soci::use(f.owner_account_id), soci::use(f.owner_person_id, person_i), soci::use(now), soci::into(id);
  return id;
}

std::optional<StoredFile> FilesStore::file(soci::session& sql, long long id) {
  std::optional<StoredFile> out;
  db::Query(kFileColumns).value(id).each(sql, [&](const soci::row& r) {
    out = StoredFile{db::column_ll(r, 0), r.get<std::string>(1), r.get<std::string>(2), db::column_ll(r, 3),
                     db::column_ll(r, 4), db::column_ll(r, 5), r.get<std::string>(6)};
  });
  return out;
}

bool FilesStore::owner_in_scope(soci::session& sql, const Principal& caller, long long owner_person_id) {
  if (!owner_person_id) return false;
  db::Query q(kOwnerInScope);
  q.value(owner_person_id);
  db::restrict_to_scope(q, caller, "u.path", "b.path", "p.unit_id", "p.branch_id", "p.id");
  return q.count(sql) > 0;
}

long long FilesStore::count_owned(soci::session& sql, long long account_id, const std::vector<long long>& ids,
                                  bool images_only) {
  if (ids.empty()) return 0;
  db::Query q(kCountOwned);
  q.value(account_id);
  if (images_only) q.add(" AND content_type LIKE 'image/%'");
  q.add(" AND id IN (");
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (i) q.add(", ");
    q.add("CAST(").value(ids[i]).add(" AS BIGINT)");
  }
  q.add(")");
  return q.count(sql);
}

}  // namespace xinhuo::files
