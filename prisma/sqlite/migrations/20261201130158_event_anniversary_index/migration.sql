-- DropIndex
DROP INDEX "Event_startMonth_startDay_idx";

-- CreateIndex
CREATE INDEX "Event_startMonth_startDay_startDate_idx" ON "Event"("startMonth", "startDay", "startDate");
