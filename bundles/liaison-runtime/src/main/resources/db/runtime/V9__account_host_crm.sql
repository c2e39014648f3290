-- The host CRM whose ids an account's links, marks and tokens name (issue 23, point 6): a CRM vendor's host CRM that
-- takes over from the embedded CRM has other ids, so the first run against it forgets what the account remembered
-- instead of looking the old ids up in the new CRM. NULL until the account's first run after this migration.
ALTER TABLE liaison_accounts ADD COLUMN host_crm VARCHAR(255);
