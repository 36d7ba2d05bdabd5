-- Rank counts: for every org node, period and category, how many ranked people (active party members whose unit or
-- branch lies in the node's subtree) hold each balance. Kept in the transaction that changes a balance or moves a
-- person, so a rank is one more than the people counted above a score: a few hundred rows at most, however large the
-- ledger or the node. Derived data: `xinhuo points rebuild-ranks` recomputes it, `xinhuo points verify` checks it.
CREATE TABLE point_rank_count (
  node_id       BIGINT NOT NULL,
  period        TEXT NOT NULL,
  category_code TEXT NOT NULL,
  points        BIGINT NOT NULL,
  people        BIGINT NOT NULL,
  PRIMARY KEY (node_id, period, category_code, points)
);

-- The ranked people of each node, with or without a balance: those without one count at 0 points.
CREATE TABLE point_rank_population (
  node_id BIGINT PRIMARY KEY,
  people  BIGINT NOT NULL
);

-- The top of a wide node is read from this index in ranking order (most points first, ties by person) and stops
-- after the rows asked for.
DROP INDEX point_balance_rank;
CREATE INDEX point_balance_rank ON point_balance (period, category_code, points DESC, person_id);
