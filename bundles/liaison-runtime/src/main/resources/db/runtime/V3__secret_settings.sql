-- Settings a connector declares secret (issue 20, point 7), e.g. the Graph connector's trustStorePassword: sealed
-- by the credential vault (AES-256-GCM, the account id and the setting's name as associated data), never kept in
-- clear in liaison_account_settings. Values stored there before are moved here when the runtime learns that they
-- are secret (when the connector's factory is registered), since only the running runtime holds the vault key.
CREATE TABLE liaison_account_secret_settings (
    account_id      VARCHAR(64)    NOT NULL REFERENCES liaison_accounts (id) ON DELETE CASCADE,
    setting_name    VARCHAR(255)   NOT NULL,
    key_fingerprint VARCHAR(64)    NOT NULL,
    sealed          VARCHAR(32000) NOT NULL,
    PRIMARY KEY (account_id, setting_name)
);
