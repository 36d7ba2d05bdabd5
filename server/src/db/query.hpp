#pragma once
// A statement assembled at run time (optional filters, data scope) with every value bound as a parameter:
// the text only ever holds column names and placeholders that the store wrote itself.
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/principal.hpp"
#include "db/sql.hpp"

namespace xinhuo::db {

// One row of a result read in place: on SQLite straight from the statement (no copy into SOCI's holders), on
// PostgreSQL from SOCI's row. Valid only inside the callback it is passed to.
class Row {
 public:
  long long ll(int column) const;  // NULL reads as 0
  std::string text(int column) const;  // NULL reads as ""
  bool null(int column) const;

 private:
  friend class Query;
  void* native_ = nullptr;  // sqlite3_stmt*
  const soci::row* row_ = nullptr;
};

class Query {
 public:
  explicit Query(std::string text = {}) : text_(std::move(text)) {}

  Query& add(const std::string& text) {
    text_ += text;
    return *this;
  }
  // Appends a placeholder bound to `value` and returns the query (for chaining inside SQL text).
  Query& value(std::string value);
  Query& value(long long value) { return this->value(std::to_string(value)); }
  // Appends the text and values of another query (a list of conditions built once, used in several statements);
  // its placeholders are renumbered to follow this query's.
  Query& append(const Query& other);
  const std::string& text() const { return text_; }
  // `head` followed by the text and values of `conditions` (a list of " AND …" built once, used twice).
  static Query prefixed(std::string head, const Query& conditions) {
    Query q(std::move(head) + conditions.text_);
    q.values_ = conditions.values_;
    return q;
  }

  // Runs the statement, calling on_row for each row. The statement stays prepared for the pooled session and is run
  // again by the next Query of the same text (on both databases).
  void each(soci::session& sql, const std::function<void(const soci::row&)>& on_row) const;
  // The same, reading each row through Row: for statements run on every request (the session, a person's detail),
  // where SOCI's per-column conversions cost as much as SQLite's own work.
  void rows(soci::session& sql, const std::function<void(const Row&)>& on_row) const;
  // Runs a statement that returns no rows (INSERT, UPDATE without RETURNING).
  void run(soci::session& sql) const;
  // The same, answering how many rows it changed (0 for an INSERT … ON CONFLICT DO NOTHING that found its row).
  long long changes(soci::session& sql) const;
  // Runs an INSERT (… ON CONFLICT DO NOTHING) into a table keyed by `id` and answers the new row's id, or 0 when
  // it inserted nothing. SQLite answers from the connection: RETURNING would make it gather the returned rows in a
  // temporary table first. PostgreSQL is asked with " RETURNING id".
  long long inserted_id(soci::session& sql) const;
  long long count(soci::session& sql) const;  // the first column of the first row as an integer

 private:
  long long execute(soci::session& sql, const std::function<void(const soci::row&)>* on_row) const;
  // SQLite only: runs the statement as SQLite's own (prepared once per session), calling on_row, if any, per row.
  void step_native(soci::session& sql, const std::function<void(const Row&)>* on_row) const;

  std::string text_;
  std::vector<std::string> values_;
};

// Appends "column IN (…)" over the ids (bound values); an empty list matches nothing.
inline Query& in_ids(Query& q, const std::string& column, const std::vector<long long>& ids) {
  if (ids.empty()) return q.add("1 = 0");
  q.add(column + " IN (");
  for (std::size_t i = 0; i < ids.size(); ++i) (i ? q.add(", ") : q).value(ids[i]);
  return q.add(")");
}

// Drops the statements Query keeps prepared for a session (before the session closes).
void forget_prepared(soci::session& sql);
// SQLite: a native statement kept prepared for the session, made by `prepare` the first time `text` is asked for.
std::shared_ptr<void> prepared_native(soci::session& sql, const std::string& text,
                                      const std::function<std::shared_ptr<void>()>& prepare);

// Appends " AND (…)" limiting rows to the caller's data scope. `unit_path` and `branch_path` are the
// materialised paths of the row's unit and branch (branch may be NULL), `unit_id`/`branch_id` their ids, and
// `person_id` the row's person (for 仅本人); pass an empty string where a row has no such column.
void restrict_to_scope(Query& q, const Principal& caller, const std::string& unit_path, const std::string& branch_path,
                       const std::string& unit_id, const std::string& branch_id, const std::string& person_id);

}  // namespace xinhuo::db
