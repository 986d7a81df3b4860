-- Subscriptions filtered by article language (issue 14, `/subscribe digest lang:fr,ru`): a JSON array of ISO
-- 639-1 codes; the empty default delivers every language, as before.
-- AlterTable
ALTER TABLE "Subscription" ADD COLUMN     "articleLanguages" TEXT NOT NULL DEFAULT '[]';
