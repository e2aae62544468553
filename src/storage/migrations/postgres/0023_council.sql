-- Raadsinformatie (issue #26): councils as Open Besluitvorming publishes them. The status list,
-- the sync position of each followed council and what it published are shared by the instance
-- (public data, stored once); `council_follows` says which workspace reads which council.
-- `council_entities` holds every entity seen with its last feed position (seq), also after a
-- deletion, so a replayed page never undoes a newer change. A meeting's agenda, a motion's votes
-- go with their entity.
CREATE TABLE council_sources (
  source_key         TEXT PRIMARY KEY,
  label              TEXT NOT NULL,
  supplier           TEXT NOT NULL,
  organization_type  TEXT NOT NULL,
  cbs_code           TEXT,
  state              TEXT NOT NULL,
  supplier_state     TEXT NOT NULL,
  last_success_at    BIGINT,
  discontinued_on    TEXT,
  successor_key      TEXT,
  successor_label    TEXT,
  successor_cbs_code TEXT
);
CREATE INDEX council_sources_cbs ON council_sources(cbs_code);
CREATE TABLE council_syncs (
  source_key     TEXT PRIMARY KEY,
  snapshot_done  BIGINT NOT NULL,
  cursor         TEXT,
  changes_cursor TEXT,
  records        BIGINT NOT NULL,
  skipped_lines  BIGINT NOT NULL,
  synced_at      BIGINT,
  attempted_at   BIGINT,
  retry_at       BIGINT,
  failures       BIGINT NOT NULL,
  error          TEXT NOT NULL
);
CREATE TABLE council_follows (
  workspace_id      BIGINT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  source_key        TEXT NOT NULL,
  municipality_code TEXT NOT NULL,
  followed_at       BIGINT NOT NULL,
  PRIMARY KEY (workspace_id, source_key)
);
CREATE INDEX council_follows_source ON council_follows(source_key);
CREATE TABLE council_entities (
  id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  entity_id   TEXT NOT NULL UNIQUE,
  source_key  TEXT NOT NULL,
  entity_type TEXT NOT NULL,
  seq         BIGINT NOT NULL,
  deleted     BIGINT NOT NULL
);
CREATE INDEX council_entities_source ON council_entities(source_key);
CREATE TABLE council_meetings (
  id             BIGINT PRIMARY KEY REFERENCES council_entities(id) ON DELETE CASCADE,
  source_key     TEXT NOT NULL,
  name           TEXT NOT NULL,
  classification TEXT NOT NULL,
  committee_ref  TEXT NOT NULL,
  location       TEXT NOT NULL,
  cancelled      BIGINT NOT NULL,
  starts_at      BIGINT,
  time_known     BIGINT NOT NULL,
  ends_at        BIGINT
);
CREATE INDEX council_meetings_start ON council_meetings(source_key, starts_at);
CREATE TABLE council_agenda_items (
  meeting_id  BIGINT NOT NULL REFERENCES council_meetings(id) ON DELETE CASCADE,
  position    BIGINT NOT NULL,
  depth       BIGINT NOT NULL,
  item_ref    TEXT NOT NULL,
  number      TEXT NOT NULL,
  title       TEXT NOT NULL,
  description TEXT NOT NULL,
  heading     BIGINT NOT NULL,
  documents   TEXT NOT NULL,
  PRIMARY KEY (meeting_id, position)
);
CREATE TABLE council_documents (
  id             BIGINT PRIMARY KEY REFERENCES council_entities(id) ON DELETE CASCADE,
  source_key     TEXT NOT NULL,
  name           TEXT NOT NULL,
  classification TEXT NOT NULL,
  url            TEXT NOT NULL,
  content_type   TEXT NOT NULL,
  modified_at    BIGINT,
  meeting_ref    TEXT NOT NULL
);
CREATE INDEX council_documents_meeting ON council_documents(meeting_ref);
CREATE TABLE council_motions (
  id              BIGINT PRIMARY KEY REFERENCES council_entities(id) ON DELETE CASCADE,
  source_key      TEXT NOT NULL,
  name            TEXT NOT NULL,
  motion_type     TEXT NOT NULL,
  status          TEXT NOT NULL,
  result          TEXT NOT NULL,
  decided_at      BIGINT,
  meeting_ref     TEXT NOT NULL,
  agenda_item_ref TEXT NOT NULL,
  in_favour       BIGINT,
  against         BIGINT,
  proposers       TEXT NOT NULL
);
CREATE INDEX council_motions_meeting ON council_motions(meeting_ref);
CREATE TABLE council_votes (
  motion_id  BIGINT NOT NULL REFERENCES council_motions(id) ON DELETE CASCADE,
  position   BIGINT NOT NULL,
  in_favour  BIGINT NOT NULL,
  voter_ref  TEXT NOT NULL,
  voter_name TEXT NOT NULL,
  party_ref  TEXT NOT NULL,
  party_name TEXT NOT NULL,
  PRIMARY KEY (motion_id, position)
);
CREATE TABLE council_committees (
  id         BIGINT PRIMARY KEY REFERENCES council_entities(id) ON DELETE CASCADE,
  source_key TEXT NOT NULL,
  name       TEXT NOT NULL
);
