import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addArticle, local, openWorld, runUntil, type World } from "../helpers/world.ts";

const chat = (platform: "telegram" | "discord", id: string) => ({ platform, id, type: "group" as const });

describe("digest scheduler through days, DST and downtime (SQLite, fake clock)", () => {
  let w: World;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    w = await openWorld("sqlite", "2026-03-26T00:00:00Z");
    const s = w.store;
    ids.paris = (
      await s.addSubscription({
        chat: chat("telegram", "-1001"),
        kind: "digest",
        time: "08:00",
        timezone: "Europe/Paris",
      })
    ).id;
    ids.moscow = (
      await s.addSubscription({
        chat: chat("discord", "2002"),
        kind: "digest",
        time: "09:30",
        timezone: "Europe/Moscow",
        topics: ["energie"],
        language: "en",
      })
    ).id;
    ids.almaty = (
      await s.addSubscription({
        chat: chat("telegram", "-1003"),
        kind: "digest",
        frequency: "weekly",
        weekday: 1,
        time: "07:00",
        timezone: "Asia/Almaty",
      })
    ).id;
    ids.anniv = (
      await s.addSubscription({
        chat: chat("telegram", "-1004"),
        kind: "anniversaries",
        time: "10:00",
        timezone: "Europe/Paris",
      })
    ).id;

    const oil = await addArticle(w, {
      title: "Astana et Moscou prolongent l'accord sur le transit du pétrole",
      at: "2026-03-26T12:00:00Z",
      topics: ["energie"],
    });
    await addArticle(w, {
      title: "Transit du pétrole : l'accord prolongé de dix ans",
      at: "2026-03-26T14:00:00Z",
      topics: ["energie"],
      source: "Volga Presse",
      storyId: oil.storyId,
    });
    await addArticle(w, {
      title: "Le ministre kazakh des Affaires étrangères reçu à Moscou",
      at: "2026-03-27T10:00:00Z",
      topics: ["diplomatie"],
      quote: {
        text: "Notre partenariat repose sur la confiance et sur des intérêts bien compris",
        speaker: "Mourat Nourtleou",
      },
    });
    await addArticle(w, {
      title: "Gazoduc : reprise des négociations sur les tarifs",
      at: "2026-03-29T09:00:00Z",
      topics: ["energie"],
    });
    await addArticle(w, {
      title: "Coopération spatiale : bilan d'une année à Baïkonour",
      at: "2026-03-29T11:00:00Z",
      topics: ["diplomatie"],
      event: { start: "2025-03-30", summary: "signature de l'accord de coopération spatiale à Baïkonour" },
    });
    await runUntil(w, "2026-03-31T05:00:00Z");
  });
  afterAll(async () => w.close());

  it("posts the Paris daily digest at 08:00 local on both sides of the DST change, skipping empty days", () => {
    const got = w.telegram.to("-1001");
    expect(got.map((m) => m.reply.title)).toEqual([
      "Revue du 27 mars 2026",
      "Revue du 28 mars 2026",
      "Revue du 30 mars 2026",
    ]);
    const times = w.log.filter((m) => m.target.id === "-1001").map((m) => local(m.at, "Europe/Paris"));
    expect(times).toEqual(["2026-03-27 08:00", "2026-03-28 08:00", "2026-03-30 08:00"]);
    // One line per story with all its sources, not one per article.
    const first = got[0]?.text ?? "";
    expect(first.match(/transit du pétrole/gi)).toHaveLength(1);
    expect(first).toContain("Steppe Info, Volga Presse");
    expect(got[1]?.text).toContain("Citation du jour");
    expect(got[1]?.text).toContain("Mourat Nourtleou");
  });

  it("posts the Moscow subscription in English at 09:30 Moscow time with its topic filter", () => {
    const got = w.discord.to("2002");
    expect(got.map((m) => m.reply.title)).toEqual(["Digest for March 27, 2026", "Digest for March 30, 2026"]);
    expect(w.log.filter((m) => m.target.id === "2002").map((m) => local(m.at, "Europe/Moscow"))).toEqual([
      "2026-03-27 09:30",
      "2026-03-30 09:30",
    ]);
    expect(got.map((m) => m.text).join("\n")).not.toContain("ministre kazakh");
    expect(got[1]?.text).toContain("Gazoduc");
    expect(got[1]?.text).not.toContain("Baïkonour à");
  });

  it("posts the weekly Almaty digest once, on Monday 07:00 local, with the whole week", () => {
    const got = w.telegram.to("-1003");
    expect(got).toHaveLength(1);
    expect(got[0]?.reply.title).toBe("Revue de la semaine — 30 mars 2026");
    expect(local(w.log.find((m) => m.target.id === "-1003")?.at ?? new Date(0), "Asia/Almaty")).toBe(
      "2026-03-30 07:00",
    );
    for (const t of ["transit du pétrole", "ministre kazakh", "Gazoduc"]) expect(got[0]?.text).toContain(t);
  });

  it("posts anniversaries on their day; a first anniversary is not marked round", () => {
    const got = w.telegram.to("-1004");
    expect(got).toHaveLength(1);
    expect(got[0]?.text).toContain("Il y a 1 an, le 30 mars 2025 : signature de l'accord de coopération spatiale");
    expect(got[0]?.text).not.toContain("★");
    expect(local(w.log.find((m) => m.target.id === "-1004")?.at ?? new Date(0), "Europe/Paris")).toBe(
      "2026-03-30 10:00",
    );
  });

  it("after downtime catches up once, with everything that arrived meanwhile", async () => {
    const before = w.telegram.to("-1001").length;
    await addArticle(w, {
      title: "Visite du Premier ministre russe à Astana",
      at: "2026-03-31T10:00:00Z",
      topics: ["diplomatie"],
    });
    await addArticle(w, { title: "Nouveau corridor ferroviaire vers l'Oural", at: "2026-04-01T10:00:00Z" });
    w.clock.set("2026-04-02T12:00:00Z");
    await w.scheduler.tick();
    await runUntil(w, "2026-04-03T05:00:00Z");
    const after = w.telegram.to("-1001").slice(before);
    expect(after).toHaveLength(1);
    expect(after[0]?.reply.title).toBe("Revue du 2 avril 2026");
    expect(after[0]?.text).toContain("Premier ministre russe");
    expect(after[0]?.text).toContain("corridor ferroviaire");
  });

  it("never enqueues or sends a period twice", async () => {
    const rows = await w.store.outboxRows();
    const keys = rows.map((r) => `${r.subscriptionId}/${r.periodKey}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(rows.every((r) => r.status === "sent")).toBe(true);
    expect(w.log).toHaveLength(rows.length);
  });
});

describe("a post at 02:30 local across the autumn DST change (empty digests on)", () => {
  let w: World;
  beforeAll(async () => {
    w = await openWorld("sqlite", "2026-10-23T12:00:00Z", { scheduler: { sendEmptyDigest: true } });
    for (const [id, tz] of [
      ["-2001", "Europe/Paris"],
      ["-2002", "Europe/Moscow"],
      ["-2003", "Asia/Almaty"],
    ] as const) {
      await w.store.addSubscription({ chat: chat("telegram", id), kind: "digest", time: "02:30", timezone: tz });
    }
    await runUntil(w, "2026-10-27T12:00:00Z", 15 * 60_000);
  });
  afterAll(async () => w.close());

  it("posts once per local day, at the first 02:30 when it happens twice", () => {
    for (const [id, tz] of [
      ["-2001", "Europe/Paris"],
      ["-2002", "Europe/Moscow"],
      ["-2003", "Asia/Almaty"],
    ] as const) {
      const times = w.log.filter((m) => m.target.id === id).map((m) => local(m.at, tz));
      expect(times, tz).toEqual(["2026-10-24 02:30", "2026-10-25 02:30", "2026-10-26 02:30", "2026-10-27 02:30"]);
    }
    const paris = w.log.filter((m) => m.target.id === "-2001").map((m) => m.at.toISOString());
    expect(paris[1]).toBe("2026-10-25T00:30:00.000Z");
    expect(paris[2]).toBe("2026-10-26T01:30:00.000Z");
  });
});
