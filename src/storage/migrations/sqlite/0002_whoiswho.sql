-- Wie is wie: municipalities (shared reference data), and per workspace: organisations, people,
-- positions over time, stakeholder assessments, and an audit log of erasures.
-- Dates are 'YYYY-MM-DD' text; timestamps are milliseconds since the Unix epoch (UTC).
-- Columns ending in _sealed hold personal data encrypted by the application (FieldCipher).
-- Composite foreign keys (workspace_id, id) make links across workspaces impossible.
CREATE TABLE municipalities (
  code               TEXT    PRIMARY KEY CHECK (code GLOB 'GM[0-9][0-9][0-9][0-9]'),
  name               TEXT    NOT NULL,
  province           TEXT,
  population         INTEGER,
  care_office_region TEXT,
  youth_region       TEXT,
  updated_at         INTEGER NOT NULL
);

CREATE TABLE organisations (
  id                INTEGER PRIMARY KEY,
  workspace_id      INTEGER NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  kind              TEXT    NOT NULL,
  name              TEXT    NOT NULL,
  municipality_code TEXT    REFERENCES municipalities(code),
  created_at        INTEGER NOT NULL,
  updated_at        INTEGER NOT NULL,
  UNIQUE (workspace_id, id),
  UNIQUE (workspace_id, municipality_code)
);

CREATE TABLE people (
  id           INTEGER PRIMARY KEY,
  workspace_id INTEGER NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  name         TEXT    NOT NULL,
  name_key     TEXT    NOT NULL,
  email_sealed TEXT,
  phone_sealed TEXT,
  notes_sealed TEXT,
  fictional    INTEGER NOT NULL DEFAULT 0,
  created_at   INTEGER NOT NULL,
  updated_at   INTEGER NOT NULL,
  UNIQUE (workspace_id, id)
);
CREATE INDEX people_name ON people(workspace_id, name_key);

CREATE TABLE positions (
  id              INTEGER PRIMARY KEY,
  workspace_id    INTEGER NOT NULL,
  person_id       INTEGER NOT NULL,
  organisation_id INTEGER NOT NULL,
  kind            TEXT    NOT NULL,
  title           TEXT    NOT NULL DEFAULT '',
  party           TEXT    NOT NULL DEFAULT '',
  portfolios      TEXT    NOT NULL DEFAULT '[]',
  domains         TEXT    NOT NULL DEFAULT '[]',
  committees      TEXT    NOT NULL DEFAULT '[]',
  started_on      TEXT    NOT NULL,
  ended_on        TEXT,
  created_at      INTEGER NOT NULL,
  updated_at      INTEGER NOT NULL,
  FOREIGN KEY (workspace_id, person_id) REFERENCES people(workspace_id, id) ON DELETE CASCADE,
  FOREIGN KEY (workspace_id, organisation_id) REFERENCES organisations(workspace_id, id) ON DELETE CASCADE
);
CREATE INDEX positions_person ON positions(workspace_id, person_id);
CREATE INDEX positions_organisation ON positions(workspace_id, organisation_id);

CREATE TABLE assessments (
  id           INTEGER PRIMARY KEY,
  workspace_id INTEGER NOT NULL,
  person_id    INTEGER NOT NULL,
  assessed_on  TEXT    NOT NULL,
  power        INTEGER NOT NULL CHECK (power BETWEEN 1 AND 5),
  interest     INTEGER NOT NULL CHECK (interest BETWEEN 1 AND 5),
  attitude     INTEGER NOT NULL CHECK (attitude BETWEEN -2 AND 2),
  note_sealed  TEXT,
  created_by   INTEGER REFERENCES users(id) ON DELETE SET NULL,
  created_at   INTEGER NOT NULL,
  FOREIGN KEY (workspace_id, person_id) REFERENCES people(workspace_id, id) ON DELETE CASCADE
);
CREATE INDEX assessments_person ON assessments(workspace_id, person_id, assessed_on);

CREATE TABLE audit_log (
  id           INTEGER PRIMARY KEY,
  workspace_id INTEGER NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  user_id      INTEGER REFERENCES users(id) ON DELETE SET NULL,
  action       TEXT    NOT NULL,
  subject      TEXT    NOT NULL,
  created_at   INTEGER NOT NULL
);
CREATE INDEX audit_log_workspace ON audit_log(workspace_id, created_at);
