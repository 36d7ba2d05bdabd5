#include "db/database.hpp"

#include <soci/postgresql/soci-postgresql.h>
#include "db/sql.hpp"
#include <soci/sqlite3/soci-sqlite3.h>

#include <algorithm>
#include <filesystem>
#include <mutex>
#include <stdexcept>
#include <string_view>
#include <system_error>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "db/events.hpp"
#include "db/query.hpp"

namespace xinhuo::db {

bool is_unique_violation(const std::exception& e) {
  if (const auto* pg = dynamic_cast<const soci::postgresql_soci_error*>(&e)) return pg->sqlstate() == "23505";
  return std::string_view(e.what()).find("UNIQUE constraint failed") != std::string_view::npos;
}

Dialect dialect_of(const std::string& url) {
  if (url.rfind("sqlite:", 0) == 0) return Dialect::sqlite;
  if (url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0) return Dialect::postgresql;
  throw std::invalid_argument("database URL must start with sqlite: or postgresql:// (got '" + url + "')");
}

namespace {

std::string url_decode(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
      out.push_back(static_cast<char>(std::stoi(s.substr(i + 1, 2), nullptr, 16)));
      i += 2;
    } else {
      out.push_back(s[i]);
    }
  }
  return out;
}

std::string quoted(const std::string& value) {
  std::string out = "'";
  for (char c : value) {
    if (c == '\\' || c == '\'') out.push_back('\\');
    out.push_back(c);
  }
  return out + "'";
}

}  // namespace

std::string pg_conninfo(const std::string& url) {
  const auto scheme_end = url.find("://");
  if (scheme_end == std::string::npos || dialect_of(url) != Dialect::postgresql)
    throw std::invalid_argument("not a postgresql:// URL");
  std::string rest = url.substr(scheme_end + 3);
  std::string query;
  if (auto q = rest.find('?'); q != std::string::npos) {
    query = rest.substr(q + 1);
    rest.resize(q);
  }
  std::string dbname;
  if (auto slash = rest.find('/'); slash != std::string::npos) {
    dbname = url_decode(rest.substr(slash + 1));
    rest.resize(slash);
  }
  std::string user, password;
  if (auto at = rest.rfind('@'); at != std::string::npos) {
    std::string userinfo = rest.substr(0, at);
    rest = rest.substr(at + 1);
    auto colon = userinfo.find(':');
    user = url_decode(userinfo.substr(0, colon));
    if (colon != std::string::npos) password = url_decode(userinfo.substr(colon + 1));
  }
  std::string host = rest, port;
  if (auto colon = rest.rfind(':'); colon != std::string::npos && rest.find(']') == std::string::npos) {
    host = rest.substr(0, colon);
    port = rest.substr(colon + 1);
  }
  std::string out;
  auto add = [&out](const std::string& key, const std::string& value) {
    if (!value.empty()) out += (out.empty() ? "" : " ") + key + "=" + quoted(value);
  };
  add("host", url_decode(host));
  add("port", port);
  add("user", user);
  add("password", password);
  add("dbname", dbname);
  while (!query.empty()) {
    auto amp = query.find('&');
    std::string pair = query.substr(0, amp);
    auto eq = pair.find('=');
    if (eq != std::string::npos) add(url_decode(pair.substr(0, eq)), url_decode(pair.substr(eq + 1)));
    query = amp == std::string::npos ? "" : query.substr(amp + 1);
  }
  return out;
}

namespace {
// A pooled SQLite connection is used by one thread at a time (a lease), so SQLite need not lock each connection
// and statement on every call (its default "serialized" mode does), nor count every allocation under a global
// mutex. Set once, before SQLite starts; if something started it already, the default stays (still correct).
void configure_sqlite_once() {
  static std::once_flag once;
  std::call_once(once, [] {
    sqlite_api::sqlite3_config(SQLITE_CONFIG_MULTITHREAD);
    sqlite_api::sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
  });
}
}  // namespace

Database::Database(DatabaseOptions options)
    : options_(std::move(options)), dialect_(dialect_of(options_.url)), events_(std::make_unique<EventBus>()) {
  if (options_.pool_size == 0) options_.pool_size = 1;
  if (options_.sqlite_synchronous != "FULL" && options_.sqlite_synchronous != "NORMAL")
    throw std::invalid_argument("sqlite_synchronous must be FULL or NORMAL");
  const bool plain_schema = std::all_of(options_.pg_schema.begin(), options_.pg_schema.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
  if (!plain_schema) throw std::invalid_argument("pg_schema may hold only a-z, 0-9 and _");
  if (dialect_ == Dialect::sqlite) configure_sqlite_once();
  pool_ = std::make_unique<soci::connection_pool>(options_.pool_size);
  for (std::size_t i = 0; i < options_.pool_size; ++i) open_session(pool_->at(i), options_.sqlite_synchronous);
  if (dialect_ == Dialect::sqlite) {
    writer_ = std::make_unique<soci::session>();
    open_session(*writer_, "NORMAL");  // sync_log makes its commits durable
    using namespace sqlite_api;
    sqlite3* handle = static_cast<soci::sqlite3_session_backend*>(writer_->get_backend())->conn_;
    if (const char* wal = sqlite3_filename_wal(sqlite3_db_filename(handle, "main"))) log_path_ = wal;
    if (log_path_.empty()) throw std::runtime_error("SQLite did not name the write-ahead log of " + options_.url);
  }
}

void Database::open_session(soci::session& s, const std::string& synchronous) {
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
    s << "PRAGMA synchronous=" + synchronous;
    // 64 MB of page cache instead of 2 MB: a write transaction of a few hundred bookings (a batch approval, a
    // group commit) keeps its pages in memory instead of spilling them to the WAL halfway.
    s << "PRAGMA cache_size=-65536";
    // Savepoints journal the pages they change, and sorts spill: in memory rather than temporary files.
    s << "PRAGMA temp_store=MEMORY";
    // The log is copied back into the database (a checkpoint, inside the commit that crossed the mark) every 10,000
    // pages (40 MB) instead of 1,000: a page that busy writes change again and again (indexes, counters) is copied
    // once per checkpoint however often the log holds it, so fewer checkpoints copy far fewer pages.
    s << "PRAGMA wal_autocheckpoint=10000";
  } else {
    s.open(soci::postgresql, pg_conninfo(options_.url));
    s << "SET TIME ZONE 'UTC'";
    s << "SET client_min_messages TO warning";
    // Statements stay prepared per connection (db::Query): plan each run for its values, so that a LIKE on a
    // path prefix or a skewed column never gets stuck with a generic plan that scans the table.
    s << "SET plan_cache_mode TO force_custom_plan";
    if (!options_.pg_schema.empty()) s << "SET search_path TO " + options_.pg_schema;
  }
}

void Database::sync_log() {
  if (!writer_ || options_.sqlite_synchronous != "FULL") return;
  std::shared_ptr<const int> fd;
  {
    std::lock_guard lock(log_mutex_);
    struct stat now {};
    if (::stat(log_path_.c_str(), &now) != 0) {
      // No log: SQLite removes it only after copying everything in it into the database and syncing that.
      if (errno == ENOENT) return;
      throw std::system_error(errno, std::generic_category(), "sync_log: " + log_path_);
    }
    if (!log_fd_ || static_cast<unsigned long long>(now.st_ino) != log_inode_) {
      const int opened = ::open(log_path_.c_str(), O_RDONLY | O_CLOEXEC);
      if (opened < 0) throw std::system_error(errno, std::generic_category(), "sync_log: " + log_path_);
      log_fd_ = std::shared_ptr<const int>(new int(opened), [](const int* f) {
        ::close(*f);
        delete f;
      });
      log_inode_ = static_cast<unsigned long long>(now.st_ino);
      // A new log file: its name in the directory must reach the disk too, as SQLite's own first sync of a log does.
      const auto dir = std::filesystem::path(log_path_).parent_path();
      const int d = ::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
      if (d < 0 || ::fsync(d) != 0) {
        const int e = errno;
        if (d >= 0) ::close(d);
        log_fd_.reset();
        throw std::system_error(e, std::generic_category(), "sync_log: directory of " + log_path_);
      }
      ::close(d);
    }
    fd = log_fd_;
  }
  // fdatasync flushes every written page of the file, whichever descriptor wrote it.
  if (::fdatasync(*fd) != 0) throw std::system_error(errno, std::generic_category(), "sync_log: " + log_path_);
}

Database::~Database() {
  if (pool_)
    for (std::size_t i = 0; i < options_.pool_size; ++i) forget_prepared(pool_->at(i));
  if (writer_) forget_prepared(*writer_);
}

namespace {
// The sessions this thread holds, with how many leases share each (usually none or one database).
struct HeldSession {
  const Database* db;
  soci::session* session;
  std::size_t position;
  int leases;
  bool reading = false;  // a ReadScope's read transaction is open on it
};
thread_local std::vector<HeldSession> held_sessions;
constexpr std::size_t kWriter = static_cast<std::size_t>(-1);  // the position of the writer session
}  // namespace

Database::Lease::Lease(Database& db, Session which) : db_(db) {
  for (auto& held : held_sessions)
    if (held.db == &db) {
      ++held.leases;
      session_ = held.session;
      return;
    }
  if (which == Session::writer && db_.writer_) {
    db_.writer_mutex_.lock();
    session_ = db_.writer_.get();
    held_sessions.push_back({&db_, session_, kWriter, 1});
    return;
  }
  ++db_.in_use_;
  try {
    const std::size_t position = db_.pool_->lease();  // waits for a free session
    session_ = &db_.pool_->at(position);
    held_sessions.push_back({&db_, session_, position, 1});
  } catch (...) {
    --db_.in_use_;
    throw;
  }
}

Database::Lease::~Lease() {
  // The session goes back to the pool with the last lease on this thread, whichever lease that is.
  auto it = std::find_if(held_sessions.begin(), held_sessions.end(), [&](const HeldSession& h) { return h.db == &db_; });
  if (it == held_sessions.end() || --it->leases > 0) return;
  const std::size_t position = it->position;
  held_sessions.erase(it);
  if (position == kWriter) {
    db_.writer_mutex_.unlock();
    return;
  }
  db_.pool_->give_back(position);
  --db_.in_use_;
}

namespace {
HeldSession* held_by_this_thread(const Database& db) {
  for (auto& held : held_sessions)
    if (held.db == &db) return &held;
  return nullptr;
}

void run(soci::session& sql, const char* text) { Query(text).rows(sql, [](const Row&) {}); }
}  // namespace

Database::ReadScope::ReadScope(Database& db) : db_(db) {
  if (db.dialect() != Dialect::sqlite) return;
  lease_.emplace(db);
  HeldSession* held = held_by_this_thread(db);
  if (!held || held->leases != 1) return;  // the thread had the session already (maybe inside a transaction)
  run(lease_->sql(), "BEGIN");
  held->reading = true;
}

void Database::ReadScope::end() {
  if (!lease_) return;
  HeldSession* held = held_by_this_thread(db_);
  if (held && held->reading) {
    held->reading = false;
    // A write outside a Tx would have joined the read transaction: this COMMIT is what makes it durable, so its
    // failure is the request's failure. The session still goes back to the pool with no transaction open.
    try {
      run(lease_->sql(), "COMMIT");
    } catch (const std::exception&) {
      try {
        run(lease_->sql(), "ROLLBACK");
      } catch (const std::exception&) {
      }
      lease_.reset();
      throw;
    }
  }
  lease_.reset();
}

Database::ReadScope::~ReadScope() {
  if (!lease_) return;
  HeldSession* held = held_by_this_thread(db_);
  if (!held || !held->reading) return;
  held->reading = false;
  try {
    run(lease_->sql(), "ROLLBACK");  // the request failed (or end() was not reached): nothing of it is kept
  } catch (const std::exception&) {
  }
}

void Database::end_shared_read(soci::session& sql) {
  HeldSession* held = held_by_this_thread(*this);
  if (!held || !held->reading || held->session != &sql) return;
  held->reading = false;
  run(sql, "COMMIT");
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
