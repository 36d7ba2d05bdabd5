#pragma once
// Schema migrations: numbered SQL files (NNNN_name.sql) applied in order, each in its own transaction and
// recorded with a SHA-256 checksum. A file that changed after it was applied stops start-up: the schema of a
// running installation must never silently differ from what its files say.
#include <stdexcept>
#include <string>
#include <vector>

#include "db/database.hpp"

namespace xinhuo::db {

struct MigrationFile {
  std::string name;  // "0001_foundation.sql"
  std::string sql;   // may use {{id}} (auto-increment primary key) and {{blob}}
};

// The files under server/migrations, compiled into the binary.
const std::vector<MigrationFile>& embedded_migrations();

class MigrationError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct MigrationReport {
  int applied = 0;         // applied by this call
  int schema_version = 0;  // highest version now applied
};

MigrationReport migrate(Database& db, const std::vector<MigrationFile>& files = embedded_migrations());
// Highest applied version, 0 for an empty database.
int schema_version(Database& db);

// Dialect placeholders → SQL; exposed for tests.
std::string render_sql(const std::string& sql, Dialect dialect);
// A statement "{{append_only:TABLE}}" becomes the triggers that refuse UPDATE and DELETE on TABLE (SQLite
// triggers, a PL/pgSQL trigger function on PostgreSQL); "{{sqlite: STATEMENT}}" and "{{postgresql: STATEMENT}}" run
// STATEMENT on that database only (for the few changes one SQL text cannot say for both, such as a CHECK that
// SQLite cannot alter); any other statement is itself.
std::vector<std::string> expand_statement(const std::string& statement, Dialect dialect);
// Splits a script into statements at semicolons outside quotes and comments.
std::vector<std::string> split_statements(const std::string& sql);

}  // namespace xinhuo::db
