import { describe, expect, it } from "vitest";
import { createProgressReporter, formatDuration } from "../../src/ingest/progress.ts";

function sink(isTTY: boolean) {
  const chunks: string[] = [];
  return { stream: { isTTY, write: (c: string) => chunks.push(c) }, chunks };
}
const p = (done: number, total = 1000) => ({ done, total, inserted: done, duplicates: 0, failed: 0 });

describe("progress reporter", () => {
  it("on a terminal rewrites one line, at most every 100 ms, with rate and ETA", () => {
    let t = 0;
    const { stream, chunks } = sink(true);
    const r = createProgressReporter({ stream, now: () => t });
    for (let i = 1; i <= 500; i++) {
      t = i * 10; // 100 items per second
      r.update(p(i));
    }
    r.done();
    expect(chunks.length).toBeLessThanOrEqual(52);
    expect(chunks.every((c) => c === "\n" || c.startsWith("\r"))).toBe(true);
    expect(chunks[chunks.length - 2]).toContain("500/1000");
    expect(chunks[chunks.length - 2]).toContain("100/s");
    expect(chunks[chunks.length - 2]).toContain("ETA 5 s");
    expect(chunks[chunks.length - 1]).toBe("\n");
  });

  it("elsewhere prints a line every N items and the final state", () => {
    const t = 0;
    const { stream, chunks } = sink(false);
    const r = createProgressReporter({ stream, now: () => t, everyItems: 100 });
    for (let i = 1; i <= 250; i++) r.update(p(i, 250));
    r.done();
    expect(chunks.map((c) => c.split(" ")[0])).toEqual(["1/250", "101/250", "201/250", "250/250"]);
    expect(chunks.every((c) => c.endsWith("\n") && !c.includes("\r"))).toBe(true);
  });

  it("formats durations", () => {
    expect(formatDuration(42)).toBe("42 s");
    expect(formatDuration(185)).toBe("3 min 05 s");
    expect(formatDuration(3720)).toBe("1 h 02 min");
  });
});
