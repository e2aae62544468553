-- Raadsleden in Wie is wie (issue #26, scope 3): what a workspace decided about a name from its
-- councils' motions and votes. A name is kept folded (surname with tussenvoegsel, initials and
-- party, core/council/people.hpp) so "Vries, J. de" and "J. de Vries" of one party are one row.
-- Certain matches are computed, not stored; only a person's confirmation of a suggestion (or
-- rejection of one) is. Deleting the person or the workspace deletes the decision with it.
CREATE TABLE council_person_links (
  workspace_id INTEGER NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  source_key   TEXT NOT NULL,
  name_key     TEXT NOT NULL,
  person_id    INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  confirmed    INTEGER NOT NULL,
  decided_by   INTEGER REFERENCES users(id) ON DELETE SET NULL,
  decided_at   INTEGER NOT NULL,
  PRIMARY KEY (workspace_id, source_key, name_key, person_id)
);
CREATE INDEX council_person_links_person ON council_person_links(workspace_id, person_id);
-- The review list counts a council's names; a person's page looks up their votes by name.
CREATE INDEX council_motions_source ON council_motions(source_key);
CREATE INDEX council_votes_voter ON council_votes(voter_name);
