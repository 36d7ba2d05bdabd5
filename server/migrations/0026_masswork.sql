-- Mass work (联系群众): contact points of units (基层联系点) and the households paired with cadres there (结对户),
-- the cadres' visits to them, micro-projects (民生微项目/微心愿) published by a unit and claimed by one cadre or one
-- youth service team (青年服务队), the teams with their members and service hours, and policy lectures given to
-- residents (面向群众宣讲). A contact point, household, project or team is seen by those whose data scope covers
-- its org node; a visit or lecture by those whose scope covers the person who made it.
CREATE TABLE mass_contact_point (
  id           {{id}},
  org_node_id  BIGINT NOT NULL REFERENCES org_node (id),
  name         TEXT NOT NULL,
  area         TEXT NOT NULL,                                      -- the community or village it covers, as text
  note         TEXT,
  status       TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'closed')),
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL
);
CREATE INDEX mass_contact_point_node ON mass_contact_point (org_node_id);

CREATE TABLE mass_household (
  id                {{id}},
  contact_point_id  BIGINT NOT NULL REFERENCES mass_contact_point (id),
  head_name         TEXT NOT NULL,                                 -- 户主姓名
  area              TEXT NOT NULL,                                 -- address as text; no coordinates are kept
  phone             TEXT,
  needs             TEXT NOT NULL DEFAULT '',
  status            TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'closed')),
  created_at        TEXT NOT NULL,
  updated_at        TEXT NOT NULL
);
CREATE INDEX mass_household_point ON mass_household (contact_point_id);

-- The cadres paired with a household (one or more).
CREATE TABLE mass_pairing (
  household_id  BIGINT NOT NULL REFERENCES mass_household (id),
  person_id     BIGINT NOT NULL REFERENCES person (id),
  PRIMARY KEY (household_id, person_id)
);
CREATE INDEX mass_pairing_person ON mass_pairing (person_id);

-- A visit written on the phone, possibly offline: the phone's key makes a repeated send the same visit.
CREATE TABLE mass_visit (
  id            {{id}},
  person_id     BIGINT NOT NULL REFERENCES person (id),            -- the visitor
  household_id  BIGINT REFERENCES mass_household (id),             -- a paired household, or
  place         TEXT,                                              -- a place named in words
  visit_date    TEXT NOT NULL,
  learned       TEXT NOT NULL,                                     -- 了解的情况
  done          TEXT NOT NULL DEFAULT '',                          -- 帮办的事项
  photos        TEXT NOT NULL DEFAULT '[]',                        -- JSON array of file_upload ids
  client_key    TEXT NOT NULL,
  created_by    BIGINT REFERENCES account (id),
  created_at    TEXT NOT NULL,
  UNIQUE (person_id, client_key)
);
CREATE INDEX mass_visit_date ON mass_visit (visit_date);

CREATE TABLE mass_team (
  id                {{id}},
  org_node_id       BIGINT NOT NULL REFERENCES org_node (id),
  name              TEXT NOT NULL,
  leader_person_id  BIGINT REFERENCES person (id),
  created_at        TEXT NOT NULL,
  updated_at        TEXT NOT NULL
);
CREATE TABLE mass_team_member (
  team_id    BIGINT NOT NULL REFERENCES mass_team (id),
  person_id  BIGINT NOT NULL REFERENCES person (id),
  PRIMARY KEY (team_id, person_id)
);

-- published → claimed → done → rated → closed; the claimer is one person, or one team through one of its members.
CREATE TABLE mass_project (
  id                 {{id}},
  org_node_id        BIGINT NOT NULL REFERENCES org_node (id),     -- the publishing community or unit
  title              TEXT NOT NULL,
  category           TEXT NOT NULL CHECK (category IN ('wish', 'elderly', 'children', 'environment', 'employment', 'other')),
  need               TEXT NOT NULL,
  budget_cap         INTEGER NOT NULL DEFAULT 0,                   -- yuan
  deadline           TEXT NOT NULL,
  status             TEXT NOT NULL CHECK (status IN ('published', 'claimed', 'done', 'rated', 'closed')),
  claimer_person_id  BIGINT REFERENCES person (id),
  claimer_team_id    BIGINT REFERENCES mass_team (id),
  claimed_at         TEXT,
  done_note          TEXT,
  done_photos        TEXT NOT NULL DEFAULT '[]',
  done_at            TEXT,
  satisfaction       INTEGER CHECK (satisfaction BETWEEN 1 AND 5),
  rating_note        TEXT,
  rated_at           TEXT,
  closed_at          TEXT,
  published_by       BIGINT REFERENCES account (id),
  created_at         TEXT NOT NULL,
  updated_at         TEXT NOT NULL
);
CREATE INDEX mass_project_status ON mass_project (status, deadline);
CREATE INDEX mass_project_claimer ON mass_project (claimer_person_id);

CREATE TABLE mass_project_update (
  id          {{id}},
  project_id  BIGINT NOT NULL REFERENCES mass_project (id),
  person_id   BIGINT NOT NULL REFERENCES person (id),
  kind        TEXT NOT NULL CHECK (kind IN ('claimed', 'progress', 'done', 'rated', 'closed')),
  note        TEXT NOT NULL DEFAULT '',
  photos      TEXT NOT NULL DEFAULT '[]',
  at          TEXT NOT NULL
);
CREATE INDEX mass_project_update_project ON mass_project_update (project_id, id);

-- Service hours of a team member (tenths of an hour), optionally for a project.
CREATE TABLE mass_service_hours (
  id            {{id}},
  team_id       BIGINT NOT NULL REFERENCES mass_team (id),
  person_id     BIGINT NOT NULL REFERENCES person (id),
  project_id    BIGINT REFERENCES mass_project (id),
  tenths        INTEGER NOT NULL CHECK (tenths > 0),
  service_date  TEXT NOT NULL,
  note          TEXT NOT NULL DEFAULT '',
  recorded_by   BIGINT REFERENCES account (id),
  created_at    TEXT NOT NULL
);
CREATE INDEX mass_service_hours_team ON mass_service_hours (team_id, person_id);

-- A policy lecture given to residents, recorded by the lecturer like a visit.
CREATE TABLE mass_lecture (
  id            {{id}},
  person_id     BIGINT NOT NULL REFERENCES person (id),
  lecture_date  TEXT NOT NULL,
  place         TEXT NOT NULL,
  topic         TEXT NOT NULL,
  audience      INTEGER NOT NULL CHECK (audience >= 0),
  photos        TEXT NOT NULL DEFAULT '[]',
  client_key    TEXT NOT NULL,
  created_at    TEXT NOT NULL,
  UNIQUE (person_id, client_key)
);
