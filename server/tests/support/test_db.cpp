#include "support/test_db.hpp"

#include <cstdlib>

#include "core/random.hpp"
#include "db/sql.hpp"
#include <soci/postgresql/soci-postgresql.h>

namespace xinhuo::test {

long long count(db::Database& db, const std::string& sql) {
  auto lease = db.lease();
  long long n = 0;
  lease.sql() << sql, soci::into(n);
  return n;
}

std::string backend_name(const ::testing::TestParamInfo<Backend>& info) {
  return info.param == Backend::sqlite ? "sqlite" : "postgresql";
}

TempDir::TempDir() {
  path_ = std::filesystem::temp_directory_path() / ("xinhuo-test-" + random_hex(6));
  std::filesystem::create_directories(path_);
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

std::unique_ptr<TestDatabase> TestDatabase::create(Backend backend) {
  std::unique_ptr<TestDatabase> t(new TestDatabase());
  if (backend == Backend::sqlite) {
    t->folder_ = std::filesystem::temp_directory_path() / ("xinhuo-db-" + random_hex(6));
    std::filesystem::create_directories(t->folder_);
    t->url_ = "sqlite:" + (t->folder_ / "test.db").string();
    return t;
  }
  const char* url = std::getenv("XINHUO_TEST_PG_URL");
  if (!url || !*url) {
    const char* require = std::getenv("XINHUO_TEST_REQUIRE_PG");
    if (require && std::string(require) == "1") {
      ADD_FAILURE() << "XINHUO_TEST_PG_URL is not set but PostgreSQL tests are required";
    } else {
      [] { GTEST_SKIP_("PostgreSQL not configured (set XINHUO_TEST_PG_URL)"); }();
    }
    return nullptr;
  }
  t->pg_admin_url_ = url;
  t->pg_schema_ = "t_" + random_hex(6);
  {
    soci::session admin(soci::postgresql, db::pg_conninfo(t->pg_admin_url_));
    admin << "CREATE SCHEMA " + t->pg_schema_;
  }
  t->url_ = t->pg_admin_url_;
  return t;
}

db::Database& TestDatabase::db() {
  if (!db_) db_ = std::make_unique<db::Database>(db::DatabaseOptions{.url = url_, .pool_size = 4, .pg_schema = pg_schema_});
  return *db_;
}

TestDatabase::~TestDatabase() {
  db_.reset();
  std::error_code ec;
  if (!folder_.empty()) std::filesystem::remove_all(folder_, ec);
  if (!pg_schema_.empty()) {
    try {
      soci::session admin(soci::postgresql, db::pg_conninfo(pg_admin_url_));
      admin << "SET client_min_messages TO warning";
      admin << "DROP SCHEMA " + pg_schema_ + " CASCADE";
    } catch (const std::exception&) {
    }
  }
}

}  // namespace xinhuo::test
