/**
 * Events found in the development articles.
 * Reads the development articles in ../shared/seeds at run time: runs under `npm run test:dev-set`.
 */
import { describe, expect, it } from "vitest";
import { extractEvents } from "../../src/analysis/events.ts";
import type { ExtractedEvent } from "../../src/core/analysis-types.ts";
import { readSeed } from "../helpers/seeds.ts";

/** The light normalisation the analysis applies before us (NBSP, curly apostrophes, spaces). */
function seed(i: number): string {
  return readSeed(i)
    .replace(/[\u00a0\u202f]/g, " ")
    .replace(/[’‘]/g, "'")
    .replace(/[ \t]+/g, " ");
}

const span = (e: ExtractedEvent) => `${e.start}..${e.end}/${e.precision}`;
describe("extractEvents on the seed articles", () => {
  it("seed 000: the round table day and the treaty signed ten years earlier", () => {
    const events = extractEvents(seed(0), null);
    expect(events.map(span)).toEqual(["2023-11-28..2023-11-28/day", "2013-01-01..2013-12-31/year"]);
    expect(events[0]?.text).toBe("le 28 novembre 2023");
    expect(events[1]?.text).toMatch(/^10ème anniversaire$/);
    expect(events[0]?.summary).toMatch(/table ronde/);
  });

  it("seed 001: the eve of the visit, the start of the visit (future tense) and Putin's month of 2024", () => {
    const events = extractEvents(seed(1), "2025-11-10");
    expect(events.map(span)).toEqual([
      "2025-11-10..2025-11-10/day",
      "2024-11-01..2024-11-30/month",
      "2025-11-11..2025-11-11/day",
    ]);
    expect(events[0]?.text).toBe("à la veille de sa visite");
  });

  it("seed 002: the two-day state visit as a period, plus the other dated facts of the article", () => {
    const events = extractEvents(seed(2), "2024-11-27");
    const visit = events.find((e) => e.text === "du 27 au 28 novembre");
    expect(visit && span(visit)).toBe("2024-11-27..2024-11-28/period");
    expect(events.map(span)).toContain("2024-10-22..2024-10-22/day");
    expect(events.map(span)).toContain("2025-01-01..2025-01-31/month");
    expect(events.find((e) => e.text === "Fin octobre") && "found").toBe("found");
    // The dateline "...27/11/2024" is the publication date, not an event of its own.
    expect(events.some((e) => e.text.includes("/"))).toBe(false);
  });

  it("seed 003: 'les 11 et 12 novembre' is one period of 2025, and the first/second day are dated", () => {
    const events = extractEvents(seed(3), "2025-11-12");
    expect(events.map((e) => [e.text, span(e)])).toEqual([
      ["les 11 et 12 novembre", "2025-11-11..2025-11-12/period"],
      ["Le premier jour", "2025-11-11..2025-11-11/day"],
      ["Le deuxième jour", "2025-11-12..2025-11-12/day"],
    ]);
  });

  it("seed 004: 'mardi' is the publication Tuesday; the dateline time and an undated eve are ignored", () => {
    const events = extractEvents(seed(4), "2025-11-11");
    expect(events.map((e) => [e.text, span(e)])).toEqual([["mardi", "2025-11-11..2025-11-11/day"]]);
  });

  it("every seed event has a one-line summary of at most 160 characters", () => {
    for (let i = 0; i < 5; i++) {
      for (const e of extractEvents(seed(i), "2025-11-11")) {
        expect(e.summary.length).toBeGreaterThan(10);
        expect(e.summary.length).toBeLessThanOrEqual(160);
        expect(e.summary).not.toMatch(/\n/);
        expect(e.summary).not.toMatch(/\s(?:de|la|le|les|et|à|du|des)…?$/);
      }
    }
  });
});
