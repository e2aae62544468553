-- CBS key figures per area ("Kerncijfers wijken en buurten"): shared reference data like the
-- register, loaded with `aantafel import area-figures`, shown next to the services of an area.
-- Empty counts are figures CBS suppresses.
CREATE TABLE area_figures (
  code         TEXT    PRIMARY KEY,
  year         INTEGER NOT NULL,
  inhabitants  INTEGER,
  aged_65_plus INTEGER,
  households   INTEGER,
  updated_at   INTEGER NOT NULL
);
