-- Strategiewijzer per workspace: built-in knowledge items a workspace hides or annotates (by key,
-- e.g. "strategy:focus" or "collection:relationship_tips/listen"), its own items, and advice it
-- saved for a plan or a municipality. Built-in texts themselves are never stored or altered.
CREATE TABLE knowledge_settings (
  workspace_id BIGINT  NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  item_key     TEXT    NOT NULL,
  hidden       BIGINT  NOT NULL DEFAULT 0,
  note         TEXT    NOT NULL DEFAULT '',
  updated_at   BIGINT  NOT NULL,
  PRIMARY KEY (workspace_id, item_key)
);

CREATE TABLE knowledge_own_items (
  id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  workspace_id BIGINT  NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  title        TEXT    NOT NULL,
  text         TEXT    NOT NULL,
  source       TEXT    NOT NULL DEFAULT '',
  created_at   BIGINT  NOT NULL,
  updated_at   BIGINT  NOT NULL
);
CREATE INDEX knowledge_own_items_workspace ON knowledge_own_items(workspace_id, id);

CREATE TABLE saved_advice (
  id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  workspace_id    BIGINT  NOT NULL,
  plan_id         BIGINT ,
  organisation_id BIGINT ,
  situation       TEXT    NOT NULL,
  ranking         TEXT    NOT NULL,
  note            TEXT    NOT NULL DEFAULT '',
  created_by      BIGINT  REFERENCES users(id) ON DELETE SET NULL,
  created_at      BIGINT  NOT NULL,
  FOREIGN KEY (workspace_id, plan_id) REFERENCES plans(workspace_id, id) ON DELETE CASCADE,
  FOREIGN KEY (workspace_id, organisation_id) REFERENCES organisations(workspace_id, id) ON DELETE CASCADE
);
CREATE INDEX saved_advice_workspace ON saved_advice(workspace_id, created_at);
