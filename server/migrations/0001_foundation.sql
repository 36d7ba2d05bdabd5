-- Platform settings and the stored outcomes of idempotent requests.
-- Timestamps are ISO-8601 UTC text ("2026-11-29T10:23:31Z"); dates are ISO dates ("2026-11-29").

CREATE TABLE settings (
  key        TEXT PRIMARY KEY,
  value      TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE idempotency_keys (
  id           {{id}},
  owner        TEXT NOT NULL,   -- the caller the key belongs to
  idem_key     TEXT NOT NULL,
  request_hash TEXT NOT NULL,   -- SHA-256 of method, path and body: a reused key with another body is refused
  state        TEXT NOT NULL CHECK (state IN ('running', 'done')),
  status       INTEGER NOT NULL,
  content_type TEXT NOT NULL,
  body         TEXT NOT NULL,
  created_at   TEXT NOT NULL,
  UNIQUE (owner, idem_key)
);
CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);
