-- Documenten. Files attached to one record: a contact, an agreement, a plan or an organisation.
-- Exactly one of the four record columns is set; each is a composite foreign key inside the
-- workspace with ON DELETE CASCADE, so a document goes when its record goes. Versions keep every
-- upload; the name, the note and the bytes are sealed (XChaCha20-Poly1305 with the data key,
-- stored as text), the bytes last so that listing never reads them.
CREATE TABLE documents (
  id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  workspace_id    BIGINT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  interaction_id  BIGINT,
  agreement_id    BIGINT,
  plan_id         BIGINT,
  organisation_id BIGINT,
  created_at      BIGINT NOT NULL,
  UNIQUE (workspace_id, id),
  CHECK ((CASE WHEN interaction_id IS NULL THEN 0 ELSE 1 END) +
         (CASE WHEN agreement_id IS NULL THEN 0 ELSE 1 END) +
         (CASE WHEN plan_id IS NULL THEN 0 ELSE 1 END) +
         (CASE WHEN organisation_id IS NULL THEN 0 ELSE 1 END) = 1),
  FOREIGN KEY (workspace_id, interaction_id) REFERENCES interactions(workspace_id, id) ON DELETE CASCADE,
  FOREIGN KEY (workspace_id, agreement_id) REFERENCES agreements(workspace_id, id) ON DELETE CASCADE,
  FOREIGN KEY (workspace_id, plan_id) REFERENCES plans(workspace_id, id) ON DELETE CASCADE,
  FOREIGN KEY (workspace_id, organisation_id) REFERENCES organisations(workspace_id, id) ON DELETE CASCADE
);
CREATE INDEX documents_interaction ON documents(workspace_id, interaction_id);
CREATE INDEX documents_agreement ON documents(workspace_id, agreement_id);
CREATE INDEX documents_plan ON documents(workspace_id, plan_id);
CREATE INDEX documents_organisation ON documents(workspace_id, organisation_id);

CREATE TABLE document_versions (
  workspace_id    BIGINT NOT NULL,
  document_id     BIGINT NOT NULL,
  version         BIGINT NOT NULL,
  name_sealed     TEXT    NOT NULL,
  content_type    TEXT    NOT NULL,
  size_bytes      BIGINT NOT NULL,
  note_sealed     TEXT    NOT NULL DEFAULT '',
  uploaded_by     BIGINT REFERENCES users(id) ON DELETE SET NULL,
  uploaded_at     BIGINT NOT NULL,
  content_sealed  TEXT    NOT NULL,
  PRIMARY KEY (workspace_id, document_id, version),
  FOREIGN KEY (workspace_id, document_id) REFERENCES documents(workspace_id, id) ON DELETE CASCADE
);
-- Sealed bytes do not compress: keep them out of line without trying.
ALTER TABLE document_versions ALTER COLUMN content_sealed SET STORAGE EXTERNAL;
