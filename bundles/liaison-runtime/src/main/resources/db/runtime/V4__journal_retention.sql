-- Issue 25, point 1: a journal that does not grow forever.
-- Runs of the scheduler or a push that found nothing to do get no row in liaison_sync_runs; each account counts them
-- instead (how many, and when the last one ended), so that an idle account costs one row update a run, not a row.
ALTER TABLE liaison_accounts ADD COLUMN idle_runs BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE liaison_accounts ADD COLUMN last_idle_run_at TIMESTAMP WITH TIME ZONE;

-- The items whose last journal entry was FAILED, with a hash of that entry's message: the same failure of the same
-- item in a later run is counted here (repeats, last_failed_at) instead of being journaled again. A new message, or
-- any other outcome of the item, ends the repeat. Rows whose entry retention purged go with it, so that an item
-- that still fails is journaled again.
CREATE TABLE liaison_failing_items (
    account_id     VARCHAR(64) NOT NULL REFERENCES liaison_accounts (id) ON DELETE CASCADE,
    area           VARCHAR(32) NOT NULL,
    -- SHA-256 (hex) of the entry's item text, which may be up to 1000 characters
    item_key       VARCHAR(64) NOT NULL,
    message_hash   VARCHAR(64) NOT NULL,
    journaled_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    last_failed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    repeats        BIGINT      NOT NULL,
    PRIMARY KEY (account_id, area, item_key)
);
CREATE INDEX liaison_failing_items_journaled ON liaison_failing_items (journaled_at);
