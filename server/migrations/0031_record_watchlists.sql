-- Watch lists of the young-cadre pool (年轻干部库): each manager keeps named lists of cadres they follow, with a
-- note per person. A list belongs to the account that made it and is seen by nobody else; the people on it are
-- still shown only while they are in that account's data scope.
CREATE TABLE record_watchlist (
  id          {{id}},
  account_id  BIGINT NOT NULL REFERENCES account (id),
  name        TEXT NOT NULL,
  created_at  TEXT NOT NULL
);
CREATE UNIQUE INDEX record_watchlist_name ON record_watchlist (account_id, name);

CREATE TABLE record_watchlist_person (
  watchlist_id BIGINT NOT NULL REFERENCES record_watchlist (id) ON DELETE CASCADE,
  person_id    BIGINT NOT NULL REFERENCES person (id),
  note         TEXT,
  added_at     TEXT NOT NULL,
  PRIMARY KEY (watchlist_id, person_id)
);
CREATE INDEX record_watchlist_person_person ON record_watchlist_person (person_id);

-- The pool's experience filters look for confirmed entries of a category.
CREATE INDEX record_entry_person_category ON record_entry (person_id, category, state);
