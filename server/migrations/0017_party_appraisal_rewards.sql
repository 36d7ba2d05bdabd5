-- The yearly democratic appraisal of party members (民主评议党员) of a branch, and rewards and punishments (奖惩) of a
-- member. With development steps, meetings, dues and transfers they make a member's life-cycle timeline.
CREATE TABLE party_appraisal (
  id          {{id}},
  branch_id   BIGINT NOT NULL REFERENCES org_node (id),
  unit_id     BIGINT NOT NULL REFERENCES org_node (id),
  year        INTEGER NOT NULL,
  decided_on  TEXT NOT NULL,                       -- the branch meeting that decided the grades
  note        TEXT,
  recorded_by BIGINT NOT NULL REFERENCES account (id),
  recorded_at TEXT NOT NULL,
  UNIQUE (branch_id, year)
);

CREATE TABLE party_appraisal_grade (
  appraisal_id BIGINT NOT NULL REFERENCES party_appraisal (id),
  person_id    BIGINT NOT NULL REFERENCES person (id),
  grade        TEXT NOT NULL CHECK (grade IN ('excellent', 'qualified', 'basically_qualified', 'unqualified', 'not_rated')),
  note         TEXT,                               -- required for unqualified (the handling) and not_rated (why)
  PRIMARY KEY (appraisal_id, person_id)
);
CREATE INDEX party_appraisal_grade_person ON party_appraisal_grade (person_id);

CREATE TABLE party_reward_punishment (
  id               {{id}},
  person_id        BIGINT NOT NULL REFERENCES person (id),
  category         TEXT NOT NULL CHECK (category IN ('reward', 'punishment')),
  form             TEXT NOT NULL CHECK (form IN ('outstanding_member', 'outstanding_party_worker', 'commendation',
                                                 'other_reward', 'warning', 'serious_warning', 'removal_from_post',
                                                 'probation_in_party', 'expulsion')),
  decided_on       TEXT NOT NULL,
  decided_by       TEXT NOT NULL,                  -- the deciding organisation (决定机关)
  document_no      TEXT,                           -- 文号
  probation_months INTEGER,                        -- 留党察看: 12 or 24
  reason           TEXT NOT NULL,
  documents        TEXT NOT NULL DEFAULT '[]',     -- uploaded file ids
  recorded_by      BIGINT NOT NULL REFERENCES account (id),
  recorded_at      TEXT NOT NULL
);
CREATE INDEX party_reward_punishment_person ON party_reward_punishment (person_id, decided_on);
