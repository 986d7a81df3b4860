-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Subscription" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "chatId" INTEGER NOT NULL,
    "threadId" TEXT,
    "kind" TEXT NOT NULL,
    "frequency" TEXT NOT NULL DEFAULT 'daily',
    "time" TEXT NOT NULL DEFAULT '08:00',
    "weekday" INTEGER,
    "timezone" TEXT,
    "topics" TEXT NOT NULL DEFAULT '[]',
    "includeTerms" TEXT NOT NULL DEFAULT '[]',
    "excludeTerms" TEXT NOT NULL DEFAULT '[]',
    "language" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "nextDueAt" DATETIME,
    "lastPeriodKey" TEXT,
    "coveredUntil" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "articleLanguages" TEXT NOT NULL DEFAULT '[]',
    "chart" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "Subscription_chatId_fkey" FOREIGN KEY ("chatId") REFERENCES "Chat" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Subscription" ("active", "articleLanguages", "chatId", "coveredUntil", "createdAt", "excludeTerms", "frequency", "id", "includeTerms", "kind", "language", "lastPeriodKey", "nextDueAt", "threadId", "time", "timezone", "topics", "weekday") SELECT "active", "articleLanguages", "chatId", "coveredUntil", "createdAt", "excludeTerms", "frequency", "id", "includeTerms", "kind", "language", "lastPeriodKey", "nextDueAt", "threadId", "time", "timezone", "topics", "weekday" FROM "Subscription";
DROP TABLE "Subscription";
ALTER TABLE "new_Subscription" RENAME TO "Subscription";
CREATE INDEX "Subscription_chatId_idx" ON "Subscription"("chatId");
CREATE INDEX "Subscription_active_nextDueAt_idx" ON "Subscription"("active", "nextDueAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
