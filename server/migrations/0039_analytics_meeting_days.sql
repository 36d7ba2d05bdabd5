-- The days of each branch's closed meetings by type, read for the 三会一课 lights of every branch below a node: an
-- index that holds all the columns the read needs, so that a city's lights come from one range of it.
CREATE INDEX analytics_daily_dimension ON analytics_daily (metric, dimension, day, node_id);
