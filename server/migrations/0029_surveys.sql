-- Surveys (问卷) and their responses (答卷). A survey belongs to an organisation node: those whose data scope covers
-- the node build it and read its results; it goes to the people at or below the node (optionally young cadres only
-- or party members only), or to anyone signed in who has its link. Questions are a JSON document, locked once the
-- survey opens.
--
-- Anonymity: a response of an anonymous survey is stored without its person (person_id NULL), with a random id, and
-- with its date only; who has responded is kept apart in survey_respondent, which has no id, no time and nothing in
-- common with the response, so the two cannot be joined. survey_respondent also makes "one response per person" a
-- constraint of the database for every survey, named or anonymous.
CREATE TABLE survey (
  id            {{id}},
  org_node_id   BIGINT NOT NULL REFERENCES org_node (id),
  title         TEXT NOT NULL,
  description   TEXT NOT NULL DEFAULT '',
  anonymous     INTEGER NOT NULL DEFAULT 0,
  by_link       INTEGER NOT NULL DEFAULT 0,                 -- 1: anyone signed in with the link may answer
  target        TEXT NOT NULL DEFAULT 'everyone' CHECK (target IN ('everyone', 'young_cadres', 'members')),
  questions     TEXT NOT NULL DEFAULT '[]',                  -- JSON array of questions (see survey_model.hpp)
  status        TEXT NOT NULL CHECK (status IN ('draft', 'open', 'closed')),
  version       INTEGER NOT NULL DEFAULT 1,                  -- each saved edit of a draft adds one
  created_by    BIGINT NOT NULL REFERENCES account (id),
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  opened_at     TEXT,
  closed_at     TEXT
);
CREATE INDEX survey_node ON survey (org_node_id, status);

-- One response. unit_id and age_band are taken when it is submitted, for cross-tabulation; person_id only for a
-- named survey.
CREATE TABLE survey_response (
  id            BIGINT NOT NULL PRIMARY KEY,
  survey_id     BIGINT NOT NULL REFERENCES survey (id),
  person_id     BIGINT REFERENCES person (id),
  unit_id       BIGINT REFERENCES org_node (id),
  age_band      TEXT NOT NULL,
  submitted_on  TEXT NOT NULL                                 -- named: the UTC time; anonymous: the Beijing date only
);
CREATE INDEX survey_response_survey ON survey_response (survey_id);
CREATE UNIQUE INDEX survey_response_person ON survey_response (survey_id, person_id) WHERE person_id IS NOT NULL;

-- The answers of a response: one row per chosen option, per scale value, per text.
CREATE TABLE survey_answer (
  response_id   BIGINT NOT NULL REFERENCES survey_response (id),
  question_id   TEXT NOT NULL,
  option_id     TEXT,
  value         INTEGER,
  text_value    TEXT
);
CREATE INDEX survey_answer_response ON survey_answer (response_id);

-- Who has responded (for "one response per person" and "已答"), with nothing that leads to the response.
CREATE TABLE survey_respondent (
  survey_id     BIGINT NOT NULL REFERENCES survey (id),
  person_id     BIGINT NOT NULL REFERENCES person (id),
  PRIMARY KEY (survey_id, person_id)
);
