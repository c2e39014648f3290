-- Issue 25, point 2: what a connector remembers about an account beside its tokens (ConnectorState), e.g. the
-- Graph calendar's series masters, which the calendar token held before and which made it grow past the token
-- store's 65,536 characters. Forgotten with the account's links and tokens.
CREATE TABLE liaison_connector_state (
    account_id  VARCHAR(64)   NOT NULL REFERENCES liaison_accounts (id) ON DELETE CASCADE,
    scope       VARCHAR(255)  NOT NULL,
    entry_key   VARCHAR(1000) NOT NULL,
    entry_value VARCHAR(255)  NOT NULL,
    PRIMARY KEY (account_id, scope, entry_key)
);
