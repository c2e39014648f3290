-- Liaison runtime: accounts, encrypted credentials, sync journal, links, tokens.
-- Portable SQL: runs unchanged on H2 2.x and PostgreSQL.

CREATE TABLE liaison_accounts (
    id               VARCHAR(64)  NOT NULL PRIMARY KEY,
    employee_id      VARCHAR(255) NOT NULL,
    connector_type   VARCHAR(100) NOT NULL,
    auto_sync        BOOLEAN      NOT NULL,
    interval_seconds BIGINT       NOT NULL,
    conflict_policy  VARCHAR(32)  NOT NULL,
    -- ACTIVE, PASSWORD_BLOCKED or DISABLED; the state an account is in
    account_state    VARCHAR(32)  NOT NULL,
    state_reason     VARCHAR(2000),
    -- a block survives disabling and enabling again: only new credentials lift it
    block_reason     VARCHAR(2000),
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX liaison_accounts_employee ON liaison_accounts (employee_id);

CREATE TABLE liaison_account_settings (
    account_id    VARCHAR(64)   NOT NULL REFERENCES liaison_accounts (id) ON DELETE CASCADE,
    setting_name  VARCHAR(255)  NOT NULL,
    setting_value VARCHAR(4000) NOT NULL,
    PRIMARY KEY (account_id, setting_name)
);

CREATE TABLE liaison_account_areas (
    account_id VARCHAR(64) NOT NULL REFERENCES liaison_accounts (id) ON DELETE CASCADE,
    area       VARCHAR(32) NOT NULL,
    PRIMARY KEY (account_id, area)
);

-- AES-256-GCM: base64 of IV (12 bytes) followed by ciphertext and tag; the key lives outside the database
CREATE TABLE liaison_account_credentials (
    account_id      VARCHAR(64)    NOT NULL PRIMARY KEY REFERENCES liaison_accounts (id) ON DELETE CASCADE,
    key_fingerprint VARCHAR(64)    NOT NULL,
    sealed          VARCHAR(32000) NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

-- the journal outlives the accounts: no foreign key to liaison_accounts
CREATE TABLE liaison_sync_runs (
    id            VARCHAR(64)  NOT NULL PRIMARY KEY,
    account_id    VARCHAR(64)  NOT NULL,
    employee_id   VARCHAR(255) NOT NULL,
    areas         VARCHAR(200) NOT NULL,
    trigger_kind  VARCHAR(16)  NOT NULL,
    started_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    ended_at      TIMESTAMP WITH TIME ZONE,
    run_status    VARCHAR(32)  NOT NULL,
    error_message VARCHAR(4000)
);
CREATE INDEX liaison_sync_runs_started ON liaison_sync_runs (started_at);
CREATE INDEX liaison_sync_runs_account ON liaison_sync_runs (account_id, started_at);

CREATE TABLE liaison_journal_entries (
    run_id      VARCHAR(64)   NOT NULL REFERENCES liaison_sync_runs (id) ON DELETE CASCADE,
    seq         INTEGER       NOT NULL,
    recorded_at TIMESTAMP WITH TIME ZONE NOT NULL,
    area        VARCHAR(32)   NOT NULL,
    item        VARCHAR(1000) NOT NULL,
    outcome     VARCHAR(16)   NOT NULL,
    message     VARCHAR(4000) NOT NULL,
    crm_id      VARCHAR(255),
    PRIMARY KEY (run_id, seq)
);

CREATE TABLE liaison_links (
    account_id        VARCHAR(64)   NOT NULL REFERENCES liaison_accounts (id) ON DELETE CASCADE,
    scope             VARCHAR(100)  NOT NULL,
    crm_id            VARCHAR(255)  NOT NULL,
    crm_version       VARCHAR(255)  NOT NULL,
    groupware_id      VARCHAR(1000) NOT NULL,
    groupware_version VARCHAR(1000) NOT NULL,
    content_hash      VARCHAR(255)  NOT NULL,
    synced_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (account_id, scope, crm_id),
    CONSTRAINT liaison_links_groupware UNIQUE (account_id, scope, groupware_id)
);

CREATE TABLE liaison_tokens (
    account_id  VARCHAR(64)    NOT NULL REFERENCES liaison_accounts (id) ON DELETE CASCADE,
    scope       VARCHAR(255)   NOT NULL,
    token_value VARCHAR(65536) NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (account_id, scope)
);
