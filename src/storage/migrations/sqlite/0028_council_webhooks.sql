-- The webhook for council topic hits (issue #26): one per workspace, set by an owner. The signing
-- secret is sealed with the data key (context "council_webhooks.secret/ws:<id>") and was shown
-- once when the webhook was set. The delivery state is kept for the owners' view and the back-off.
-- Setting the address again makes a new row (a new id), which forgets what the old one was sent.
CREATE TABLE council_webhooks (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,  -- never reused: a new webhook, a new id
  workspace_id    INTEGER NOT NULL UNIQUE REFERENCES workspaces(id) ON DELETE CASCADE,
  url             TEXT NOT NULL,
  secret_sealed   TEXT NOT NULL,
  created_at      INTEGER NOT NULL,
  last_attempt_at INTEGER,
  last_status     INTEGER,
  last_error      TEXT NOT NULL DEFAULT '',
  last_success_at INTEGER,
  failures        INTEGER NOT NULL DEFAULT 0,
  failing_since   INTEGER,
  retry_at        INTEGER
);
-- What each webhook was told per topic and meeting: the fingerprint of the match (topic, meeting,
-- start, cancellation, hits). Written only after the receiver answered 2xx (at least once).
-- No reference to the meeting: the sync rewrites a meeting's row when it changes.
CREATE TABLE council_webhook_deliveries (
  webhook_id   INTEGER NOT NULL REFERENCES council_webhooks(id) ON DELETE CASCADE,
  workspace_id INTEGER NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  topic_id     INTEGER NOT NULL REFERENCES council_topics(id) ON DELETE CASCADE,
  meeting_id   INTEGER NOT NULL,
  fingerprint  TEXT NOT NULL,
  delivered_at INTEGER NOT NULL,
  PRIMARY KEY (webhook_id, topic_id, meeting_id)
);
CREATE INDEX council_webhook_deliveries_topic ON council_webhook_deliveries(topic_id);
