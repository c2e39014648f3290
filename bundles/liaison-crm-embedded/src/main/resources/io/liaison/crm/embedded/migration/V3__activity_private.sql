-- An activity marked private (only its owner may see its details; the groupware gets it as private). Activities
-- stored before this column existed are not private.
ALTER TABLE crm_activity ADD COLUMN private_activity BOOLEAN DEFAULT FALSE NOT NULL;
