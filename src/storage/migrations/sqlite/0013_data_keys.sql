-- The ids (never the keys) of the data keys that sealed personal data in this database, so a
-- server started with a missing or different key refuses to run instead of sealing new data
-- with a key that cannot open the old (see docs/reliability.md, "Keys").
CREATE TABLE data_key_ids (
  key_id     TEXT    PRIMARY KEY,
  created_at INTEGER NOT NULL
);
