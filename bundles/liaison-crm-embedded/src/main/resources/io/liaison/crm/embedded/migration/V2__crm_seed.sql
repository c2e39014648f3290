-- The catalog every installation starts with, and one employee to sign in as. Status keys and activity
-- types can be added or relabelled by configuration (upserted when the component starts).

INSERT INTO crm_employee (id, login, login_lower, display_name, email)
VALUES ('demo', 'demo', 'demo', 'Demo User', 'demo@example.com');

INSERT INTO crm_status_key (status_key, label, sort_order) VALUES ('I', 'Imported', 10);
INSERT INTO crm_status_key (status_key, label, sort_order) VALUES ('O', 'Open', 20);
INSERT INTO crm_status_key (status_key, label, sort_order) VALUES ('E', 'Done', 30);

INSERT INTO crm_activity_type (type_key, label, sort_order) VALUES ('APPOINTMENT', 'Appointed time', 10);
INSERT INTO crm_activity_type (type_key, label, sort_order) VALUES ('MEETING', 'Meeting', 20);
INSERT INTO crm_activity_type (type_key, label, sort_order) VALUES ('FOLLOW_UP', 'Follow-up', 30);
INSERT INTO crm_activity_type (type_key, label, sort_order) VALUES ('TASK', 'Task', 40);
INSERT INTO crm_activity_type (type_key, label, sort_order) VALUES ('MAILIN', 'Incoming mail', 50);
INSERT INTO crm_activity_type (type_key, label, sort_order) VALUES ('CALL', 'Phone call', 60);
INSERT INTO crm_activity_type (type_key, label, sort_order) VALUES ('VISIT', 'Visit', 70);
