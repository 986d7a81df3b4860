/**
 * Two bot instances (two stores with their own connection pools, two schedulers, two delivery loops) on
 * one PostgreSQL database tick at the same moments through several days: every period is delivered once
 * between them. Runs only under scripts/test-pg.sh (TEST_PG_URL).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { silentLogger } from "../../src/core/logger.ts";
import { createDelivery } from "../../src/outbox/delivery.ts";
import { createDigestScheduler, type DigestScheduler } from "../../src/schedule/digest-scheduler.ts";
import { createStore, type Store } from "../../src/store/index.ts";
import { limits } from "../fakes/limits.ts";
import { type RecordingSender, recordingSender } from "../fakes/recording-sender.ts";
import { FakeClock, topics } from "../helpers/world.ts";
import { freshDatabase, type TestDatabase } from "../store/backends.ts";

const SUBS = 40;

describe.skipIf(!process.env.TEST_PG_URL)("two instances on one PostgreSQL", () => {
  let tdb: TestDatabase;
  const stores: Store[] = [];
  const senders: RecordingSender[] = [];
  const schedulers: DigestScheduler[] = [];
  const clock = new FakeClock("2026-11-23T05:00:00Z");

  beforeAll(async () => {
    tdb = await freshDatabase("postgresql");
    for (let i = 0; i < 2; i++) {
      const store = await createStore(tdb.url, silentLogger);
      const sender = recordingSender("telegram");
      const delivery = createDelivery({
        store,
        adapters: { telegram: sender },
        clock,
        logger: silentLogger,
        owner: `instance-${i}`,
        concurrency: 4,
      });
      stores.push(store);
      senders.push(sender);
      schedulers.push(
        createDigestScheduler({
          store,
          delivery,
          topics,
          limits,
          clock,
          logger: silentLogger,
          sendEmptyDigest: true,
          batchSize: 7,
        }),
      );
    }
    const zones = ["Europe/Paris", "Europe/Moscow", "Asia/Almaty"];
    for (let i = 0; i < SUBS; i++) {
      await (stores[0] as Store).addSubscription({
        chat: { platform: "telegram", id: `-77${i}`, type: "group" },
        kind: "digest",
        time: "08:00",
        timezone: zones[i % zones.length] as string,
      });
    }
  }, 60_000);

  afterAll(async () => {
    for (const s of stores) await s.close();
    await tdb?.drop();
  });

  it("delivers each period once between them", async () => {
    const end = Date.parse("2026-11-26T08:00:00Z");
    while (clock.now().getTime() < end) {
      clock.advance(60 * 60_000);
      await Promise.all(schedulers.map((s) => s.tick()));
    }
    const all = senders.flatMap((s) => s.sent.map((m) => `${m.target.id}|${m.reply.title}`));
    expect(new Set(all).size).toBe(all.length);
    // First tick 06:00Z: Paris (08:00 = 07:00Z) gets 23–26 November, Moscow (05:00Z) and Almaty (03:00Z)
    // 24–26 November.
    const paris = Math.ceil(SUBS / 3);
    const expected = paris * 4 + (SUBS - paris) * 3;
    expect(all).toHaveLength(expected);
    // Both instances took part in the fan-out.
    expect(senders.every((s) => s.sent.length > 0)).toBe(true);
    const rows = await (stores[1] as Store).outboxRows();
    expect(rows).toHaveLength(expected);
    expect(rows.every((r) => r.status === "sent")).toBe(true);
  }, 120_000);
});
