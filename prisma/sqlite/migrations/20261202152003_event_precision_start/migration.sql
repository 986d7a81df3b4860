-- Timelines from a date: the months, years and periods that began before it (src/store/event-span.ts).
-- IF NOT EXISTS: the bench archives of the round that added it had it under an earlier migration name.
CREATE INDEX IF NOT EXISTS "Event_precision_startDate_idx" ON "Event"("precision", "startDate");
