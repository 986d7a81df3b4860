/**
 * Fan-out benchmark (not a test): plans one digest for N subscriptions and delivers them through a fake
 * platform with a fixed latency, then reports messages per second against the configured global limit,
 * and the duplicate window (platform answer → outbox record).
 *
 *   npx tsx bench/fanout.ts [--subs 1000] [--rate 25] [--concurrency 8] [--latency 50] [--db URL]
 *
 * `--rate 0` removes the global limit, which shows what the store alone sustains. The default database is
 * a fresh SQLite file in the temp directory; pass a postgresql:// URL of an empty database to measure it.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { telegramLimits } from "../src/adapters/telegram/limits.ts";
import { topicInfos } from "../src/analysis/topic-info.ts";
import { silentLogger } from "../src/core/logger.ts";
import type { PlatformAdapter } from "../src/core/platform.ts";
import { createDelivery } from "../src/outbox/delivery.ts";
import { platformLimits } from "../src/platforms.ts";
import { createDigestScheduler } from "../src/schedule/digest-scheduler.ts";
import { createStore } from "../src/store/index.ts";

const { values } = parseArgs({
  options: {
    subs: { type: "string", default: "1000" },
    rate: { type: "string", default: "25" },
    concurrency: { type: "string", default: "8" },
    latency: { type: "string", default: "50" },
    db: { type: "string" },
  },
});
const subs = Number(values.subs);
const rate = Number(values.rate);
const concurrency = Number(values.concurrency);
const latency = Number(values.latency);
const dir = values.db ? null : mkdtempSync(join(tmpdir(), "newsbot-fanout-"));
const url = values.db ?? `file:${join(dir ?? ".", "fanout.db")}`;

const store = await createStore(url, silentLogger);
for (let i = 0; i < subs; i++) {
  await store.addSubscription({
    chat: { platform: "telegram", id: `-900${i}`, type: "group" },
    kind: "digest",
    time: "08:00",
    timezone: "Europe/Paris",
  });
}
let inFlight = 0;
let peak = 0;
const platform: PlatformAdapter = {
  platform: "telegram",
  limits: telegramLimits(rate),
  async start() {},
  async stop() {},
  async send() {
    inFlight++;
    peak = Math.max(peak, inFlight);
    await new Promise((r) => setTimeout(r, latency));
    inFlight--;
    return { ok: true, messageIds: ["1"] };
  },
};
let now = new Date("2026-11-23T06:00:00Z");
const clock = { now: () => now };
const delivery = createDelivery({
  store,
  adapters: { telegram: platform },
  clock,
  logger: silentLogger,
  concurrency,
});
const topics = topicInfos();
const limits = platformLimits();
const scheduler = createDigestScheduler({
  store,
  delivery,
  topics,
  limits,
  clock,
  logger: silentLogger,
  sendEmptyDigest: true,
});
await scheduler.tick();
now = new Date("2026-11-23T07:00:00Z");

// Plan first (no adapter), then time the delivery alone.
const planOnly = createDigestScheduler({
  store,
  delivery: {
    owner: "plan-only",
    deliverDue: async () => ({
      sent: 0,
      retried: 0,
      failed: 0,
      inactive: 0,
      ackWindowMs: { count: 0, max: 0, mean: 0 },
    }),
  },
  topics,
  limits,
  clock,
  logger: silentLogger,
  sendEmptyDigest: true,
});
const t0 = performance.now();
const planned = await planOnly.tick();
const t1 = performance.now();
const report = await delivery.deliverDue();
const t2 = performance.now();

const perSecond = report.sent / ((t2 - t1) / 1000);
const lines = [
  `subscriptions        ${subs}`,
  `database             ${store.provider}`,
  `planned              ${planned.planned} posts in ${((t1 - t0) / 1000).toFixed(2)} s (${(planned.planned / ((t1 - t0) / 1000)).toFixed(0)}/s)`,
  `delivered            ${report.sent} in ${((t2 - t1) / 1000).toFixed(2)} s`,
  `throughput           ${perSecond.toFixed(1)} messages/s (limit ${rate > 0 ? `${rate}/s` : "none"}; Telegram allows ~30/s, Discord 50/s)`,
  `concurrency          ${concurrency} (peak in flight ${peak}), platform latency ${latency} ms`,
  `ack window           mean ${report.ackWindowMs.mean.toFixed(2)} ms, max ${report.ackWindowMs.max.toFixed(2)} ms (answer → outbox record)`,
];
process.stdout.write(`${lines.join("\n")}\n`);
await store.close();
if (dir) rmSync(dir, { recursive: true, force: true });
