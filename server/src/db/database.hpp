#pragma once
// The database: a pool of SOCI sessions over SQLite or PostgreSQL, chosen by the URL
// ("sqlite:data/xinhuo.db" or "postgresql://user@host:port/name").
#include <atomic>
#include <exception>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

namespace soci {
class session;
class connection_pool;
}  // namespace soci

namespace xinhuo::db {

enum class Dialect { sqlite, postgresql };

// Whether `e` is the database refusing a row that a unique constraint already holds: what a check-then-insert loses
// to a concurrent request doing the same (a double submit), on PostgreSQL (SQLSTATE 23505) or SQLite.
bool is_unique_violation(const std::exception& e);

struct DatabaseOptions {
  std::string url = "sqlite:data/xinhuo.db";
  std::size_t pool_size = 8;
  // SQLite durability: FULL (an acknowledged write survives power loss) or NORMAL.
  std::string sqlite_synchronous = "FULL";
  int busy_timeout_ms = 10000;
  // PostgreSQL: the schema every session works in (search_path); empty for the server's default.
  std::string pg_schema;
};

class EventBus;

class Database {
 public:
  explicit Database(DatabaseOptions options);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  Dialect dialect() const { return dialect_; }
  const char* dialect_name() const { return dialect_ == Dialect::sqlite ? "sqlite" : "postgresql"; }
  std::size_t pool_size() const { return options_.pool_size; }
  std::size_t in_use() const { return in_use_.load(); }
  EventBus& events() { return *events_; }

  // A session borrowed from the pool for as long as the lease lives. A thread that already holds a session of this
  // database is lent the same one again instead of a second from the pool: a request that read through a new lease
  // while its transaction still held one would otherwise wait forever once every worker did so with the pool empty.
  // (A second transaction opened while the first is still open therefore fails at BEGIN instead of deadlocking.)
  //
  // Session::writer asks for the writer session instead: on SQLite one session outside the pool that only group
  // commits use, one at a time (db::GroupCommit). SQLite drops a session's page cache whenever another session has
  // written since its last transaction, so group commits on pooled sessions in turn read every page they touch again;
  // on a session of their own the pages stay. It commits with synchronous=NORMAL and leaves waiting for the disk to
  // sync_log (see Tx::Kind). On PostgreSQL it is a pooled session like any other.
  enum class Session { pooled, writer };
  class Lease {
   public:
    explicit Lease(Database& db, Session which = Session::pooled);
    ~Lease();
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    // The pooled session itself (not a wrapper made for the lease): what is kept per session, such as prepared
    // statements, stays with the connection it belongs to.
    soci::session& sql() { return *session_; }

   private:
    Database& db_;
    soci::session* session_ = nullptr;
  };
  Lease lease() { return Lease(*this); }

  // The reads of one request on one snapshot (SQLite): while it lives, the statements this thread runs share one read
  // transaction on one session, instead of each taking and dropping the log's read lock (two or three a request, and
  // the workers contended for that lock). A write transaction begun on this thread meanwhile ends the shared read
  // first (end_shared_read); reads after it run on their own again. end() commits; the destructor alone rolls back.
  // Nothing on PostgreSQL.
  class ReadScope {
   public:
    explicit ReadScope(Database& db);
    ~ReadScope();
    ReadScope(const ReadScope&) = delete;
    ReadScope& operator=(const ReadScope&) = delete;
    void end();  // throws if the COMMIT fails

   private:
    Database& db_;
    std::optional<Lease> lease_;
  };
  // Ends the read a ReadScope began on `sql`, if it is still open (before a write transaction on the same session).
  void end_shared_read(soci::session& sql);

  // True when a trivial query succeeds (for /readyz).
  bool ping();

  // SQLite: makes everything written to the write-ahead log so far durable (fdatasync), for the writer session's
  // commits, which do not wait for the disk themselves. Nothing to do elsewhere. Throws if the disk refuses.
  void sync_log();

 private:
  DatabaseOptions options_;
  Dialect dialect_;
  void open_session(soci::session& s, const std::string& synchronous);

  std::unique_ptr<soci::connection_pool> pool_;
  std::unique_ptr<soci::session> writer_;  // SQLite only
  std::mutex writer_mutex_;                // held by the writer session's lease
  std::mutex log_mutex_;
  std::string log_path_;                   // SQLite's write-ahead log, as SQLite names it
  std::shared_ptr<const int> log_fd_;      // open on the log file that log_path_ names now
  unsigned long long log_inode_ = 0;
  std::unique_ptr<EventBus> events_;
  std::atomic<std::size_t> in_use_{0};
};

// "postgresql://user:pw@host:port/db?sslmode=require" → libpq keyword/value form ("host='…' port='…' …"):
// SOCI 4.0 splits its connect string on '=' and would mangle a URL. Throws std::invalid_argument.
std::string pg_conninfo(const std::string& url);

// Dialect of a URL without opening it; throws std::invalid_argument for an unknown scheme.
Dialect dialect_of(const std::string& url);

}  // namespace xinhuo::db
