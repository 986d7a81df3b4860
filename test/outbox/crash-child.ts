/**
 * Child process for the crash test: opens the SQLite store, plans and delivers due posts at a fixed time
 * through a fake platform that appends every accepted message to a file (synchronously, so the file is
 * what the platform "received" even when this process is killed). Env:
 *   DB_URL, SEND_LOG, NOW (ISO), CONCURRENCY, SEND_DELAY_MS, KILL_AFTER_SENT (optional: SIGKILL itself
 *   right after the outbox recorded that many sends).
 */
import { appendFileSync } from "node:fs";
import { topicInfos } from "../../src/analysis/topic-info.ts";
import { silentLogger } from "../../src/core/logger.ts";
import type { PlatformAdapter } from "../../src/core/platform.ts";
import { createDelivery } from "../../src/outbox/delivery.ts";
import { createDigestScheduler } from "../../src/schedule/digest-scheduler.ts";
import { createStore } from "../../src/store/index.ts";
import { limits, unpaced } from "../fakes/limits.ts";

const env = (k: string) => {
  const v = process.env[k];
  if (!v) throw new Error(`${k} is not set`);
  return v;
};

const store = await createStore(env("DB_URL"), silentLogger);
await store.releaseAllClaims();
const delay = Number(process.env.SEND_DELAY_MS ?? "5");
const killAfter = Number(process.env.KILL_AFTER_SENT ?? "0");
const platform: PlatformAdapter = {
  platform: "telegram",
  limits: unpaced("telegram"),
  async start() {},
  async stop() {},
  async send(target, reply) {
    appendFileSync(env("SEND_LOG"), `${target.id}\t${reply.title ?? ""}\n`);
    await new Promise((r) => setTimeout(r, delay));
    return { ok: true, messageIds: ["1"] };
  },
};
const clock = { now: () => new Date(env("NOW")) };
let sent = 0;
const delivery = createDelivery({
  store,
  adapters: { telegram: platform },
  clock,
  logger: silentLogger,
  concurrency: Number(process.env.CONCURRENCY ?? "8"),
  onOutcome: (_item, outcome) => {
    if (outcome === "sent" && ++sent === killAfter) process.kill(process.pid, "SIGKILL");
  },
});
const topics = topicInfos();
const scheduler = createDigestScheduler({
  store,
  delivery,
  topics,
  limits,
  clock,
  logger: silentLogger,
  sendEmptyDigest: true,
});
const report = await scheduler.tick();
process.stdout.write(`${JSON.stringify(report)}\n`);
await store.close();
