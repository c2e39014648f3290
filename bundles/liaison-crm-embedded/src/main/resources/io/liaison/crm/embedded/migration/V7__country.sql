-- The country of a contact person and of a business partner (ISO 3166-1 alpha-2, upper-case; NULL when unknown):
-- phone numbers written without a country code are read in it (issue 21: a Swiss "044 ..." is not Oldenburg).
ALTER TABLE crm_contact_person ADD COLUMN country VARCHAR(2);
ALTER TABLE crm_business_partner ADD COLUMN country VARCHAR(2);
