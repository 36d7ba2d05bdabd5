#include "system/store.hpp"

#include "db/query.hpp"
#include "db/sql.hpp"

namespace xinhuo::system {

namespace {
const char* const kSelectSetting = "SELECT value FROM settings WHERE key = ";
const char* const kUpsertSetting =
    "INSERT INTO settings (key, value, updated_at) VALUES (:k, :v, :t) "
    "ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at";
}  // namespace

std::optional<std::string> SystemStore::setting(const std::string& key) {
  auto lease = db_.lease();
  std::optional<std::string> value;
  // Through db::Query: read on every request of /system/info, it stays prepared on SQLite.
  db::Query(kSelectSetting).value(key).each(lease.sql(), [&](const soci::row& r) {
    if (r.get_indicator(0) == soci::i_ok) value = r.get<std::string>(0);
  });
  return value;
}

void SystemStore::put_setting(db::Tx& tx, const std::string& key, const std::string& value, const std::string& now) {
  tx.sql() << kUpsertSetting, soci::use(key), soci::use(value), soci::use(now);
}

}  // namespace xinhuo::system
