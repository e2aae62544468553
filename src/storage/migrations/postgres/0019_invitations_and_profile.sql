-- Colleagues and signing in: invitations by e-mail, password resets, each user's language, and
-- where a session was started (so people can recognise and end their own sessions).
ALTER TABLE users ADD COLUMN language TEXT NOT NULL DEFAULT 'nl' CHECK (language IN ('nl', 'en'));

ALTER TABLE sessions ADD COLUMN user_agent TEXT NOT NULL DEFAULT '';
ALTER TABLE sessions ADD COLUMN address TEXT NOT NULL DEFAULT '';

-- One open invitation per address and workspace; only the hash of its secret link is kept.
-- An accepted invitation is deleted: the membership is what remains.
CREATE TABLE invitations (
  id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  workspace_id BIGINT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  email        TEXT    NOT NULL,
  role         TEXT    NOT NULL CHECK (role IN ('owner', 'editor', 'viewer')),
  language     TEXT    NOT NULL CHECK (language IN ('nl', 'en')),
  token_hash   TEXT    NOT NULL UNIQUE,
  invited_by   BIGINT REFERENCES users(id) ON DELETE SET NULL,
  created_at   BIGINT NOT NULL,
  expires_at   BIGINT NOT NULL,
  sent_at      BIGINT,
  UNIQUE (workspace_id, email)
);

-- A password reset link: single use (deleted when used or when the password changes).
CREATE TABLE password_resets (
  token_hash TEXT    PRIMARY KEY,
  user_id    BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL
);
CREATE INDEX password_resets_user ON password_resets(user_id);
