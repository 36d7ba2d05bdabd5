#include "system/store.hpp"

#include "db/sql.hpp"

namespace xinhuo::system {

namespace {
const char* const kSelectSetting = "SELECT value FROM settings WHERE key = :k";
const char* const kUpsertSetting =
    "INSERT INTO settings (key, value, updated_at) VALUES (:k, :v, :t) "
    "ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at";
}  // namespace

std::optional<std::string> SystemStore::setting(const std::string& key) {
  auto lease = db_.lease();
  std::string value;
  soci::indicator ind = soci::i_null;
  lease.sql() << kSelectSetting, soci::use(key), soci::into(value, ind);
  if (!lease.sql().got_data() || ind != soci::i_ok) return std::nullopt;
  return value;
}

void SystemStore::put_setting(db::Tx& tx, const std::string& key, const std::string& value, const std::string& now) {
  tx.sql() << kUpsertSetting, soci::use(key), soci::use(value), soci::use(now);
}

}  // namespace xinhuo::system
