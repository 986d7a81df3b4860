-- AlterTable
ALTER TABLE "Source" ADD COLUMN "lastErrorReason" TEXT;
