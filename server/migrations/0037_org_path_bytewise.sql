-- Materialised paths compare byte by byte, as SQLite's do: a subtree is read as a range of the path index
-- (db/subtree.hpp: '/1/7/' ≤ path < '/1/70'), which a locale's collation (one that skips punctuation) would break.
{{postgresql: ALTER TABLE org_node ALTER COLUMN path TYPE TEXT COLLATE "C"}};
