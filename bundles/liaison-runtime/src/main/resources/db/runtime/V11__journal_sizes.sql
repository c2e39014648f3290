-- Issue 25: the journal keeps ids and short labels, never more personal data than it needs. A label (a mail's
-- subject, a contact's name) is kept to 200 characters, a reason or a run's error to 1,000 (JdbcSyncJournal cuts
-- new ones at a word). Older rows are cut here, mid-word, with the same ellipsis; the columns then take no more.
UPDATE liaison_journal_entries SET item = SUBSTRING(item FROM 1 FOR 199) || '…' WHERE CHAR_LENGTH(item) > 200;
UPDATE liaison_journal_entries SET message = SUBSTRING(message FROM 1 FOR 999) || '…'
    WHERE CHAR_LENGTH(message) > 1000;
UPDATE liaison_sync_runs SET error_message = SUBSTRING(error_message FROM 1 FOR 999) || '…'
    WHERE CHAR_LENGTH(error_message) > 1000;
ALTER TABLE liaison_journal_entries ALTER COLUMN item SET DATA TYPE VARCHAR(200);
ALTER TABLE liaison_journal_entries ALTER COLUMN message SET DATA TYPE VARCHAR(1000);
ALTER TABLE liaison_sync_runs ALTER COLUMN error_message SET DATA TYPE VARCHAR(1000);
