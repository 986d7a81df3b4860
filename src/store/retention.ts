/**
 * Archive retention (ARCHIVE_KEEP_DAYS): the bodies of articles published before a cutoff (stored before it
 * when undated) are emptied. Everything else stays — title, link, summary, quotes, events, people, topics,
 * story — so /onthisday, /quote, /timeline and searches on titles still find old articles; the full-text
 * indexes follow the emptied bodies (SQLite triggers, PostgreSQL's generated column).
 *
 * The work goes in batches of ids, so no statement holds the database for long and a huge first prune does not
 * block ingest. Pruning is idempotent (only non-empty bodies are touched). On PostgreSQL each batch runs under
 * a transaction-level advisory lock: when several bot processes prune at once, their batches take turns
 * instead of waiting on each other's row locks, and each body is emptied once.
 */
import type { ArchivePruneResult } from "../core/store.ts";
import type { Db } from "./db.ts";
import type { Provider } from "./migration-files.ts";

/** Articles looked at per batch (one short write transaction each). */
const BATCH = 1000;
/** Key of the PostgreSQL advisory lock taken by each batch (any constant unique to this use). */
const PRUNE_LOCK_KEY = 74_210_516;

/** Empties the bodies of the articles older than `before`; returns how many were emptied. */
export async function pruneArticleBodies(db: Db, provider: Provider, before: Date): Promise<ArchivePruneResult> {
  const { _max } = await db.article.aggregate({ _max: { id: true } });
  const last = _max.id ?? 0;
  let pruned = 0;
  for (let lo = 0; lo < last; lo += BATCH) {
    const where = {
      id: { gt: lo, lte: lo + BATCH },
      body: { not: "" },
      OR: [{ publishedAt: { lt: before } }, { publishedAt: null, createdAt: { lt: before } }],
    };
    if (provider === "postgresql") {
      pruned += await db.$transaction(async (tx) => {
        await tx.$queryRaw`SELECT 1 AS locked FROM pg_advisory_xact_lock(${PRUNE_LOCK_KEY}::bigint)`;
        return (await tx.article.updateMany({ where, data: { body: "" } })).count;
      });
    } else {
      pruned += (await db.article.updateMany({ where, data: { body: "" } })).count;
    }
  }
  return { pruned, before };
}
