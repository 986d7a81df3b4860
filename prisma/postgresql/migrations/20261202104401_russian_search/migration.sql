-- Russian word forms in search (issue 14): an article's "search" tsvector now uses the configuration of its
-- language: `russian` (Snowball russian_stem; PostgreSQL's only Cyrillic stemmer) for Cyrillic-script languages
-- (ru, uk, be, kk — src/store/search-languages.ts RUSSIAN_CONFIG_LANGUAGES holds the same list), french_unaccent
-- for the rest as before. ё is folded to е first (translate), as the queries do. PostgreSQL 15 cannot change a
-- generated column's expression, so the column and its index are dropped and added again: adding the column
-- recomputes it for every existing row (the reindex), inside this migration's transaction.
DROP INDEX IF EXISTS "Article_search_idx";
ALTER TABLE "Article" DROP COLUMN IF EXISTS "search";
ALTER TABLE "Article" ADD COLUMN "search" tsvector GENERATED ALWAYS AS (
  CASE WHEN "language" IN ('ru', 'uk', 'be', 'kk') THEN
    setweight(to_tsvector('russian'::regconfig, translate(coalesce("title", ''), 'Ёё', 'Ее')), 'A') ||
    setweight(to_tsvector('russian'::regconfig, translate(coalesce("body", ''), 'Ёё', 'Ее')), 'B')
  ELSE
    setweight(to_tsvector('french_unaccent'::regconfig, coalesce("title", '')), 'A') ||
    setweight(to_tsvector('french_unaccent'::regconfig, coalesce("body", '')), 'B')
  END) STORED;
CREATE INDEX "Article_search_idx" ON "Article" USING GIN ("search");
