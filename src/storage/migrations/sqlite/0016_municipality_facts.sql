-- What the Overheidsalmanak says about a municipality, per workspace, next to the seat
-- distribution already on the organisation row: inhabitants, total council seats, website and
-- province as the Almanak names them. Empty for other organisations.
ALTER TABLE organisations ADD COLUMN inhabitants INTEGER;
ALTER TABLE organisations ADD COLUMN total_seats INTEGER;
ALTER TABLE organisations ADD COLUMN website TEXT NOT NULL DEFAULT '';
ALTER TABLE organisations ADD COLUMN province TEXT NOT NULL DEFAULT '';
