/**
 * Source operations beyond the SourceStore: OPML import in one transaction, and the health notice the
 * adding chat was last sent (so a warning or a recovery is announced once).
 */
import type { OpmlImportResult } from "../core/admin.ts";
import type { Db } from "./db.ts";

/** One feed of an OPML file. */
export interface SourceImportEntry {
  url: string;
  title: string | null;
  topics: string[];
}

/** Source admin operations over a client. */
export function sourceAdminStore(db: Db) {
  return {
    /**
     * Adds every entry whose URL is not a source yet, all in one transaction: on any failure nothing is stored.
     * New sources are fetched by the poller (no seeding here: the caller decides).
     */
    async importSources(
      entries: SourceImportEntry[],
      addedBy: string | null,
      nextFetchAt: Date | null = null,
    ): Promise<OpmlImportResult> {
      return db.$transaction(async (tx) => {
        let added = 0;
        let existing = 0;
        for (const e of entries) {
          const found = await tx.source.findUnique({ where: { url: e.url }, select: { id: true } });
          if (found) {
            existing++;
            continue;
          }
          await tx.source.create({
            data: { url: e.url, title: e.title, topics: JSON.stringify(e.topics), addedBy, nextFetchAt },
          });
          added++;
        }
        return { added, existing };
      });
    },
    /** Un-pauses and re-enables a source (disabled by failures) and makes it due now. */
    async resumeSource(id: number): Promise<void> {
      await db.source.updateMany({ where: { id }, data: { paused: false, disabled: false, nextFetchAt: null } });
    },
    /** Records which health state the adding chat was told about ("warn", "disabled") or null after recovery. */
    async setHealthNotice(id: number, notice: string | null): Promise<void> {
      await db.source.updateMany({ where: { id }, data: { healthNotice: notice } });
    },
  };
}
