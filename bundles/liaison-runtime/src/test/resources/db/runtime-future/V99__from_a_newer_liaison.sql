-- Stands for a migration of a Liaison newer than the code under test (RuntimeSchemaTest).
ALTER TABLE liaison_accounts ADD COLUMN added_by_a_newer_liaison VARCHAR(10);
