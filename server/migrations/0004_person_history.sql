-- Every change to a person: who, when, which field, old → new.
CREATE TABLE person_history (
  id         {{id}},
  person_id  BIGINT NOT NULL REFERENCES person (id),
  field      TEXT NOT NULL,
  old_value  TEXT,
  new_value  TEXT,
  account_id BIGINT REFERENCES account (id),
  username   TEXT NOT NULL,
  changed_at TEXT NOT NULL,
  request_id TEXT NOT NULL
);
CREATE INDEX person_history_person ON person_history (person_id, id);
