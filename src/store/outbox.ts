/**
 * The outbox: every scheduled post is written here first, keyed by (subscription, period), then sent.
 *
 * Claim mechanism. A row is delivered by whoever holds its lease (`claimToken`, `claimedUntil`):
 * - PostgreSQL: one `UPDATE … WHERE id IN (SELECT … FOR UPDATE SKIP LOCKED)` statement. Several bot
 *   processes claiming at once never wait on each other and never take the same row; the lease (not a
 *   held lock or transaction) is what survives the claim, so a process killed mid fan-out leaves rows
 *   that another process (or itself after a restart) takes again once the lease expires. Advisory locks
 *   were rejected because they belong to a database session, and Prisma's pooled adapter connections give
 *   no control over which session runs which query; pg-boss would add a package and its own schema for what
 *   one statement does.
 * - SQLite: a conditional `UPDATE … WHERE status='pending' AND lease free` per row. It is also correct on
 *   PostgreSQL, but SQLite has one writer anyway: run ONE bot process per SQLite file (documented rule);
 *   at start-up that process drops the leases a killed predecessor left (`releaseAllClaims`).
 * Planning (`planPost`) advances the subscription's `nextDueAt` with a conditional update in the same
 * transaction as the insert, so two schedulers never plan the same period, and the unique
 * (subscriptionId, periodKey) index is the last line of defence.
 * Ordering: a row is only claimable when no older row of the same subscription is still pending, so a
 * subscription's posts arrive in period order even across retries.
 */
import type { DeliveryFailure, OutboxItem, OutboxStatus, PlannedPost } from "../core/delivery.ts";
import { asLang } from "../core/i18n/index.ts";
import type { Reply } from "../core/reply.ts";
import type { Prisma } from "../generated/sqlite/client.ts";
import type { Db } from "./db.ts";
import type { Provider } from "./migration-files.ts";
import { num } from "./sql.ts";

type OutboxRow = Prisma.OutboxGetPayload<{ include: { subscription: { include: { chat: true } } } }>;

const include = { subscription: { include: { chat: true } } } as const;

function toItem(r: OutboxRow): OutboxItem {
  const chat = r.subscription.chat;
  let messageIds: string[] = [];
  try {
    messageIds = r.messageIds ? (JSON.parse(r.messageIds) as string[]) : [];
  } catch {
    messageIds = [];
  }
  return {
    id: r.id,
    subscriptionId: r.subscriptionId,
    periodKey: r.periodKey,
    status: r.status as OutboxStatus,
    reply: JSON.parse(r.payload) as Reply,
    attempts: r.attempts,
    lastError: r.lastError,
    target: {
      platform: chat.platform,
      id: chat.externalId,
      type: (chat.type ?? "group") as OutboxItem["target"]["type"],
      ...(r.subscription.threadId ? { threadId: r.subscription.threadId } : {}),
      ...(chat.title ? { title: chat.title } : {}),
    },
    chatId: chat.id,
    messageIds,
    createdAt: r.createdAt,
    sentAt: r.sentAt,
    quiet:
      chat.quietStart && chat.quietEnd ? { start: chat.quietStart, end: chat.quietEnd, timezone: chat.timezone } : null,
    lang: asLang(r.subscription.language ?? chat.language),
  };
}

/** `timestamp(3)` literal for raw PostgreSQL: the columns hold UTC without a zone. */
function pgTs(d: Date): string {
  return d.toISOString().replace("Z", "");
}

/** Outbox operations of the delivery store. */
export function outboxStore(db: Db, provider: Provider) {
  async function candidateIds(now: Date, limit: number): Promise<number[]> {
    const rows = await db.outbox.findMany({
      where: {
        status: "pending",
        OR: [{ nextAttemptAt: null }, { nextAttemptAt: { lte: now } }],
        AND: [{ OR: [{ claimedUntil: null }, { claimedUntil: { lt: now } }] }],
        subscription: { active: true, chat: { active: true } },
      },
      orderBy: { id: "asc" },
      take: limit * 4,
      select: { id: true, subscriptionId: true },
    });
    if (rows.length === 0) return [];
    const oldest = await db.outbox.groupBy({
      by: ["subscriptionId"],
      where: { status: "pending", subscriptionId: { in: [...new Set(rows.map((r) => r.subscriptionId))] } },
      _min: { id: true },
    });
    const first = new Map(oldest.map((o) => [o.subscriptionId, o._min.id]));
    return rows.filter((r) => first.get(r.subscriptionId) === r.id).map((r) => r.id);
  }

  async function claimConditional(owner: string, now: Date, until: Date, limit: number): Promise<number[]> {
    const got: number[] = [];
    for (const id of await candidateIds(now, limit)) {
      if (got.length >= limit) break;
      const n = await db.outbox.updateMany({
        where: { id, status: "pending", OR: [{ claimedUntil: null }, { claimedUntil: { lt: now } }] },
        data: { claimToken: owner, claimedUntil: until },
      });
      if (n.count > 0) got.push(id);
    }
    return got;
  }

  async function claimSkipLocked(owner: string, now: Date, until: Date, limit: number): Promise<number[]> {
    const rows = await db.$queryRaw<Array<{ id: unknown }>>`
      UPDATE "Outbox" SET "claimToken" = ${owner}, "claimedUntil" = ${pgTs(until)}::timestamp
      WHERE "id" IN (
        SELECT o."id" FROM "Outbox" o
        JOIN "Subscription" s ON s."id" = o."subscriptionId"
        JOIN "Chat" c ON c."id" = s."chatId"
        WHERE o."status" = 'pending'
          AND (o."nextAttemptAt" IS NULL OR o."nextAttemptAt" <= ${pgTs(now)}::timestamp)
          AND (o."claimedUntil" IS NULL OR o."claimedUntil" < ${pgTs(now)}::timestamp)
          AND s."active" AND c."active"
          AND NOT EXISTS (SELECT 1 FROM "Outbox" p WHERE p."subscriptionId" = o."subscriptionId"
                          AND p."status" = 'pending' AND p."id" < o."id")
        ORDER BY o."id" LIMIT ${limit}
        FOR UPDATE OF o SKIP LOCKED)
      RETURNING "id"`;
    return rows.map((r) => num(r.id));
  }

  return {
    async planPost(post: PlannedPost, expectedDue: Date | null, nextDue: Date, now: Date): Promise<boolean> {
      return db.$transaction(async (tx) => {
        const n = await tx.subscription.updateMany({
          where: { id: post.subscriptionId, nextDueAt: expectedDue },
          data: {
            nextDueAt: nextDue,
            coveredUntil: post.coveredUntil,
            ...(post.reply ? { lastPeriodKey: post.periodKey } : {}),
          },
        });
        if (n.count === 0) return false;
        if (post.reply) {
          const key = { subscriptionId: post.subscriptionId, periodKey: post.periodKey };
          const exists = await tx.outbox.findUnique({ where: { subscriptionId_periodKey: key }, select: { id: true } });
          if (!exists)
            await tx.outbox.create({ data: { ...key, payload: JSON.stringify(post.reply), createdAt: now } });
        }
        return true;
      });
    },
    async claimOutbox(owner: string, now: Date, leaseMs: number, limit: number): Promise<OutboxItem[]> {
      const until = new Date(now.getTime() + leaseMs);
      const ids =
        provider === "postgresql"
          ? await claimSkipLocked(owner, now, until, limit)
          : await claimConditional(owner, now, until, limit);
      if (ids.length === 0) return [];
      const rows = await db.outbox.findMany({
        where: { id: { in: ids }, claimToken: owner },
        include,
        orderBy: { id: "asc" },
      });
      return rows.map(toItem);
    },
    async markSent(id: number, _owner: string, messageIds: string[], at: Date): Promise<boolean> {
      // Not conditional on the lease: whoever got the platform's acceptance records it, as early as possible.
      const n = await db.outbox.updateMany({
        where: { id, status: "pending" },
        data: {
          status: "sent",
          sentAt: at,
          messageIds: JSON.stringify(messageIds),
          attempts: { increment: 1 },
          lastError: null,
          claimToken: null,
          claimedUntil: null,
        },
      });
      return n.count > 0;
    },
    async markRetry(id: number, owner: string, error: string, nextAttemptAt: Date): Promise<void> {
      await db.outbox.updateMany({
        where: { id, status: "pending", claimToken: owner },
        data: {
          attempts: { increment: 1 },
          lastError: error.slice(0, 500),
          nextAttemptAt,
          claimToken: null,
          claimedUntil: null,
        },
      });
    },
    async holdUntil(id: number, owner: string, until: Date): Promise<void> {
      await db.outbox.updateMany({
        where: { id, status: "pending", claimToken: owner },
        data: { nextAttemptAt: until, claimToken: null, claimedUntil: null },
      });
    },
    async lastFailure(subscriptionId: number): Promise<DeliveryFailure | null> {
      const r = await db.outbox.findFirst({
        where: { subscriptionId, status: "failed" },
        orderBy: { id: "desc" },
        select: { id: true, periodKey: true, lastError: true },
      });
      return r ? { outboxId: r.id, periodKey: r.periodKey, error: r.lastError ?? "" } : null;
    },
    async markFailed(id: number, _owner: string, error: string): Promise<void> {
      await db.outbox.updateMany({
        where: { id, status: "pending" },
        data: {
          status: "failed",
          attempts: { increment: 1 },
          lastError: error.slice(0, 500),
          claimToken: null,
          claimedUntil: null,
        },
      });
    },
    async releaseAllClaims(): Promise<number> {
      const n = await db.outbox.updateMany({
        where: { status: "pending", claimToken: { not: null } },
        data: { claimToken: null, claimedUntil: null },
      });
      return n.count;
    },
    async outboxRows(filter: { subscriptionId?: number; status?: OutboxStatus } = {}): Promise<OutboxItem[]> {
      const rows = await db.outbox.findMany({
        where: {
          ...(filter.subscriptionId !== undefined ? { subscriptionId: filter.subscriptionId } : {}),
          ...(filter.status ? { status: filter.status } : {}),
        },
        include,
        orderBy: { id: "asc" },
      });
      return rows.map(toItem);
    },
  };
}
