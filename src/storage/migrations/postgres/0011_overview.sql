-- Overzicht: the items a user has dismissed (until NULL) or snoozed until a day (YYYY-MM-DD).
-- Keys name the thing ("agreement:12"); a key whose thing is gone simply never matches again.
CREATE TABLE overview_hidden (
  workspace_id BIGINT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  user_id      BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  item_key     TEXT    NOT NULL,
  until        TEXT,
  created_at   BIGINT NOT NULL,
  PRIMARY KEY (workspace_id, user_id, item_key)
);
