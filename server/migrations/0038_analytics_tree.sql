-- Activity per month summed over each region's subtree (city, district and system nodes: the levels above the units),
-- kept beside analytics_daily by the same additions. A dashboard of the city reads a few rows per district here
-- instead of every branch's rows of the period (docs/architecture.md#dashboards).
CREATE TABLE analytics_tree (
  node_id   BIGINT NOT NULL,               -- the region
  month     TEXT NOT NULL,                 -- YYYY-MM
  metric    TEXT NOT NULL,
  dimension TEXT NOT NULL DEFAULT '',
  young     INTEGER NOT NULL DEFAULT 0,
  value     BIGINT NOT NULL,
  PRIMARY KEY (node_id, month, metric, dimension, young)
);

-- The rows of a database that has activity already: each day's row added to every region at or above its node.
INSERT INTO analytics_tree (node_id, month, metric, dimension, young, value)
SELECT r.id, SUBSTR(a.day, 1, 7), a.metric, a.dimension, a.young, SUM(a.value)
  FROM org_node r
  JOIN org_node n ON n.path >= r.path AND n.path < SUBSTR(r.path, 1, LENGTH(r.path) - 1) || '0'
  JOIN analytics_daily a ON a.node_id = n.id
 WHERE r.node_type IN ('city', 'district', 'system')
 GROUP BY r.id, SUBSTR(a.day, 1, 7), a.metric, a.dimension, a.young;
