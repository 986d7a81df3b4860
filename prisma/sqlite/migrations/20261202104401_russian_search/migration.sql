-- Russian word forms in search (issue 14): newsbot_fr_stems() (src/store/search-sqlite.ts) now stems each word
-- by its script — Cyrillic words with the Russian Snowball stemmer (ё folded to е), the others with the French
-- one as before — so the stem index rows of articles holding Cyrillic letters are computed again here (the
-- reindex); rows without any are unchanged. The function keeps its name: the triggers call it.
DELETE FROM "ArticleStemFts" WHERE rowid IN (
  SELECT "id" FROM "Article" WHERE "title" GLOB '*[Ѐ-ӿ]*' OR "body" GLOB '*[Ѐ-ӿ]*');
INSERT INTO "ArticleStemFts"(rowid, titleStems, bodyStems)
  SELECT "id", newsbot_fr_stems("title"), newsbot_fr_stems("body") FROM "Article"
  WHERE "title" GLOB '*[Ѐ-ӿ]*' OR "body" GLOB '*[Ѐ-ӿ]*';
