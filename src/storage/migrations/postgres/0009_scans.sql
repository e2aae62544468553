-- Samenwerkingsscan and waardecasus. A scan uses a template from the knowledge base (by id);
-- respondents are invited by personal link (only the SHA-256 of the secret is kept) with their
-- organisation and an optional role label, no names; answers are replaced as a whole while the
-- scan is open; comments are sealed per workspace. A repeat measurement points at the scan it
-- repeats with a plain key (kept when that scan is deleted, then NULL; checked in core).
-- A value case is one JSON document per initiative, checked in core.
CREATE TABLE scans (
  id               BIGINT  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  workspace_id     BIGINT  NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  title            TEXT    NOT NULL,
  collaboration    TEXT    NOT NULL,
  template_id      TEXT    NOT NULL,
  status           TEXT    NOT NULL DEFAULT 'open',
  previous_scan_id BIGINT  REFERENCES scans(id) ON DELETE SET NULL,
  created_by       BIGINT  REFERENCES users(id) ON DELETE SET NULL,
  created_at       BIGINT  NOT NULL,
  closed_at        BIGINT,
  UNIQUE (workspace_id, id)
);
CREATE INDEX scans_workspace ON scans(workspace_id, created_at);

CREATE TABLE scan_respondents (
  id           BIGINT  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  workspace_id BIGINT  NOT NULL,
  scan_id      BIGINT  NOT NULL,
  organisation TEXT    NOT NULL,
  label        TEXT    NOT NULL DEFAULT '',
  token_hash   TEXT    NOT NULL UNIQUE,
  expires_at   BIGINT  NOT NULL,
  submitted_at BIGINT,
  updated_at   BIGINT,
  UNIQUE (workspace_id, id),
  FOREIGN KEY (workspace_id, scan_id) REFERENCES scans(workspace_id, id) ON DELETE CASCADE
);
CREATE INDEX scan_respondents_scan ON scan_respondents(workspace_id, scan_id);

CREATE TABLE scan_answers (
  workspace_id   BIGINT  NOT NULL,
  respondent_id  BIGINT  NOT NULL,
  statement_id   TEXT    NOT NULL,
  score          INTEGER CHECK (score IS NULL OR score BETWEEN 1 AND 5),
  comment_sealed TEXT    NOT NULL DEFAULT '',
  PRIMARY KEY (workspace_id, respondent_id, statement_id),
  FOREIGN KEY (workspace_id, respondent_id) REFERENCES scan_respondents(workspace_id, id) ON DELETE CASCADE
);

CREATE TABLE value_cases (
  id           BIGINT  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  workspace_id BIGINT  NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  title        TEXT    NOT NULL,
  document     TEXT    NOT NULL,
  created_by   BIGINT  REFERENCES users(id) ON DELETE SET NULL,
  created_at   BIGINT  NOT NULL,
  updated_at   BIGINT  NOT NULL,
  UNIQUE (workspace_id, id)
);
CREATE INDEX value_cases_workspace ON value_cases(workspace_id, updated_at);
