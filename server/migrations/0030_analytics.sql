-- Dashboards (数据看板): rollups kept by the modules' domain events in the publishing transaction, rebuilt from the
-- source data by `xinhuo analytics rebuild`, and the thresholds of the red/yellow/green warnings. Dashboards read
-- these tables (plus small lookups), never the ledger.

-- Activity per day: node_id is where the fact belongs (the person's branch, or unit when they have none; the
-- meeting's branch), unit_id the unit above it (data scope). young: the person was a young cadre on the day.
CREATE TABLE analytics_daily (
  node_id   BIGINT NOT NULL,
  unit_id   BIGINT NOT NULL,
  day       TEXT NOT NULL,                 -- YYYY-MM-DD (Beijing); monthly metrics use the first of the month
  metric    TEXT NOT NULL,                 -- study.checkins, study.participants, meetings.held, points.net …
  dimension TEXT NOT NULL DEFAULT '',      -- meeting type, points category …
  young     INTEGER NOT NULL DEFAULT 0,
  value     BIGINT NOT NULL,
  PRIMARY KEY (node_id, day, metric, dimension, young)
);
CREATE INDEX analytics_daily_metric ON analytics_daily (metric, day);

-- The roster as counts: active people by where they sit, birth date, rank and party status.
CREATE TABLE analytics_people (
  node_id      BIGINT NOT NULL,
  unit_id      BIGINT NOT NULL,
  birth_date   TEXT NOT NULL,
  rank         TEXT NOT NULL DEFAULT '',
  party_status TEXT NOT NULL,
  n            BIGINT NOT NULL,
  PRIMARY KEY (node_id, birth_date, rank, party_status)
);

-- What each active person last added to analytics_people, so that a change subtracts exactly that.
CREATE TABLE analytics_person (
  person_id    BIGINT PRIMARY KEY,
  node_id      BIGINT NOT NULL,
  unit_id      BIGINT NOT NULL,
  birth_date   TEXT NOT NULL,
  rank         TEXT NOT NULL DEFAULT '',
  party_status TEXT NOT NULL
);

-- Distinct counts (a person counted once a month, a meeting once): the keys already counted.
CREATE TABLE analytics_seen (
  metric TEXT NOT NULL,
  period TEXT NOT NULL,
  item   BIGINT NOT NULL,
  PRIMARY KEY (metric, period, item)
);

-- Warning thresholds (预警阈值), edited by the organisation department: yellow and red bounds of each rule.
CREATE TABLE analytics_threshold (
  rule       TEXT PRIMARY KEY,
  yellow     BIGINT NOT NULL,
  red        BIGINT NOT NULL,
  updated_by BIGINT REFERENCES account (id),
  updated_at TEXT NOT NULL
);
INSERT INTO analytics_threshold (rule, yellow, red, updated_at) VALUES
  ('dues_rate', 90, 70, '2026-01-01T00:00:00Z'),
  ('study_participation', 60, 40, '2026-01-01T00:00:00Z'),
  ('meeting_cadence', 90, 70, '2026-01-01T00:00:00Z'),
  ('development_overdue', 1, 5, '2026-01-01T00:00:00Z'),
  ('assignment_done', 80, 50, '2026-01-01T00:00:00Z');
