#pragma once
// Inserts many rows with multi-row VALUES statements (hundreds of rows per round trip): SOCI's vector binding
// costs one round trip per row on PostgreSQL. Values are bound as text (NULL for nullopt); both databases
// convert them by the column type. Rows go out when a statement's worth is pending, at flush() and at destruction.
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace soci {
class session;
}

namespace xinhuo::db {

using Cell = std::optional<std::string>;

class BulkInsert {
 public:
  BulkInsert(soci::session& sql, std::string table, std::vector<std::string> columns, std::size_t rows_per_statement = 400);
  ~BulkInsert() noexcept(false);

  // Rows of `other` are written before any row of this one (foreign keys point at them).
  void write_after(BulkInsert& other) { depends_on_.push_back(&other); }
  // Appended to every statement, e.g. "ON CONFLICT (…) DO UPDATE SET …" to add to existing rows. The rows of one
  // statement must then name different keys (PostgreSQL refuses to update a row twice in one statement).
  void append(std::string clause) { suffix_ = " " + std::move(clause); }
  void add(std::vector<Cell> row);
  void flush();
  std::size_t rows_written() const { return written_; }

 private:
  void flush_sqlite();
  void flush_soci();

  soci::session& sql_;
  std::string table_;
  std::vector<std::string> columns_;
  std::size_t per_statement_;
  std::vector<std::vector<Cell>> pending_;
  std::size_t written_ = 0;
  std::vector<BulkInsert*> depends_on_;
  std::string suffix_;
};

}  // namespace xinhuo::db
