-- Publicity (公示) of a period's points to a unit, and members' appeals (申诉) while it is open.
CREATE TABLE point_publicity (
  id           {{id}},
  node_id      BIGINT NOT NULL REFERENCES org_node (id),
  period       TEXT NOT NULL,
  title        TEXT NOT NULL,
  starts_on    TEXT NOT NULL,
  ends_on      TEXT NOT NULL,
  status       TEXT NOT NULL CHECK (status IN ('open', 'closed')),
  snapshot     TEXT NOT NULL,                  -- JSON: the ranking as published, so later entries do not change it
  published_by BIGINT NOT NULL REFERENCES account (id),
  published_at TEXT NOT NULL,
  closed_by    BIGINT REFERENCES account (id),
  closed_at    TEXT,
  closing_note TEXT
);
CREATE INDEX point_publicity_node ON point_publicity (node_id, id);

CREATE TABLE point_appeal (
  id            {{id}},
  publicity_id  BIGINT NOT NULL REFERENCES point_publicity (id),
  person_id     BIGINT NOT NULL REFERENCES person (id),
  account_id    BIGINT NOT NULL REFERENCES account (id),
  reason        TEXT NOT NULL,
  status        TEXT NOT NULL CHECK (status IN ('open', 'upheld', 'dismissed')),
  created_at    TEXT NOT NULL,
  handled_by    BIGINT REFERENCES account (id),
  handled_at    TEXT,
  result        TEXT
);
CREATE INDEX point_appeal_publicity ON point_appeal (publicity_id, id);
