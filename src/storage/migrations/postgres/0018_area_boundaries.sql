-- Outlines of municipalities, districts and neighbourhoods from CBS / PDOK boundary files
-- (`aantafel import boundaries`): neighbourhoods (buurten) and years newer than the built-in
-- 2025 boundaries. Shared reference data like the register; a row is only replaced by one of the
-- same or a later year. geometry: a GeoJSON Polygon or MultiPolygon in WGS84, simplified.
-- municipality_code is derived from the code (GMgggg / WKggggww / BUggggwwbb) and not a foreign
-- key: a newer year's file may hold municipalities the register does not know yet.
CREATE TABLE area_boundaries (
  code              TEXT    PRIMARY KEY,
  name              TEXT    NOT NULL,
  municipality_code TEXT    NOT NULL,
  year              INTEGER NOT NULL,
  geometry          TEXT    NOT NULL,
  updated_at        BIGINT  NOT NULL
);
CREATE INDEX area_boundaries_municipality ON area_boundaries(municipality_code);
