-- How activities relate: an imported mail that answers a mail imported earlier (REPLY_TO). A relation goes with
-- either of its activities.
CREATE TABLE crm_activity_relation (
    from_id       BIGINT      NOT NULL REFERENCES crm_activity (id) ON DELETE CASCADE,
    to_id         BIGINT      NOT NULL REFERENCES crm_activity (id) ON DELETE CASCADE,
    relation_kind VARCHAR(16) NOT NULL,
    PRIMARY KEY (from_id, to_id, relation_kind)
);
CREATE INDEX crm_activity_relation_to ON crm_activity_relation (to_id);
-- the replies to a mail, found by its Message-ID
CREATE INDEX crm_activity_in_reply_to ON crm_activity (mail_in_reply_to);
