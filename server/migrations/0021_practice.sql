-- Training and practice (实践锻炼): training classes and their enrolment, skill competitions (岗位练兵比武) and their
-- results, front-line assignments (一线历练, 挂职, 东西部协作, 对口支援, 山海协作, 急难险重任务) and the yearly plan of
-- assignments per org node. Classes and competitions are seen by those whose scope covers the organising node;
-- an assignment by those whose scope covers the person's unit and branch when it was recorded.
CREATE TABLE practice_training (
  id          {{id}},
  node_id     BIGINT NOT NULL REFERENCES org_node (id),            -- the organiser (data scope)
  title       TEXT NOT NULL,
  kind        TEXT NOT NULL CHECK (kind IN ('party_spirit', 'theory', 'skill', 'young_cadre', 'other')),
  starts_on   TEXT NOT NULL,
  ends_on     TEXT NOT NULL,
  hours       INTEGER NOT NULL,
  place       TEXT,
  capacity    INTEGER NOT NULL,
  status      TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  created_by  BIGINT NOT NULL REFERENCES account (id),
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  closed_by   BIGINT REFERENCES account (id),
  closed_at   TEXT
);
CREATE INDEX practice_training_node ON practice_training (node_id, starts_on);

CREATE TABLE practice_enrolment (
  training_id   BIGINT NOT NULL REFERENCES practice_training (id),
  person_id     BIGINT NOT NULL REFERENCES person (id),
  attended_days INTEGER NOT NULL DEFAULT 0,                         -- overall attendance in days
  completion    TEXT NOT NULL DEFAULT 'pending' CHECK (completion IN ('pending', 'completed', 'not_completed')),
  result        TEXT CHECK (result IN ('excellent', 'qualified', 'unqualified')),
  score_tenths  INTEGER,                                            -- 0–1000: a score of 0–100 with one decimal
  enrolled_at   TEXT NOT NULL,
  PRIMARY KEY (training_id, person_id)
);
CREATE INDEX practice_enrolment_person ON practice_enrolment (person_id);

CREATE TABLE practice_competition (
  id           {{id}},
  node_id      BIGINT NOT NULL REFERENCES org_node (id),
  title        TEXT NOT NULL,
  level        TEXT NOT NULL CHECK (level IN ('unit', 'district', 'city', 'province')),
  held_on      TEXT NOT NULL,
  status       TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published')),
  created_by   BIGINT NOT NULL REFERENCES account (id),
  created_at   TEXT NOT NULL,
  published_by BIGINT REFERENCES account (id),
  published_at TEXT
);
CREATE INDEX practice_competition_node ON practice_competition (node_id, held_on);

CREATE TABLE practice_competition_entry (
  competition_id BIGINT NOT NULL REFERENCES practice_competition (id),
  person_id      BIGINT NOT NULL REFERENCES person (id),
  score_tenths   INTEGER NOT NULL,
  rank_no        INTEGER,                                           -- set when the results are published
  PRIMARY KEY (competition_id, person_id)
);
CREATE INDEX practice_competition_entry_person ON practice_competition_entry (person_id);

CREATE TABLE practice_assignment (
  id                   {{id}},
  person_id            BIGINT NOT NULL REFERENCES person (id),
  unit_id              BIGINT NOT NULL REFERENCES org_node (id),    -- the sending unit (data scope, the plan report)
  branch_id            BIGINT REFERENCES org_node (id),
  assignment_type      TEXT NOT NULL CHECK (assignment_type IN ('frontline', 'secondment', 'east_west', 'counterpart',
                                                                'mountain_sea', 'urgent')),
  urgent_kind          TEXT CHECK (urgent_kind IN ('epidemic', 'emergency', 'flood', 'safety', 'other')),
  host_place           TEXT NOT NULL,
  task                 TEXT,
  starts_on            TEXT NOT NULL,
  planned_end          TEXT NOT NULL,
  actual_end           TEXT,
  supervisor_person_id BIGINT REFERENCES person (id),
  supervisor_name      TEXT,
  supervisor_phone     TEXT,                                        -- sealed (encrypted at rest)
  state                TEXT NOT NULL DEFAULT 'planned' CHECK (state IN ('planned', 'active', 'mid_term', 'completed',
                                                                         'terminated')),
  started_on           TEXT,
  mid_term_grade       TEXT CHECK (mid_term_grade IN ('excellent', 'good', 'qualified', 'unqualified')),
  mid_term_note        TEXT,
  mid_term_on          TEXT,
  final_grade          TEXT CHECK (final_grade IN ('excellent', 'good', 'qualified', 'unqualified')),
  outcome              TEXT,
  termination_reason   TEXT,
  completion_event     TEXT,                                        -- short | long | none, once completed
  created_by           BIGINT NOT NULL REFERENCES account (id),
  created_at           TEXT NOT NULL,
  updated_at           TEXT NOT NULL
);
CREATE INDEX practice_assignment_unit ON practice_assignment (unit_id, starts_on);
CREATE INDEX practice_assignment_person ON practice_assignment (person_id);

-- How many assignments an org node (the city, a district, a unit) plans to send in a year (e.g. 500).
CREATE TABLE practice_plan (
  node_id BIGINT NOT NULL REFERENCES org_node (id),
  year    INTEGER NOT NULL,
  planned INTEGER NOT NULL,
  set_by  BIGINT NOT NULL REFERENCES account (id),
  set_at  TEXT NOT NULL,
  PRIMARY KEY (node_id, year)
);
