-- Documents as PDF besides photos: a policy's text, an accountability decision, a scanned form. files::check_upload
-- decides what is stored (by the first bytes); the database keeps to the same list.
{{postgresql: ALTER TABLE file_upload DROP CONSTRAINT file_upload_content_type_check}};
{{postgresql: ALTER TABLE file_upload ADD CONSTRAINT file_upload_content_type_check
  CHECK (content_type IN ('image/jpeg', 'image/png', 'image/webp', 'application/pdf'))}};

-- SQLite cannot alter a CHECK: the table is rebuilt under its own name. Its rows are copied aside, the table dropped
-- and made again, and the rows put back with their ids; the foreign keys of the tables that point at file_upload are
-- checked at commit (defer_foreign_keys), when every row they name is back. The AUTOINCREMENT counter is kept too.
{{sqlite: PRAGMA defer_foreign_keys = ON}};
{{sqlite: CREATE TABLE file_upload_0034 AS SELECT * FROM file_upload}};
{{sqlite: CREATE TABLE file_upload_seq_0034 AS SELECT COALESCE(MAX(seq), 0) AS seq FROM sqlite_sequence WHERE name = 'file_upload'}};
{{sqlite: DROP TABLE file_upload}};
{{sqlite: CREATE TABLE file_upload (
  id               INTEGER PRIMARY KEY AUTOINCREMENT,
  sha256           TEXT NOT NULL,
  content_type     TEXT NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png', 'image/webp', 'application/pdf')),
  size_bytes       BIGINT NOT NULL,
  owner_account_id BIGINT NOT NULL REFERENCES account (id),
  owner_person_id  BIGINT REFERENCES person (id),
  created_at       TEXT NOT NULL
)}};
{{sqlite: INSERT INTO file_upload (id, sha256, content_type, size_bytes, owner_account_id, owner_person_id, created_at)
  SELECT id, sha256, content_type, size_bytes, owner_account_id, owner_person_id, created_at FROM file_upload_0034 ORDER BY id}};
{{sqlite: UPDATE sqlite_sequence SET seq = MAX(seq, (SELECT seq FROM file_upload_seq_0034)) WHERE name = 'file_upload'}};
{{sqlite: DROP TABLE file_upload_0034}};
{{sqlite: DROP TABLE file_upload_seq_0034}};
{{sqlite: CREATE INDEX file_upload_owner ON file_upload (owner_account_id, id)}};
