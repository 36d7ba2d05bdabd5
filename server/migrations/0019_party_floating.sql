-- Floating members (流动党员): a member away from their branch for a while (working, studying elsewhere) stays in
-- the branch and is marked floating. The unit and branch at the time are kept with the record, so the branch that
-- recorded it keeps seeing it after the member has moved on. One active record per person. A record ends when the
-- member returns (returned), or by itself when the member leaves the branch or the party meanwhile (ended, with the
-- reason).
CREATE TABLE party_floating (
  id                 {{id}},
  person_id          BIGINT NOT NULL REFERENCES person (id),
  unit_id            BIGINT NOT NULL REFERENCES org_node (id),
  branch_id          BIGINT REFERENCES org_node (id),        -- NULL for a member of a unit without a branch
  destination        TEXT NOT NULL,                          -- where the member went
  reason             TEXT NOT NULL CHECK (reason IN ('work', 'study', 'family', 'other')),
  started_on         TEXT NOT NULL,
  expected_return_on TEXT,
  certificate_no     TEXT,                                   -- 流动党员活动证 number
  contact_name       TEXT,                                   -- who keeps in touch at the destination
  note               TEXT,
  status             TEXT NOT NULL CHECK (status IN ('active', 'returned', 'ended')),
  ended_on           TEXT,
  end_reason         TEXT CHECK (end_reason IN ('returned', 'transferred', 'left_party')),
  end_note           TEXT,
  recorded_by        BIGINT NOT NULL REFERENCES account (id),
  created_at         TEXT NOT NULL,
  ended_by           BIGINT REFERENCES account (id),         -- NULL when it ended with a move or a status change
  updated_at         TEXT NOT NULL
);
CREATE UNIQUE INDEX party_floating_active ON party_floating (person_id) WHERE status = 'active';
CREATE INDEX party_floating_unit ON party_floating (unit_id, status);
CREATE INDEX party_floating_branch ON party_floating (branch_id, status);
