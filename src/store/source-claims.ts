/**
 * Claiming due feeds for a poll, so several bot processes on one PostgreSQL share the polling and each
 * feed is fetched by one of them per window.
 *
 * The lease is the feed's own `nextFetchAt`: claiming moves it to `now + leaseMs`, so the feed is no longer
 * due for anyone else; the poll then records the real next due time. A process that dies mid-poll leaves
 * its feeds due again when the lease runs out, and another process takes them. No extra column: the due
 * time the claim replaced is returned (`dueAt`) so the poller can measure its lateness.
 * - PostgreSQL: one `UPDATE … FROM (SELECT … FOR UPDATE SKIP LOCKED)` statement, as the outbox does:
 *   concurrent claimers never wait on each other and never take the same row.
 * - SQLite: the due candidates are read, then leased by one UPDATE whose WHERE re-checks that each is still
 *   due. One writer at a time anyway; correct for several processes, though one process per SQLite file is
 *   the rule.
 * A poll that lasts (a slow server, a huge feed, a long queue) renews its leases before they run out, with
 * the same compare-and-set: a lease is extended only while `nextFetchAt` is still the value this process
 * set, so a renewal never undoes the due time a finished poll recorded, nor takes a feed back from the
 * process that claimed it after an expiry.
 */
import type { SourceRecord } from "../core/store.ts";
import type { Db } from "./db.ts";
import type { Provider } from "./migration-files.ts";
import { toSourceRecord } from "./sources.ts";
import { date, num } from "./sql.ts";

/** A claimed source: its record with the due time the claim replaced (null for a never-fetched source). */
export type ClaimedSource = SourceRecord & { dueAt: Date | null };

const pgTs = (d: Date) => d.toISOString().replace("Z", "");

export function sourceClaims(db: Db, provider: Provider) {
  async function claimSkipLocked(now: Date, until: Date, limit: number): Promise<Map<number, Date | null>> {
    const rows = await db.$queryRaw<Array<{ id: unknown; due: unknown }>>`
      UPDATE "Source" s SET "nextFetchAt" = ${pgTs(until)}::timestamp
      FROM (SELECT "id", "nextFetchAt" AS due FROM "Source"
            WHERE NOT "paused" AND NOT "disabled" AND "url" LIKE 'http%'
              AND ("nextFetchAt" IS NULL OR "nextFetchAt" <= ${pgTs(now)}::timestamp)
            ORDER BY "nextFetchAt" ASC NULLS FIRST, "id" LIMIT ${limit}
            FOR UPDATE SKIP LOCKED) c
      WHERE s."id" = c."id"
      RETURNING s."id", c.due`;
    return new Map(rows.map((r) => [num(r.id), date(r.due)]));
  }

  async function claimConditional(now: Date, until: Date, limit: number): Promise<Map<number, Date | null>> {
    const candidates = await db.source.findMany({
      where: {
        paused: false,
        disabled: false,
        url: { startsWith: "http" },
        OR: [{ nextFetchAt: null }, { nextFetchAt: { lte: now } }],
      },
      orderBy: [{ nextFetchAt: { sort: "asc", nulls: "first" } }, { id: "asc" }],
      take: limit,
      select: { id: true, nextFetchAt: true },
    });
    const got = new Map<number, Date | null>();
    if (candidates.length === 0) return got;
    // one statement for the batch; its WHERE re-checks that each row is still due
    const ids = candidates.map((c) => c.id);
    const n = await db.source.updateMany({
      where: {
        id: { in: ids },
        paused: false,
        disabled: false,
        OR: [{ nextFetchAt: null }, { nextFetchAt: { lte: now } }],
      },
      data: { nextFetchAt: until },
    });
    // another process claimed some in between: ours are those that now carry this lease
    const mine =
      n.count === ids.length
        ? new Set(ids)
        : new Set(
            (await db.source.findMany({ where: { id: { in: ids }, nextFetchAt: until }, select: { id: true } })).map(
              (r) => r.id,
            ),
          );
    for (const c of candidates) if (mine.has(c.id)) got.set(c.id, c.nextFetchAt);
    return got;
  }

  return {
    async renewSourceClaims(leases: Array<{ id: number; held: Date }>, until: Date): Promise<number[]> {
      const groups = new Map<number, number[]>();
      for (const l of leases) groups.set(l.held.getTime(), [...(groups.get(l.held.getTime()) ?? []), l.id]);
      const renewed: number[] = [];
      for (const [held, ids] of groups) {
        const n = await db.source.updateMany({
          where: { id: { in: ids }, nextFetchAt: new Date(held) },
          data: { nextFetchAt: until },
        });
        if (n.count === 0) continue;
        if (n.count === ids.length) renewed.push(...ids);
        else {
          const rows = await db.source.findMany({
            where: { id: { in: ids }, nextFetchAt: until },
            select: { id: true },
          });
          renewed.push(...rows.map((r) => r.id));
        }
      }
      return renewed;
    },

    /** Claims up to `limit` due sources for `leaseMs` (most overdue first). */
    async claimDueSources(now: Date, leaseMs: number, limit: number): Promise<ClaimedSource[]> {
      const until = new Date(now.getTime() + leaseMs);
      const due =
        provider === "postgresql"
          ? await claimSkipLocked(now, until, limit)
          : await claimConditional(now, until, limit);
      if (due.size === 0) return [];
      const rows = await db.source.findMany({ where: { id: { in: [...due.keys()] } } });
      return rows
        .map((r) => ({ ...toSourceRecord(r), dueAt: due.get(r.id) ?? null }))
        .sort((a, b) => (a.dueAt?.getTime() ?? 0) - (b.dueAt?.getTime() ?? 0));
    },
  };
}
