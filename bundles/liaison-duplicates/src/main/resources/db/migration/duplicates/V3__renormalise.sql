-- The normalisation changed (issue 21): phone numbers keep their extension (E.164 with ";ext="), only numbers that
-- libphonenumber calls valid are filed, only numbers typed as mobile count as personal, +tags are dropped on every
-- e-mail domain, every address of a contact person is filed (not only the first 20), and names are read in NFC. The
-- rows filed before hold the old forms: the index is emptied, which makes it missing (no state row), and the
-- duplicate check rebuilds it from the CRM on its next catch-up, as after V2.
DELETE FROM dup_index_state;
DELETE FROM dup_name_key;
DELETE FROM dup_match_key;
DELETE FROM dup_contact;
