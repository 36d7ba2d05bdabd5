-- SQLite keeps the rollups in their primary key's order (WITHOUT ROWID): a dashboard reads a node's days as one run
-- of the table instead of a look-up per row from the key's index into the table. PostgreSQL reads them through its
-- own plans and is left as it is.
{{sqlite: ALTER TABLE analytics_daily RENAME TO analytics_daily_0040}};
{{sqlite: DROP INDEX analytics_daily_metric}};
{{sqlite: DROP INDEX analytics_daily_dimension}};
{{sqlite: CREATE TABLE analytics_daily (
  node_id   BIGINT NOT NULL,
  unit_id   BIGINT NOT NULL,
  day       TEXT NOT NULL,
  metric    TEXT NOT NULL,
  dimension TEXT NOT NULL DEFAULT '',
  young     INTEGER NOT NULL DEFAULT 0,
  value     BIGINT NOT NULL,
  PRIMARY KEY (node_id, day, metric, dimension, young)
) WITHOUT ROWID}};
{{sqlite: INSERT INTO analytics_daily SELECT node_id, unit_id, day, metric, dimension, young, value FROM analytics_daily_0040
           ORDER BY node_id, day, metric, dimension, young}};
{{sqlite: DROP TABLE analytics_daily_0040}};
{{sqlite: CREATE INDEX analytics_daily_metric ON analytics_daily (metric, day)}};
{{sqlite: CREATE INDEX analytics_daily_dimension ON analytics_daily (metric, dimension, day, node_id)}};

{{sqlite: ALTER TABLE analytics_tree RENAME TO analytics_tree_0040}};
{{sqlite: CREATE TABLE analytics_tree (
  node_id   BIGINT NOT NULL,
  month     TEXT NOT NULL,
  metric    TEXT NOT NULL,
  dimension TEXT NOT NULL DEFAULT '',
  young     INTEGER NOT NULL DEFAULT 0,
  value     BIGINT NOT NULL,
  PRIMARY KEY (node_id, month, metric, dimension, young)
) WITHOUT ROWID}};
{{sqlite: INSERT INTO analytics_tree SELECT node_id, month, metric, dimension, young, value FROM analytics_tree_0040
           ORDER BY node_id, month, metric, dimension, young}};
{{sqlite: DROP TABLE analytics_tree_0040}};

{{sqlite: ALTER TABLE analytics_people RENAME TO analytics_people_0040}};
{{sqlite: CREATE TABLE analytics_people (
  node_id      BIGINT NOT NULL,
  unit_id      BIGINT NOT NULL,
  birth_date   TEXT NOT NULL,
  rank         TEXT NOT NULL DEFAULT '',
  party_status TEXT NOT NULL,
  n            BIGINT NOT NULL,
  PRIMARY KEY (node_id, birth_date, rank, party_status)
) WITHOUT ROWID}};
{{sqlite: INSERT INTO analytics_people SELECT node_id, unit_id, birth_date, rank, party_status, n FROM analytics_people_0040
           ORDER BY node_id, birth_date, rank, party_status}};
{{sqlite: DROP TABLE analytics_people_0040}};
