#include "db/bulk_insert.hpp"

#include "db/sql.hpp"

#include <stdexcept>

namespace xinhuo::db {

BulkInsert::BulkInsert(soci::session& sql, std::string table, std::vector<std::string> columns, std::size_t rows_per_statement)
    : sql_(sql), table_(std::move(table)), columns_(std::move(columns)), per_statement_(rows_per_statement) {}

BulkInsert::~BulkInsert() noexcept(false) {
  if (!std::uncaught_exceptions()) flush();
}

void BulkInsert::add(std::vector<Cell> row) {
  if (row.size() != columns_.size()) throw std::logic_error("BulkInsert: row has the wrong number of cells for " + table_);
  pending_.push_back(std::move(row));
  if (pending_.size() >= per_statement_) flush();
}

void BulkInsert::flush() {
  if (pending_.empty()) return;
  for (BulkInsert* other : depends_on_) other->flush();
  std::string sql = "INSERT INTO " + table_ + " (";
  for (std::size_t c = 0; c < columns_.size(); ++c) sql += (c ? ", " : "") + columns_[c];
  sql += ") VALUES ";
  std::size_t n = 0;
  for (std::size_t r = 0; r < pending_.size(); ++r) {
    sql += r ? ", (" : "(";
    for (std::size_t c = 0; c < columns_.size(); ++c) sql += (c ? ", :p" : ":p") + std::to_string(n++);
    sql += ")";
  }
  // Values and indicators must stay in place until the statement has run.
  std::vector<std::string> values;
  std::vector<soci::indicator> indicators;
  values.reserve(n);
  indicators.reserve(n);
  for (auto& row : pending_)
    for (auto& cell : row) {
      values.push_back(cell.value_or(std::string{}));
      indicators.push_back(cell ? soci::i_ok : soci::i_null);
    }
  soci::statement st(sql_);
  for (std::size_t i = 0; i < n; ++i) st.exchange(soci::use(values[i], indicators[i]));
  st.alloc();
  st.prepare(sql);
  st.define_and_bind();
  st.execute(true);
  written_ += pending_.size();
  pending_.clear();
}

}  // namespace xinhuo::db
