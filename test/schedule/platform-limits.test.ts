/**
 * A platform's numbers come from its adapter: the digest composer and the outbox take the limits they are
 * given, so a new platform needs no edit outside its folder and the composition root. Shown with a made-up
 * platform, "pager": tiny posts, every character counted twice, 20 messages a second.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PlatformLimits } from "../../src/core/platform.ts";
import { lineText } from "../../src/core/reply.ts";
import { createDelivery } from "../../src/outbox/delivery.ts";
import { createDigestScheduler } from "../../src/schedule/digest-scheduler.ts";
import { limits } from "../fakes/limits.ts";
import { type RecordingSender, recordingSender } from "../fakes/recording-sender.ts";
import { addArticle, openWorld, topics, type World } from "../helpers/world.ts";

const pager: PlatformLimits = { messageBudget: 400, lineCost: (l) => 2 * lineText(l).length + 1, sendRate: 20 };
const PAGER_CHATS = ["p1", "p2", "p3", "p4"];

describe("platform limits passed in by the composition root", () => {
  let w: World;
  let pagerSender: RecordingSender;
  let telegram: RecordingSender;
  /** performance.now() of each accepted pager send, in order. */
  const pagerTimes: number[] = [];

  beforeAll(async () => {
    w = await openWorld("sqlite", "2026-11-23T05:00:00Z");
    pagerSender = recordingSender("pager", () => pagerTimes.push(performance.now()), pager);
    telegram = recordingSender("telegram");
    const delivery = createDelivery({
      store: w.store,
      adapters: { telegram, pager: pagerSender },
      clock: w.clock,
      logger: w.logs,
    });
    const scheduler = createDigestScheduler({
      store: w.store,
      delivery,
      topics,
      limits: { ...limits, pager },
      clock: w.clock,
      logger: w.logs,
    });
    const chats = [
      { platform: "telegram", id: "-1" },
      ...PAGER_CHATS.map((id) => ({ platform: "pager", id })),
      // A platform no adapter declared: its chat's posts cannot be composed.
      { platform: "gone", id: "g1" },
    ];
    for (const c of chats) {
      await w.store.addSubscription({
        chat: { ...c, type: "group" },
        kind: "digest",
        time: "08:00",
        timezone: "Europe/Paris",
      });
    }
    for (let i = 0; i < 12; i++) {
      await addArticle(w, {
        title: `Le corridor numéro ${i} entre Astana et Moscou avance selon les deux ministères`,
        at: `2026-11-23T05:${String(10 + i).padStart(2, "0")}:00Z`,
        topics: ["energie"],
      });
    }
    await scheduler.tick();
    w.clock.set("2026-11-23T07:00:00Z");
    await scheduler.tick();
  });
  afterAll(async () => w.close());

  it("composes each chat's digest within its platform's budget, measured with its line cost", () => {
    const post = pagerSender.to("p1")[0]?.reply;
    if (!post) throw new Error("no pager digest");
    const cost = (post.title?.length ?? 0) + post.lines.reduce((n, l) => n + pager.lineCost(l), 0);
    expect(cost).toBeLessThanOrEqual(pager.messageBudget);
    const storiesOf = (text: string) => text.split("\n").filter((l) => l.startsWith("• ")).length;
    const onPager = storiesOf(pagerSender.to("p1")[0]?.text ?? "");
    expect(onPager).toBeGreaterThan(0);
    expect(pagerSender.to("p1")[0]?.text).toContain(`… et ${12 - onPager} autres sujets : /latest`);
    // The same news on Telegram, whose budget is ten times larger and counts each character once, shows all.
    expect(storiesOf(telegram.to("-1")[0]?.text ?? "")).toBe(12);
  });

  it("paces the sends to a platform at the rate its adapter declares", () => {
    expect(pagerSender.sent.map((m) => m.target.id).sort()).toEqual(PAGER_CHATS);
    // 20 per second: the first goes at once, each next one at least 50 ms after the previous slot, so four
    // sends span at least 150 ms (timers may fire a millisecond early). Unpaced, they would take a few ms.
    const span = (pagerTimes.at(-1) ?? 0) - (pagerTimes[0] ?? 0);
    expect(span).toBeGreaterThanOrEqual(147);
  });

  it("logs a chat on a platform without limits, by name, and still serves the others", async () => {
    const failed = w.logs.entries.filter((e) => e.level === "error" && e.msg === "planning a subscription failed");
    expect(failed).toHaveLength(1);
    expect(String(failed[0]?.fields.error)).toContain('no limits known for platform "gone"');
    expect(telegram.sent).toHaveLength(1);
    expect((await w.store.outboxRows()).map((r) => r.status)).toEqual(Array(5).fill("sent"));
  });
});
