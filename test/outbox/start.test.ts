import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startScheduledDelivery } from "../../src/schedule/delivery-service.ts";
import { limits } from "../fakes/limits.ts";
import { recordingSender } from "../fakes/recording-sender.ts";
import { openWorld, subscribe, topics, type World } from "../helpers/world.ts";

describe("startScheduledDelivery on SQLite", () => {
  let w: World;
  beforeAll(async () => {
    w = await openWorld("sqlite", "2026-11-23T06:00:00Z", { scheduler: { sendEmptyDigest: true } });
  });
  afterAll(async () => w.close());

  it("resends at once a post a killed process had claimed but not sent", async () => {
    await subscribe(w, "-9"); // schedules 08:00 Paris
    w.clock.set("2026-11-23T07:00:00Z");
    // Plan without delivering, then a "dead" process takes the lease for an hour.
    const sub = (await w.store.subscriptionsOfChat("telegram", "-9"))[0];
    if (!sub) throw new Error("no subscription");
    await w.store.planPost(
      {
        subscriptionId: sub.id,
        periodKey: "digest:2026-11-23",
        reply: { title: "Revue", lines: [] },
        coveredUntil: w.clock.now(),
      },
      sub.nextDueAt,
      new Date("2026-11-24T07:00:00Z"),
      w.clock.now(),
    );
    expect(await w.store.claimOutbox("dead-process", w.clock.now(), 3_600_000, 10)).toHaveLength(1);

    const telegram = recordingSender("telegram");
    const running = await startScheduledDelivery({
      store: w.store,
      adapters: { telegram },
      topics,
      limits,
      clock: w.clock,
      logger: w.logs,
      scheduler: { cron: "0 0 1 1 *" },
    });
    await running.scheduler.tick();
    await running.stop();
    expect(telegram.sent.map((m) => m.reply.title)).toEqual(["Revue"]);
    expect((await w.store.outboxRows()).map((r) => r.status)).toEqual(["sent"]);
  });
});
