/**
 * The renderer's child process: started by the first picture, gone after the idle time (so its memory goes back
 * to the system), started again by the next picture; a child that dies or hangs fails that picture with a clear
 * error, never the next one.
 */
import { describe, expect, it } from "vitest";
import { fontMetrics } from "../../src/pictures/font.ts";
import { createPictureRenderer } from "../../src/pictures/render.ts";
import { buildTimelineChart } from "../../src/pictures/timeline-chart.ts";
import { decodePng } from "../helpers/png.ts";
import { timelineFixture } from "./fixtures.ts";

const chart = () =>
  buildTimelineChart({ entries: timelineFixture(5), lang: "fr", title: "Chronologie", metrics: fontMetrics() }).chart;

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function until(cond: () => boolean, ms: number): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end; ) {
    if (cond()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return cond();
}

describe("renderer process", () => {
  it("exits when idle and starts again for the next picture", { timeout: 90_000 }, async () => {
    const renderer = createPictureRenderer({ idleMs: 300 });
    const first = await renderer.render(chart());
    expect(decodePng(first.png).width).toBe(first.width);
    const pid = renderer.stats().pid;
    expect(pid).toBeTypeOf("number");
    expect(renderer.stats().lastCpuMs).toBeGreaterThan(0);
    expect(renderer.stats().peakRssMb).toBeGreaterThan(50);
    expect(await until(() => !alive(pid as number), 20_000)).toBe(true);
    expect(renderer.stats().pid).toBeNull();
    const again = await renderer.render(chart());
    expect(again.png.byteLength).toBe(first.png.byteLength);
    expect(renderer.stats().starts).toBe(2);
  });

  it("fails the picture being drawn when the child dies, and draws the next one", { timeout: 90_000 }, async () => {
    const renderer = createPictureRenderer({ idleMs: 10_000 });
    await renderer.render(chart());
    const pid = renderer.stats().pid as number;
    const pending = renderer.render(chart());
    await new Promise((r) => setTimeout(r, 30));
    process.kill(pid, "SIGKILL");
    await expect(pending).rejects.toThrow(/picture process exited \(SIGKILL\)/);
    const next = await renderer.render(chart());
    expect(decodePng(next.png).width).toBe(next.width);
    expect(renderer.stats().pid).not.toBe(pid);
  });

  it("stops a child that takes too long and says so", { timeout: 90_000 }, async () => {
    const renderer = createPictureRenderer({ idleMs: 10_000, timeoutMs: 1 });
    await expect(renderer.render(chart())).rejects.toThrow("picture not drawn within 1 ms");
    expect(renderer.stats().pid).toBeNull();
  });
});
