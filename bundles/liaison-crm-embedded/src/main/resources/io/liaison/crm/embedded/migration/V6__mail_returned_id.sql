-- A bounce keeps the Message-ID of the mail it returns, so that the mail imported after its bounce finds the bounce
-- and is related to it (RETURNS), as a mail finds the replies imported before it (mail_in_reply_to).
ALTER TABLE crm_activity ADD COLUMN mail_returned_id VARCHAR(998);
CREATE INDEX crm_activity_returned_id ON crm_activity (mail_returned_id);
