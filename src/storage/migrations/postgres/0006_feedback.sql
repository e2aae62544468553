-- Cliëntfeedback. Surveys (four standard questions, tags that results roll up by), single-use
-- personal invitations (stored by the hash of their token; client only as a keyed pseudonym for the
-- pause between invitations), responses (phone number sealed per workspace), callback tasks, and
-- the daily roll-up that NPS reads instead of scanning responses: one row per survey, local day
-- (days since 1970-01-01 in Europe/Amsterdam) and channel, updated in the same transaction as the
-- response it counts.
CREATE TABLE feedback_surveys (
  id                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  workspace_id      BIGINT  NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  token             TEXT    NOT NULL UNIQUE,
  name              TEXT    NOT NULL,
  team              TEXT    NOT NULL DEFAULT '',
  service           TEXT    NOT NULL DEFAULT '',
  municipality_code TEXT,
  law               TEXT    NOT NULL DEFAULT 'none',
  domain            TEXT    NOT NULL DEFAULT '',
  channel           TEXT    NOT NULL DEFAULT 'link',
  active            BIGINT  NOT NULL DEFAULT 1,
  pause_days        BIGINT  NOT NULL DEFAULT 90,
  questions         TEXT    NOT NULL,
  created_at        BIGINT  NOT NULL,
  updated_at        BIGINT  NOT NULL,
  UNIQUE (workspace_id, id)
);
CREATE INDEX feedback_surveys_workspace ON feedback_surveys(workspace_id, created_at);

CREATE TABLE feedback_invitations (
  id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  workspace_id BIGINT  NOT NULL,
  survey_id    BIGINT  NOT NULL,
  token_hash   TEXT    NOT NULL UNIQUE,
  reference    TEXT    NOT NULL DEFAULT '',
  client_key   TEXT,
  channel      TEXT    NOT NULL,
  expires_at   BIGINT  NOT NULL,
  used_at      BIGINT,
  created_at   BIGINT  NOT NULL,
  FOREIGN KEY (workspace_id, survey_id) REFERENCES feedback_surveys(workspace_id, id) ON DELETE CASCADE
);
CREATE INDEX feedback_invitations_client ON feedback_invitations(workspace_id, client_key, created_at);

CREATE TABLE feedback_responses (
  id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  workspace_id  BIGINT  NOT NULL,
  survey_id     BIGINT  NOT NULL,
  invitation_id BIGINT  REFERENCES feedback_invitations(id) ON DELETE SET NULL,
  score         BIGINT  NOT NULL CHECK (score BETWEEN 0 AND 10),
  why           TEXT    NOT NULL DEFAULT '',
  better        TEXT    NOT NULL DEFAULT '',
  callback      BIGINT  NOT NULL DEFAULT 0,
  phone_sealed  TEXT,
  channel       TEXT    NOT NULL,
  language      TEXT    NOT NULL DEFAULT 'nl',
  themes        TEXT    NOT NULL DEFAULT '',
  day           BIGINT  NOT NULL,
  received_at   BIGINT  NOT NULL,
  UNIQUE (workspace_id, id),
  FOREIGN KEY (workspace_id, survey_id) REFERENCES feedback_surveys(workspace_id, id) ON DELETE CASCADE
);
CREATE INDEX feedback_responses_workspace ON feedback_responses(workspace_id, received_at);
CREATE INDEX feedback_responses_phone ON feedback_responses(received_at) WHERE phone_sealed IS NOT NULL;

CREATE TABLE feedback_daily (
  workspace_id BIGINT  NOT NULL,
  survey_id    BIGINT  NOT NULL,
  day          BIGINT  NOT NULL,
  channel      TEXT    NOT NULL,
  promoters    BIGINT  NOT NULL DEFAULT 0,
  passives     BIGINT  NOT NULL DEFAULT 0,
  detractors   BIGINT  NOT NULL DEFAULT 0,
  PRIMARY KEY (workspace_id, survey_id, day, channel),
  FOREIGN KEY (workspace_id, survey_id) REFERENCES feedback_surveys(workspace_id, id) ON DELETE CASCADE
);

CREATE TABLE feedback_callbacks (
  id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  workspace_id BIGINT  NOT NULL,
  response_id  BIGINT  NOT NULL,
  status       TEXT    NOT NULL DEFAULT 'open',
  assignee_id  BIGINT  REFERENCES users(id) ON DELETE SET NULL,
  due_at       BIGINT  NOT NULL,
  notes_sealed TEXT    NOT NULL DEFAULT '',
  outcome      TEXT    NOT NULL DEFAULT '',
  created_at   BIGINT  NOT NULL,
  updated_at   BIGINT  NOT NULL,
  UNIQUE (response_id),
  FOREIGN KEY (workspace_id, response_id) REFERENCES feedback_responses(workspace_id, id) ON DELETE CASCADE
);
CREATE INDEX feedback_callbacks_workspace ON feedback_callbacks(workspace_id, status, due_at);
