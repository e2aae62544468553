-- Cliëntfeedback. Surveys (four standard questions, tags that results roll up by), single-use
-- personal invitations (stored by the hash of their token; client only as a keyed pseudonym for the
-- pause between invitations), responses (phone number sealed per workspace), callback tasks, and
-- the daily roll-up that NPS reads instead of scanning responses: one row per survey, local day
-- (days since 1970-01-01 in Europe/Amsterdam) and channel, updated in the same transaction as the
-- response it counts.
CREATE TABLE feedback_surveys (
  id                INTEGER PRIMARY KEY,
  workspace_id      INTEGER NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  token             TEXT    NOT NULL UNIQUE,
  name              TEXT    NOT NULL,
  team              TEXT    NOT NULL DEFAULT '',
  service           TEXT    NOT NULL DEFAULT '',
  municipality_code TEXT,
  law               TEXT    NOT NULL DEFAULT 'none',
  domain            TEXT    NOT NULL DEFAULT '',
  channel           TEXT    NOT NULL DEFAULT 'link',
  active            INTEGER NOT NULL DEFAULT 1,
  pause_days        INTEGER NOT NULL DEFAULT 90,
  questions         TEXT    NOT NULL,
  created_at        INTEGER NOT NULL,
  updated_at        INTEGER NOT NULL,
  UNIQUE (workspace_id, id)
);
CREATE INDEX feedback_surveys_workspace ON feedback_surveys(workspace_id, created_at);

CREATE TABLE feedback_invitations (
  id           INTEGER PRIMARY KEY,
  workspace_id INTEGER NOT NULL,
  survey_id    INTEGER NOT NULL,
  token_hash   TEXT    NOT NULL UNIQUE,
  reference    TEXT    NOT NULL DEFAULT '',
  client_key   TEXT,
  channel      TEXT    NOT NULL,
  expires_at   INTEGER NOT NULL,
  used_at      INTEGER,
  created_at   INTEGER NOT NULL,
  FOREIGN KEY (workspace_id, survey_id) REFERENCES feedback_surveys(workspace_id, id) ON DELETE CASCADE
);
CREATE INDEX feedback_invitations_client ON feedback_invitations(workspace_id, client_key, created_at);

CREATE TABLE feedback_responses (
  id            INTEGER PRIMARY KEY,
  workspace_id  INTEGER NOT NULL,
  survey_id     INTEGER NOT NULL,
  invitation_id INTEGER REFERENCES feedback_invitations(id) ON DELETE SET NULL,
  score         INTEGER NOT NULL CHECK (score BETWEEN 0 AND 10),
  why           TEXT    NOT NULL DEFAULT '',
  better        TEXT    NOT NULL DEFAULT '',
  callback      INTEGER NOT NULL DEFAULT 0,
  phone_sealed  TEXT,
  channel       TEXT    NOT NULL,
  language      TEXT    NOT NULL DEFAULT 'nl',
  themes        TEXT    NOT NULL DEFAULT '',
  day           INTEGER NOT NULL,
  received_at   INTEGER NOT NULL,
  UNIQUE (workspace_id, id),
  FOREIGN KEY (workspace_id, survey_id) REFERENCES feedback_surveys(workspace_id, id) ON DELETE CASCADE
);
CREATE INDEX feedback_responses_workspace ON feedback_responses(workspace_id, received_at);
CREATE INDEX feedback_responses_phone ON feedback_responses(received_at) WHERE phone_sealed IS NOT NULL;

CREATE TABLE feedback_daily (
  workspace_id INTEGER NOT NULL,
  survey_id    INTEGER NOT NULL,
  day          INTEGER NOT NULL,
  channel      TEXT    NOT NULL,
  promoters    INTEGER NOT NULL DEFAULT 0,
  passives     INTEGER NOT NULL DEFAULT 0,
  detractors   INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (workspace_id, survey_id, day, channel),
  FOREIGN KEY (workspace_id, survey_id) REFERENCES feedback_surveys(workspace_id, id) ON DELETE CASCADE
);

CREATE TABLE feedback_callbacks (
  id           INTEGER PRIMARY KEY,
  workspace_id INTEGER NOT NULL,
  response_id  INTEGER NOT NULL,
  status       TEXT    NOT NULL DEFAULT 'open',
  assignee_id  INTEGER REFERENCES users(id) ON DELETE SET NULL,
  due_at       INTEGER NOT NULL,
  notes_sealed TEXT    NOT NULL DEFAULT '',
  outcome      TEXT    NOT NULL DEFAULT '',
  created_at   INTEGER NOT NULL,
  updated_at   INTEGER NOT NULL,
  UNIQUE (response_id),
  FOREIGN KEY (workspace_id, response_id) REFERENCES feedback_responses(workspace_id, id) ON DELETE CASCADE
);
CREATE INDEX feedback_callbacks_workspace ON feedback_callbacks(workspace_id, status, due_at);
