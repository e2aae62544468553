-- Sociale kaart: districts and neighbourhoods a workspace works with (CBS codes, entered or
-- imported per workspace), services of organisations with the areas they work in, and consortia
-- of member organisations with one point of contact (sealed) and an optional read-only link
-- (SHA-256 of the secret). Only published services leave the workspace's own pages.
CREATE TABLE areas (
  workspace_id      BIGINT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  code              TEXT    NOT NULL,
  name              TEXT    NOT NULL,
  municipality_code TEXT    NOT NULL,
  PRIMARY KEY (workspace_id, code)
);
CREATE INDEX areas_municipality ON areas(workspace_id, municipality_code);

CREATE TABLE services (
  id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  workspace_id    BIGINT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  organisation_id BIGINT NOT NULL,
  name            TEXT    NOT NULL,
  domain          TEXT    NOT NULL,
  law             TEXT    NOT NULL,
  target_groups   TEXT    NOT NULL DEFAULT '[]',
  contact         TEXT    NOT NULL DEFAULT '',
  capacity_note   TEXT    NOT NULL DEFAULT '',
  waiting_weeks   BIGINT,
  published       BIGINT NOT NULL DEFAULT 0,
  created_at      BIGINT NOT NULL,
  updated_at      BIGINT NOT NULL,
  UNIQUE (workspace_id, id),
  FOREIGN KEY (workspace_id, organisation_id) REFERENCES organisations(workspace_id, id) ON DELETE CASCADE
);
CREATE INDEX services_organisation ON services(workspace_id, organisation_id);

CREATE TABLE service_areas (
  workspace_id BIGINT NOT NULL,
  service_id   BIGINT NOT NULL,
  code         TEXT    NOT NULL,
  PRIMARY KEY (workspace_id, service_id, code),
  FOREIGN KEY (workspace_id, service_id) REFERENCES services(workspace_id, id) ON DELETE CASCADE
);
CREATE INDEX service_areas_code ON service_areas(workspace_id, code);

CREATE TABLE consortia (
  id                      BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  workspace_id            BIGINT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  name                    TEXT    NOT NULL,
  municipality_code       TEXT    NOT NULL,
  contact_organisation_id BIGINT,
  contact_sealed          TEXT    NOT NULL DEFAULT '',
  share_token_hash        TEXT    UNIQUE,
  created_at              BIGINT NOT NULL,
  UNIQUE (workspace_id, id)
);

CREATE TABLE consortium_members (
  workspace_id    BIGINT NOT NULL,
  consortium_id   BIGINT NOT NULL,
  organisation_id BIGINT NOT NULL,
  PRIMARY KEY (workspace_id, consortium_id, organisation_id),
  FOREIGN KEY (workspace_id, consortium_id) REFERENCES consortia(workspace_id, id) ON DELETE CASCADE,
  FOREIGN KEY (workspace_id, organisation_id) REFERENCES organisations(workspace_id, id) ON DELETE CASCADE
);
