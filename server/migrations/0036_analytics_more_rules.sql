-- Two more warning rules for the dashboards: micro-projects past their deadline and fault-tolerance applications
-- waiting past the one-working-day initial review (counts: yellow from the first bound, red from the second).
INSERT INTO analytics_threshold (rule, yellow, red, updated_at) VALUES
  ('project_overdue', 1, 5, '2026-11-30T00:00:00Z'),
  ('tolerance_review_overdue', 1, 3, '2026-11-30T00:00:00Z');
