-- The duplicate check's match-key index: Liaison's own copy of what it needs from the CRM's contact persons.
-- Normalised values of each indexed contact person (several values separated by line feeds).
CREATE TABLE dup_contact (
    contact_id VARCHAR(255) NOT NULL PRIMARY KEY,
    version BIGINT NOT NULL,
    first_name VARCHAR(1000) NOT NULL,
    last_name VARCHAR(1000) NOT NULL,
    emails VARCHAR(8000) NOT NULL,
    mobiles VARCHAR(2000) NOT NULL,
    phones VARCHAR(2000) NOT NULL
);

-- The keys each contact person is filed under (email:, phone:, name:, namelast:, namefirst:, nameinit:).
CREATE TABLE dup_match_key (
    match_key VARCHAR(300) NOT NULL,
    contact_id VARCHAR(255) NOT NULL,
    PRIMARY KEY (match_key, contact_id)
);
CREATE INDEX dup_match_key_contact ON dup_match_key (contact_id);

-- Where the complete index stands in the CRM's contact change feed; no row means: rebuild.
CREATE TABLE dup_index_state (
    id INTEGER NOT NULL PRIMARY KEY,
    crm_token VARCHAR(4000) NOT NULL,
    actor VARCHAR(255) NOT NULL,
    updated_at BIGINT NOT NULL
);
