-- SQLite keeps check-ins and point balances in their primary key's order (WITHOUT ROWID). Every check-in writes one
-- attendance row and six balance rows; a table with a rowid writes each of them twice (the table and its key's
-- index), so a city-wide session paid for eighteen b-tree inserts where twelve do. PostgreSQL is left as it is.
{{sqlite: ALTER TABLE study_checkin RENAME TO study_checkin_0044}};
{{sqlite: DROP INDEX study_checkin_person}};
{{sqlite: DROP INDEX study_checkin_status}};
{{sqlite: CREATE TABLE study_checkin (
  session_id    BIGINT NOT NULL REFERENCES study_session (id),
  person_id     BIGINT NOT NULL REFERENCES person (id),
  status        TEXT NOT NULL CHECK (status IN ('present', 'late', 'excused', 'absent')),
  method        TEXT NOT NULL CHECK (method IN ('qr', 'organiser', 'closing')),
  checked_in_at TEXT,
  reason        TEXT,
  recorded_by   BIGINT REFERENCES account (id),
  PRIMARY KEY (session_id, person_id)
) WITHOUT ROWID}};
{{sqlite: INSERT INTO study_checkin SELECT session_id, person_id, status, method, checked_in_at, reason, recorded_by
           FROM study_checkin_0044 ORDER BY session_id, person_id}};
{{sqlite: DROP TABLE study_checkin_0044}};
{{sqlite: CREATE INDEX study_checkin_person ON study_checkin (person_id)}};
{{sqlite: CREATE INDEX study_checkin_status ON study_checkin (session_id, status)}};

{{sqlite: ALTER TABLE point_balance RENAME TO point_balance_0044}};
{{sqlite: DROP INDEX point_balance_rank}};
{{sqlite: CREATE TABLE point_balance (
  person_id     BIGINT NOT NULL REFERENCES person (id),
  period        TEXT NOT NULL,
  category_code TEXT NOT NULL,
  points        BIGINT NOT NULL,
  entries       BIGINT NOT NULL,
  PRIMARY KEY (person_id, period, category_code)
) WITHOUT ROWID}};
{{sqlite: INSERT INTO point_balance SELECT person_id, period, category_code, points, entries FROM point_balance_0044
           ORDER BY person_id, period, category_code}};
{{sqlite: DROP TABLE point_balance_0044}};
{{sqlite: CREATE INDEX point_balance_rank ON point_balance (period, category_code, points DESC, person_id)}};
