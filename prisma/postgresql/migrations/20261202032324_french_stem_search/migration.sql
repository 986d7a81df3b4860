-- french_stem_search: nothing to change on PostgreSQL. Its "search" column already holds the french_unaccent
-- (unaccent + Snowball french_stem) lexemes; the SQLite side of this migration adds the same stems there.
SELECT 1;
