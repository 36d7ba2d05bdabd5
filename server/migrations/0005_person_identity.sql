-- ID-card and phone numbers, sealed (encrypted with a key outside the database) and with a keyed hash for
-- exact look-ups. The plain numbers are never stored.
ALTER TABLE person ADD COLUMN id_card_sealed TEXT;
ALTER TABLE person ADD COLUMN id_card_hash TEXT;
ALTER TABLE person ADD COLUMN phone_sealed TEXT;
ALTER TABLE person ADD COLUMN phone_hash TEXT;
CREATE UNIQUE INDEX person_id_card_hash ON person (id_card_hash);
CREATE INDEX person_phone_hash ON person (phone_hash);
