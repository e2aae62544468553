-- Notifications: each member's choice of e-mail digest per workspace, and the day the last one
-- went out (so a restart or a second instance never sends the same digest twice in a day).
CREATE TABLE notification_settings (
  workspace_id INTEGER NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  user_id      INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  digest       TEXT    NOT NULL DEFAULT 'none',
  last_sent_on TEXT,
  PRIMARY KEY (workspace_id, user_id)
);
