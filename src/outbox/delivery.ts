/**
 * Delivery of outbox rows through `PlatformAdapter.send`: claim a batch (with a lease), send with a
 * bounded concurrency and a global pace per platform (the adapter's `limits.sendRate`), then record the
 * outcome at once.
 * - accepted → `sent` (the only duplicate window is between the platform's acceptance and this update; it
 *   is measured and reported as `ackWindowMs`);
 * - permanent refusal (blocked, deleted, no access) → row `failed`, chat marked inactive, logged once;
 * - the message itself refused (too long, malformed) → `failed` at once;
 * - anything else (429, 5xx, network, a throw) → retried with backoff, `failed` after `maxAttempts`.
 * A post given up on for a reason other than the chat being gone is logged as an error and the chat gets one
 * short notice (./failure-notice.ts), best effort.
 * A row whose reply carries a chart still to draw (a weekly digest's coverage chart) is drawn just before it is sent
 * and goes as the reply's picture; when there is no renderer or drawing fails, the text goes alone and the failure
 * is logged: a chart never costs the digest.
 * Quiet hours: a claimed row whose chat is inside its quiet hours is held (`nextAttemptAt` = end of the quiet
 * hours, attempts untouched) and sent by the first round after they end: never dropped, never sent twice.
 */
import { randomBytes } from "node:crypto";
import { type SendBackoffOptions, sendRetryDelay } from "../core/backoff.ts";
import type { Platform } from "../core/command.ts";
import type { OutboxItem, OutboxStore, SubscriptionStore } from "../core/delivery.ts";
import { messageOf } from "../core/errors.ts";
import { failureNotice } from "../core/failure-notice.ts";
import type { Clock, Logger } from "../core/logger.ts";
import type { PictureRenderer } from "../core/picture.ts";
import type { PlatformAdapter, SendResult } from "../core/platform.ts";
import { quietUntil } from "../core/quiet-hours.ts";
import type { Reply } from "../core/reply.ts";
import { createRateLimiter, type RateLimiter } from "./rate-limit.ts";

export interface DeliveryOptions {
  store: OutboxStore & Pick<SubscriptionStore, "markChatInactive">;
  /**
   * The running adapters by platform id; rows for a platform without one wait (and are logged). Each is paced
   * at its own `limits.sendRate`.
   */
  adapters: Readonly<Record<Platform, PlatformAdapter>>;
  clock: Clock;
  logger: Logger;
  /** Lease owner id (default: random per process). */
  owner?: string;
  /** How long a claim is held; must exceed the longest send (default 5 min). */
  leaseMs?: number;
  /** Sends in flight at once across all chats (default 8). */
  concurrency?: number;
  /** Attempts before a row is given up (default 8). */
  maxAttempts?: number;
  backoff?: SendBackoffOptions;
  /** Rows claimed per round (default 4 × concurrency). */
  batchSize?: number;
  /** Draws the charts of scheduled posts (weekly digests); without it they go as text alone. */
  pictures?: PictureRenderer;
  /** Called after each outcome is recorded (metrics, tests). */
  onOutcome?: (item: OutboxItem, outcome: DeliveryOutcome) => void;
}

export type DeliveryOutcome = "sent" | "retry" | "failed" | "inactive" | "held";

/** What one `deliverDue()` did. */
export interface DeliveryReport {
  sent: number;
  retried: number;
  failed: number;
  inactive: number;
  /** Rows held for the chat's quiet hours (optional so reports built elsewhere stay valid). */
  held?: number;
  /** Time from the platform's answer to the outbox recording it (ms): the duplicate window. */
  ackWindowMs: { count: number; max: number; mean: number };
}

export interface Delivery {
  /** Delivers every row that is due now; resolves when no claimable row is left (bounded rounds). */
  deliverDue(): Promise<DeliveryReport>;
  readonly owner: string;
}

/** Creates the delivery loop (see the module comment for outcomes). */
export function createDelivery(opts: DeliveryOptions): Delivery {
  const owner = opts.owner ?? `${process.pid}-${randomBytes(4).toString("hex")}`;
  const leaseMs = opts.leaseMs ?? 300_000;
  const concurrency = Math.max(1, opts.concurrency ?? 8);
  const batch = opts.batchSize ?? concurrency * 4;
  const maxAttempts = opts.maxAttempts ?? 8;
  // One global pace per platform, at the rate its adapter declares.
  const limiters = new Map<Platform, RateLimiter>();
  const limiter = (adapter: PlatformAdapter) => {
    let l = limiters.get(adapter.platform);
    if (!l) {
      l = createRateLimiter(adapter.limits.sendRate);
      limiters.set(adapter.platform, l);
    }
    return l;
  };
  const log = opts.logger;

  async function deliverOne(item: OutboxItem, report: DeliveryReport): Promise<void> {
    const fields = { outbox: item.id, subscription: item.subscriptionId, period: item.periodKey, chat: item.target.id };
    const adapter = Object.hasOwn(opts.adapters, item.target.platform)
      ? opts.adapters[item.target.platform]
      : undefined;
    if (!adapter) {
      log.warn("no adapter for platform; post waits", { ...fields, platform: item.target.platform });
      await opts.store.markRetry(item.id, owner, `no ${item.target.platform} adapter`, later(5 * 60_000));
      return;
    }
    const quietEnd = quietUntil(opts.clock.now(), item.quiet);
    if (quietEnd) {
      await opts.store.holdUntil(item.id, owner, quietEnd);
      log.info("post held for quiet hours", { ...fields, until: quietEnd.toISOString() });
      report.held = (report.held ?? 0) + 1;
      opts.onOutcome?.(item, "held");
      return;
    }
    await limiter(adapter).take();
    let result: SendResult;
    try {
      result = await adapter.send(item.target, await drawn(item));
    } catch (err) {
      result = { ok: false, permanent: false, error: messageOf(err) };
    }
    const answeredAt = performance.now();
    if (result.ok) {
      const recorded = await opts.store.markSent(item.id, owner, result.messageIds, opts.clock.now());
      const window = performance.now() - answeredAt;
      const w = report.ackWindowMs;
      w.mean = (w.mean * w.count + window) / (w.count + 1);
      w.count++;
      w.max = Math.max(w.max, window);
      if (!recorded) log.warn("post sent but already recorded by another process", fields);
      report.sent++;
      opts.onOutcome?.(item, "sent");
      return;
    }
    if (result.permanent) {
      await opts.store.markFailed(item.id, owner, result.error);
      await opts.store.markChatInactive(item.chatId, result.error, opts.clock.now());
      log.warn("chat refused the bot permanently; marked inactive", { ...fields, error: result.error });
      report.inactive++;
      opts.onOutcome?.(item, "inactive");
      return;
    }
    const attempts = item.attempts + 1;
    if (result.rejected || attempts >= maxAttempts) {
      await opts.store.markFailed(item.id, owner, result.error);
      const msg = result.rejected ? "post refused by the platform; given up" : "post given up after repeated failures";
      log.error(msg, { ...fields, attempts, error: result.error });
      report.failed++;
      opts.onOutcome?.(item, "failed");
      await notifyChat(adapter, item, result.error);
      return;
    }
    const delay = sendRetryDelay(attempts, result.retryAfterMs, opts.backoff);
    await opts.store.markRetry(item.id, owner, result.error, later(delay));
    log.warn("post send failed; will retry", { ...fields, attempts, retryInMs: delay, error: result.error });
    report.retried++;
    opts.onOutcome?.(item, "retry");
  }

  /** The reply as sent: its chart drawn as its picture, or left out (logged) when it cannot be drawn. */
  async function drawn(item: OutboxItem): Promise<Reply> {
    const { chart, ...reply } = item.reply;
    if (!chart) return item.reply;
    const fields = { outbox: item.id, subscription: item.subscriptionId, chat: item.target.id };
    if (!opts.pictures) {
      log.warn("no picture renderer; the post goes without its chart", fields);
      return reply;
    }
    try {
      return { ...reply, picture: await opts.pictures.render(chart) };
    } catch (err) {
      log.error("chart of a post failed; the text goes alone", { ...fields, error: messageOf(err) });
      return reply;
    }
  }

  /** One short notice to the chat; a failure to deliver it is only logged (the chat may be unreachable). */
  async function notifyChat(adapter: PlatformAdapter, item: OutboxItem, error: string): Promise<void> {
    try {
      const r = await adapter.send(item.target, failureNotice(item, error));
      if (!r.ok) log.warn("failure notice not delivered", { outbox: item.id, chat: item.target.id, error: r.error });
    } catch (err) {
      log.warn("failure notice not delivered", { outbox: item.id, chat: item.target.id, error: String(err) });
    }
  }

  function later(ms: number): Date {
    return new Date(opts.clock.now().getTime() + ms);
  }

  async function deliverDue(): Promise<DeliveryReport> {
    const report: DeliveryReport = {
      sent: 0,
      retried: 0,
      failed: 0,
      inactive: 0,
      held: 0,
      ackWindowMs: { count: 0, max: 0, mean: 0 },
    };
    // Bounded: every row leaves the claimable set after one attempt (sent, failed or backed off).
    for (let round = 0; round < 10_000; round++) {
      const items = await opts.store.claimOutbox(owner, opts.clock.now(), leaseMs, batch);
      if (items.length === 0) break;
      let next = 0;
      const worker = async () => {
        while (next < items.length) {
          const item = items[next++];
          if (!item) break;
          try {
            await deliverOne(item, report);
          } catch (err) {
            // A store failure: the lease expires and the row is retried by whoever claims it next.
            log.error("delivery bookkeeping failed", { outbox: item.id, error: String(err) });
          }
        }
      };
      await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
    }
    return report;
  }

  return { deliverDue, owner };
}
