-- The normalisation changed (issue 21): phone numbers keep their extension (E.164 with ";ext="), only numbers that
-- libphonenumber calls valid are filed, only numbers typed as mobile count as personal, +tags are dropped on every
-- e-mail domain, every address of a contact person is filed (not only the first 20), and names are read in NFC. The
-- rows filed before hold the old forms: the index is emptied, which makes it missing (no state row), and the
-- duplicate check rebuilds it from the CRM on its next catch-up, as after V2.
DELETE FROM dup_index_state;
DELETE FROM dup_name_key;
DELETE FROM dup_match_key;
DELETE FROM dup_contact;

-- Every address and number of a contact person is filed now (up to ContactNormalizer.MAX_CRM_VALUES of each kind),
-- which the old limits (sized for 20 of each) do not hold. SET DATA TYPE is understood by H2 and PostgreSQL alike;
-- 1,000,000 is H2's longest CHARACTER VARYING.
ALTER TABLE dup_contact ALTER COLUMN emails SET DATA TYPE VARCHAR(1000000);
ALTER TABLE dup_contact ALTER COLUMN mobiles SET DATA TYPE VARCHAR(1000000);
ALTER TABLE dup_contact ALTER COLUMN phones SET DATA TYPE VARCHAR(1000000);
