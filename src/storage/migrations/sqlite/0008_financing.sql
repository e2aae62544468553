-- Bekostiging: saved scenarios per workspace, optionally linked to a municipality and a plan.
-- The scenario (population, costs, budget, variants, runs, seed) is kept as the JSON the user
-- saved; its checks live in core. The plan link is a plain key set to NULL when the plan goes,
-- checked per workspace in core (as for interactions).
CREATE TABLE financing_scenarios (
  id                INTEGER PRIMARY KEY,
  workspace_id      INTEGER NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  name              TEXT    NOT NULL,
  description       TEXT    NOT NULL DEFAULT '',
  municipality_code TEXT,
  plan_id           INTEGER REFERENCES plans(id) ON DELETE SET NULL,
  scenario          TEXT    NOT NULL,
  created_by        INTEGER REFERENCES users(id) ON DELETE SET NULL,
  created_at        INTEGER NOT NULL,
  updated_at        INTEGER NOT NULL,
  UNIQUE (workspace_id, id)
);
CREATE INDEX financing_scenarios_workspace ON financing_scenarios(workspace_id, updated_at);
