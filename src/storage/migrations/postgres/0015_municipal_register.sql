-- The municipal register built into the binary: every municipality of a CBS year, its districts
-- (wijken) and its reorganisations, loaded at migrate (storage/register_loader.cpp) and shared by
-- all workspaces like the rest of the reference data.
-- source: 'register' (built in) or 'cbs' (aantafel import municipalities); reference_date: the
-- division the row describes; a row is only replaced by one describing the same or a later date.
-- ended_on: the last day of a municipality that merged or split. search_key: the name folded for
-- searching (core::SearchFold), so "sudwest" finds Súdwest-Fryslân.
ALTER TABLE municipalities ADD COLUMN source TEXT NOT NULL DEFAULT 'cbs';
ALTER TABLE municipalities ADD COLUMN reference_date TEXT;
ALTER TABLE municipalities ADD COLUMN ended_on TEXT;
ALTER TABLE municipalities ADD COLUMN search_key TEXT NOT NULL DEFAULT '';

CREATE TABLE districts (
  code              TEXT    PRIMARY KEY,
  name              TEXT    NOT NULL,
  municipality_code TEXT    NOT NULL REFERENCES municipalities(code),
  source            TEXT    NOT NULL,
  reference_date    TEXT
);
CREATE INDEX districts_municipality ON districts(municipality_code);

-- One row per (predecessor, successor) of a reorganisation; effective_on is the first day of the
-- new division. A predecessor that is also a successor lives on (annexation).
CREATE TABLE municipality_successions (
  predecessor_code TEXT NOT NULL REFERENCES municipalities(code),
  successor_code   TEXT NOT NULL REFERENCES municipalities(code),
  effective_on     TEXT NOT NULL,
  PRIMARY KEY (predecessor_code, successor_code)
);
CREATE INDEX municipality_successions_successor ON municipality_successions(successor_code);

-- Which version of built-in reference data is loaded, so it is loaded once per version.
CREATE TABLE reference_versions (
  name       TEXT    PRIMARY KEY,
  version    TEXT    NOT NULL,
  applied_at BIGINT  NOT NULL
);
