-- AlterTable
ALTER TABLE "Source" ADD COLUMN     "healthNotice" TEXT;

-- AlterTable
ALTER TABLE "Article" ADD COLUMN     "seeded" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Chat" ADD COLUMN     "uiLanguage" TEXT;
