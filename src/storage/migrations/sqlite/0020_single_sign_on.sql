-- Single sign-on (OpenID Connect): which provider identity is which account, how each
-- workspace maps the provider's groups (or app roles) to its roles, and whether it opens only
-- for sessions started with single sign-on.
ALTER TABLE sessions ADD COLUMN sso INTEGER NOT NULL DEFAULT 0;
ALTER TABLE workspaces ADD COLUMN sso_only INTEGER NOT NULL DEFAULT 0;
-- 'direct' (the owner, an invitation, the command line) or 'sso' (granted by a group mapping,
-- and taken away again when the person is no longer in a mapped group).
ALTER TABLE memberships ADD COLUMN source TEXT NOT NULL DEFAULT 'direct'
  CHECK (source IN ('direct', 'sso'));

CREATE TABLE sso_identities (
  issuer     TEXT    NOT NULL,
  subject    TEXT    NOT NULL,
  user_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (issuer, subject)
);
CREATE INDEX sso_identities_user ON sso_identities(user_id);

CREATE TABLE sso_group_roles (
  workspace_id INTEGER NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  group_name   TEXT    NOT NULL,
  role         TEXT    NOT NULL CHECK (role IN ('owner', 'editor', 'viewer')),
  PRIMARY KEY (workspace_id, group_name)
);
