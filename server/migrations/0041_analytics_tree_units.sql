-- Units are summed by month too (analytics_tree): a city's dashboard reads each of its units as a few rows. Units do
-- not nest, so each node has at most one unit at or above it (found once, by path).
CREATE TABLE analytics_unit_of_0041 (node_id BIGINT PRIMARY KEY, unit_id BIGINT NOT NULL);
INSERT INTO analytics_unit_of_0041 (node_id, unit_id)
SELECT n.id, u.id
  FROM org_node u
  JOIN org_node n ON n.path >= u.path AND n.path < SUBSTR(u.path, 1, LENGTH(u.path) - 1) || '0'
 WHERE u.node_type = 'unit';
INSERT INTO analytics_tree (node_id, month, metric, dimension, young, value)
SELECT m.unit_id, SUBSTR(a.day, 1, 7), a.metric, a.dimension, a.young, SUM(a.value)
  FROM analytics_daily a
  JOIN analytics_unit_of_0041 m ON m.node_id = a.node_id
 GROUP BY m.unit_id, SUBSTR(a.day, 1, 7), a.metric, a.dimension, a.young;
DROP TABLE analytics_unit_of_0041;
