-- French word forms in SQLite search (issue 11, item 8): a second FTS5 table holds the French Snowball stems of
-- each article's title and body (the algorithm of PostgreSQL's `french` configuration), so "énergie" finds
-- "énergétique" and "traités" finds "traité" on both databases. FTS5 cannot call JavaScript from a tokenizer,
-- so the stems are computed by newsbot_fr_stems(), an application function the store registers on every
-- connection (src/store/search-sqlite.ts), and the table is contentless (its text is never read back).
-- "ArticleFts" (surface words, accents folded) stays: it ranks exact words first and gives the snippets.
CREATE VIRTUAL TABLE "ArticleStemFts" USING fts5(titleStems, bodyStems, content='', contentless_delete=1, tokenize = 'unicode61 remove_diacritics 2');
DROP TRIGGER IF EXISTS "Article_stems_ai";
DROP TRIGGER IF EXISTS "Article_stems_ad";
DROP TRIGGER IF EXISTS "Article_stems_au";
CREATE TRIGGER "Article_stems_ai" AFTER INSERT ON "Article" BEGIN
  INSERT INTO "ArticleStemFts"(rowid, titleStems, bodyStems) VALUES (new."id", newsbot_fr_stems(new."title"), newsbot_fr_stems(new."body"));
END;
CREATE TRIGGER "Article_stems_ad" AFTER DELETE ON "Article" BEGIN
  DELETE FROM "ArticleStemFts" WHERE rowid = old."id";
END;
CREATE TRIGGER "Article_stems_au" AFTER UPDATE OF "title", "body" ON "Article" BEGIN
  DELETE FROM "ArticleStemFts" WHERE rowid = old."id";
  INSERT INTO "ArticleStemFts"(rowid, titleStems, bodyStems) VALUES (new."id", newsbot_fr_stems(new."title"), newsbot_fr_stems(new."body"));
END;
INSERT INTO "ArticleStemFts"(rowid, titleStems, bodyStems) SELECT "id", newsbot_fr_stems("title"), newsbot_fr_stems("body") FROM "Article";
