import { afterEach, describe, expect, it } from "vitest";
import { sendRetryDelay } from "../../src/core/backoff.ts";
import type { PlatformAdapter } from "../../src/core/platform.ts";
import { createDelivery } from "../../src/outbox/delivery.ts";
import { createRateLimiter } from "../../src/outbox/rate-limit.ts";
import { unpaced } from "../fakes/limits.ts";
import { group, openWorld, runUntil, subscribe, type World } from "../helpers/world.ts";

let w: World | undefined;
afterEach(async () => {
  await w?.close();
  w = undefined;
});

async function world(start = "2026-11-23T06:00:00Z") {
  w = await openWorld("sqlite", start, { scheduler: { sendEmptyDigest: true } });
  return w;
}

describe("outbox delivery", () => {
  it("retries a 429 no sooner than retry_after, then sends once", async () => {
    const w = await world();
    await subscribe(w, "-1");
    w.telegram.failNext({ ok: false, permanent: false, retryAfterMs: 120_000, error: "429: Too Many Requests" });
    w.clock.set("2026-11-23T07:00:00Z");
    const first = await w.scheduler.tick();
    expect(first.delivery.retried).toBe(1);
    expect(w.telegram.sent).toHaveLength(0);
    w.clock.advance(60_000);
    await w.scheduler.tick();
    expect(w.telegram.sent).toHaveLength(0);
    w.clock.advance(60_000);
    await w.scheduler.tick();
    expect(w.telegram.sent).toHaveLength(1);
    await runUntil(w, "2026-11-23T12:00:00Z", 10 * 60_000);
    expect(w.telegram.sent).toHaveLength(1);
  });

  it("backs off on 5xx and gives up after maxAttempts, with an error in the log", async () => {
    w = await openWorld("sqlite", "2026-11-23T06:00:00Z", {
      scheduler: { sendEmptyDigest: true },
      delivery: { maxAttempts: 3, backoff: { baseMs: 60_000, random: () => 0 } },
    });
    await w.store.addSubscription({ chat: group("-2"), kind: "digest", time: "08:00", timezone: "Europe/Paris" });
    w.telegram.failFor("-2", { ok: false, permanent: false, error: "502: Bad Gateway" });
    await runUntil(w, "2026-11-23T09:00:00Z", 60_000);
    // Three tries of the post, then one try of the failure notice (refused too: the chat keeps failing).
    expect(w.telegram.attempts).toBe(4);
    const rows = await w.store.outboxRows();
    expect(rows.map((r) => r.status)).toEqual(["failed"]);
    expect(w.logs.entries.some((e) => e.level === "error" && e.msg.includes("given up"))).toBe(true);
  });

  it("marks a chat that blocked the bot inactive and never retries it", async () => {
    const w = await world();
    await w.store.addSubscription({ chat: group("-3"), kind: "digest", time: "08:00", timezone: "Europe/Paris" });
    await w.store.addSubscription({ chat: group("-4"), kind: "digest", time: "08:00", timezone: "Europe/Paris" });
    w.telegram.failFor("-3", { ok: false, permanent: true, error: "403: Forbidden: bot was blocked by the user" });
    await runUntil(w, "2026-11-26T09:00:00Z", 60 * 60_000);
    expect(w.telegram.attempts - w.telegram.sent.length).toBe(1);
    // Created at 06:00Z, first tick 07:00Z: the first post is the next day's (24, 25, 26 November).
    expect(w.telegram.to("-4")).toHaveLength(3);
    expect((await w.store.findChat("telegram", "-3"))?.active).toBe(false);
    expect(w.logs.entries.some((e) => e.level === "warn" && e.msg.includes("marked inactive"))).toBe(true);
  });

  it("keeps a subscription's posts in period order across retries", async () => {
    const w = await world();
    await w.store.addSubscription({ chat: group("-5"), kind: "digest", time: "08:00", timezone: "Europe/Paris" });
    w.telegram.failFor("-5", { ok: false, permanent: false, retryAfterMs: 3 * 86_400_000, error: "503" });
    await runUntil(w, "2026-11-25T08:00:00Z", 60 * 60_000);
    expect(w.telegram.sent).toHaveLength(0);
    w.telegram.clear();
    w.clock.set("2026-11-27T12:00:00Z");
    await w.scheduler.tick();
    expect(w.telegram.to("-5").map((m) => m.reply.title)).toEqual([
      "Revue du 24 novembre 2026",
      "Revue du 25 novembre 2026",
      "Revue du 27 novembre 2026",
    ]);
  });

  it("never has more sends in flight than the fan-out concurrency", async () => {
    const w = await world();
    for (let i = 0; i < 30; i++) {
      await w.store.addSubscription({
        chat: group(`-10${i}`),
        kind: "digest",
        time: "08:00",
        timezone: "Europe/Paris",
      });
    }
    await w.scheduler.tick();
    let inFlight = 0;
    let peak = 0;
    let sent = 0;
    const slow: PlatformAdapter = {
      platform: "telegram",
      limits: unpaced("telegram"),
      async start() {},
      async stop() {},
      async send() {
        inFlight++;
        peak = Math.max(peak, inFlight);
        await new Promise((r) => setTimeout(r, 10));
        inFlight--;
        sent++;
        return { ok: true, messageIds: ["1"] };
      },
    };
    w.clock.set("2026-11-23T07:00:00Z");
    await w.scheduler.tick(); // plans with the default delivery (recording sender) …
    const rows = await w.db.outbox.updateMany({ data: { status: "pending", sentAt: null } });
    const d = createDelivery({
      store: w.store,
      adapters: { telegram: slow },
      clock: w.clock,
      logger: w.logs,
      concurrency: 3,
    });
    const report = await d.deliverDue(); // … and a second delivery resends them through the slow adapter
    expect(rows.count).toBe(30);
    expect(report.sent).toBe(30);
    expect(sent).toBe(30);
    expect(peak).toBe(3);
    expect(report.ackWindowMs.count).toBe(30);
  });
});

describe("rate limit and backoff", () => {
  it("spaces sends 1000/rate ms apart", async () => {
    let t = 0;
    const waits: number[] = [];
    const limiter = createRateLimiter(
      25,
      () => t,
      async (ms) => {
        waits.push(ms);
        t += ms;
      },
    );
    for (let i = 0; i < 5; i++) await limiter.take();
    expect(waits).toEqual([40, 40, 40, 40]);
  });

  it("grows exponentially, is capped, and honours retry_after", () => {
    const o = { baseMs: 1000, maxMs: 10_000, random: () => 0.999999 };
    expect([1, 2, 3, 4, 5, 6].map((n) => sendRetryDelay(n, undefined, o))).toEqual([
      1000, 2000, 4000, 8000, 10_000, 10_000,
    ]);
    expect(sendRetryDelay(1, 30_000, o)).toBe(30_000);
  });
});
