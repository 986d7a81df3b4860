-- AlterTable
ALTER TABLE "Chat" ADD COLUMN     "inactiveAt" TIMESTAMP(3),
ADD COLUMN     "inactiveReason" TEXT;

-- AlterTable
ALTER TABLE "Subscription" ADD COLUMN     "coveredUntil" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Outbox" ADD COLUMN     "claimToken" TEXT,
ADD COLUMN     "claimedUntil" TIMESTAMP(3),
ADD COLUMN     "messageIds" TEXT,
ADD COLUMN     "nextAttemptAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "Outbox_status_nextAttemptAt_idx" ON "Outbox"("status", "nextAttemptAt");
