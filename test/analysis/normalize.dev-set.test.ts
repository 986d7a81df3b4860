/**
 * Normalisation of the development articles.
 * Reads the development articles in ../shared/seeds at run time: runs under `npm run test:dev-set`.
 */
import { describe, expect, it } from "vitest";
import { normalizeText, parseDateline } from "../../src/analysis/normalize.ts";
import { readSeed, seedFiles } from "../helpers/seeds.ts";

describe("normalizeText on the development articles", () => {
  it("handles the seeds: bylines split, foreign caption and duplicate lead removed", () => {
    expect(seedFiles().length).toBe(5);
    const s2 = normalizeText(readSeed(2));
    expect(parseDateline(s2.dateline ?? "")).toBe("2024-11-27");
    expect(s2.text).not.toMatch(/[ổơư]/u);
    const s4 = normalizeText(readSeed(4));
    expect(parseDateline(s4.dateline ?? "")).toBe("2025-11-11");
    const lines = s4.text.split("\n").filter((l) => l.length > 40);
    expect(new Set(lines).size).toBe(lines.length);
    expect(s4.text.split("\n")).not.toContain("AA");
  });
});
