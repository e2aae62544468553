-- Personal links mailed from the app (issue #23): a scan respondent's link or a client's
-- personal survey link. The address and the link's secret are sealed with the data key and kept
-- only until the one reminder is sent or no longer needed; then only the dates remain. A row goes
-- with its respondent or invitation.
CREATE TABLE link_mails (
  id                     INTEGER PRIMARY KEY,
  workspace_id           INTEGER NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  scan_respondent_id     INTEGER UNIQUE REFERENCES scan_respondents(id) ON DELETE CASCADE,
  feedback_invitation_id INTEGER UNIQUE REFERENCES feedback_invitations(id) ON DELETE CASCADE,
  language               TEXT    NOT NULL CHECK (language IN ('nl', 'en')),
  sent_at                INTEGER NOT NULL,
  remind_at              INTEGER,
  reminded_at            INTEGER,
  address_sealed         TEXT,
  token_sealed           TEXT,
  CHECK ((scan_respondent_id IS NULL) <> (feedback_invitation_id IS NULL))
);
CREATE INDEX link_mails_due ON link_mails(remind_at) WHERE remind_at IS NOT NULL;
