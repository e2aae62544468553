-- Dossiermail. Every e-mail message filed into a workspace, under the SHA-256 of its key (its
-- Message-ID, or its bytes when it has none), so that a message becomes one contact however often
-- it is uploaded or read from the mailbox. The row goes with its contact: a message whose contact
-- was deleted can be filed again.
CREATE TABLE mail_filings (
  workspace_id   INTEGER NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  message_key    TEXT   NOT NULL,
  interaction_id INTEGER NOT NULL,
  filed_at       INTEGER NOT NULL,
  PRIMARY KEY (workspace_id, message_key),
  FOREIGN KEY (workspace_id, interaction_id) REFERENCES interactions(workspace_id, id) ON DELETE CASCADE
);
CREATE INDEX mail_filings_interaction ON mail_filings(workspace_id, interaction_id);
