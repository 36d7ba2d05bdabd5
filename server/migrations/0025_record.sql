-- The young-cadre dynamic record (年轻干部动态信息纪实): dated entries about a person by category, each with its
-- source, its accountable recorder, evidence and a confirmation state; the history of every change to an entry; and
-- leaders' comments (组织评语) per person and period, each edit a new version. An entry is seen by the person it is
-- about and by those whose data scope covers that person's current unit and branch. Nothing is ever deleted: a
-- rejected or withdrawn entry stays, marked so.
CREATE TABLE record_entry (
  id                 {{id}},
  person_id          BIGINT NOT NULL REFERENCES person (id),
  category           TEXT NOT NULL CHECK (category IN ('work_result', 'key_task', 'frontline', 'training', 'conduct_work',
                                                       'conduct_outside', 'mass_evaluation', 'shortcoming')),
  fact_date          TEXT NOT NULL,                                 -- the date of the fact (Beijing), not of the entry
  title              TEXT NOT NULL,
  content            TEXT NOT NULL,
  source_kind        TEXT NOT NULL CHECK (source_kind IN ('self', 'unit', 'leader', 'residents', 'inspection', 'module')),
  source_name        TEXT,                                          -- who or what the fact comes from
  recorder_person_id BIGINT REFERENCES person (id),                 -- the accountable recorder (NULL: a module's event)
  recorder_name      TEXT NOT NULL,
  recorded_by        BIGINT REFERENCES account (id),
  evidence           TEXT NOT NULL DEFAULT '[]',                    -- JSON array of file_upload ids
  state              TEXT NOT NULL CHECK (state IN ('pending', 'confirmed', 'rejected', 'contested', 'withdrawn')),
  decision_note      TEXT,                                          -- why a self-report was rejected / an entry withdrawn
  decided_by         BIGINT REFERENCES account (id),
  decided_at         TEXT,
  response           TEXT,                                          -- the person's note on the entry
  responded_at       TEXT,
  contest_reason     TEXT,                                          -- the person's side when contested
  contested_at       TEXT,
  resolution         TEXT CHECK (resolution IN ('upheld', 'withdrawn')),
  resolution_note    TEXT,                                          -- the unit's side when the contest is resolved
  resolved_by        BIGINT REFERENCES account (id),
  resolved_at        TEXT,
  source_key         TEXT UNIQUE,                                   -- event:<type>:<subject>:<person> for event-fed entries
  created_at         TEXT NOT NULL,
  updated_at         TEXT NOT NULL
);
CREATE INDEX record_entry_person ON record_entry (person_id, fact_date);
CREATE INDEX record_entry_state ON record_entry (state, fact_date);

-- Every change of an entry, in order: who, when, from which state to which, with the note given.
CREATE TABLE record_entry_history (
  id          {{id}},
  entry_id    BIGINT NOT NULL REFERENCES record_entry (id),
  action      TEXT NOT NULL,                                        -- created | confirmed | rejected | responded | contested | upheld | withdrawn
  from_state  TEXT,
  to_state    TEXT NOT NULL,
  note        TEXT,
  actor_name  TEXT NOT NULL,
  account_id  BIGINT REFERENCES account (id),
  at          TEXT NOT NULL
);
CREATE INDEX record_entry_history_entry ON record_entry_history (entry_id, id);
{{append_only:record_entry_history}};

-- Leaders' comments: one current version per person and period (a year "2026" or a half "2026H1"); an edit marks
-- the current one superseded and adds the next version.
CREATE TABLE record_comment (
  id               {{id}},
  person_id        BIGINT NOT NULL REFERENCES person (id),
  period           TEXT NOT NULL,
  version          INTEGER NOT NULL,
  is_current       INTEGER NOT NULL DEFAULT 1,
  leader_name      TEXT NOT NULL,
  leader_position  TEXT,
  content          TEXT NOT NULL,
  written_by       BIGINT NOT NULL REFERENCES account (id),
  written_by_name  TEXT NOT NULL,
  written_at       TEXT NOT NULL
);
CREATE UNIQUE INDEX record_comment_version ON record_comment (person_id, period, version);
CREATE UNIQUE INDEX record_comment_current ON record_comment (person_id, period) WHERE is_current = 1;
