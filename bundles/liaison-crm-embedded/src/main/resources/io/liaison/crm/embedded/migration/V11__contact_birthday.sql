-- The birthday of a contact person (issue 17: full contact cards); NULL when the CRM does not know it. A birthday
-- without a year has the year 1604, as Apple's Contacts keeps it, so that a vCard's "--0415" goes round unchanged.
ALTER TABLE crm_contact_person ADD COLUMN birthday DATE;
