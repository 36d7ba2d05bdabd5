-- The lecture team (宣讲团) and its lectures (宣讲). A team belongs to a unit, a district or the city (e.g. the city's
-- youth lecture team); its lecturers are people of the roster. A lecture is recorded by the team's administrator
-- (confirmed at once) or reported by a lecturer from the phone (pending until the administrator confirms or rejects
-- it). Confirming publishes study.lecture_given (study.lecture_given_city at city level) for each lecturer.
CREATE TABLE lecture_team (
  id          {{id}},
  node_id     BIGINT NOT NULL REFERENCES org_node (id),  -- the owning unit, district or city
  name        TEXT NOT NULL,
  description TEXT,
  status      TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'closed')),
  created_by  BIGINT NOT NULL REFERENCES account (id),
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  closed_at   TEXT
);
CREATE INDEX lecture_team_node ON lecture_team (node_id);

CREATE TABLE lecture_team_member (
  team_id   BIGINT NOT NULL REFERENCES lecture_team (id),
  person_id BIGINT NOT NULL REFERENCES person (id),
  topics    TEXT,                                          -- what they lecture on (专长)
  joined_on TEXT NOT NULL,                                 -- ISO date
  status    TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'left')),
  left_on   TEXT,
  PRIMARY KEY (team_id, person_id)
);
CREATE INDEX lecture_team_member_person ON lecture_team_member (person_id);

CREATE TABLE lecture (
  id             {{id}},
  team_id        BIGINT NOT NULL REFERENCES lecture_team (id),
  topic          TEXT NOT NULL,
  held_on        TEXT NOT NULL,                            -- ISO date (Beijing)
  place          TEXT NOT NULL,
  audience_kind  TEXT NOT NULL CHECK (audience_kind IN ('cadres', 'public')),
  audience_size  INTEGER NOT NULL CHECK (audience_size > 0),
  level          TEXT NOT NULL CHECK (level IN ('unit', 'district', 'city')),
  notes          TEXT,
  photos         TEXT NOT NULL DEFAULT '[]',               -- uploaded file ids
  status         TEXT NOT NULL CHECK (status IN ('pending', 'confirmed', 'rejected', 'cancelled')),
  reported_by    BIGINT REFERENCES person (id),            -- the lecturer who reported it from the phone
  created_by     BIGINT NOT NULL REFERENCES account (id),
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL,
  decided_by     BIGINT REFERENCES account (id),
  decided_at     TEXT,
  reject_reason  TEXT
);
CREATE INDEX lecture_team_held ON lecture (team_id, held_on);
CREATE INDEX lecture_status ON lecture (status, held_on);

CREATE TABLE lecture_lecturer (
  lecture_id BIGINT NOT NULL REFERENCES lecture (id),
  person_id  BIGINT NOT NULL REFERENCES person (id),
  PRIMARY KEY (lecture_id, person_id)
);
CREATE INDEX lecture_lecturer_person ON lecture_lecturer (person_id);
