-- The month a declared income takes effect (YYYY-MM, within its year). Dues are owed from the first base's month,
-- not from January of its year: a member declared in November does not start eleven months behind. Rows declared
-- before this column take the month they were declared in when that was during their year (January otherwise),
-- moved back to the year's earliest month already paid.
ALTER TABLE dues_base ADD COLUMN from_month TEXT;
UPDATE dues_base SET from_month = CASE WHEN SUBSTR(set_at, 1, 4) = CAST(year AS TEXT) THEN SUBSTR(set_at, 1, 7)
                                       ELSE CAST(year AS TEXT) || '-01' END;
UPDATE dues_base SET from_month = (SELECT MIN(p.month) FROM dues_payment p WHERE p.person_id = dues_base.person_id
                                     AND p.month >= CAST(dues_base.year AS TEXT) || '-01' AND p.month < dues_base.from_month)
 WHERE EXISTS (SELECT 1 FROM dues_payment p WHERE p.person_id = dues_base.person_id
                 AND p.month >= CAST(dues_base.year AS TEXT) || '-01' AND p.month < dues_base.from_month);
