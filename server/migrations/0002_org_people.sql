-- The organisation tree and the people in it.

-- Any node of the tree: city → district / system → unit → party committee / general branch / branch → party
-- group. `path` is the materialised path of ids ("/1/7/42/"), so a subtree is one indexed prefix condition.
CREATE TABLE org_node (
  id         {{id}},
  parent_id  BIGINT REFERENCES org_node (id),
  path       TEXT NOT NULL,
  depth      INTEGER NOT NULL,
  node_type  TEXT NOT NULL CHECK (node_type IN ('city', 'district', 'system', 'unit', 'party_committee',
                                                'general_branch', 'branch', 'party_group')),
  name       TEXT NOT NULL,
  short_name TEXT,
  code       TEXT NOT NULL UNIQUE,
  sort_order INTEGER NOT NULL DEFAULT 0,
  status     TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'closed')),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX org_node_path ON org_node (path);
CREATE INDEX org_node_parent ON org_node (parent_id, sort_order);

-- One row per human. `rank` is the civil-servant rank code (clerk_2 … inspector_1); party_status is one of
-- masses, applicant, activist, candidate, probationary, full.
CREATE TABLE person (
  id                {{id}},
  name              TEXT NOT NULL,
  gender            TEXT NOT NULL CHECK (gender IN ('male', 'female')),
  ethnicity         TEXT NOT NULL,
  birth_date        TEXT NOT NULL,
  native_place      TEXT,
  education         TEXT,
  degree            TEXT,
  unit_id           BIGINT NOT NULL REFERENCES org_node (id),
  branch_id         BIGINT REFERENCES org_node (id),
  position          TEXT,
  rank              TEXT,
  work_start_date   TEXT,
  party_status      TEXT NOT NULL CHECK (party_status IN ('masses', 'applicant', 'activist', 'candidate',
                                                          'probationary', 'full')),
  party_joined_date TEXT,
  status            TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'left')),
  created_at        TEXT NOT NULL,
  updated_at        TEXT NOT NULL
);
CREATE INDEX person_unit ON person (unit_id);
CREATE INDEX person_branch ON person (branch_id);
CREATE INDEX person_name ON person (name);

-- Youth theory study groups (青年理论学习小组) of a unit and their members.
CREATE TABLE study_group (
  id               {{id}},
  unit_id          BIGINT NOT NULL REFERENCES org_node (id),
  name             TEXT NOT NULL,
  leader_person_id BIGINT REFERENCES person (id),
  status           TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'closed')),
  created_at       TEXT NOT NULL
);
CREATE INDEX study_group_unit ON study_group (unit_id);

CREATE TABLE study_group_member (
  group_id  BIGINT NOT NULL REFERENCES study_group (id),
  person_id BIGINT NOT NULL REFERENCES person (id),
  joined_at TEXT NOT NULL,
  PRIMARY KEY (group_id, person_id)
);
CREATE INDEX study_group_member_person ON study_group_member (person_id);
