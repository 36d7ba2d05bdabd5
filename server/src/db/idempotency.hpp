#pragma once
// Stored outcomes of POSTs sent with an Idempotency-Key: the first request claims the key, a repeat gets the
// stored answer. Keys belong to one caller and live 24 hours.
//
// Crash safety: the request's own transaction marks the key done (IdempotencyScope, below), so the work and the
// mark are committed together. A server killed after the work but before the answer was stored leaves the key
// done without an answer: a retry is told so and never does the work again. A server killed before the work
// leaves the key running: once kAbandonedAfter has passed, a retry takes it over; should the first attempt still
// be alive after all, its commit is refused (the claim's created_at is its fencing token).
#include <optional>
#include <string>

#include "core/clock.hpp"
#include "db/database.hpp"

namespace xinhuo::db {

class Tx;

struct IdempotencyRecord {
  bool done = false;  // false while the first request is still running
  std::string request_hash;
  int status = 0;     // 0 with done: the work is committed, its answer not stored (yet, or lost in a crash)
  std::string content_type;
  std::string body;
  std::string created_at;
};

class IdempotencyStore {
 public:
  explicit IdempotencyStore(Database& db) : db_(db) {}

  // Claims (owner, key) for this request, as of `now` (iso_utc(now) is the claim's token). Returns nullopt when the
  // caller now owns the key and must run the request; otherwise the record someone else left (running or done).
  // Expired records and running claims abandoned for kAbandonedAfter are replaced.
  std::optional<IdempotencyRecord> claim(const std::string& owner, const std::string& key, const std::string& request_hash,
                                         TimePoint now);
  // Stores the answer of the claim made at `claimed_at` (nothing if a retry took the key over).
  void complete(const std::string& owner, const std::string& key, const std::string& claimed_at, int status,
                const std::string& content_type, const std::string& body);
  // Forgets a claim whose request failed on the server side before doing its work, so the client may retry.
  void release(const std::string& owner, const std::string& key, const std::string& claimed_at);
  // Deletes records older than the retention (called from time to time).
  void purge(TimePoint now);

  static constexpr std::chrono::hours kRetention{24};
  // A claim still running after this long is taken to be abandoned by a server that stopped.
  static constexpr std::chrono::seconds kAbandonedAfter{30};

 private:
  Database& db_;
};

// While it lives, the first transaction this thread commits marks the claimed key done (status 0, the answer
// follows) in that same transaction, or is refused with 409 request_taken_over if a retry took the key over.
// A request's work is its first committed transaction; work spread over several transactions is only as atomic
// as those are. (GroupCommit runs other callers' work in the leader's transaction: no creating route uses it.)
class IdempotencyScope {
 public:
  IdempotencyScope(std::string owner, std::string key, std::string claimed_at);
  ~IdempotencyScope();
  IdempotencyScope(const IdempotencyScope&) = delete;
  IdempotencyScope& operator=(const IdempotencyScope&) = delete;

 private:
  friend void mark_idempotent_work(Tx& tx);
  std::string owner_, key_, claimed_at_;
  bool marked_ = false;
  IdempotencyScope* outer_;
};

// Called by Tx::commit before COMMIT.
void mark_idempotent_work(Tx& tx);

}  // namespace xinhuo::db
