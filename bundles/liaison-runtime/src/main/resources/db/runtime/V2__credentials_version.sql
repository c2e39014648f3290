-- A version counter for each account's credentials (issue 20, point 4). The vault binds the version into the
-- AES-GCM associated data, so that an older sealed copy put back into the table does not open.
-- liaison_accounts.credentials_version counts every write of the account's credentials (store, re-seal, clear)
-- and lives outside the credentials row, so that a row put back whole is seen to be older; the row records the
-- version it was sealed with. NULL in the row: sealed before versions existed, opened the old way once and
-- re-sealed with version 1 when the runtime starts.
ALTER TABLE liaison_accounts ADD COLUMN credentials_version BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE liaison_account_credentials ADD COLUMN credentials_version BIGINT;
