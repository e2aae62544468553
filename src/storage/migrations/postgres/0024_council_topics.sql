-- Topics of council information (issue #26): the words and phrases a workspace watches for in
-- what its councils discuss (agenda items, documents, motions), with exclusions. Terms are stored
-- as JSON arrays of text; they are matched by Dutch stem in core (core/stemming.hpp).
CREATE TABLE council_topics (
  id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  workspace_id BIGINT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  name         TEXT NOT NULL,
  terms        TEXT NOT NULL,
  exclusions   TEXT NOT NULL,
  created_at   BIGINT NOT NULL,
  UNIQUE (workspace_id, name)
);
