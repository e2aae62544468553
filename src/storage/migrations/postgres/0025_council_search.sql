-- Raadsinformatie: full-text search over meetings, agenda items, documents and motions (issue
-- #26, decision 45). One row per searchable text; `words` holds its words as Dutch Snowball
-- stems (core/council/search.hpp; the stemmer of PostgreSQL's `dutch` configuration, applied in
-- C++ so SQLite and PostgreSQL find the same records), the title weighted A and the body B.
-- The council copy is public data fetched again on demand: it is cleared here so the next sync
-- indexes everything.
DELETE FROM council_entities;
DELETE FROM council_syncs;
-- A document's text (Markdown made plain, the first 64 KiB) is fetched after the feed brought the
-- document (the feed never carries it); text_checked_at says it was asked, also when there was none;
-- text_attempts counts failed requests (a document that keeps failing goes behind the others).
ALTER TABLE council_documents ADD COLUMN text TEXT;
ALTER TABLE council_documents ADD COLUMN text_checked_at BIGINT;
ALTER TABLE council_documents ADD COLUMN text_attempts BIGINT NOT NULL DEFAULT 0;
CREATE INDEX council_documents_text_pending ON council_documents(text_attempts, modified_at)
  WHERE text_checked_at IS NULL;
CREATE TABLE council_search (
  id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  entity_id   BIGINT NOT NULL REFERENCES council_entities(id) ON DELETE CASCADE,
  position    BIGINT NOT NULL,
  kind        TEXT NOT NULL,
  source_key  TEXT NOT NULL,
  meeting_ref TEXT NOT NULL,
  at          BIGINT,
  title       TEXT NOT NULL,
  body        TEXT NOT NULL,
  words       tsvector NOT NULL
);
CREATE INDEX council_search_entity ON council_search(entity_id);
CREATE INDEX council_search_meeting ON council_search(meeting_ref);
CREATE INDEX council_search_words ON council_search USING GIN (words);
