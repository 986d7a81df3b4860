/**
 * Quiet hours (held, then sent once when they end, windows across midnight included), anniversaries with the
 * subscription's topic and word filters, and missed anniversary days after downtime (each posted once).
 */
import { afterEach, describe, expect, it } from "vitest";
import { addArticle, group, local, openWorld, runUntil, subscribe, type World } from "../helpers/world.ts";

let w: World | undefined;
afterEach(async () => {
  await w?.close();
  w = undefined;
});

describe("quiet hours", () => {
  it("holds an anniversaries post due inside quiet hours across midnight and sends it once at their end", async () => {
    w = await openWorld("sqlite", "2026-04-04T12:00:00Z", { delivery: { maxAttempts: 1 } });
    await w.store.chatSettings.update(group("-3001"), {
      timezone: "Asia/Almaty",
      quietStart: "22:00",
      quietEnd: "07:00",
    });
    await w.store.addSubscription({ chat: group("-3001"), kind: "anniversaries", time: "23:00" });
    await addArticle(w, {
      title: "Il y a un an, l'accord sur les eaux de l'Irtych",
      at: "2026-01-10T10:00:00Z",
      event: { start: "2025-04-05", summary: "accord sur le partage des eaux de l'Irtych" },
    });
    await runUntil(w, "2026-04-07T12:00:00Z", 15 * 60_000);
    const got = w.log.filter((m) => m.target.id === "-3001");
    // Due 5 April 23:00 Almaty (inside 22:00–07:00): sent 6 April 07:00 local, and only once.
    expect(got.map((m) => local(m.at, "Asia/Almaty"))).toEqual(["2026-04-06 07:00"]);
    expect(got[0]?.text).toContain("accord sur le partage des eaux de l'Irtych");
    const rows = await w.store.outboxRows();
    // A hold is not an attempt: with maxAttempts 1 the post still went out on its single try.
    expect(rows.map((r) => [r.status, r.attempts])).toEqual([["sent", 1]]);
    expect(w.logs.entries.some((e) => e.msg === "post held for quiet hours")).toBe(true);
  });

  it("holds a digest inside same-day quiet hours and leaves other chats on time", async () => {
    w = await openWorld("sqlite", "2026-11-23T06:00:00Z", { scheduler: { sendEmptyDigest: true } });
    await w.store.chatSettings.update(group("-3002"), { quietStart: "07:30", quietEnd: "09:15" });
    await w.store.addSubscription({ chat: group("-3002"), kind: "digest", time: "08:00", timezone: "Europe/Paris" });
    await w.store.addSubscription({ chat: group("-3003"), kind: "digest", time: "08:00", timezone: "Europe/Paris" });
    await runUntil(w, "2026-11-25T12:00:00Z", 15 * 60_000);
    const times = (id: string) => w?.log.filter((m) => m.target.id === id).map((m) => local(m.at, "Europe/Paris"));
    expect(times("-3002")).toEqual(["2026-11-23 09:15", "2026-11-24 09:15", "2026-11-25 09:15"]);
    expect(times("-3003")).toEqual(["2026-11-23 08:00", "2026-11-24 08:00", "2026-11-25 08:00"]);
  });

  it("sends no alert during quiet hours, then one alert with everything that arrived", async () => {
    w = await openWorld("sqlite", "2026-11-23T19:00:00Z");
    await w.store.chatSettings.update(group("-3004"), { quietStart: "22:00", quietEnd: "07:00" });
    await subscribe(w, "-3004", { kind: "alerts", topics: ["energie"] });
    await addArticle(w, { title: "Gazoduc : coupure nocturne", at: "2026-11-23T22:10:00Z", topics: ["energie"] });
    await addArticle(w, { title: "Pétrole : le CPC redémarre", at: "2026-11-24T01:20:00Z", topics: ["energie"] });
    await runUntil(w, "2026-11-24T09:00:00Z", 15 * 60_000);
    const got = w.log.filter((m) => m.target.id === "-3004");
    expect(got.map((m) => local(m.at, "Europe/Paris"))).toEqual(["2026-11-24 07:00"]);
    expect(got[0]?.text).toContain("coupure nocturne");
    expect(got[0]?.text).toContain("le CPC redémarre");
  });
});

describe("anniversaries with filters and downtime", () => {
  async function seed(world: World) {
    await addArticle(world, {
      title: "Énergie : inauguration d'un oléoduc",
      at: "2026-01-05T10:00:00Z",
      topics: ["energie"],
      event: { start: "2020-04-06", summary: "inauguration de l'oléoduc Atyraou–Samara" },
    });
    await addArticle(world, {
      title: "Diplomatie : sommet bilatéral",
      at: "2026-01-06T10:00:00Z",
      topics: ["diplomatie"],
      event: { start: "2021-04-06", summary: "sommet bilatéral à Astana" },
    });
    await world.store.addCuratedEvent({
      start: "2016-04-06",
      end: "2016-04-06",
      precision: "day",
      phrase: "création de la commission mixte",
      summary: "création de la commission intergouvernementale mixte",
      createdBy: "telegram:1",
    });
  }

  it("keeps to the subscription's topics (curated events always qualify) and its word filter", async () => {
    w = await openWorld("sqlite", "2026-04-05T12:00:00Z");
    await seed(w);
    await w.store.addSubscription({ chat: group("-4001"), kind: "anniversaries", time: "09:00", topics: ["energie"] });
    const filtered = await w.store.addSubscription({ chat: group("-4002"), kind: "anniversaries", time: "09:00" });
    await w.store.setFilter(filtered.id, { include: [], exclude: ["sommet"] });
    await w.store.addSubscription({ chat: group("-4003"), kind: "anniversaries", time: "09:00" });
    await runUntil(w, "2026-04-06T12:00:00Z", 60 * 60_000);
    const text = (id: string) =>
      w?.telegram
        .to(id)
        .map((m) => m.text)
        .join("\n") ?? "";
    expect(text("-4001")).toContain("oléoduc Atyraou–Samara");
    expect(text("-4001")).toContain("commission intergouvernementale mixte");
    expect(text("-4001")).not.toContain("sommet bilatéral");
    expect(text("-4002")).not.toContain("sommet bilatéral");
    expect(text("-4002")).toContain("oléoduc Atyraou–Samara");
    expect(text("-4003")).toContain("sommet bilatéral");
  });

  it("after downtime posts each missed day once, oldest first", async () => {
    w = await openWorld("sqlite", "2026-04-04T12:00:00Z");
    await seed(w);
    await addArticle(w, {
      title: "Transport : nouvelle liaison ferroviaire",
      at: "2026-01-07T10:00:00Z",
      event: { start: "2019-04-07", summary: "ouverture de la liaison ferroviaire Almaty–Novossibirsk" },
    });
    await subscribe(w, "-4004", { kind: "anniversaries", time: "10:00" });
    // Down from 4 April 12:00 to 8 April 12:00: 5, 6, 7 and 8 April were missed (5 and 8 have no event).
    w.clock.set("2026-04-08T12:00:00Z");
    await w.scheduler.tick();
    await runUntil(w, "2026-04-09T05:00:00Z");
    expect(w.telegram.to("-4004").map((m) => m.reply.title)).toEqual(["Ce jour-là — 6 avril", "Ce jour-là — 7 avril"]);
    const keys = (await w.store.outboxRows()).map((r) => r.periodKey);
    expect(keys).toEqual(["anniversaries:2026-04-06", "anniversaries:2026-04-07"]);
  });

  it("catches up at most a week of missed days and says so in the log", async () => {
    w = await openWorld("sqlite", "2026-03-20T12:00:00Z");
    await seed(w);
    await subscribe(w, "-4005", { kind: "anniversaries", time: "10:00" });
    w.clock.set("2026-04-10T12:00:00Z");
    await w.scheduler.tick();
    // 21 March … 10 April missed: only 4–10 April are planned; 6 April is the only one with events.
    expect(w.telegram.to("-4005").map((m) => m.reply.title)).toEqual(["Ce jour-là — 6 avril"]);
    expect(w.logs.entries.some((e) => e.msg.includes("beyond the catch-up limit"))).toBe(true);
  });
});
