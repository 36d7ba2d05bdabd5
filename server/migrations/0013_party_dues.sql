-- Party dues (党费): each member's declared post-tax monthly income per year with the amount the brackets give, and
-- one payment row per member and month (a month is paid once).
CREATE TABLE dues_base (
  person_id    BIGINT NOT NULL REFERENCES person (id),
  year         INTEGER NOT NULL,
  category     TEXT NOT NULL CHECK (category IN ('employed', 'retired', 'student', 'unemployed', 'low_income')),
  income_cents BIGINT NOT NULL,
  amount_cents BIGINT NOT NULL,
  set_by       BIGINT NOT NULL REFERENCES account (id),
  set_at       TEXT NOT NULL,
  PRIMARY KEY (person_id, year)
);

CREATE TABLE dues_payment (
  id           {{id}},
  person_id    BIGINT NOT NULL REFERENCES person (id),
  month        TEXT NOT NULL,              -- YYYY-MM the payment is for
  amount_cents BIGINT NOT NULL,
  paid_on      TEXT NOT NULL,
  method       TEXT NOT NULL CHECK (method IN ('cash', 'transfer', 'online', 'bank_import')),
  note         TEXT,
  recorded_by  BIGINT NOT NULL REFERENCES account (id),
  recorded_at  TEXT NOT NULL,
  UNIQUE (person_id, month)
);
