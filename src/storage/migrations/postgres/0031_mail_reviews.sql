-- Dossiermail's review inbox. A message that a colleague sent to the workspace's dossier address
-- but in which nobody from Wie is wie was found waits here until a member files it as a contact
-- or throws it away. Once per workspace under the same key as mail_filings. What it says (subject,
-- addresses, the start of the text, file names) and the message itself are sealed, the message
-- last so that listing never reads it.
CREATE TABLE mail_reviews (
  id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  workspace_id    BIGINT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  message_key     TEXT   NOT NULL,
  forwarded_by    BIGINT REFERENCES users(id) ON DELETE SET NULL,
  received_at     BIGINT NOT NULL,
  sent_at         BIGINT,
  summary_sealed  TEXT   NOT NULL,
  message_sealed  TEXT   NOT NULL,
  UNIQUE (workspace_id, message_key)
);
CREATE INDEX mail_reviews_received ON mail_reviews(workspace_id, received_at);
