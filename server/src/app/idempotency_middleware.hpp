#pragma once
// Idempotency-Key on POSTs that create things: a repeat returns the stored first answer (with
// `Idempotent-Replayed: true`), the same key with another body is 422, a repeat while the first runs is 409.
#include "core/clock.hpp"
#include "db/idempotency.hpp"
#include "http/middleware.hpp"

namespace xinhuo::app {

http::Middleware idempotency_middleware(db::Database& db, const Clock& clock);

}  // namespace xinhuo::app
