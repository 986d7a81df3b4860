/**
 * The subscription scheduler: a node-cron tick (every minute by default) that
 * 1. computes the next due time of new or changed subscriptions (the schedule is data: `nextDueAt`),
 * 2. plans each due subscription once: composes its post, then writes it to the outbox and advances
 *    `nextDueAt` in one transaction (a conditional update, so several processes plan a period once);
 *    after downtime a digest is caught up once, daily anniversaries once per missed day (./periods.ts);
 *    alerts due in the chat's quiet hours wait for their end (other posts are held in the outbox),
 * 3. delivers the outbox (src/outbox/delivery.ts).
 * Ticks never overlap; a failing tick is logged, never fatal. `tick()` is public so tests drive a fake clock.
 */
import cron from "node-cron";
import type { TopicInfo } from "../core/command.ts";
import type { DeliveryStore, DigestQueries, SubscriptionRecord } from "../core/delivery.ts";
import type { Clock, Logger } from "../core/logger.ts";
import type { PlatformLimitsTable } from "../core/platform.ts";
import { quietHoursOf, quietUntil } from "../core/quiet-hours.ts";
import type { Reply } from "../core/reply.ts";
import { buildPost } from "../digest/build.ts";
import type { Delivery, DeliveryReport } from "../outbox/delivery.ts";
import { duePeriods, firstWindowStart, nextDueFor } from "./periods.ts";
import { weekChart } from "./week-chart.ts";

export interface DigestSchedulerOptions {
  store: DeliveryStore;
  delivery: Delivery;
  topics: TopicInfo[];
  /** Every platform's limits by id: each post is composed to fit its chat's platform. */
  limits: PlatformLimitsTable;
  clock: Clock;
  logger: Logger;
  /** node-cron expression of the tick (default every minute). */
  cron?: string;
  /** Post digests even when nothing arrived (default false). */
  sendEmptyDigest?: boolean;
  /** Alert subscriptions are checked on this grid (default 15 minutes). */
  alertEveryMinutes?: number;
  /** Subscriptions planned per batch (default 200). */
  batchSize?: number;
}

export interface TickReport {
  scheduled: number;
  planned: number;
  /** Due periods with nothing to send (no empty digest). */
  skipped: number;
  /** Due periods another process planned first. */
  lost: number;
  delivery: DeliveryReport;
}

export interface DigestScheduler {
  /** Plans what is due and delivers the outbox, once. Concurrent calls share the running tick. */
  tick(): Promise<TickReport>;
  /** Starts the cron tick (and runs one tick at once, which catches up on downtime). */
  start(): void;
  /** Stops the cron and waits for a running tick. */
  stop(): Promise<void>;
}

/** Creates the scheduler; nothing runs until `start()` or `tick()`. */
export function createDigestScheduler(opts: DigestSchedulerOptions): DigestScheduler {
  const { store, clock, logger } = opts;
  const alertEvery = opts.alertEveryMinutes ?? 15;
  const batchSize = opts.batchSize ?? 200;
  const expr = opts.cron ?? "* * * * *";
  if (!cron.validate(expr)) throw new Error(`digest cron is not a valid cron expression: ${expr}`);

  async function schedulePending(now: Date): Promise<number> {
    let n = 0;
    for (let round = 0; round < 1000; round++) {
      const subs = await store.unscheduledSubscriptions(batchSize);
      if (subs.length === 0) break;
      for (const s of subs) {
        // A new subscription counts from when it was made: `/subscribe digest 08:59` typed at 08:58:40 is due
        // at 08:59 even when the tick that first sees it runs at 08:59:00. A changed one counts from now.
        const after = s.lastPeriodKey === null && s.createdAt < now ? new Date(s.createdAt.getTime() - 1) : now;
        if (await store.setNextDue(s.id, null, nextDueFor(s, after, alertEvery))) n++;
      }
      if (subs.length < batchSize) break;
    }
    return n;
  }

  /** Anniversaries depend only on the day: read once per tick, not once per subscription. */
  function tickQueries(): DigestQueries {
    const memo = new Map<string, ReturnType<DigestQueries["onThisDay"]>>();
    return {
      storiesArrived: (...a) => store.storiesArrived(...a),
      quotesArrived: (...a) => store.quotesArrived(...a),
      ...(store.coverage ? { coverage: store.coverage } : {}),
      onThisDay(month, day, year, limit, topics = [], languages = []) {
        const key = `${month}-${day}-${year}-${limit}-${[...topics].sort().join(",")}-${[...languages].sort().join(",")}`;
        let p = memo.get(key);
        if (!p) {
          p = store.onThisDay(month, day, year, limit, topics, languages);
          memo.set(key, p);
        }
        return p;
      },
    };
  }

  async function planOne(
    sub: SubscriptionRecord,
    now: Date,
    report: TickReport,
    queries: DigestQueries,
  ): Promise<void> {
    const quietEnd = sub.kind === "alerts" ? quietUntil(now, quietHoursOf(sub.chat)) : null;
    if (quietEnd) {
      // Alerts wait for the end of the chat's quiet hours: their window keeps growing, so one alert covers it.
      if (await store.setNextDue(sub.id, sub.nextDueAt, quietEnd)) report.skipped++;
      else report.lost++;
      return;
    }
    const { periods, skipped } = duePeriods(sub, now, alertEvery);
    if (skipped > 0)
      logger.warn("missed anniversary days beyond the catch-up limit skipped", { subscription: sub.id, skipped });
    let expected = sub.nextDueAt;
    for (const [i, period] of periods.entries()) {
      const window = { from: sub.coveredUntil ?? firstWindowStart(sub, period, alertEvery), to: now };
      let reply = await buildPost(sub, period.localDate, window, {
        queries,
        topics: opts.topics,
        limits: opts.limits,
        sendEmptyDigest: opts.sendEmptyDigest,
      });
      if (reply) reply = await withWeekChart(sub, period.localDate, reply, queries);
      // Missed days are chained: each plan moves nextDueAt to the next missed occurrence, the last one to the future.
      const next = periods[i + 1]?.at ?? nextDueFor(sub, now, alertEvery);
      const won = await store.planPost(
        { subscriptionId: sub.id, periodKey: period.key, reply, coveredUntil: now },
        expected,
        next,
        now,
      );
      logger.debug("subscription planned", { subscription: sub.id, period: period.key, won, empty: !reply });
      if (!won) {
        report.lost++;
        return;
      }
      if (reply) report.planned++;
      else report.skipped++;
      expected = next;
    }
  }

  /** The week's chart with a weekly digest that asks for it; the digest goes alone when the chart cannot be built. */
  async function withWeekChart(sub: SubscriptionRecord, day: string, reply: Reply, queries: DigestQueries) {
    try {
      const chart = await weekChart(sub, day, queries, opts.topics);
      return chart ? { ...reply, chart } : reply;
    } catch (err) {
      logger.error("week chart failed; the digest goes without it", { subscription: sub.id, error: err });
      return reply;
    }
  }

  async function planDue(now: Date, report: TickReport): Promise<void> {
    const seen = new Set<number>();
    const queries = tickQueries();
    for (let round = 0; round < 1000; round++) {
      const due = (await store.dueSubscriptions(now, batchSize)).filter((s) => !seen.has(s.id));
      if (due.length === 0) break;
      for (const sub of due) {
        seen.add(sub.id);
        try {
          await planOne(sub, now, report, queries);
        } catch (err) {
          logger.error("planning a subscription failed", { subscription: sub.id, error: String(err) });
        }
      }
    }
  }

  let running: Promise<TickReport> | null = null;
  async function runTick(): Promise<TickReport> {
    const now = clock.now();
    const report: TickReport = {
      scheduled: 0,
      planned: 0,
      skipped: 0,
      lost: 0,
      delivery: { sent: 0, retried: 0, failed: 0, inactive: 0, held: 0, ackWindowMs: { count: 0, max: 0, mean: 0 } },
    };
    report.scheduled = await schedulePending(now);
    await planDue(now, report);
    report.delivery = await opts.delivery.deliverDue();
    return report;
  }

  function tick(): Promise<TickReport> {
    if (running) return running;
    running = runTick().finally(() => {
      running = null;
    });
    return running;
  }

  let task: ReturnType<typeof cron.schedule> | null = null;
  const safeTick = () =>
    tick().catch((err: unknown) => {
      logger.error("digest tick failed", { error: err });
    });

  return {
    tick,
    start() {
      if (task) return;
      task = cron.schedule(expr, () => {
        void safeTick();
      });
      void safeTick();
    },
    async stop() {
      if (task) await task.stop();
      task = null;
      if (running) await running.catch(() => undefined);
    },
  };
}
