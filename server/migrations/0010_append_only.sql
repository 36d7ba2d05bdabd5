-- The audit log and the points ledger are append-only: the database itself refuses to change or remove a row.
-- (A correction is a new row; someone who drops these triggers is still caught by `audit verify` / `points verify`.)
{{append_only:audit_log}};
{{append_only:ledger_entry}};
