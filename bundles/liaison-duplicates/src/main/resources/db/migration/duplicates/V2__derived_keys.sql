-- What every check needs is stored precomputed, so that a look-up loads it instead of recomputing it per row:
-- the Kölner Phonetik codes of the normalised names beside the names (the e-mail addresses and E.164 numbers in
-- dup_contact are already normalised), and the name keys in their own table that carries the names and codes, so
-- that a look-up by name compares names without reading the contacts and loads only the wanted ones.
-- V1's rows have no codes: the index is emptied, which makes it missing (no state row), and the duplicate check
-- rebuilds it from the CRM on its next catch-up.
DELETE FROM dup_index_state;
DELETE FROM dup_match_key;
DELETE FROM dup_contact;

ALTER TABLE dup_contact ADD COLUMN first_code VARCHAR(1000) DEFAULT '' NOT NULL;
ALTER TABLE dup_contact ADD COLUMN last_code VARCHAR(1000) DEFAULT '' NOT NULL;

-- From now on dup_match_key holds the e-mail and phone keys (email:, phone:) only; the name keys (name:, nameinit:,
-- firstinit:) are here, with the names and codes of the contact person filed under them.
CREATE TABLE dup_name_key (
    match_key VARCHAR(300) NOT NULL,
    contact_id VARCHAR(255) NOT NULL,
    first_name VARCHAR(1000) NOT NULL,
    last_name VARCHAR(1000) NOT NULL,
    first_code VARCHAR(1000) NOT NULL,
    last_code VARCHAR(1000) NOT NULL,
    PRIMARY KEY (match_key, contact_id)
);
CREATE INDEX dup_name_key_contact ON dup_name_key (contact_id);
