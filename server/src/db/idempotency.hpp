#pragma once
// Stored outcomes of POSTs sent with an Idempotency-Key: the first request claims the key, a repeat gets the
// stored answer. Keys belong to one caller and live 24 hours.
#include <optional>
#include <string>

#include "core/clock.hpp"
#include "db/database.hpp"

namespace xinhuo::db {

struct IdempotencyRecord {
  bool done = false;  // false while the first request is still running
  std::string request_hash;
  int status = 0;
  std::string content_type;
  std::string body;
};

class IdempotencyStore {
 public:
  explicit IdempotencyStore(Database& db) : db_(db) {}

  // Claims (owner, key) for this request. Returns nullopt when the caller now owns the key and must run the
  // request; otherwise the record someone else left (running or done). Expired records are replaced.
  std::optional<IdempotencyRecord> claim(const std::string& owner, const std::string& key, const std::string& request_hash,
                                         TimePoint now);
  void complete(const std::string& owner, const std::string& key, int status, const std::string& content_type,
                const std::string& body);
  // Forgets a claim whose request failed on the server side, so the client may retry.
  void release(const std::string& owner, const std::string& key);
  // Deletes records older than the retention (called from time to time).
  void purge(TimePoint now);

  static constexpr std::chrono::hours kRetention{24};

 private:
  Database& db_;
};

}  // namespace xinhuo::db
