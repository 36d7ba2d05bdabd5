-- What each form of accountability bars, as the regulations in force set it: the months in which the person may not
-- be promoted, counted from the effective date, and whether the year's assessment may not be 优秀. Kept as data so
-- that the organisation department can follow a change of the regulations without a new release; a record keeps
-- the period it was decided under (accountability.promotion_until / evaluation_year).
CREATE TABLE accountability_period (
  form              TEXT PRIMARY KEY,
  promotion_months  INTEGER NOT NULL CHECK (promotion_months BETWEEN 0 AND 120),
  bars_excellent    INTEGER NOT NULL CHECK (bars_excellent IN (0, 1)),
  basis             TEXT NOT NULL,          -- the regulation and article the period comes from
  updated_by        BIGINT REFERENCES account (id),
  updated_at        TEXT
);

INSERT INTO accountability_period (form, promotion_months, bars_excellent, basis) VALUES
  ('circulated', 0, 0, '中国共产党问责条例'),
  ('admonition', 6, 1, '关于对党员领导干部进行诫勉的规定'),
  ('suspension', 0, 1, '中国共产党组织处理规定（停职检查期间）'),
  ('reassignment', 12, 1, '中国共产党组织处理规定'),
  ('ordered_resignation', 24, 1, '中国共产党组织处理规定'),
  ('demotion', 24, 1, '中国共产党组织处理规定'),
  ('dismissal', 24, 1, '中国共产党组织处理规定'),
  ('discipline_warning', 12, 1, '中国共产党纪律处分条例'),
  ('discipline_serious_warning', 18, 1, '中国共产党纪律处分条例'),
  ('discipline_removal', 24, 1, '中国共产党纪律处分条例');
