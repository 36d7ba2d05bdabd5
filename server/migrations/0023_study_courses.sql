-- Online courses (网络课程) and reading activities (读书活动). A course is offered by an org node to the people of its
-- subtree (a unit's course to its people, the city's to everyone); the phone reports the seconds actually played and
-- the server credits them against the wall clock, so that the watched time can never run ahead of real time.
CREATE TABLE study_course (
  id               {{id}},
  node_id          BIGINT NOT NULL REFERENCES org_node (id),  -- the offering node: its subtree is the audience
  title            TEXT NOT NULL,
  description      TEXT,
  kind             TEXT NOT NULL CHECK (kind IN ('video', 'document')),
  credit_minutes   INTEGER NOT NULL,                          -- 学时 × 60 (0.5 h = 30)
  duration_seconds INTEGER,                                   -- a video's real length, when known
  url              TEXT,                                      -- http(s) link to the video or document
  file_id          BIGINT REFERENCES file_upload (id),        -- or an uploaded file
  required_by      TEXT,                                      -- ISO date, optional
  status           TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'withdrawn')),
  created_by       BIGINT NOT NULL REFERENCES account (id),
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL,
  published_at     TEXT
);
CREATE INDEX study_course_node ON study_course (node_id, status);

CREATE TABLE study_course_progress (
  course_id        BIGINT NOT NULL REFERENCES study_course (id),
  person_id        BIGINT NOT NULL REFERENCES person (id),
  watched_seconds  INTEGER NOT NULL DEFAULT 0,                -- credited, never more than the required seconds
  position_seconds INTEGER NOT NULL DEFAULT 0,                -- where to continue
  credit_clock     TEXT NOT NULL,                             -- UTC time up to which playback has been credited
  started_at       TEXT NOT NULL,
  last_beat_at     TEXT NOT NULL,
  completed_at     TEXT,
  PRIMARY KEY (course_id, person_id)
);
CREATE INDEX study_course_progress_person ON study_course_progress (person_id, last_beat_at);

CREATE TABLE study_reading (
  id          {{id}},
  node_id     BIGINT NOT NULL REFERENCES org_node (id),       -- the organising unit (the group's), or the city
  group_id    BIGINT REFERENCES study_group (id),             -- the audience when set; else the node's subtree
  book_title  TEXT NOT NULL,
  author      TEXT,
  description TEXT,
  starts_on   TEXT NOT NULL,                                  -- ISO dates, inclusive
  ends_on     TEXT NOT NULL,
  status      TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  created_by  BIGINT NOT NULL REFERENCES account (id),
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  closed_by   BIGINT REFERENCES account (id),
  closed_at   TEXT
);
CREATE INDEX study_reading_node ON study_reading (node_id, starts_on);

CREATE TABLE study_reading_note (
  id            {{id}},
  reading_id    BIGINT NOT NULL REFERENCES study_reading (id),
  person_id     BIGINT NOT NULL REFERENCES person (id),
  content       TEXT NOT NULL,
  photo_file_id BIGINT REFERENCES file_upload (id),
  excellent     INTEGER NOT NULL DEFAULT 0,
  marked_by     BIGINT REFERENCES account (id),
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  UNIQUE (reading_id, person_id)
);
CREATE INDEX study_reading_note_person ON study_reading_note (person_id);
