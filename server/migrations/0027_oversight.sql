-- Oversight and incentives (监督激励): fault-tolerance cases (容错纠错) with their history, correction plans and the
-- anonymised case library; special inspections (专项督查) with findings and rectification; accountability records
-- (问责); complaint clarifications (信访澄清); and the "1+X" incentive policy library. A case, an accountability record
-- or a clarification is seen by the person it is about and by those whose scope covers that person's unit; a published
-- case carries no person, no unit and no name: the library is a separate table holding only the redacted text.
CREATE TABLE tolerance_case (
  id               {{id}},
  person_id        BIGINT NOT NULL REFERENCES person (id),
  unit_id          BIGINT NOT NULL REFERENCES org_node (id),        -- the person's unit when applying
  applicant_kind   TEXT NOT NULL CHECK (applicant_kind IN ('self', 'unit')),
  case_kind        TEXT NOT NULL CHECK (case_kind IN ('application', 'advance_filing')),
  title            TEXT NOT NULL,
  facts            TEXT NOT NULL,
  decision_taken   TEXT NOT NULL,
  basis            TEXT NOT NULL,
  loss             TEXT NOT NULL,
  remedy           TEXT NOT NULL,
  state            TEXT NOT NULL CHECK (state IN ('submitted', 'investigating', 'declined', 'decided', 'notified', 'closed')),
  submitted_at     TEXT NOT NULL,
  review_due       TEXT NOT NULL,                                   -- Beijing date: end of the next working day
  review_note      TEXT,
  reviewed_at      TEXT,
  outcome          TEXT CHECK (outcome IN ('tolerated', 'not_tolerated')),
  votes_for        INTEGER,
  votes_against    INTEGER,
  votes_abstain    INTEGER,
  distinctions     TEXT NOT NULL DEFAULT '[]',                      -- JSON: which of the three distinctions apply
  decision_reasons TEXT,
  decided_at       TEXT,
  result_note      TEXT,
  notified_at      TEXT,
  closed_at        TEXT,
  created_by       BIGINT REFERENCES account (id),
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL
);
CREATE INDEX tolerance_case_person ON tolerance_case (person_id, id);
CREATE INDEX tolerance_case_state ON tolerance_case (state, review_due);

CREATE TABLE tolerance_case_history (
  id          {{id}},
  case_id     BIGINT NOT NULL REFERENCES tolerance_case (id),
  action      TEXT NOT NULL,      -- submitted | accepted | declined | noted | decided | notified | correction_added | correction_done | closed | published
  from_state  TEXT,
  to_state    TEXT NOT NULL,
  note        TEXT,
  actor_name  TEXT NOT NULL,
  account_id  BIGINT REFERENCES account (id),
  at          TEXT NOT NULL
);
CREATE INDEX tolerance_case_history_case ON tolerance_case_history (case_id, id);
{{append_only:tolerance_case_history}};

CREATE TABLE tolerance_correction (
  id        {{id}},
  case_id   BIGINT NOT NULL REFERENCES tolerance_case (id),
  content   TEXT NOT NULL,
  due_date  TEXT NOT NULL,
  done_at   TEXT,
  done_note TEXT,
  created_at TEXT NOT NULL
);
CREATE INDEX tolerance_correction_case ON tolerance_correction (case_id, id);

-- The case library: the redacted text only; the API never returns the case, person or unit behind it.
CREATE TABLE tolerance_library (
  id           {{id}},
  case_id      BIGINT NOT NULL UNIQUE REFERENCES tolerance_case (id),  -- one publication per case; never sent out
  title        TEXT NOT NULL,
  body         TEXT NOT NULL,
  published_on TEXT NOT NULL
);

CREATE TABLE inspection (
  id          {{id}},
  topic       TEXT NOT NULL,
  description TEXT NOT NULL,
  start_date  TEXT NOT NULL,
  end_date    TEXT,
  created_by  BIGINT REFERENCES account (id),
  created_at  TEXT NOT NULL
);
CREATE TABLE inspection_node (
  inspection_id BIGINT NOT NULL REFERENCES inspection (id),
  node_id       BIGINT NOT NULL REFERENCES org_node (id),
  PRIMARY KEY (inspection_id, node_id)
);
CREATE TABLE inspection_finding (
  id            {{id}},
  inspection_id BIGINT NOT NULL REFERENCES inspection (id),
  unit_id       BIGINT NOT NULL REFERENCES org_node (id),
  person_id     BIGINT REFERENCES person (id),
  content       TEXT NOT NULL,
  requirement   TEXT NOT NULL,
  due_date      TEXT NOT NULL,
  state         TEXT NOT NULL CHECK (state IN ('open', 'rectified')),
  follow_up     TEXT NOT NULL DEFAULT '',
  rectified_at  TEXT,
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL
);
CREATE INDEX inspection_finding_inspection ON inspection_finding (inspection_id, id);

CREATE TABLE accountability (
  id             {{id}},
  person_id      BIGINT NOT NULL REFERENCES person (id),
  form           TEXT NOT NULL,
  reason         TEXT NOT NULL,
  document_no    TEXT NOT NULL,
  document_file  BIGINT REFERENCES file_upload (id),
  decided_on     TEXT NOT NULL,
  effective_from TEXT NOT NULL,
  promotion_until  TEXT,            -- last day on which the person may not be promoted (NULL: no fixed period)
  evaluation_year  TEXT,            -- the assessment year that cannot be graded excellent (NULL: none)
  created_by     BIGINT REFERENCES account (id),
  created_at     TEXT NOT NULL
);
CREATE INDEX accountability_person ON accountability (person_id, effective_from);

CREATE TABLE clarification (
  id                 {{id}},
  person_id          BIGINT NOT NULL REFERENCES person (id),
  complaint          TEXT NOT NULL,
  finding            TEXT NOT NULL,
  clarified_on       TEXT NOT NULL,
  announcement_scope TEXT NOT NULL,
  show_in_record     INTEGER NOT NULL DEFAULT 0,   -- chosen by the person concerned
  created_by         BIGINT REFERENCES account (id),
  created_at         TEXT NOT NULL
);
CREATE INDEX clarification_person ON clarification (person_id);

CREATE TABLE policy_doc (
  id             {{id}},
  title          TEXT NOT NULL,
  category       TEXT NOT NULL,
  issuer         TEXT NOT NULL,
  doc_number     TEXT NOT NULL,
  effective_from TEXT NOT NULL,
  effective_to   TEXT,
  body           TEXT NOT NULL,
  file_id        BIGINT REFERENCES file_upload (id),
  version        INTEGER NOT NULL DEFAULT 1,
  updated_by     BIGINT REFERENCES account (id),
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL
);
CREATE INDEX policy_doc_category ON policy_doc (category, effective_from);
