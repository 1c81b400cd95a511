-- Published for reporting: the admin dashboard reads the accounts through this view, never the
-- users table, so the table can change as long as the view keeps its shape (PublishedViewsIT holds
-- it to that). A different shape is a new view (_v2) beside this one, so readers move on their own
-- schedule. Only what the dashboard shows: no password hashes, no tokens.
-- disabled_at: epoch ms when an admin blocked sign-in, NULL while the account may sign in.
CREATE VIEW auth_report_users_v1 AS
SELECT id, email, full_name, created_at, disabled_at
FROM users;
