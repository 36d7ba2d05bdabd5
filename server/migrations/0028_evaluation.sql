-- Evaluation campaigns (考核评价): 双对双排 (dual_ranking), 立体化 (multi_source) and 年度考核 (annual). A campaign
-- belongs to an organisation node (the organiser's unit or the city); its ratees are people below that node. Each
-- assignment names a rater for a ratee in a role: line | unit (dual_ranking) or a rater group's code (multi_source).
-- Scores of anonymous groups are kept apart from who gave them: evaluation_anonymous_score has no rater column, and
-- the assignment only carries the has-rated marker used for progress and reminders.
CREATE TABLE evaluation_campaign (
  id            {{id}},
  kind          TEXT NOT NULL CHECK (kind IN ('dual_ranking', 'multi_source', 'annual')),
  title         TEXT NOT NULL,
  org_node_id   BIGINT NOT NULL REFERENCES org_node (id),
  state         TEXT NOT NULL CHECK (state IN ('draft', 'open', 'closed', 'published')),
  settings      TEXT NOT NULL DEFAULT '{}',                -- JSON: weights, normalisation, flags, groups, quota, visibility
  created_by    BIGINT NOT NULL REFERENCES account (id),
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  opened_at     TEXT,
  closed_at     TEXT,
  published_at  TEXT
);
CREATE INDEX evaluation_campaign_node ON evaluation_campaign (org_node_id, state);

-- The people evaluated by a campaign, with the work line (条线) they belong to for 双对双排.
CREATE TABLE evaluation_ratee (
  id           {{id}},
  campaign_id  BIGINT NOT NULL REFERENCES evaluation_campaign (id),
  person_id    BIGINT NOT NULL REFERENCES person (id),
  line_name    TEXT,
  grade        TEXT CHECK (grade IN ('excellent', 'competent', 'basically_competent', 'incompetent')),  -- annual
  graded_by    BIGINT REFERENCES account (id),
  graded_at    TEXT
);
CREATE UNIQUE INDEX evaluation_ratee_person ON evaluation_ratee (campaign_id, person_id);

CREATE TABLE evaluation_assignment (
  id               {{id}},
  campaign_id      BIGINT NOT NULL REFERENCES evaluation_campaign (id),
  ratee_person_id  BIGINT NOT NULL REFERENCES person (id),
  rater_person_id  BIGINT NOT NULL REFERENCES person (id),
  role             TEXT NOT NULL,                           -- line | unit | a rater group's code
  rated            INTEGER NOT NULL DEFAULT 0,              -- the has-rated marker (progress, reminders)
  rated_at         TEXT
);
CREATE UNIQUE INDEX evaluation_assignment_pair ON evaluation_assignment (campaign_id, ratee_person_id, role, rater_person_id);
CREATE INDEX evaluation_assignment_rater ON evaluation_assignment (rater_person_id, campaign_id);

-- A named rating: the score (and for 双对双排 the rank) an assignment's rater gave.
CREATE TABLE evaluation_rating (
  assignment_id  BIGINT PRIMARY KEY REFERENCES evaluation_assignment (id),
  score          INTEGER NOT NULL,                        -- 0–100
  rank           INTEGER,
  updated_at     TEXT NOT NULL
);

-- An anonymous group's score: the ratee and the group only, never the rater nor the time.
CREATE TABLE evaluation_anonymous_score (
  id               {{id}},
  campaign_id      BIGINT NOT NULL REFERENCES evaluation_campaign (id),
  ratee_person_id  BIGINT NOT NULL REFERENCES person (id),
  role             TEXT NOT NULL,
  score            INTEGER NOT NULL
);
CREATE INDEX evaluation_anonymous_score_ratee ON evaluation_anonymous_score (campaign_id, ratee_person_id);

-- Evidence attached to a ratee: field inspection notes, competition results, record entries (by id or text).
CREATE TABLE evaluation_evidence (
  id               {{id}},
  campaign_id      BIGINT NOT NULL REFERENCES evaluation_campaign (id),
  ratee_person_id  BIGINT NOT NULL REFERENCES person (id),
  kind             TEXT NOT NULL CHECK (kind IN ('inspection', 'competition', 'record', 'other')),
  ref              TEXT,
  note             TEXT NOT NULL,
  added_by         BIGINT NOT NULL REFERENCES account (id),
  added_at         TEXT NOT NULL
);
CREATE INDEX evaluation_evidence_ratee ON evaluation_evidence (campaign_id, ratee_person_id);

-- Who was reminded to rate, by whom and when (no message is sent from here).
CREATE TABLE evaluation_reminder (
  id               {{id}},
  campaign_id      BIGINT NOT NULL REFERENCES evaluation_campaign (id),
  rater_person_id  BIGINT NOT NULL REFERENCES person (id),
  reminded_by      BIGINT NOT NULL REFERENCES account (id),
  reminded_at      TEXT NOT NULL
);
CREATE INDEX evaluation_reminder_campaign ON evaluation_reminder (campaign_id, rater_person_id);
