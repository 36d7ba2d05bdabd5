-- A training class's attendance day by day (按日考勤): the days marked and who was present on each. Marking a day
-- sets each enrolment's attended_days to the marked days the person was present on.
CREATE TABLE practice_training_day (
  training_id BIGINT NOT NULL REFERENCES practice_training (id),
  day         TEXT NOT NULL,                 -- YYYY-MM-DD, within the class's dates
  marked_by   BIGINT NOT NULL REFERENCES account (id),
  marked_at   TEXT NOT NULL,
  PRIMARY KEY (training_id, day)
);

CREATE TABLE practice_training_presence (
  training_id BIGINT NOT NULL,
  day         TEXT NOT NULL,
  person_id   BIGINT NOT NULL REFERENCES person (id),
  PRIMARY KEY (training_id, day, person_id),
  FOREIGN KEY (training_id, day) REFERENCES practice_training_day (training_id, day)
);
