-- One activity per imported mail for the whole CRM: the employees who imported a mail that another employee had
-- imported first. The activity keeps its owner; it is among each importer's imported mails (the quicksearches).
CREATE TABLE crm_activity_importer (
    activity_id BIGINT      NOT NULL REFERENCES crm_activity (id) ON DELETE CASCADE,
    employee_id VARCHAR(64) NOT NULL,
    added_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (activity_id, employee_id)
);
CREATE INDEX crm_activity_importer_employee ON crm_activity_importer (employee_id);
-- a mail's key looked up across owners (the unique index leads with the owner)
CREATE INDEX crm_activity_source_key_any ON crm_activity (source_key);
