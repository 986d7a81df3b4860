/**
 * Fan-out benchmark through the whole delivery path: subscriptions → digest scheduler (plans one digest per
 * chat into the outbox) → delivery → the Telegram adapter's send() (its per-chat / per-group / global send
 * queue) → grammY → the fake Bot API on 127.0.0.1 enforcing Telegram's limits with 429 + retry_after.
 * Reports the achieved rate as a share of the allowed 30 messages/s, messages lost and 429s left unhandled.
 * The store-side ceiling (no platform limit) comes from bench/fanout.ts, run as a child process.
 */
import { execFile } from "node:child_process";
import { createTelegramAdapter } from "../src/adapters/telegram/index.ts";
import { topicInfos } from "../src/analysis/topic-info.ts";
import { silentLogger } from "../src/core/logger.ts";
import type { BotCore } from "../src/core/platform.ts";
import { createDelivery } from "../src/outbox/delivery.ts";
import { platformLimits } from "../src/platforms.ts";
import { createDigestScheduler } from "../src/schedule/digest-scheduler.ts";
import { applyMigrations, createStore } from "../src/store/index.ts";
import { startFakeTelegram } from "../test/fakes/telegram-api.ts";
import { seedSqlite } from "./seed-rows.ts";

/** Telegram's published limits, as the fake enforces them. */
export const TELEGRAM_LIMITS = {
  perChat: { max: 1, windowMs: 1000 },
  perGroup: { max: 20, windowMs: 60_000 },
  global: { max: 30, windowMs: 1000 },
};

export interface FanoutResult {
  chats: number;
  messages: number;
  seconds: number;
  perSecond: number;
  allowedPerSecond: number;
  /** Chats that got nothing. */
  lost: number;
  /** 429s the fake answered (each retried by auto-retry). */
  handled429: number;
  /** Rows the delivery gave up on or still had to retry after the run. */
  unhandled: number;
}

/** Sends one digest to `chats` chats (half groups, half private) on a SQLite store at `url` (empty). */
export async function benchFanoutTelegram(url: string, chats: number): Promise<FanoutResult> {
  await applyMigrations(url, silentLogger);
  seedSqlite(url, 2000); // gives the digest real stories of the last day
  const store = await createStore(url, silentLogger, { migrate: false });
  const fake = await startFakeTelegram({ rateLimit: TELEGRAM_LIMITS });
  const core: BotCore = {
    commands: [],
    handle: async () => ({ lines: [] }),
    complete: async () => [],
    logger: silentLogger,
  };
  const adapter = createTelegramAdapter({
    token: fake.token,
    apiRoot: fake.apiRoot,
    core,
    logger: silentLogger,
    owners: [],
    // The adapter's send queue paces to Telegram's limits; the delivery adds no pace of its own here.
    sendRate: 0,
  });
  try {
    for (let i = 0; i < chats; i++) {
      const group = i % 2 === 0;
      await store.addSubscription({
        chat: { platform: "telegram", id: group ? `-100${i}` : `${5000 + i}`, type: group ? "group" : "private" },
        kind: "digest",
        time: "08:00",
        timezone: "Europe/Paris",
      });
    }
    let now = new Date("2025-11-21T06:00:00Z");
    const clock = { now: () => now };
    const delivery = createDelivery({
      store,
      adapters: { telegram: adapter },
      clock,
      logger: silentLogger,
      concurrency: 32,
      // Rows per claim round; larger rounds hit a bound-parameter limit in the outbox claim query (see report).
      batchSize: 64,
    });
    const topics = topicInfos();
    const opts = { store, topics, limits: platformLimits(), clock, logger: silentLogger, sendEmptyDigest: true };
    const idle = {
      owner: "plan-only",
      deliverDue: async () => ({
        sent: 0,
        retried: 0,
        failed: 0,
        inactive: 0,
        ackWindowMs: { count: 0, max: 0, mean: 0 },
      }),
    };
    await createDigestScheduler({ ...opts, delivery: idle }).tick();
    now = new Date("2025-11-21T07:00:00Z");
    const planned = await createDigestScheduler({ ...opts, delivery: idle }).tick();
    if (planned.planned !== chats) throw new Error(`planned ${planned.planned} digests for ${chats} chats`);
    const t = performance.now();
    const report = await delivery.deliverDue();
    const seconds = (performance.now() - t) / 1000;
    const sent = fake.sent("sendMessage");
    const reached = new Set(sent.map((c) => String(c.payload.chat_id)));
    return {
      chats,
      messages: sent.length,
      seconds,
      perSecond: sent.length / seconds,
      allowedPerSecond: TELEGRAM_LIMITS.global.max,
      lost: chats - reached.size,
      handled429: fake.rateLimited,
      unhandled: report.retried + report.failed,
    };
  } finally {
    await store.close();
    await fake.close();
  }
}

/** Runs bench/fanout.ts (store + outbox only, no platform limit) and returns its messages/s, or null. */
export function storeFanoutCeiling(subs: number): Promise<number | null> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [
        "--import",
        "tsx",
        "bench/fanout.ts",
        "--subs",
        String(subs),
        "--rate",
        "0",
        "--latency",
        "0",
        "--concurrency",
        "16",
      ],
      { timeout: 300_000 },
      (err, stdout) => {
        const m = /throughput\s+([\d.]+)/.exec(stdout);
        resolve(err || !m ? null : Number(m[1]));
      },
    );
  });
}
