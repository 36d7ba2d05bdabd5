-- Excel imports of people: each commit is a batch that the last one of can be undone.
CREATE TABLE people_import (
  id            {{id}},
  account_id    BIGINT NOT NULL REFERENCES account (id),
  username      TEXT NOT NULL,
  mode          TEXT NOT NULL CHECK (mode IN ('all_or_nothing', 'skip_invalid')),
  rows_total    INTEGER NOT NULL,
  rows_created  INTEGER NOT NULL,
  rows_skipped  INTEGER NOT NULL,
  status        TEXT NOT NULL CHECK (status IN ('committed', 'undone')),
  created_at    TEXT NOT NULL,
  undone_at     TEXT
);
ALTER TABLE person ADD COLUMN import_id BIGINT REFERENCES people_import (id);
CREATE INDEX person_import ON person (import_id);
