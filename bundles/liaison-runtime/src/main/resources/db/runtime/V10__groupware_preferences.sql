-- Employees' groupware preferences (issue 17, point 5; the spec's "User preferences / Groupware"). No row: the
-- defaults (mails only, the current import only, no synchronisation on opening an activity).
CREATE TABLE liaison_groupware_preferences (
    employee_id         VARCHAR(255) NOT NULL PRIMARY KEY,
    -- comma-separated SyncArea names the manual wizard selects on its first page
    wizard_areas        VARCHAR(200) NOT NULL,
    only_current_import BOOLEAN      NOT NULL,
    sync_on_open        BOOLEAN      NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL
);
