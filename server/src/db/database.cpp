#include "db/database.hpp"

#include <soci/postgresql/soci-postgresql.h>
#include "db/sql.hpp"
#include <soci/sqlite3/soci-sqlite3.h>

#include <filesystem>
#include <stdexcept>

#include "db/events.hpp"

namespace xinhuo::db {

Dialect dialect_of(const std::string& url) {
  if (url.rfind("sqlite:", 0) == 0) return Dialect::sqlite;
  if (url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0) return Dialect::postgresql;
  throw std::invalid_argument("database URL must start with sqlite: or postgresql:// (got '" + url + "')");
}

Database::Database(DatabaseOptions options)
    : options_(std::move(options)), dialect_(dialect_of(options_.url)), events_(std::make_unique<EventBus>()) {
  if (options_.pool_size == 0) options_.pool_size = 1;
  if (options_.sqlite_synchronous != "FULL" && options_.sqlite_synchronous != "NORMAL")
    throw std::invalid_argument("sqlite_synchronous must be FULL or NORMAL");
  pool_ = std::make_unique<soci::connection_pool>(options_.pool_size);
  for (std::size_t i = 0; i < options_.pool_size; ++i) {
    soci::session& s = pool_->at(i);
    if (dialect_ == Dialect::sqlite) {
      const std::string path = options_.url.substr(std::string("sqlite:").size());
      if (path.empty() || path == ":memory:")
        throw std::invalid_argument("SQLite needs a file path (a pool cannot share an in-memory database)");
      const auto parent = std::filesystem::path(path).parent_path();
      if (!parent.empty()) std::filesystem::create_directories(parent);
      s.open(soci::sqlite3, "db=\"" + path + "\" timeout=" + std::to_string(options_.busy_timeout_ms / 1000));
      s << "PRAGMA journal_mode=WAL";
      s << "PRAGMA busy_timeout=" + std::to_string(options_.busy_timeout_ms);
      s << "PRAGMA foreign_keys=ON";
      s << "PRAGMA synchronous=" + options_.sqlite_synchronous;
    } else {
      s.open(soci::postgresql, options_.url);
      s << "SET TIME ZONE 'UTC'";
    }
  }
}

Database::~Database() = default;

Database::Lease::Lease(Database& db) : db_(db) {
  ++db_.in_use_;
  try {
    session_ = std::make_unique<soci::session>(*db_.pool_);
  } catch (...) {
    --db_.in_use_;
    throw;
  }
}

Database::Lease::~Lease() {
  session_.reset();
  --db_.in_use_;
}

bool Database::ping() {
  try {
    auto l = lease();
    int one = 0;
    l.sql() << "SELECT 1", soci::into(one);
    return one == 1;
  } catch (const std::exception&) {
    return false;
  }
}

}  // namespace xinhuo::db
