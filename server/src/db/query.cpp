#include "db/query.hpp"

#include <cctype>

#include <soci/sqlite3/soci-sqlite3.h>

#include <map>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string_view>

namespace xinhuo::db {

namespace {

// A statement prepared once per pooled session and run again with new values. SOCI 4.0 prepares every statement
// anew: on SQLite parsing was a third of the CPU time of an approval; on PostgreSQL a statement made and dropped
// each time is three round trips (PREPARE, EXECUTE, DEALLOCATE) instead of one, and parsed and analysed each time.
struct Prepared {
  std::vector<std::string> values;  // bound by reference: updated in place before each run
  soci::row row;
  std::unique_ptr<soci::statement> statement;
  bool in_use = false;  // being fetched from: a row callback running the same text gets a statement of its own
};

// A statement made for one run and dropped (a nested run of a text whose kept statement is still being read).
long long run_once(soci::session& sql, const std::string& text, std::vector<std::string> values,
                   const std::function<void(const soci::row&)>* on_row) {
  soci::row r;
  soci::statement st(sql);
  for (auto& v : values) st.exchange(soci::use(v));  // bound by reference until the statement is done
  if (on_row) st.exchange(soci::into(r));
  st.alloc();
  st.prepare(text);
  st.define_and_bind();
  if (!on_row) {
    st.execute(true);
    return st.get_affected_rows();
  }
  st.execute(false);
  while (st.fetch()) (*on_row)(r);
  return 0;
}

struct SessionStatements {
  std::map<std::string, Prepared> by_text;
  int running = 0;  // statements of the session being fetched from (a row callback may run another)
  std::map<std::string, std::shared_ptr<void>> native;  // SQLite's own statements (BulkInsert)
};

class PreparedCache {
 public:
  static PreparedCache& instance() {
    static PreparedCache cache;
    return cache;
  }
  // The session's statements. Only the thread that holds the session's lease uses them.
  SessionStatements& of(soci::session& sql) {
    std::lock_guard lock(mutex_);
    return sessions_[&sql];
  }
  void forget(soci::session& sql) {
    std::lock_guard lock(mutex_);
    sessions_.erase(&sql);
  }

 private:
  std::mutex mutex_;
  std::map<soci::session*, SessionStatements> sessions_;
};

constexpr std::size_t kPreparedPerSession = 128;  // texts built at run time vary: past this, start again

}  // namespace

void forget_prepared(soci::session& sql) { PreparedCache::instance().forget(sql); }

std::shared_ptr<void> prepared_native(soci::session& sql, const std::string& text,
                                      const std::function<std::shared_ptr<void>()>& prepare) {
  auto& native = PreparedCache::instance().of(sql).native;
  auto it = native.find(text);
  if (it != native.end()) return it->second;
  if (native.size() >= kPreparedPerSession) native.clear();  // holders keep theirs alive
  return native[text] = prepare();
}

Query& Query::value(std::string v) {
  text_ += ":q" + std::to_string(values_.size());
  values_.push_back(std::move(v));
  return *this;
}

Query& Query::append(const Query& other) {
  const std::size_t offset = values_.size();
  const std::string& t = other.text_;
  for (std::size_t i = 0; i < t.size();) {
    // Placeholders are ":q<n>" as value() wrote them.
    if (t.compare(i, 2, ":q") == 0 && i + 2 < t.size() && std::isdigit(static_cast<unsigned char>(t[i + 2]))) {
      std::size_t end = i + 2;
      while (end < t.size() && std::isdigit(static_cast<unsigned char>(t[end]))) ++end;
      text_ += ":q" + std::to_string(offset + std::stoul(t.substr(i + 2, end - i - 2)));
      i = end;
    } else {
      text_ += t[i++];
    }
  }
  values_.insert(values_.end(), other.values_.begin(), other.values_.end());
  return *this;
}

void Query::each(soci::session& sql, const std::function<void(const soci::row&)>& on_row) const { execute(sql, &on_row); }

void Query::run(soci::session& sql) const { execute(sql, nullptr); }

long long Query::changes(soci::session& sql) const {
  if (sql.get_backend_name() != "sqlite3") return execute(sql, nullptr);
  step_native(sql, nullptr);
  return sqlite_api::sqlite3_changes(static_cast<soci::sqlite3_session_backend*>(sql.get_backend())->conn_);
}

long long Query::inserted_id(soci::session& sql) const {
  if (sql.get_backend_name() != "sqlite3") {
    Query returning = *this;
    return returning.add(" RETURNING id").count(sql);  // no row: nothing inserted, 0
  }
  step_native(sql, nullptr);
  auto* handle = static_cast<soci::sqlite3_session_backend*>(sql.get_backend())->conn_;
  return sqlite_api::sqlite3_changes(handle) ? sqlite_api::sqlite3_last_insert_rowid(handle) : 0;
}

long long Query::execute(soci::session& sql, const std::function<void(const soci::row&)>* on_row) const {
  const bool sqlite = sql.get_backend_name() == "sqlite3";
  SessionStatements& session = PreparedCache::instance().of(sql);
  auto& statements = session.by_text;
  if (statements.size() >= kPreparedPerSession && !statements.count(text_) && session.running == 0) statements.clear();
  Prepared& p = statements[text_];
  if (p.in_use) return run_once(sql, text_, values_, on_row);
  struct Running {
    int& n;
    bool* in_use;  // null once the statement is dropped
    Running(int& count, bool& use) : n(count), in_use(&use) {
      ++n;
      *in_use = true;
    }
    ~Running() {
      --n;
      if (in_use) *in_use = false;
    }
  } running(session.running, p.in_use);
  try {
    if (!p.statement) {
      p.values = values_;
      p.statement = std::make_unique<soci::statement>(sql);
      for (auto& v : p.values) p.statement->exchange(soci::use(v));
      if (on_row) p.statement->exchange(soci::into(p.row));
      p.statement->alloc();
      p.statement->prepare(text_);
      p.statement->define_and_bind();
    } else {
      p.values = values_;  // same count: the bound strings are assigned, not moved
    }
    long long changed = 0;
    if (on_row) {
      p.statement->execute(false);
      while (p.statement->fetch()) (*on_row)(p.row);
    } else {
      p.statement->execute(true);
      changed = p.statement->get_affected_rows();
    }
    // A statement kept prepared must be reset, or SQLite may keep its read transaction open: the session would
    // then read an old snapshot and could never begin a write (SQLITE_BUSY_SNAPSHOT, waited out in vain).
    if (sqlite) sqlite_api::sqlite3_reset(static_cast<soci::sqlite3_statement_backend*>(p.statement->get_backend())->stmt_);
    return changed;
  } catch (...) {
    if (session.running == 1) {  // a statement that failed halfway is not run again
      running.in_use = nullptr;
      statements.erase(text_);
    }
    throw;
  }
}

long long Row::ll(int column) const {
  if (native_) return sqlite_api::sqlite3_column_int64(static_cast<sqlite_api::sqlite3_stmt*>(native_), column);
  return column_ll(*row_, static_cast<std::size_t>(column));
}

std::string Row::text(int column) const {
  if (native_) {
    auto* st = static_cast<sqlite_api::sqlite3_stmt*>(native_);
    const auto* p = sqlite_api::sqlite3_column_text(st, column);
    return p ? std::string(reinterpret_cast<const char*>(p), static_cast<std::size_t>(sqlite_api::sqlite3_column_bytes(st, column)))
             : std::string();
  }
  if (row_->get_indicator(static_cast<std::size_t>(column)) == soci::i_null) return {};
  return row_->get<std::string>(static_cast<std::size_t>(column));
}

bool Row::null(int column) const {
  if (native_)
    return sqlite_api::sqlite3_column_type(static_cast<sqlite_api::sqlite3_stmt*>(native_), column) == SQLITE_NULL;
  return row_->get_indicator(static_cast<std::size_t>(column)) == soci::i_null;
}

void Query::rows(soci::session& sql, const std::function<void(const Row&)>& on_row) const {
  if (sql.get_backend_name() != "sqlite3") {
    Row row;
    const std::function<void(const soci::row&)> adapter = [&](const soci::row& r) {
      row.row_ = &r;
      on_row(row);
    };
    execute(sql, &adapter);
    return;
  }
  step_native(sql, &on_row);
}

void Query::step_native(soci::session& sql, const std::function<void(const Row&)>* on_row) const {
  using namespace sqlite_api;
  sqlite3* handle = static_cast<soci::sqlite3_session_backend*>(sql.get_backend())->conn_;
  auto prepare = [&] {
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v3(handle, text_.c_str(), static_cast<int>(text_.size()), SQLITE_PREPARE_PERSISTENT, &st, nullptr) != SQLITE_OK)
      throw soci::soci_error(std::string("Query: ") + sqlite3_errmsg(handle) + " while executing \"" + text_ + "\"");
    std::shared_ptr<void> kept(st, [](void* p) { sqlite3_finalize(static_cast<sqlite3_stmt*>(p)); });
    // value() numbers its placeholders in the order they appear; binding by position relies on it.
    if (sqlite3_bind_parameter_count(st) != static_cast<int>(values_.size()))
      throw std::logic_error("Query: placeholders and values differ in \"" + text_ + "\"");
    for (std::size_t i = 0; i < values_.size(); ++i) {
      const char* name = sqlite3_bind_parameter_name(st, static_cast<int>(i + 1));
      if (!name || std::string_view(name) != ":q" + std::to_string(i))
        throw std::logic_error("Query: placeholder " + std::to_string(i + 1) + " out of order in \"" + text_ + "\"");
    }
    return kept;
  };
  std::shared_ptr<void> kept = prepared_native(sql, text_, prepare);
  // A row callback that runs this same text again (a recursive read) gets a statement of its own.
  if (sqlite3_stmt_busy(static_cast<sqlite3_stmt*>(kept.get()))) kept = prepare();
  auto* st = static_cast<sqlite3_stmt*>(kept.get());
  struct Reset {
    sqlite3_stmt* st;
    ~Reset() { sqlite3_reset(st); }  // also ends the read transaction of an autocommit read (see execute)
  } reset{st};
  for (std::size_t i = 0; i < values_.size(); ++i)
    sqlite3_bind_text(st, static_cast<int>(i + 1), values_[i].data(), static_cast<int>(values_[i].size()), SQLITE_STATIC);
  Row row;
  row.native_ = st;
  for (;;) {
    const int rc = sqlite3_step(st);
    if (rc == SQLITE_DONE) break;
    if (rc != SQLITE_ROW) throw soci::soci_error(std::string("Query: ") + sqlite3_errmsg(handle) + " while executing \"" + text_ + "\"");
    if (on_row) (*on_row)(row);
  }
}

long long Query::count(soci::session& sql) const {
  long long n = 0;
  bool first = true;
  each(sql, [&](const soci::row& r) {
    if (first) n = column_ll(r, 0);
    first = false;
  });
  return n;
}

void restrict_to_scope(Query& q, const Principal& caller, const std::string& unit_path, const std::string& branch_path,
                       const std::string& unit_id, const std::string& branch_id, const std::string& person_id) {
  const DataScope& s = caller.scope;
  if (s.all) return;
  if (s.empty() || !caller.authenticated()) {
    q.add(" AND 1 = 0");
    return;
  }
  std::vector<std::string> parts;
  q.add(" AND (1 = 0");
  for (const auto& path : s.subtree_paths) {
    if (!unit_path.empty()) q.add(" OR " + unit_path + " LIKE ").value(path + "%");
    if (!branch_path.empty()) q.add(" OR " + branch_path + " LIKE ").value(path + "%");
  }
  for (long long id : s.node_ids) {
    if (!unit_id.empty()) q.add(" OR " + unit_id + " = ").value(id);
    if (!branch_id.empty()) q.add(" OR " + branch_id + " = ").value(id);
  }
  if (s.self && !person_id.empty() && caller.person_id) q.add(" OR " + person_id + " = ").value(caller.person_id);
  q.add(")");
}

}  // namespace xinhuo::db
