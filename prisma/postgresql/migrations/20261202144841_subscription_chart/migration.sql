-- AlterTable
ALTER TABLE "Subscription" ADD COLUMN     "chart" BOOLEAN NOT NULL DEFAULT false;
