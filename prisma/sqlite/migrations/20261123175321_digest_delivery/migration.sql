-- AlterTable
ALTER TABLE "Chat" ADD COLUMN "inactiveAt" DATETIME;
ALTER TABLE "Chat" ADD COLUMN "inactiveReason" TEXT;

-- AlterTable
ALTER TABLE "Subscription" ADD COLUMN "coveredUntil" DATETIME;

-- AlterTable
ALTER TABLE "Outbox" ADD COLUMN "claimToken" TEXT;
ALTER TABLE "Outbox" ADD COLUMN "claimedUntil" DATETIME;
ALTER TABLE "Outbox" ADD COLUMN "messageIds" TEXT;
ALTER TABLE "Outbox" ADD COLUMN "nextAttemptAt" DATETIME;

-- CreateIndex
CREATE INDEX "Outbox_status_nextAttemptAt_idx" ON "Outbox"("status", "nextAttemptAt");
