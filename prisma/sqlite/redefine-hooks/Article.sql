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
