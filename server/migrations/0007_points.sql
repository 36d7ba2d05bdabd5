-- Party-member points (党员积分): the rule catalog with versions, the yearly scheme, the append-only ledger with
-- balances kept in the same transaction, claims (self-reports and managers' records) and the event → rule map.

CREATE TABLE point_category (
  code       TEXT PRIMARY KEY,
  name       TEXT NOT NULL,
  yearly_cap INTEGER,           -- NULL: no cap
  sort_order INTEGER NOT NULL DEFAULT 0
);

-- One row per version of a rule. Editing a rule adds a version and retires the previous one; ledger entries
-- point at the version they were earned under.
CREATE TABLE point_rule (
  id               {{id}},
  code             TEXT NOT NULL,
  version          INTEGER NOT NULL,
  category_code    TEXT NOT NULL REFERENCES point_category (code),
  name             TEXT NOT NULL,
  points           INTEGER NOT NULL CHECK (points <> 0),
  earn_mode        TEXT NOT NULL CHECK (earn_mode IN ('automatic', 'self_report', 'manager')),
  evidence_required INTEGER NOT NULL DEFAULT 0,
  cap_day          INTEGER,
  cap_month        INTEGER,
  cap_year         INTEGER,
  second_approver  INTEGER NOT NULL DEFAULT 0,
  applies_to       TEXT NOT NULL DEFAULT 'members'
                   CHECK (applies_to IN ('members', 'young_cadres', 'probationary', 'everyone')),
  valid_from       TEXT NOT NULL,
  valid_to         TEXT,
  status           TEXT NOT NULL CHECK (status IN ('current', 'superseded', 'retired')),
  created_at       TEXT NOT NULL,
  created_by       BIGINT REFERENCES account (id),
  UNIQUE (code, version)
);
CREATE INDEX point_rule_status ON point_rule (status, category_code);

-- The scheme of a year: every member starts at base_score; the yearly score never leaves [floor, ceiling].
CREATE TABLE point_scheme (
  year          INTEGER PRIMARY KEY,
  base_score    INTEGER NOT NULL,
  floor_score   INTEGER NOT NULL DEFAULT 0,
  ceiling_score INTEGER,
  updated_at    TEXT NOT NULL
);

-- Which rule an event type earns (editable: modules only publish events).
CREATE TABLE point_event_rule (
  event_type TEXT PRIMARY KEY,
  rule_code  TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

-- A self-report (kind 'self_report') or a manager's record of a deduction or an award ('manager_record').
-- pending → approved | rejected | withdrawn; a rule with second_approver passes through 'first_approved'.
CREATE TABLE point_claim (
  id                 {{id}},
  kind               TEXT NOT NULL CHECK (kind IN ('self_report', 'manager_record')),
  person_id          BIGINT NOT NULL REFERENCES person (id),
  unit_id            BIGINT NOT NULL REFERENCES org_node (id),
  branch_id          BIGINT REFERENCES org_node (id),
  rule_id            BIGINT NOT NULL REFERENCES point_rule (id),
  points             INTEGER NOT NULL,
  activity_date      TEXT NOT NULL,
  description        TEXT NOT NULL,
  evidence           TEXT NOT NULL DEFAULT '[]',   -- JSON array of upload ids
  fingerprint        TEXT NOT NULL,                -- person, rule and normalised description: finds repeats
  possible_duplicate_of BIGINT REFERENCES point_claim (id),
  status             TEXT NOT NULL CHECK (status IN ('pending', 'first_approved', 'approved', 'rejected', 'withdrawn')),
  created_by         BIGINT NOT NULL REFERENCES account (id),
  created_at         TEXT NOT NULL,
  first_approver_id  BIGINT REFERENCES account (id),
  first_approved_at  TEXT,
  decided_by         BIGINT REFERENCES account (id),
  decided_at         TEXT,
  decision_reason    TEXT,
  entry_id           BIGINT
);
CREATE INDEX point_claim_status ON point_claim (status, unit_id, id);
CREATE INDEX point_claim_person ON point_claim (person_id, id);
CREATE INDEX point_claim_fingerprint ON point_claim (fingerprint, created_at);

-- The ledger: append-only. `source_key` is unique, so an event delivered twice, an approval clicked twice or a
-- reversal repeated writes one entry. `requested` is what the rule gave; `points` what was booked after caps,
-- floor and ceiling, with `limited_by` naming the limit that cut it.
CREATE TABLE ledger_entry (
  id            {{id}},
  person_id     BIGINT NOT NULL REFERENCES person (id),
  rule_id       BIGINT NOT NULL REFERENCES point_rule (id),
  rule_code     TEXT NOT NULL,
  category_code TEXT NOT NULL,
  requested     INTEGER NOT NULL,
  points        INTEGER NOT NULL,
  limited_by    TEXT,
  activity_date TEXT NOT NULL,
  year          INTEGER NOT NULL,
  source_type   TEXT NOT NULL CHECK (source_type IN ('event', 'claim', 'reversal')),
  source_key    TEXT NOT NULL UNIQUE,
  event_type    TEXT,
  claim_id      BIGINT REFERENCES point_claim (id),
  reverses_id   BIGINT REFERENCES ledger_entry (id),
  note          TEXT,
  recorded_by   BIGINT REFERENCES account (id),
  approved_by   TEXT,                            -- names of the approvers, as shown in the explanation
  created_at    TEXT NOT NULL
);
CREATE INDEX ledger_entry_person ON ledger_entry (person_id, year, id);
CREATE INDEX ledger_entry_rule_day ON ledger_entry (person_id, rule_code, activity_date);

-- Balances: per person × period × category, kept in the entry's transaction. period is '2026', '2026-Q4' or
-- '2026-11'; category '' is the total of all categories. Points exclude the base score.
CREATE TABLE point_balance (
  person_id     BIGINT NOT NULL REFERENCES person (id),
  period        TEXT NOT NULL,
  category_code TEXT NOT NULL,
  points        BIGINT NOT NULL,
  entries       BIGINT NOT NULL,
  PRIMARY KEY (person_id, period, category_code)
);
CREATE INDEX point_balance_rank ON point_balance (period, category_code, points);
