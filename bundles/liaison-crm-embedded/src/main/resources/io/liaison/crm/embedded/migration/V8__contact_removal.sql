-- Why a contact person is gone (ContactPersonDirectory.absence): deleted, or merged into another contact person, so
-- that the groupware contact of a merged-away person follows the survivor instead of vanishing. No foreign keys: the
-- removed person's row is gone, and a survivor may be merged or deleted later (the look-up follows the chain).
CREATE TABLE crm_contact_removal (
    contact_person_id BIGINT                   NOT NULL PRIMARY KEY,
    merged_into       BIGINT,
    removed_at        TIMESTAMP WITH TIME ZONE NOT NULL
);
