#pragma once
// The Principal of each open session, kept for a few seconds so that a request costs one session lookup
// instead of four queries (session, account, permissions, grants).
//
// What stays exact: the session row is still read on every request, so a logout, a revoked session, expiry and
// the idle timeout take effect at once on every instance. What may lag by up to the TTL: a change to the
// account, its roles or the org tree made on *another* instance (this instance forgets the account at once).
#include <chrono>
#include <mutex>
#include <optional>
#include <unordered_map>

#include "core/principal.hpp"

namespace xinhuo::auth {

class PrincipalCache {
 public:
  using TimePoint = std::chrono::system_clock::time_point;

  // ttl 0 turns the cache off. `capacity` bounds memory: when full, stale entries go, then everything.
  explicit PrincipalCache(std::chrono::seconds ttl, std::size_t capacity = 200000);

  // The cached Principal of a session, if it was cached less than the TTL ago (by `now`).
  std::optional<Principal> find(long long session_id, TimePoint now) const;
  void put(long long session_id, const Principal& principal, TimePoint now);

  void forget_session(long long session_id);
  void forget_account(long long account_id);
  void clear();
  std::size_t size() const;

 private:
  struct Entry {
    Principal principal;
    TimePoint cached_at;
  };
  std::chrono::seconds ttl_;
  std::size_t capacity_;
  mutable std::mutex mutex_;
  std::unordered_map<long long, Entry> entries_;
};

}  // namespace xinhuo::auth
