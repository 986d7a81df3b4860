/** The timeline picture's specification, built from fixture entries (no rendering). */
import { describe, expect, it } from "vitest";
import type { TimelineEntry } from "../../src/core/queries.ts";
import { fontMetrics } from "../../src/pictures/font.ts";
import { buildTimelineChart, shortLabel, TIMELINE_LAYOUT } from "../../src/pictures/timeline-chart.ts";
import { timelineFixture } from "./fixtures.ts";

const metrics = fontMetrics();
const build = (entries: TimelineEntry[], lang: "fr" | "en" = "fr") =>
  buildTimelineChart({ entries, lang, title: "Chronologie — Énergie", metrics });

type Layer = { mark: { type: string } | string; transform?: Array<{ filter: string }> };
const layers = (spec: Record<string, unknown>) => spec.layer as Layer[];
const values = (spec: Record<string, unknown>) => (spec.data as { values: Array<Record<string, unknown>> }).values;

describe("timeline chart", () => {
  it("covers every event in the axis domain, with a margin", () => {
    const entries = timelineFixture(12);
    const chart = build(entries);
    const first = Date.parse(`${entries[0]?.start}T00:00:00Z`);
    const last = Date.parse(`${entries.at(-1)?.end}T00:00:00Z`) + 86_400_000;
    expect(chart.domain[0]).toBeLessThan(first);
    expect(chart.domain[1]).toBeGreaterThan(last);
    const x = (chart.chart.spec.encoding as { x: { scale: { domain: number[] } } }).x;
    expect(x.scale.domain).toEqual(chart.domain);
  });

  it("draws one mark per event: circles for days, bars for months, years and periods", () => {
    const entries = timelineFixture(30);
    const chart = build(entries);
    expect(chart.rows).toHaveLength(30);
    const data = values(chart.chart.spec);
    const days = data.filter((v) => v.kind === "day").length;
    const spans = data.filter((v) => v.kind !== "day").length;
    expect(days + spans).toBe(30);
    expect(spans).toBe(entries.filter((e) => e.start !== e.end).length);
    const [bars, circles] = layers(chart.chart.spec);
    expect(bars?.mark).toMatchObject({ type: "rule" });
    expect(bars?.transform?.[0]?.filter).toBe("datum.kind !== 'day'");
    expect(circles?.mark).toMatchObject({ type: "circle" });
    expect(circles?.transform?.[0]?.filter).toBe("datum.kind === 'day'");
  });

  it("never lets two labels or marks of a lane overlap, and counts the thinned labels", () => {
    const chart = build(timelineFixture(50));
    // A label's box never meets another event's label or mark in its lane.
    const boxes = chart.rows.map((r) => ({ r, mark: [r.x0, r.x1] as const, label: r.labelBox }));
    for (const a of boxes) {
      if (a.r.label === null) continue;
      for (const b of boxes) {
        if (a === b || a.r.lane !== b.r.lane) continue;
        const others = b.r.label === null ? [b.mark] : [b.mark, b.label];
        for (const o of others) expect(a.label[1] <= o[0] || o[1] <= a.label[0]).toBe(true);
      }
    }
    // Lanes, plus at most one strip of unlabelled marks below them.
    expect(chart.lanes).toBeLessThanOrEqual(TIMELINE_LAYOUT.maxLanes + 1);
    expect(chart.unlabelled).toBeGreaterThan(0);
    expect(chart.labelled + chart.unlabelled).toBe(50);
    expect(chart.rows.filter((r) => r.label === null)).toHaveLength(chart.unlabelled);
    for (const r of chart.rows) if (r.label) expect(r.labelBox[0]).toBeGreaterThanOrEqual(0);
    for (const r of chart.rows) if (r.label) expect(r.labelBox[1]).toBeLessThanOrEqual(TIMELINE_LAYOUT.width);
  });

  it("labels everything when there is room, in one lane for a few spread-out events", () => {
    const entries = timelineFixture(3);
    const chart = build(entries);
    expect(chart.unlabelled).toBe(0);
    expect(chart.rows.map((r) => r.label)).toEqual(
      entries.map((e) => {
        const text = shortLabel(e.summary, TIMELINE_LAYOUT.labelChars, metrics);
        return e.sources.length > 1 ? `${text} (${e.sources.length})` : text;
      }),
    );
  });

  it("labels the axis with the chat's month names", () => {
    const days = ["2025-01-06", "2025-02-10", "2025-03-03", "2025-04-14", "2025-05-20", "2025-06-02"];
    const entries = timelineFixture(6).map((e, i) => ({
      ...e,
      precision: "day" as const,
      start: days[i] ?? "",
      end: days[i] ?? "",
    }));
    const fr = JSON.stringify(build(entries, "fr").chart.spec);
    const en = JSON.stringify(build(entries, "en").chart.spec);
    expect(fr).toMatch(/janv\. 2025|févr\./);
    expect(en).toMatch(/Jan 2025|Feb/);
    expect(fr).toContain("6 événements");
    expect(en).toContain("6 events");
  });

  it("shortens long labels at a word and drops characters the font lacks", () => {
    expect(
      shortLabel("Le président a signé 🖼 un accord historique sur le transit du gaz vers la Chine", 30, metrics),
    ).toBe("Le président a signé un…");
    expect(metrics.missing(shortLabel("Tokaïev 中 — Токаев", 40, metrics))).toEqual([]);
  });
});
