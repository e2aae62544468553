-- Council terms per municipality as recorded by a workspace (election, installation, seats), and
-- the current seat distribution on the municipality's organisation row. Seats are JSON:
-- [{"party":"…","seats":n}]. Dates are 'YYYY-MM-DD' text.
ALTER TABLE organisations ADD COLUMN seats TEXT NOT NULL DEFAULT '[]';

CREATE TABLE council_terms (
  id                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  workspace_id      BIGINT  NOT NULL,
  organisation_id   BIGINT  NOT NULL,
  election_date     TEXT,
  installation_date TEXT    NOT NULL,
  seats             TEXT    NOT NULL DEFAULT '[]',
  created_at        BIGINT  NOT NULL,
  UNIQUE (workspace_id, organisation_id, installation_date),
  FOREIGN KEY (workspace_id, organisation_id) REFERENCES organisations(workspace_id, id) ON DELETE CASCADE
);

