#pragma once
// A fresh, empty database per test on each backend. SQLite: a file in a temporary folder. PostgreSQL: a schema
// of its own on the server named by XINHUO_TEST_PG_URL (scripts/test starts one); without that variable the
// PostgreSQL variants are skipped, unless XINHUO_TEST_REQUIRE_PG=1 makes that a failure.
#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <string>

#include "db/database.hpp"

namespace xinhuo::test {

enum class Backend { sqlite, postgresql };

std::string backend_name(const ::testing::TestParamInfo<Backend>& info);

// The first column of the first row of `sql` (a COUNT(*)), read through a lease of its own.
long long count(db::Database& db, const std::string& sql);

class TestDatabase {
 public:
  // Returns nullptr (after GTEST_SKIP or a failure) when the backend is not available.
  static std::unique_ptr<TestDatabase> create(Backend backend);
  ~TestDatabase();

  const std::string& url() const { return url_; }
  const std::string& pg_schema() const { return pg_schema_; }
  db::Database& db();

 private:
  TestDatabase() = default;
  std::string url_;
  std::filesystem::path folder_;
  std::string pg_admin_url_, pg_schema_;
  std::unique_ptr<db::Database> db_;
};

// A temporary folder removed at the end of the test.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// Makes the PostgreSQL variant of a parameterised test skip or fail when no server is configured.
#define XINHUO_TEST_DB(var, backend)                                      \
  auto var##_holder = ::xinhuo::test::TestDatabase::create(backend);      \
  if (!var##_holder) return;                                              \
  ::xinhuo::db::Database& var = var##_holder->db()

}  // namespace xinhuo::test
