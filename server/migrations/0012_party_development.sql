-- Member development (发展党员): one case per person in development, its 25 steps recorded in order, and the
-- reports of the cultivation period. A person has at most one active case.
CREATE TABLE development_case (
  id         {{id}},
  person_id  BIGINT NOT NULL REFERENCES person (id),
  status     TEXT NOT NULL CHECK (status IN ('active', 'completed', 'disqualified')),
  stage      INTEGER NOT NULL DEFAULT 1,     -- 1–5, the stage of the latest recorded step
  next_due   TEXT NOT NULL DEFAULT '9999-12-31',  -- the earliest open deadline ('9999-12-31': none), for sorting
  created_by BIGINT NOT NULL REFERENCES account (id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX development_case_active ON development_case (person_id) WHERE status = 'active';
CREATE INDEX development_case_person ON development_case (person_id);
CREATE INDEX development_case_status ON development_case (status, next_due);

-- One row per recorded step; steps 22–24 may run a second time (attempt 2) after an extended probation.
CREATE TABLE development_step (
  id               {{id}},
  case_id          BIGINT NOT NULL REFERENCES development_case (id),
  step_no          INTEGER NOT NULL CHECK (step_no BETWEEN 1 AND 25),
  attempt          INTEGER NOT NULL DEFAULT 1,
  step_date        TEXT NOT NULL,
  people           TEXT NOT NULL,            -- JSON [{role, person_id, name}]: talkers, contacts, sponsors
  documents        TEXT NOT NULL,            -- JSON [file id]
  vote_eligible    INTEGER,
  vote_present     INTEGER,
  vote_yes         INTEGER,
  vote_no          INTEGER,
  vote_abstain     INTEGER,
  outcome          TEXT,
  extension_months INTEGER,
  training_days    INTEGER,
  training_hours   INTEGER,
  publicity_from   TEXT,
  publicity_to     TEXT,
  note             TEXT,
  entered_by       BIGINT NOT NULL REFERENCES account (id),
  entered_at       TEXT NOT NULL,
  UNIQUE (case_id, step_no, attempt)
);

CREATE TABLE development_report (
  id         {{id}},
  case_id    BIGINT NOT NULL REFERENCES development_case (id),
  kind       TEXT NOT NULL CHECK (kind IN ('thought_report', 'assessment')),
  report_date TEXT NOT NULL,
  content    TEXT NOT NULL,
  entered_by BIGINT NOT NULL REFERENCES account (id),
  entered_at TEXT NOT NULL
);
CREATE INDEX development_report_case ON development_report (case_id, report_date);

-- The deadlines of each active case as the time rules compute them, rewritten with every step and report of the
-- case (and emptied when it closes), so the warnings of a whole city are one indexed range read instead of a replay
-- of every case.
CREATE TABLE development_deadline (
  case_id BIGINT NOT NULL REFERENCES development_case (id),
  kind    TEXT NOT NULL,
  step_no INTEGER NOT NULL,
  due     TEXT NOT NULL,
  PRIMARY KEY (case_id, kind)
);
CREATE INDEX development_deadline_due ON development_deadline (due);
