#include "app/idempotency_middleware.hpp"

#include <algorithm>
#include <atomic>
#include <memory>

#include "core/random.hpp"

namespace xinhuo::app {

http::Middleware idempotency_middleware(db::Database& db, const Clock& clock) {
  auto store = std::make_shared<db::IdempotencyStore>(db);
  auto claims = std::make_shared<std::atomic<unsigned>>(0);
  return [store, claims, &clock](http::Request& req, const http::Next& next) -> http::Response {
    auto key = req.header("Idempotency-Key");
    if (!key || req.method != "POST" || !req.route || !req.route->creates) return next(req);
    const bool printable = std::all_of(key->begin(), key->end(), [](char c) { return c > 0x20 && c < 0x7f; });
    if (key->empty() || key->size() > 128 || !printable)
      throw Error::validation("Idempotency-Key", {"Idempotency-Key 必须是 1 到 128 个可见 ASCII 字符",
                                                  "Idempotency-Key must be 1 to 128 visible ASCII characters"});

    const std::string owner = req.principal.authenticated() ? "account:" + std::to_string(req.principal.account_id) : "anonymous";
    const std::string hash = sha256_hex(req.method + " " + req.path + "?" + req.query + "\n" + req.body);
    const TimePoint now = clock.now();
    const std::string claimed_at = iso_utc(now);
    if (++*claims % 512 == 0) store->purge(now);

    if (auto existing = store->claim(owner, *key, hash, now)) {
      if (existing->request_hash != hash)
        throw Error::unprocessable("idempotency_key_reused", {"该 Idempotency-Key 已用于另一个请求",
                                                              "This Idempotency-Key was used for a different request"});
      const bool answered = existing->done && existing->status != 0;
      // Done without an answer: the work is committed and its answer is being stored, or was lost when the server
      // stopped in between. Either way the work must not run again.
      if (!answered && (!existing->done || now - parse_iso_utc(existing->created_at) < db::IdempotencyStore::kAbandonedAfter))
        throw Error::conflict("request_in_progress", {"相同的请求正在处理，请稍后再试",
                                                      "The same request is still being processed"});
      if (!answered)
        throw Error::conflict("request_done_answer_lost", {"该请求已处理完成，但结果未能返回，请刷新后查看",
                                                           "This request was carried out but its answer was lost: reload to see the result"});
      http::Response replay;
      replay.status = existing->status;
      replay.body = existing->body;
      if (!existing->content_type.empty()) replay.set_header("Content-Type", existing->content_type);
      replay.set_header("Idempotent-Replayed", "true");
      return replay;
    }
    http::Response res;
    {
      db::IdempotencyScope scope(owner, *key, claimed_at);
      res = next(req);
    }
    if (res.status >= 500) store->release(owner, *key, claimed_at);
    else store->complete(owner, *key, claimed_at, res.status, res.header("Content-Type").value_or(""), res.body);
    return res;
  };
}

}  // namespace xinhuo::app
