-- Beleidskalender: plans with their municipalities, actual cycle dates a workspace enters per
-- municipality (replacing the defaults of knowledge/policy_cycle.json), the merger date of a
-- municipality, events a workspace adds, and secret calendar feed (iCal) tokens. Dates are 'YYYY-MM-DD' text.
ALTER TABLE organisations ADD COLUMN merged_on TEXT;

CREATE TABLE plans (
  id            INTEGER PRIMARY KEY,
  workspace_id  INTEGER NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  title         TEXT    NOT NULL,
  description   TEXT    NOT NULL DEFAULT '',
  core_message  TEXT    NOT NULL DEFAULT '',
  domain        TEXT    NOT NULL DEFAULT '',
  budget_year   INTEGER NOT NULL,
  budget_needed INTEGER,
  status        TEXT    NOT NULL,
  phase         TEXT    NOT NULL,
  owner_id      INTEGER REFERENCES users(id) ON DELETE SET NULL,
  created_at    INTEGER NOT NULL,
  updated_at    INTEGER NOT NULL,
  UNIQUE (workspace_id, id)
);
CREATE INDEX plans_workspace ON plans(workspace_id, budget_year);

CREATE TABLE plan_organisations (
  workspace_id    INTEGER NOT NULL,
  plan_id         INTEGER NOT NULL,
  organisation_id INTEGER NOT NULL,
  PRIMARY KEY (workspace_id, plan_id, organisation_id),
  FOREIGN KEY (workspace_id, plan_id) REFERENCES plans(workspace_id, id) ON DELETE CASCADE,
  FOREIGN KEY (workspace_id, organisation_id) REFERENCES organisations(workspace_id, id) ON DELETE CASCADE
);

CREATE TABLE cycle_dates (
  workspace_id    INTEGER NOT NULL,
  organisation_id INTEGER NOT NULL,
  event_id        TEXT    NOT NULL,
  year            INTEGER NOT NULL,
  date            TEXT    NOT NULL,
  updated_at      INTEGER NOT NULL,
  PRIMARY KEY (workspace_id, organisation_id, event_id, year),
  FOREIGN KEY (workspace_id, organisation_id) REFERENCES organisations(workspace_id, id) ON DELETE CASCADE
);

-- Events a workspace adds to a municipality's calendar (an extra council meeting, a deadline).
CREATE TABLE cycle_custom_events (
  id              INTEGER PRIMARY KEY,
  workspace_id    INTEGER NOT NULL,
  organisation_id INTEGER NOT NULL,
  date            TEXT    NOT NULL,
  title           TEXT    NOT NULL,
  note            TEXT    NOT NULL DEFAULT '',
  created_at      INTEGER NOT NULL,
  FOREIGN KEY (workspace_id, organisation_id) REFERENCES organisations(workspace_id, id) ON DELETE CASCADE
);
CREATE INDEX cycle_custom_events_organisation ON cycle_custom_events(workspace_id, organisation_id, date);

CREATE TABLE calendar_feeds (
  id           INTEGER PRIMARY KEY,
  workspace_id INTEGER NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  user_id      INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  token_hash   TEXT    NOT NULL UNIQUE,
  label        TEXT    NOT NULL DEFAULT '',
  created_at   INTEGER NOT NULL
);
CREATE INDEX calendar_feeds_user ON calendar_feeds(workspace_id, user_id);
