-- iso_seconds reads the parts of the one form the logbook stores times in (2026-05-25T00:54:02.596Z,
-- as JavaScript's toISOString writes them) by position, instead of casting the text to a time:
-- the cast goes through PostgreSQL's general date parser, and hours_to_resolve calls it twice for
-- every complaint written (inserting 100,000 complaints took 2.0 s with the cast, 1.4 s with this,
-- 0.8 s with no hours_to_resolve at all). The seconds are the same numbers: a whole count of milliseconds, exact as a
-- double, divided by 1000 rounds once, to the double nearest the exact value, as the cast did
-- (checked equal for two million times from 1990 to 2017, and every time of a
-- generated logbook of 100,000 complaints).
CREATE OR REPLACE FUNCTION iso_seconds(stored text) RETURNS double precision
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  RETURN ((make_date(substr(stored, 1, 4)::int, substr(stored, 6, 2)::int, substr(stored, 9, 2)::int) - DATE '1970-01-01')::bigint * 86400000
          + substr(stored, 12, 2)::int * 3600000 + substr(stored, 15, 2)::int * 60000
          + substr(stored, 18, 2)::int * 1000 + substr(stored, 21, 3)::int)::double precision / 1000;
