-- The postal addresses of a contact person (issue 17: full contact cards), in the person's order: business, home or
-- other (kind), as a vCard ADR and Outlook's business, home and other address hold them.
CREATE TABLE crm_postal_address (
    contact_person_id BIGINT        NOT NULL REFERENCES crm_contact_person (id) ON DELETE CASCADE,
    sort_order        INT           NOT NULL,
    kind              VARCHAR(8)    NOT NULL,
    street            VARCHAR(1000) NOT NULL,
    postal_code       VARCHAR(40)   NOT NULL,
    city              VARCHAR(255)  NOT NULL,
    region            VARCHAR(255)  NOT NULL,
    country           VARCHAR(255)  NOT NULL,
    PRIMARY KEY (contact_person_id, sort_order)
);
