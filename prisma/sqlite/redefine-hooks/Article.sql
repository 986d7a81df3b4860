-- Re-creates the FTS5 triggers on "Article" after Prisma's RedefineTables (DROP TABLE + RENAME) dropped them,
-- then rebuilds the index. Appended automatically by scripts/new-migration.mjs.
DROP TRIGGER IF EXISTS "Article_fts_ai";
DROP TRIGGER IF EXISTS "Article_fts_ad";
DROP TRIGGER IF EXISTS "Article_fts_au";
CREATE TRIGGER "Article_fts_ai" AFTER INSERT ON "Article" BEGIN
  INSERT INTO "ArticleFts"(rowid, title, body) VALUES (new."id", new."title", new."body");
END;
CREATE TRIGGER "Article_fts_ad" AFTER DELETE ON "Article" BEGIN
  INSERT INTO "ArticleFts"("ArticleFts", rowid, title, body) VALUES ('delete', old."id", old."title", old."body");
END;
CREATE TRIGGER "Article_fts_au" AFTER UPDATE OF "title", "body" ON "Article" BEGIN
  INSERT INTO "ArticleFts"("ArticleFts", rowid, title, body) VALUES ('delete', old."id", old."title", old."body");
  INSERT INTO "ArticleFts"(rowid, title, body) VALUES (new."id", new."title", new."body");
END;
INSERT INTO "ArticleFts"("ArticleFts") VALUES ('rebuild');
-- The French stem index (ArticleStemFts, migration 20261202032324_french_stem_search) keeps its rows (the
-- rebuild keeps article ids); only its triggers, dropped with the old table, are re-created.
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
