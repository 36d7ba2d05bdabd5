-- What each published campaign concluded for each ratee, written once when the campaign is published (results are
-- final then). The young-cadre pool filters by it in SQL ("优秀 in the last three years", "flagged 前列", "no low
-- result"), which it could not do over results computed on request.
CREATE TABLE evaluation_outcome (
  campaign_id    BIGINT NOT NULL REFERENCES evaluation_campaign (id),
  person_id      BIGINT NOT NULL REFERENCES person (id),
  kind           TEXT NOT NULL,
  published_on   TEXT NOT NULL,                          -- the Beijing date of publication
  grade          TEXT,                                   -- annual: the grade given
  flag           TEXT CHECK (flag IN ('top', 'bottom')), -- dual_ranking: 前列 / 末位
  combined_rank  INTEGER,                                -- dual_ranking: the combined rank
  PRIMARY KEY (campaign_id, person_id)
);
CREATE INDEX evaluation_outcome_person ON evaluation_outcome (person_id, published_on);

-- Annual assessments published before this table existed: their grades are stored with the ratees already.
INSERT INTO evaluation_outcome (campaign_id, person_id, kind, published_on, grade)
SELECT c.id, r.person_id, c.kind, SUBSTR(c.published_at, 1, 10), r.grade
FROM evaluation_campaign c JOIN evaluation_ratee r ON r.campaign_id = c.id
WHERE c.state = 'published' AND c.kind = 'annual';
