-- Organisational life (三会一课, 主题党日, 组织生活会): each meeting of a branch or of a party group, its attendance and
-- photos. A meeting is recorded open, its attendance filled in, then closed: closing publishes the attendance as events
-- (points) and freezes the record. The cadence lights are computed from the closed meetings' dates.
CREATE TABLE party_meeting (
  id                    {{id}},
  node_id               BIGINT NOT NULL REFERENCES org_node (id),   -- the branch or party group that held it
  branch_id             BIGINT NOT NULL REFERENCES org_node (id),   -- the branch (a party group's parent branch)
  unit_id               BIGINT NOT NULL REFERENCES org_node (id),   -- the unit above the branch (data scope)
  meeting_type          TEXT NOT NULL CHECK (meeting_type IN ('branch_general', 'branch_committee', 'party_group',
                                                       'party_lecture', 'theme_day', 'life_meeting')),
  held_on               TEXT NOT NULL,
  topic                 TEXT NOT NULL,
  host_person_id        BIGINT NOT NULL REFERENCES person (id),
  lecturer              TEXT,                                       -- 党课: who gave it (may come from outside)
  lecturer_is_secretary INTEGER NOT NULL DEFAULT 0,                 -- 党课 given by the branch secretary
  location              TEXT,
  minutes               TEXT,
  photos                TEXT NOT NULL DEFAULT '[]',                 -- uploaded file ids
  status                TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  created_by            BIGINT NOT NULL REFERENCES account (id),
  created_at            TEXT NOT NULL,
  updated_at            TEXT NOT NULL,
  closed_by             BIGINT REFERENCES account (id),
  closed_at             TEXT
);
CREATE INDEX party_meeting_branch ON party_meeting (branch_id, meeting_type, held_on);
CREATE INDEX party_meeting_held ON party_meeting (held_on);

CREATE TABLE party_meeting_attendance (
  meeting_id BIGINT NOT NULL REFERENCES party_meeting (id),
  person_id  BIGINT NOT NULL REFERENCES person (id),
  status     TEXT NOT NULL CHECK (status IN ('present', 'excused', 'absent')),
  reason     TEXT,                                                  -- why excused (请假事由)
  PRIMARY KEY (meeting_id, person_id)
);
CREATE INDEX party_meeting_attendance_person ON party_meeting_attendance (person_id);
