/**
 * Scheduled digests through the real Discord adapter (discord.js) against the fake Discord: each channel
 * gets its posts in its language and time zone, the fake validates embed limits, and a channel where the
 * bot lost access is marked inactive after one attempt.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "../adapters/discord/harness.ts";
import { addArticle, local, openWorld, runUntil, type World } from "../helpers/world.ts";

const GENERAL = "300000000000000001";
const NEWS = "300000000000000002";
const WATCH = "300000000000000003";
const channel = (id: string) => ({ platform: "discord" as const, id, type: "guild" as const });

describe("digests through the Discord adapter and the fake Discord", () => {
  let h: Harness;
  let w: World;
  beforeAll(async () => {
    h = await startHarness();
    w = await openWorld("sqlite", "2026-11-23T00:30:00Z", { delivery: { adapters: { discord: h.adapter } } });
    await w.store.addSubscription({ chat: channel(GENERAL), kind: "digest", time: "09:00", timezone: "Asia/Almaty" });
    await w.store.addSubscription({
      chat: channel(NEWS),
      kind: "digest",
      time: "09:00",
      timezone: "Europe/Moscow",
      topics: ["energie"],
      language: "en",
    });
    await w.store.addSubscription({ chat: channel(WATCH), kind: "digest", time: "09:00", timezone: "Europe/Paris" });
    h.fake.forbidChannel(WATCH);
    await addArticle(w, {
      title: "Le Kazakhstan augmente ses exportations de charbon",
      at: "2026-11-23T01:00:00Z",
      topics: ["energie"],
    });
    await addArticle(w, {
      title: "Sommet bilatéral prévu à Orenbourg",
      at: "2026-11-23T02:00:00Z",
      topics: ["diplomatie"],
    });
    await runUntil(w, "2026-11-24T12:00:00Z");
  }, 60_000);
  afterAll(async () => {
    await w?.close();
    await h?.stop();
  });

  const bodies = (id: string) => h.fake.channelMessages(id).map((m) => JSON.stringify(m));

  it("posts each channel's digest once, in its language and with its topic filter", () => {
    const almaty = bodies(GENERAL);
    expect(almaty).toHaveLength(1);
    expect(almaty[0]).toContain("Revue du 23 novembre 2026");
    expect(almaty[0]).toContain("Orenbourg");
    const moscow = bodies(NEWS);
    expect(moscow).toHaveLength(1);
    expect(moscow[0]).toContain("Digest for November 23, 2026");
    expect(moscow[0]).toContain("charbon");
    expect(moscow[0]).not.toContain("Orenbourg");
  });

  it("posts at the local time of each time zone", async () => {
    const rows = await w.store.outboxRows({ status: "sent" });
    const at = (id: string) => rows.find((r) => r.target.id === id)?.sentAt ?? new Date(0);
    expect(local(at(GENERAL), "Asia/Almaty")).toBe("2026-11-23 09:00");
    expect(local(at(NEWS), "Europe/Moscow")).toBe("2026-11-23 09:00");
  });

  it("marks a channel where the bot lost access inactive", async () => {
    expect(h.fake.channelMessages(WATCH)).toHaveLength(0);
    expect((await w.store.findChat("discord", WATCH))?.active).toBe(false);
    const failed = await w.store.outboxRows({ status: "failed" });
    expect(failed.map((r) => r.target.id)).toEqual([WATCH]);
  });
});
