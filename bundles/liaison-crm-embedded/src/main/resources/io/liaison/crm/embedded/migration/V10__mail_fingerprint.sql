-- An imported mail keeps the importer's fingerprint of its content (MailDetails.fingerprint: sender, date, subject,
-- body, attachment hashes), so that a later mail with the same Message-ID is told apart from a copy of this one by
-- its whole content, not only by sender and date. Mails imported before keep NULL and are compared as before. A
-- "content-sha256:" prefix and 64 hex digits; room for another form.
ALTER TABLE crm_activity ADD COLUMN mail_fingerprint VARCHAR(200);
