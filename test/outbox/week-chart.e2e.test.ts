/**
 * Weekly digests with the week's coverage chart (`/subscribe digest weekly chart`), end to end: planned by the
 * scheduler (the outbox keeps the chart's specification), drawn by the delivery and sent through the real
 * adapters — Telegram `sendPhoto` (multipart, the digest as caption and follow-up) against the fake Bot API,
 * Discord an attachment shown by the embed against the fake Discord. Without the setting, or in a week without
 * an article, the digest goes as text alone; a chart that fails to draw never costs the digest.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTelegramAdapter } from "../../src/adapters/telegram/index.ts";
import type { BotCore } from "../../src/core/platform.ts";
import { createPictureRenderer } from "../../src/pictures/render.ts";
import { type Harness, startHarness } from "../adapters/discord/harness.ts";
import { type FakeTelegram, startFakeTelegram } from "../fakes/telegram-api.ts";
import { decodePng } from "../helpers/png.ts";
import { addArticle, openWorld, runUntil, type World } from "../helpers/world.ts";

const quiet = { debug() {}, info() {}, warn() {}, error() {}, child: () => quiet };
const core: BotCore = { commands: [], handle: async () => ({ lines: [] }), complete: async () => [], logger: quiet };
const group = (id: string) => ({ platform: "telegram" as const, id, type: "group" as const });
const channel = (id: string) => ({ platform: "discord" as const, id, type: "guild" as const });
const weekly = { kind: "digest" as const, frequency: "weekly" as const, time: "08:00", timezone: "Europe/Paris" };
const CHANNEL = "300000000000000011";

/** Three energy articles published in the week before Monday 23 November 2026, one diplomacy story on the Monday. */
async function addWeek(w: World): Promise<void> {
  const days = ["2026-11-17", "2026-11-19", "2026-11-19"];
  for (const [i, day] of days.entries()) {
    await addArticle(w, {
      title: `Astana relève ses livraisons d'électricité, épisode ${i + 1}`,
      at: `${day}T12:00:00Z`,
      published: `${day}T10:00:00Z`,
      topics: ["energie"],
    });
  }
  await addArticle(w, {
    title: "Consultations diplomatiques à Moscou sur la Caspienne",
    at: "2026-11-23T05:10:00Z",
    published: "2026-11-23T05:00:00Z",
    topics: ["diplomatie"],
  });
}

describe("weekly digests with the week's chart", () => {
  let fake: FakeTelegram;
  let h: Harness;
  let w: World;
  beforeAll(async () => {
    fake = await startFakeTelegram();
    h = await startHarness();
    const telegram = createTelegramAdapter({
      token: fake.token,
      apiRoot: fake.apiRoot,
      core,
      logger: quiet,
      owners: [],
      retry: { maxRetryAttempts: 2, maxDelaySeconds: 1 },
      sendLimits: { perChatIntervalMs: 0, perGroupPerMinute: 0, globalPerSecond: 0 },
    });
    w = await openWorld("sqlite", "2026-11-22T12:00:00Z", {
      delivery: {
        adapters: { telegram, discord: h.adapter },
        concurrency: 1,
        pictures: createPictureRenderer({ isolate: false }),
      },
    });
    await w.store.addSubscription({ chat: group("-2001"), ...weekly, chart: true });
    await w.store.addSubscription({ chat: group("-2002"), ...weekly });
    // Diplomacy only: its story was published on the Monday itself, so its week (16–22 November) is empty.
    await w.store.addSubscription({ chat: group("-2003"), ...weekly, topics: ["diplomatie"], chart: true });
    await w.store.addSubscription({ chat: channel(CHANNEL), ...weekly, chart: true, language: "en" });
    await addWeek(w);
    await runUntil(w, "2026-11-23T08:00:00Z");
  }, 120_000);
  afterAll(async () => {
    await w?.close();
    await h?.stop();
    await fake?.close();
  });

  it("Telegram: the subscription with the chart gets one photo, a PNG, with the digest as its caption", () => {
    const photos = fake.sent("sendPhoto", "-2001");
    expect(photos).toHaveLength(1);
    const file = photos[0]?.files[0];
    expect(file?.filename).toBe("week.png");
    const png = decodePng(new Uint8Array(file?.content ?? []));
    expect(png.width).toBeGreaterThan(1000);
    expect(file?.size).toBeLessThan(300 * 1024);
    expect(photos[0]?.text).toContain("Revue de la semaine");
    const all = [photos[0]?.text ?? "", ...fake.sent("sendMessage", "-2001").map((c) => c.text ?? "")].join("\n");
    expect(all).toContain("épisode 3");
    expect(all).toContain("Caspienne");
  });

  it("the outbox keeps the chart's specification, which counts the week's articles", async () => {
    const subs = await w.store.subscriptionsOfChat("telegram", "-2001");
    const [row] = await w.store.outboxRows({ subscriptionId: subs[0]?.id ?? -1 });
    expect(row?.status).toBe("sent");
    expect(row?.reply.chart?.alt).toBe("La semaine en articles: 3 articles");
    expect(row?.reply.picture).toBeUndefined();
  });

  it("Telegram: without the setting the digest is text alone", () => {
    expect(fake.sent("sendPhoto", "-2002")).toHaveLength(0);
    const texts = fake.sent("sendMessage", "-2002").map((c) => c.text ?? "");
    expect(texts).toHaveLength(1);
    expect(texts[0]).toContain("Revue de la semaine");
  });

  it("a week without an article sends no chart, only the digest", () => {
    expect(fake.sent("sendPhoto", "-2003")).toHaveLength(0);
    const texts = fake.sent("sendMessage", "-2003").map((c) => c.text ?? "");
    expect(texts).toHaveLength(1);
    expect(texts[0]).toContain("Caspienne");
  });

  it("Discord: the chart is uploaded with the digest and shown by its first embed", () => {
    const posts = h.fake.calls.filter((c) => c.method === "POST" && c.path.endsWith(`/${CHANNEL}/messages`));
    const first = posts[0];
    if (!first) throw new Error("nothing posted");
    const embeds = (first.body as { embeds: Array<{ title?: string; image?: { url?: string } }> }).embeds;
    expect(embeds[0]?.image?.url).toBe("attachment://week.png");
    const file = first.files.find((f) => f.filename === "week.png");
    expect(file?.contentType).toBe("image/png");
    expect(decodePng(new Uint8Array(file?.bytes ?? [])).width).toBeGreaterThan(1000);
    expect(JSON.stringify(posts.map((p) => p.body))).toContain("Weekly digest");
  });
});

describe("a chart that fails to draw", () => {
  let w: World;
  beforeAll(async () => {
    w = await openWorld("sqlite", "2026-11-22T12:00:00Z", {
      delivery: {
        pictures: {
          render: async () => {
            throw new Error("resvg exploded");
          },
        },
      },
    });
    await w.store.addSubscription({ chat: group("-2101"), ...weekly, chart: true });
    await addWeek(w);
    await runUntil(w, "2026-11-23T08:00:00Z");
  }, 60_000);
  afterAll(async () => {
    await w?.close();
  });

  it("still sends the digest as text, once, and logs why the chart is missing", async () => {
    const sent = w.telegram.sent.filter((m) => m.target.id === "-2101");
    expect(sent).toHaveLength(1);
    expect(sent[0]?.reply.picture).toBeUndefined();
    expect(sent[0]?.reply.chart).toBeUndefined();
    expect(sent[0]?.reply.title).toContain("Revue de la semaine");
    const logged = w.logs.entries.find((r) => r.msg === "chart of a post failed; the text goes alone");
    expect(logged?.level).toBe("error");
    expect(String(logged?.fields.error)).toContain("resvg exploded");
    expect((await w.store.outboxRows()).map((r) => r.status)).toEqual(["sent"]);
  });
});
