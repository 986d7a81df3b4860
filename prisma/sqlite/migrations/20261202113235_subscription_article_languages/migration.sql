-- Subscriptions filtered by article language (issue 14, `/subscribe digest lang:fr,ru`): a JSON array of ISO
-- 639-1 codes; the empty default delivers every language, as before. A plain ADD COLUMN (what Prisma's
-- RedefineTables would rebuild the table for gives the same table).
ALTER TABLE "Subscription" ADD COLUMN "articleLanguages" TEXT NOT NULL DEFAULT '[]';
