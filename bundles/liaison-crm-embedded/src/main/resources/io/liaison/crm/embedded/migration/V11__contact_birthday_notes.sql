-- The birthday of a contact person (issue 17: full contact cards); NULL when the CRM does not know it. A birthday
-- without a year has the year 1604, as Apple's Contacts keeps it, so that a vCard's "--0415" goes round unchanged.
ALTER TABLE crm_contact_person ADD COLUMN birthday DATE;
-- Free-text notes on a contact person, replicated with the groupware contact's notes; NULL when there are none.
ALTER TABLE crm_contact_person ADD COLUMN notes ${text_type};
