-- Study sessions (学习活动, e.g. Tuesday night study) and their check-ins (签到). A session is held for a youth study
-- group, a whole unit or the whole city; people check in on the phone by scanning the rotating QR code on the
-- organiser's screen (signed with the session's own secret) or are marked by the organiser. Closing the session
-- records the expected people who never came as absent.
CREATE TABLE study_session (
  id                  {{id}},
  audience            TEXT NOT NULL CHECK (audience IN ('group', 'unit', 'city')),
  group_id            BIGINT REFERENCES study_group (id),       -- audience 'group'
  node_id             BIGINT NOT NULL REFERENCES org_node (id), -- the organising unit (the group's), or the city
  title               TEXT NOT NULL,
  starts_at           TEXT NOT NULL,                            -- ISO-8601 UTC
  ends_at             TEXT NOT NULL,
  place               TEXT,
  online_url          TEXT,
  organiser_person_id BIGINT REFERENCES person (id),
  late_after_minutes  INTEGER NOT NULL DEFAULT 10,              -- a check-in after starts_at + this is late
  qr_secret           TEXT NOT NULL,                            -- HMAC key of the session's QR tokens (hex)
  status              TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed', 'cancelled')),
  created_by          BIGINT NOT NULL REFERENCES account (id),
  created_at          TEXT NOT NULL,
  updated_at          TEXT NOT NULL,
  closed_by           BIGINT REFERENCES account (id),
  closed_at           TEXT
);
CREATE INDEX study_session_node ON study_session (node_id, starts_at);
CREATE INDEX study_session_group ON study_session (group_id, starts_at);
CREATE INDEX study_session_starts ON study_session (starts_at);

CREATE TABLE study_checkin (
  session_id    BIGINT NOT NULL REFERENCES study_session (id),
  person_id     BIGINT NOT NULL REFERENCES person (id),
  status        TEXT NOT NULL CHECK (status IN ('present', 'late', 'excused', 'absent')),
  method        TEXT NOT NULL CHECK (method IN ('qr', 'organiser', 'closing')),
  checked_in_at TEXT,                                         -- when the QR was scanned or the organiser marked it
  reason        TEXT,                                         -- why excused (请假事由)
  recorded_by   BIGINT REFERENCES account (id),
  PRIMARY KEY (session_id, person_id)
);
CREATE INDEX study_checkin_person ON study_checkin (person_id);

ALTER TABLE study_group ADD COLUMN updated_at TEXT;
ALTER TABLE study_group ADD COLUMN closed_at TEXT;
CREATE INDEX study_checkin_status ON study_checkin (session_id, status);
