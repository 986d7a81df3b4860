/**
 * The renderer: Vega-Lite → canvas → PNG with the bundled font only. The PNG decodes, has the expected width, stays
 * under 300 KB, and accented Latin and Cyrillic text is drawn with real glyphs (its ink is as wide as the font's
 * advance widths say), while characters the font lacks are not.
 */
import { describe, expect, it } from "vitest";
import { fontMetrics } from "../../src/pictures/font.ts";
import { createPictureRenderer } from "../../src/pictures/render.ts";
import { DESIGN_WIDTH, FONT_SIZES, PADDING, SCALE } from "../../src/pictures/style.ts";
import { buildTimelineChart, TIMELINE_LAYOUT } from "../../src/pictures/timeline-chart.ts";
import { decodePng } from "../helpers/png.ts";
import { timelineFixture } from "./fixtures.ts";

const renderer = createPictureRenderer();
const metrics = fontMetrics();

/**
 * Rightmost dark pixel in the title band: the first 24 design pixels below the top padding, the height of the
 * 20-pixel bold title (ascent and descent); the subtitle's accents start just below it.
 */
function titleInkRight(png: Uint8Array): number {
  const img = decodePng(png);
  let right = -1;
  for (let y = PADDING * SCALE; y < (PADDING + 24) * SCALE; y++) {
    for (let x = 0; x < img.width; x++) {
      const o = (y * img.width + x) * 4;
      if ((img.rgba[o] ?? 255) < 120 && (img.rgba[o + 1] ?? 255) < 120 && x > right) right = x;
    }
  }
  return right;
}

describe("picture renderer", () => {
  it("renders a 50-event timeline as a PNG of the design width, under 300 KB", { timeout: 60_000 }, async () => {
    const built = buildTimelineChart({ entries: timelineFixture(50), lang: "fr", title: "Chronologie", metrics });
    const picture = await renderer.render(built.chart);
    const img = decodePng(picture.png);
    expect(img.width).toBe((DESIGN_WIDTH + 2 * PADDING) * SCALE);
    expect(img.height).toBe(picture.height);
    expect(picture.width).toBe(img.width);
    expect(img.height).toBeGreaterThan(built.lanes * TIMELINE_LAYOUT.laneHeight * SCALE);
    expect(img.height).toBeLessThan((built.lanes * TIMELINE_LAYOUT.laneHeight + 200) * SCALE);
    expect(picture.png.byteLength).toBeLessThan(300 * 1024);
    expect(picture.filename).toBe("timeline.png");
    // Not blank: the blue of the day circles is there.
    let blue = 0;
    for (let i = 0; i < img.rgba.length; i += 4) if ((img.rgba[i] ?? 255) < 40 && (img.rgba[i + 2] ?? 0) > 150) blue++;
    expect(blue).toBeGreaterThan(1000);
  });

  it("draws accents and Cyrillic with the bundled font: no missing glyphs", { timeout: 60_000 }, async () => {
    const title = "Tokaïev — Énergie — Токаев";
    expect(metrics.missing(title)).toEqual([]);
    const built = buildTimelineChart({ entries: timelineFixture(2), lang: "fr", title, metrics });
    const ink = titleInkRight((await renderer.render(built.chart)).png);
    const expected = (PADDING + metrics.width(title, FONT_SIZES.title, true)) * SCALE;
    expect(Math.abs(ink - expected)).toBeLessThan(8 * SCALE);
  });

  it("drops characters the font lacks instead of drawing boxes", { timeout: 60_000 }, async () => {
    const title = "Énergie 中国中国中国中国";
    expect(metrics.missing(title)).toEqual(["中", "国"]);
    const built = buildTimelineChart({ entries: timelineFixture(2), lang: "fr", title, metrics });
    const ink = titleInkRight((await renderer.render(built.chart)).png);
    const latinOnly = (PADDING + metrics.width("Énergie", FONT_SIZES.title, true)) * SCALE;
    expect(Math.abs(ink - latinOnly)).toBeLessThan(8 * SCALE);
  });
});
