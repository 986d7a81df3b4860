-- AlterTable
ALTER TABLE "Source" ADD COLUMN "healthNotice" TEXT;

-- AlterTable
ALTER TABLE "Chat" ADD COLUMN "uiLanguage" TEXT;

-- AlterTable (hand-edited: a plain ADD COLUMN instead of Prisma's table rebuild, which would drop the FTS
-- triggers and copy every article; SQLite accepts NOT NULL with a constant default here)
ALTER TABLE "Article" ADD COLUMN "seeded" BOOLEAN NOT NULL DEFAULT false;
