-- Contacten en afspraken. Interactions (contact moments) with the people from Wie is wie and our
-- own colleagues who took part, follow-ups, and agreements with their parties, commitments and
-- status history. Notes about people are sealed per workspace. Composite foreign keys keep links
-- inside one workspace; the two links that must survive a deletion (an interaction's plan, an
-- agreement's source interaction) are plain keys set to NULL, checked per workspace in core.
CREATE TABLE interactions (
  id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  workspace_id    BIGINT  NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  occurred_at     BIGINT  NOT NULL,
  kind            TEXT    NOT NULL,
  organisation_id BIGINT,
  subject         TEXT    NOT NULL,
  notes_sealed    TEXT    NOT NULL DEFAULT '',
  stance          TEXT    NOT NULL DEFAULT 'neither',
  tags            TEXT    NOT NULL DEFAULT '[]',
  plan_id         BIGINT  REFERENCES plans(id) ON DELETE SET NULL,
  created_by      BIGINT  REFERENCES users(id) ON DELETE SET NULL,
  created_at      BIGINT  NOT NULL,
  updated_at      BIGINT  NOT NULL,
  UNIQUE (workspace_id, id),
  FOREIGN KEY (workspace_id, organisation_id) REFERENCES organisations(workspace_id, id)
);
CREATE INDEX interactions_workspace ON interactions(workspace_id, occurred_at);
CREATE INDEX interactions_organisation ON interactions(workspace_id, organisation_id, occurred_at);

CREATE TABLE interaction_people (
  workspace_id   BIGINT  NOT NULL,
  interaction_id BIGINT  NOT NULL,
  person_id      BIGINT  NOT NULL,
  PRIMARY KEY (workspace_id, interaction_id, person_id),
  FOREIGN KEY (workspace_id, interaction_id) REFERENCES interactions(workspace_id, id) ON DELETE CASCADE,
  FOREIGN KEY (workspace_id, person_id) REFERENCES people(workspace_id, id) ON DELETE CASCADE
);
CREATE INDEX interaction_people_person ON interaction_people(workspace_id, person_id);

CREATE TABLE interaction_staff (
  workspace_id   BIGINT  NOT NULL,
  interaction_id BIGINT  NOT NULL,
  user_id        BIGINT  NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  PRIMARY KEY (workspace_id, interaction_id, user_id),
  FOREIGN KEY (workspace_id, interaction_id) REFERENCES interactions(workspace_id, id) ON DELETE CASCADE
);

CREATE TABLE follow_ups (
  id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  workspace_id   BIGINT  NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  interaction_id BIGINT,
  title          TEXT    NOT NULL,
  owner_id       BIGINT  REFERENCES users(id) ON DELETE SET NULL,
  due_on         TEXT    NOT NULL,
  done_at        BIGINT,
  created_at     BIGINT  NOT NULL,
  FOREIGN KEY (workspace_id, interaction_id) REFERENCES interactions(workspace_id, id) ON DELETE CASCADE
);
CREATE INDEX follow_ups_workspace ON follow_ups(workspace_id, due_on);

CREATE TABLE agreements (
  id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  workspace_id   BIGINT  NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  title          TEXT    NOT NULL,
  description    TEXT    NOT NULL DEFAULT '',
  owner_id       BIGINT  REFERENCES users(id) ON DELETE SET NULL,
  due_on         TEXT,
  status         TEXT    NOT NULL DEFAULT 'concept',
  interaction_id BIGINT  REFERENCES interactions(id) ON DELETE SET NULL,
  created_at     BIGINT  NOT NULL,
  updated_at     BIGINT  NOT NULL,
  UNIQUE (workspace_id, id)
);
CREATE INDEX agreements_workspace ON agreements(workspace_id, status, due_on);

CREATE TABLE agreement_parties (
  workspace_id    BIGINT  NOT NULL,
  agreement_id    BIGINT  NOT NULL,
  organisation_id BIGINT  NOT NULL,
  PRIMARY KEY (workspace_id, agreement_id, organisation_id),
  FOREIGN KEY (workspace_id, agreement_id) REFERENCES agreements(workspace_id, id) ON DELETE CASCADE,
  FOREIGN KEY (workspace_id, organisation_id) REFERENCES organisations(workspace_id, id) ON DELETE CASCADE
);
CREATE INDEX agreement_parties_organisation ON agreement_parties(workspace_id, organisation_id);

CREATE TABLE agreement_commitments (
  workspace_id    BIGINT  NOT NULL,
  agreement_id    BIGINT  NOT NULL,
  position        BIGINT  NOT NULL,
  organisation_id BIGINT,
  text            TEXT    NOT NULL,
  PRIMARY KEY (workspace_id, agreement_id, position),
  FOREIGN KEY (workspace_id, agreement_id) REFERENCES agreements(workspace_id, id) ON DELETE CASCADE,
  FOREIGN KEY (workspace_id, organisation_id) REFERENCES organisations(workspace_id, id) ON DELETE CASCADE
);

CREATE TABLE agreement_history (
  id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  workspace_id BIGINT  NOT NULL,
  agreement_id BIGINT  NOT NULL,
  status       TEXT    NOT NULL,
  changed_at   BIGINT  NOT NULL,
  changed_by   BIGINT  REFERENCES users(id) ON DELETE SET NULL,
  FOREIGN KEY (workspace_id, agreement_id) REFERENCES agreements(workspace_id, id) ON DELETE CASCADE
);
CREATE INDEX agreement_history_agreement ON agreement_history(workspace_id, agreement_id, id);
