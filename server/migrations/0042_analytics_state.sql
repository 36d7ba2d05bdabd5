-- The figures of a summed node's whole subtree that hold on a day (people by age band, rank and party status; the
-- 三会一课 lights; the month's dues; the development pipeline), kept for the day they were read for until something
-- below the node changes: a person placed or changed, a meeting closed, dues paid, a development case changed each
-- raise the version of the summed nodes above them, and a kept row of an older version is read again.
CREATE TABLE analytics_state (
  node_id    BIGINT NOT NULL,
  as_of      TEXT NOT NULL,              -- the day the figures hold on
  since      TEXT NOT NULL,              -- the period's first day (lights do not count periods before it)
  young_only INTEGER NOT NULL,
  rule       TEXT NOT NULL,              -- the young-cadre ages the figures were counted with
  version    BIGINT NOT NULL,
  figures    TEXT NOT NULL,              -- JSON
  PRIMARY KEY (node_id, as_of, since, young_only, rule)
);

CREATE TABLE analytics_state_version (
  node_id BIGINT PRIMARY KEY,
  version BIGINT NOT NULL
);
