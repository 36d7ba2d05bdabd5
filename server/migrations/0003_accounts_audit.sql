-- Accounts, roles and their grants on the org tree, sessions, and the audit log.

CREATE TABLE account (
  id                   {{id}},
  username             TEXT NOT NULL UNIQUE,
  display_name         TEXT NOT NULL,
  person_id            BIGINT REFERENCES person (id),
  password_hash        TEXT NOT NULL,            -- Argon2id, libsodium's string form
  password_changed_at  TEXT NOT NULL,
  must_change_password INTEGER NOT NULL DEFAULT 1,
  failed_logins        INTEGER NOT NULL DEFAULT 0,
  locked_until         TEXT,
  totp_secret          TEXT,                     -- base32; NULL until enrolled
  totp_pending_secret  TEXT,                     -- enrolment in progress; replaces totp_secret when confirmed
  totp_enabled         INTEGER NOT NULL DEFAULT 0,
  totp_last_step       BIGINT NOT NULL DEFAULT 0, -- a code is accepted once
  is_demo              INTEGER NOT NULL DEFAULT 0,
  status               TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled')),
  created_at           TEXT NOT NULL,
  updated_at           TEXT NOT NULL
);

CREATE TABLE password_history (
  id            {{id}},
  account_id    BIGINT NOT NULL REFERENCES account (id),
  password_hash TEXT NOT NULL,
  created_at    TEXT NOT NULL
);
CREATE INDEX password_history_account ON password_history (account_id, id);

-- admin_kind marks the three administrator roles (三员分立): one account may hold at most one of them.
CREATE TABLE role (
  id         {{id}},
  code       TEXT NOT NULL UNIQUE,
  name       TEXT NOT NULL,
  builtin    INTEGER NOT NULL DEFAULT 0,
  admin_kind TEXT CHECK (admin_kind IN ('system', 'security', 'audit')),
  created_at TEXT NOT NULL
);

CREATE TABLE role_permission (
  role_id    BIGINT NOT NULL REFERENCES role (id),
  permission TEXT NOT NULL,
  PRIMARY KEY (role_id, permission)
);

-- A role granted to an account on an org node, with its data scope (全部 / 本部门及以下 / 本部门 / 仅本人 / 自定义).
CREATE TABLE role_grant (
  id          {{id}},
  account_id  BIGINT NOT NULL REFERENCES account (id),
  role_id     BIGINT NOT NULL REFERENCES role (id),
  org_node_id BIGINT REFERENCES org_node (id),
  scope       TEXT NOT NULL CHECK (scope IN ('all', 'subtree', 'node', 'self', 'custom')),
  granted_by  BIGINT REFERENCES account (id),
  created_at  TEXT NOT NULL
);
CREATE INDEX role_grant_account ON role_grant (account_id);

CREATE TABLE role_grant_node (
  grant_id    BIGINT NOT NULL REFERENCES role_grant (id),
  org_node_id BIGINT NOT NULL REFERENCES org_node (id),
  PRIMARY KEY (grant_id, org_node_id)
);

-- Only the SHA-256 of a session token is stored: a copy of this table does not let anyone sign in.
CREATE TABLE auth_session (
  id           {{id}},
  token_hash   TEXT NOT NULL UNIQUE,
  account_id   BIGINT NOT NULL REFERENCES account (id),
  created_at   TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,
  expires_at   TEXT NOT NULL,                  -- absolute end of life
  ip           TEXT NOT NULL,
  user_agent   TEXT NOT NULL,
  ended_at     TEXT,
  end_reason   TEXT CHECK (end_reason IN ('logout', 'idle', 'expired', 'revoked', 'password_changed'))
);
CREATE INDEX auth_session_account ON auth_session (account_id, ended_at);

-- Append-only and hash-chained: hash = SHA-256 of the previous row's hash and this row's fields.
CREATE TABLE audit_log (
  id          {{id}},
  at          TEXT NOT NULL,
  account_id  BIGINT,
  username    TEXT NOT NULL,
  action      TEXT NOT NULL,
  target_type TEXT NOT NULL,
  target_id   TEXT NOT NULL,
  result      TEXT NOT NULL CHECK (result IN ('success', 'failure', 'denied')),
  ip          TEXT NOT NULL,
  request_id  TEXT NOT NULL,
  detail      TEXT NOT NULL,
  prev_hash   TEXT NOT NULL,
  hash        TEXT NOT NULL
);
CREATE INDEX audit_log_at ON audit_log (at);
CREATE INDEX audit_log_account ON audit_log (account_id, at);
CREATE INDEX audit_log_action ON audit_log (action, at);
