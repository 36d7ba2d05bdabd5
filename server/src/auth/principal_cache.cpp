#include "auth/principal_cache.hpp"

namespace xinhuo::auth {

PrincipalCache::PrincipalCache(std::chrono::seconds ttl, std::size_t capacity) : ttl_(ttl), capacity_(capacity) {}

std::optional<Principal> PrincipalCache::find(long long session_id, TimePoint now) const {
  if (ttl_.count() <= 0) return std::nullopt;
  std::lock_guard lock(mutex_);
  auto it = entries_.find(session_id);
  // A clock that went backwards (tests, NTP) does not keep an entry alive.
  if (it == entries_.end() || now < it->second.cached_at || now - it->second.cached_at >= ttl_) return std::nullopt;
  return it->second.principal;
}

void PrincipalCache::put(long long session_id, const Principal& principal, TimePoint now) {
  if (ttl_.count() <= 0) return;
  std::lock_guard lock(mutex_);
  if (entries_.size() >= capacity_ && !entries_.count(session_id)) {
    std::erase_if(entries_, [&](const auto& kv) { return now - kv.second.cached_at >= ttl_; });
    if (entries_.size() >= capacity_) entries_.clear();
  }
  Entry& e = entries_[session_id];
  e.principal = principal;
  e.principal.ip.clear();
  e.principal.request_id.clear();
  e.cached_at = now;
}

void PrincipalCache::forget_session(long long session_id) {
  std::lock_guard lock(mutex_);
  entries_.erase(session_id);
}

void PrincipalCache::forget_account(long long account_id) {
  std::lock_guard lock(mutex_);
  std::erase_if(entries_, [&](const auto& kv) { return kv.second.principal.account_id == account_id; });
}

void PrincipalCache::clear() {
  std::lock_guard lock(mutex_);
  entries_.clear();
}

std::size_t PrincipalCache::size() const {
  std::lock_guard lock(mutex_);
  return entries_.size();
}

}  // namespace xinhuo::auth
