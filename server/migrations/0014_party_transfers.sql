-- Organisational relationship transfers (组织关系转接). The member stays in the issuing branch until the receiving
-- side confirms; the move is then one update, so a member is never in two branches or in none. One pending transfer
-- per person.
CREATE TABLE party_transfer (
  id             {{id}},
  person_id      BIGINT NOT NULL REFERENCES person (id),
  kind           TEXT NOT NULL CHECK (kind IN ('internal', 'out_of_city', 'into_city')),
  from_branch_id BIGINT REFERENCES org_node (id),   -- NULL when the member comes from outside the city
  to_branch_id   BIGINT REFERENCES org_node (id),   -- NULL when the member leaves the city
  outside_org    TEXT,                             -- the party organisation outside the city
  letter_no      TEXT,                             -- 介绍信 number, required across the city boundary
  issued_on      TEXT NOT NULL,
  status         TEXT NOT NULL CHECK (status IN ('pending', 'confirmed', 'cancelled')),
  note           TEXT,
  issued_by      BIGINT NOT NULL REFERENCES account (id),
  created_at     TEXT NOT NULL,
  decided_by     BIGINT REFERENCES account (id),
  decided_on     TEXT,
  decision_note  TEXT
);
CREATE UNIQUE INDEX party_transfer_pending ON party_transfer (person_id) WHERE status = 'pending';
CREATE INDEX party_transfer_to ON party_transfer (to_branch_id, status);
CREATE INDEX party_transfer_from ON party_transfer (from_branch_id, status);
