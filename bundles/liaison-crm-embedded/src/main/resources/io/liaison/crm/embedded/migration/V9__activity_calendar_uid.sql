-- An appointment the activity sync brought from a groupware calendar keeps the iCalendar UID of its event
-- (ActivityData.calendarUid), so that an imported invitation mail naming that UID finds it (findAppointment) and is
-- related to it (INVITATION) instead of standing alone. RFC 5545 sets no length; Exchange's UIDs are about 112
-- characters, Google's and iCloud's shorter.
ALTER TABLE crm_activity ADD COLUMN calendar_uid VARCHAR(1000);
CREATE INDEX crm_activity_calendar_uid ON crm_activity (calendar_uid);
