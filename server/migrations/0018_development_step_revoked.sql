-- A step recorded by mistake is taken back (the latest step of an active case only): the row leaves
-- development_step, so the step can be recorded again, and is kept here with who took it back and why.
CREATE TABLE development_step_revoked (
  id          BIGINT PRIMARY KEY,                  -- the step's id while it was recorded
  case_id     BIGINT NOT NULL REFERENCES development_case (id),
  step_no     INTEGER NOT NULL,
  attempt     INTEGER NOT NULL,
  step_date   TEXT NOT NULL,
  record      TEXT NOT NULL,                       -- the step as it was recorded (JSON)
  entered_by  BIGINT NOT NULL REFERENCES account (id),
  entered_at  TEXT NOT NULL,
  revoked_by  BIGINT NOT NULL REFERENCES account (id),
  revoked_at  TEXT NOT NULL,
  reason      TEXT NOT NULL
);
CREATE INDEX development_step_revoked_case ON development_step_revoked (case_id);
