#include "db/bulk_insert.hpp"

#include "db/query.hpp"
#include "db/sql.hpp"

#include <soci/sqlite3/soci-sqlite3.h>

#include <stdexcept>

namespace xinhuo::db {

namespace {

std::string statement_text(const std::string& table, const std::vector<std::string>& columns, std::size_t rows,
                           bool positional, const std::string& suffix) {
  std::string sql = "INSERT INTO " + table + " (";
  for (std::size_t c = 0; c < columns.size(); ++c) sql += (c ? ", " : "") + columns[c];
  sql += ") VALUES ";
  std::size_t n = 0;
  for (std::size_t r = 0; r < rows; ++r) {
    sql += r ? ", (" : "(";
    for (std::size_t c = 0; c < columns.size(); ++c, ++n) {
      if (c) sql += ", ";
      sql += positional ? std::string("?") : ":p" + std::to_string(n);
    }
    sql += ")";
  }
  return sql + suffix;
}

}  // namespace

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
  if (sql_.get_backend_name() == "sqlite3") flush_sqlite();
  else flush_soci();
  written_ += pending_.size();
  pending_.clear();
}

// SQLite through its own API: a statement is prepared once per session and shape (table, columns, rows) and run
// again for every batch of that shape, and the values are bound where they lie. Through SOCI, preparing, binding (an object per value) and parsing named
// placeholders (quadratic in their number) cost more than the insert itself.
void BulkInsert::flush_sqlite() {
  using namespace sqlite_api;
  sqlite3* handle = static_cast<soci::sqlite3_session_backend*>(sql_.get_backend())->conn_;
  auto prepare = [&](std::size_t rows) {
    sqlite3_stmt* st = nullptr;
    const std::string text = statement_text(table_, columns_, rows, true, suffix_);
    if (sqlite3_prepare_v2(handle, text.c_str(), static_cast<int>(text.size()), &st, nullptr) != SQLITE_OK)
      throw soci::soci_error("BulkInsert into " + table_ + ": " + sqlite3_errmsg(handle));
    return std::shared_ptr<void>(st, [](void* p) { sqlite3_finalize(static_cast<sqlite3_stmt*>(p)); });
  };
  // Kept prepared for the session: a batch of the same shape (rows, columns, table) is run again.
  const std::size_t rows = pending_.size();
  std::string key = table_ + "(" + std::to_string(rows) + " rows)";
  for (const auto& c : columns_) key += " " + c;
  key += suffix_;
  std::shared_ptr<void> statement = prepared_native(sql_, key, [&] { return prepare(rows); });
  auto* st = static_cast<sqlite3_stmt*>(statement.get());
  int i = 1;
  for (const auto& row : pending_)
    for (const auto& cell : row) {
      if (cell) sqlite3_bind_text(st, i, cell->data(), static_cast<int>(cell->size()), SQLITE_STATIC);
      else sqlite3_bind_null(st, i);
      ++i;
    }
  const int rc = sqlite3_step(st);
  sqlite3_reset(st);
  sqlite3_clear_bindings(st);
  if (rc != SQLITE_DONE) throw soci::soci_error("BulkInsert into " + table_ + ": " + sqlite3_errmsg(handle));
}

void BulkInsert::flush_soci() {
  const std::string text = statement_text(table_, columns_, pending_.size(), false, suffix_);
  // Values and indicators must stay in place until the statement has run.
  std::vector<std::string> values;
  std::vector<soci::indicator> indicators;
  const std::size_t n = pending_.size() * columns_.size();
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
  st.prepare(text);
  st.define_and_bind();
  st.execute(true);
}

}  // namespace xinhuo::db
