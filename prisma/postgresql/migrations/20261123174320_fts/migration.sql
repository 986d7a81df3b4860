-- Accent-insensitive French full-text search over Article(title, body): unaccent + french stemmer,
-- generated tsvector column (not in models.prisma: PostgreSQL only) and a GIN index.
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE TEXT SEARCH CONFIGURATION french_unaccent (COPY = french);
ALTER TEXT SEARCH CONFIGURATION french_unaccent ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;
ALTER TABLE "Article" ADD COLUMN "search" tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('french_unaccent'::regconfig, coalesce("title", '')), 'A') ||
  setweight(to_tsvector('french_unaccent'::regconfig, coalesce("body", '')), 'B')) STORED;
CREATE INDEX "Article_search_idx" ON "Article" USING GIN ("search");
