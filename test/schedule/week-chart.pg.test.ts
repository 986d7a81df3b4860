/**
 * The week's chart of a weekly digest on SQLite and PostgreSQL: it counts the articles of the subscription's topics
 * and article languages published in the seven days before the post, and goes out as the digest's picture.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChatRef } from "../../src/core/command.ts";
import { createPictureRenderer } from "../../src/pictures/render.ts";
import { addArticle, openWorld, runUntil, type World } from "../helpers/world.ts";
import { backends } from "../store/backends.ts";

const group = (id: string): ChatRef => ({ platform: "telegram", id, type: "group" });
const weekly = { kind: "digest" as const, frequency: "weekly" as const, time: "08:00", timezone: "Europe/Paris" };

describe.each(backends)("week chart on %s", (backend) => {
  let w: World;
  beforeAll(async () => {
    w = await openWorld(backend, "2026-11-22T12:00:00Z", {
      delivery: { pictures: createPictureRenderer({ isolate: false }) },
    });
    await w.store.addSubscription({ chat: group("-6001"), ...weekly, chart: true });
    await w.store.addSubscription({ chat: group("-6002"), ...weekly, chart: true, topics: ["energie"] });
    await w.store.addSubscription({ chat: group("-6003"), ...weekly, chart: true, languages: ["ru"] });
    const articles = [
      { day: "2026-11-16", topics: ["energie"], language: "fr" },
      { day: "2026-11-18", topics: ["energie"], language: "ru" },
      { day: "2026-11-18", topics: ["diplomatie"], language: "fr" },
      { day: "2026-11-22", topics: ["diplomatie"], language: "ru" },
      // Published before the week: in no chart.
      { day: "2026-11-10", topics: ["energie"], language: "fr" },
    ];
    for (const [i, a] of articles.entries()) {
      await addArticle(w, {
        title: `Astana et Moscou, dossier ${i + 1}`,
        at: `2026-11-22T0${i}:00:00Z`,
        published: `${a.day}T10:00:00Z`,
        topics: a.topics,
        language: a.language,
      });
    }
    await runUntil(w, "2026-11-23T08:00:00Z");
  }, 120_000);
  afterAll(async () => {
    await w?.close();
  });

  const chartOf = async (chat: string) => {
    const [s] = await w.store.subscriptionsOfChat("telegram", chat);
    return (await w.store.outboxRows({ subscriptionId: s?.id ?? -1 }))[0]?.reply.chart?.alt;
  };

  it("counts the week's articles of the subscription's topics and languages", async () => {
    expect(await chartOf("-6001")).toBe("La semaine en articles: 4 articles");
    expect(await chartOf("-6002")).toBe("La semaine en articles: 2 articles");
    expect(await chartOf("-6003")).toBe("La semaine en articles: 2 articles");
  });

  it("sends each digest once with its picture", () => {
    for (const chat of ["-6001", "-6002", "-6003"]) {
      const sent = w.telegram.to(chat);
      expect(sent).toHaveLength(1);
      expect(sent[0]?.reply.picture?.filename).toBe("week.png");
    }
  });
});
