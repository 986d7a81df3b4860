/** /trend: the coverage specification from fixture articles, and the command through the dispatcher. */
import { describe, expect, it } from "vitest";
import type { ChatRef, UserRef } from "../../src/core/command.ts";
import type { IncomingCommand } from "../../src/core/platform.ts";
import { replyText } from "../../src/core/reply.ts";
import { fontMetrics } from "../../src/pictures/font.ts";
import { createPictureRenderer } from "../../src/pictures/render.ts";
import { buildTrendChart } from "../../src/pictures/trend-chart.ts";
import { fakeQueries } from "../fakes/news-queries.ts";
import { testCore } from "../fakes/services.ts";
import { decodePng } from "../helpers/png.ts";
import { coverageFixture } from "./fixtures.ts";

const metrics = fontMetrics();

describe("trend chart", () => {
  it("counts per month over a year, empty months included, and annotates the peak with its story", () => {
    const data = coverageFixture("2025-11-30", 365);
    const c = buildTrendChart({ data, lang: "fr", title: "Couverture", from: "2024-12-01", to: "2025-11-30", metrics });
    expect(c.unit).toBe("month");
    expect(c.buckets).toHaveLength(12);
    expect(c.buckets.reduce((n, b) => n + b.total, 0)).toBe(data.articles.filter((a) => a.day >= "2024-12-01").length);
    expect(c.peaks[0]?.label).toMatch(/^Sommet Tokaïev–Poutine à Astana sur… \(\d+\)$/);
    const bars = (c.chart.spec.layer as Array<{ data: { values: Array<{ y0: number; y1: number }> } }>)[0];
    expect(bars?.data.values).toHaveLength(12);
    for (const v of bars?.data.values ?? []) expect(v.y0).toBe(0);
  });

  it("counts per week over six months, stacked by outlet with every bar on zero", () => {
    const data = coverageFixture("2025-11-30", 365);
    const c = buildTrendChart({
      data,
      lang: "en",
      title: "Coverage",
      from: "2025-06-01",
      to: "2025-11-30",
      split: "source",
      metrics,
    });
    expect(c.unit).toBe("week");
    expect(c.groups).toHaveLength(5);
    const rows =
      (
        c.chart.spec.layer as Array<{
          data: { values: Array<{ start: number; y0: number; y1: number; count: number }> };
        }>
      )[0]?.data.values ?? [];
    for (const b of c.buckets) {
      const stack = rows.filter((r) => r.start === b.start);
      expect(stack[0]?.y0).toBe(0);
      expect(stack.at(-1)?.y1).toBe(b.total);
    }
    expect(JSON.stringify(c.chart.spec)).toContain("articles per week");
  });

  it("by topic, counts an article of several topics once, so the stacks add up to the articles", () => {
    const day = (d: number) => `2025-11-${String(24 + d).padStart(2, "0")}`;
    const data = {
      articles: [
        { day: day(0), storyId: 1, source: "A", topics: ["energie"] },
        { day: day(0), storyId: 2, source: "A", topics: ["energie", "diplomatie"] },
        { day: day(1), storyId: 3, source: "B", topics: ["diplomatie", "energie", "sanctions"] },
        { day: day(2), storyId: 4, source: null, topics: [] },
      ],
      stories: [1, 2, 3, 4].map((id) => ({ id, title: `Dépêche ${id}` })),
      truncated: false,
    };
    const c = buildTrendChart({
      data,
      lang: "fr",
      title: "La semaine",
      from: "2025-11-23",
      to: "2025-11-29",
      unit: "day",
      split: "topic",
      metrics,
    });
    const rows =
      (c.chart.spec.layer as Array<{ data: { values: Array<{ start: number; y1: number; group: string }> } }>)[0]?.data
        .values ?? [];
    for (const b of c.buckets) {
      const top = Math.max(0, ...rows.filter((r) => r.start === b.start).map((r) => r.y1));
      expect(top).toBe(b.total);
    }
    expect(c.buckets.reduce((n, b) => n + b.total, 0)).toBe(4);
    // the several-topic articles go under the topic the week's articles share most: énergie (3 of them)
    expect(c.groups).toEqual(["energie", "Sans thème"]);
    const en = buildTrendChart({
      data,
      lang: "en",
      title: "Week",
      from: "2025-11-23",
      to: "2025-11-29",
      split: "source",
      metrics,
    });
    expect(en.groups).toContain("Unknown outlet");
  });
});

const chat: ChatRef = { platform: "console", id: "c1", type: "private" };
const member: UserRef = { id: "u1", isAdmin: async () => false };
const cmd = (args: string): IncomingCommand => ({ command: "trend", args, lang: "fr", chat, user: member });

describe("/trend", () => {
  it("draws the coverage of a topic with a caption naming the peak", { timeout: 60_000 }, async () => {
    const asked: unknown[] = [];
    const queries = {
      ...fakeQueries(),
      coverage: async (q: unknown) => {
        asked.push(q);
        return coverageFixture("2025-11-30", 365);
      },
    };
    const core = testCore({ queries, pictures: createPictureRenderer(), now: new Date("2025-11-30T12:00:00Z") });
    const reply = await core.handle(cmd("énergie by:source"));
    expect(asked[0]).toEqual({ from: "2024-12-01", to: "2025-11-30", topic: "energie" });
    expect(reply.title).toBe("Couverture — Énergie");
    expect(replyText(reply)).toMatch(/Pic : .* — \d+ articles, surtout « Sommet Tokaïev–Poutine/);
    expect(decodePng(reply.picture?.png ?? new Uint8Array()).width).toBe(reply.picture?.width);
  });

  it("says there is nothing to draw, and names what to fix in a bad split", async () => {
    const queries = { ...fakeQueries(), coverage: async () => ({ articles: [], stories: [], truncated: false }) };
    const core = testCore({ queries, pictures: createPictureRenderer() });
    const none = await core.handle(cmd("Tokaïev"));
    expect(none.picture).toBeUndefined();
    expect(replyText(none)).toContain("Rien à dessiner : aucun article pour « Tokaïev »");
    const bad = await core.handle(cmd("énergie by:couleur"));
    expect(replyText(bad)).toContain("by:source (par média) ou by:topic (par thème)");
  });
});
