-- Issue 25, point 4: accounts whose runs keep failing. How many runs in a row ended FAILED and when the last one
-- did: from the third, the account is FAILING and its scheduled runs back off (RunBackoff); a run that works sets
-- the count back to 0.
ALTER TABLE liaison_accounts ADD COLUMN failed_runs INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE liaison_accounts ADD COLUMN last_failed_run_at TIMESTAMP WITH TIME ZONE;
