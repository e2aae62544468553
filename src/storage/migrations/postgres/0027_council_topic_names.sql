-- Council topic names are unique per workspace whatever their case (issue #26): "Jeugdhulp" and
-- "jeugdhulp" would read as one topic in every list and notification. The folded name (ASCII
-- letters in lower case, core/council/search.hpp TopicNameKey) carries the unique index, so two
-- requests at once cannot both take a name. Until now only the service compared names.
ALTER TABLE council_topics ADD COLUMN name_key TEXT NOT NULL DEFAULT '';
-- Lower case of ASCII letters only, as TopicNameKey.
UPDATE council_topics SET name_key = lower(name COLLATE "C");
CREATE UNIQUE INDEX council_topics_name_key ON council_topics(workspace_id, name_key);
