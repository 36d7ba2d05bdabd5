-- Uploaded files (photos as evidence). The bytes live under <data_dir>/uploads/ named by their SHA-256; a row
-- says who uploaded them, so that only the uploader and managers whose scope covers the uploader can read them.
CREATE TABLE file_upload (
  id               {{id}},
  sha256           TEXT NOT NULL,
  content_type     TEXT NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png', 'image/webp')),
  size_bytes       BIGINT NOT NULL,
  owner_account_id BIGINT NOT NULL REFERENCES account (id),
  owner_person_id  BIGINT REFERENCES person (id),
  created_at       TEXT NOT NULL
);
CREATE INDEX file_upload_owner ON file_upload (owner_account_id, id);
