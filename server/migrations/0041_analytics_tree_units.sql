-- Units are summed by month too (analytics_tree): a city's dashboard reads each of its units as a few rows.
INSERT INTO analytics_tree (node_id, month, metric, dimension, young, value)
SELECT r.id, SUBSTR(a.day, 1, 7), a.metric, a.dimension, a.young, SUM(a.value)
  FROM org_node r
  JOIN org_node n ON n.path >= r.path AND n.path < SUBSTR(r.path, 1, LENGTH(r.path) - 1) || '0'
  JOIN analytics_daily a ON a.node_id = n.id
 WHERE r.node_type = 'unit'
 GROUP BY r.id, SUBSTR(a.day, 1, 7), a.metric, a.dimension, a.young;
