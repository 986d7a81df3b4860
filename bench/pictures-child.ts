/**
 * Child process of bench/pictures.ts: renders the 50-event timeline and a year's trend `runs` times each and
 * prints one JSON line: latencies in ms, wall and CPU (this process's CPU plus the renderer process's, which draws);
 * RSS of this process before the first picture, after the last, and once the renderer's process has exited; the
 * renderer process's own RSS; the load average around the runs (the machine is shared).
 */
import { loadavg } from "node:os";
import { fontMetrics } from "../src/pictures/font.ts";
import { createPictureRenderer } from "../src/pictures/render.ts";
import { buildTimelineChart } from "../src/pictures/timeline-chart.ts";
import { buildTrendChart } from "../src/pictures/trend-chart.ts";
import { coverageFixture, timelineFixture } from "../test/pictures/fixtures.ts";

const runs = Number(process.argv[2] ?? 50);
const mb = () => process.memoryUsage().rss / 1024 / 1024;
global.gc?.();
const restMb = mb();
const renderer = createPictureRenderer({ idleMs: 1_000 });
const metrics = fontMetrics();
const timeline = () =>
  buildTimelineChart({ entries: timelineFixture(50), lang: "fr", title: "Chronologie — Énergie", metrics }).chart;
const trend = () =>
  buildTrendChart({
    data: coverageFixture(),
    lang: "fr",
    title: "Couverture",
    from: "2024-12-01",
    to: "2025-11-30",
    split: "source",
    metrics,
  }).chart;

async function measure(chart: () => ReturnType<typeof timeline>) {
  const wall: number[] = [];
  const cpu: number[] = [];
  let bytes = 0;
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const p = await renderer.render(chart());
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000 + renderer.stats().lastCpuMs);
    bytes = p.png.byteLength;
  }
  return { wall, cpu, bytes };
}

const load0 = loadavg()[0] ?? 0;
const t0 = performance.now();
await renderer.render(timeline());
const firstMs = performance.now() - t0;
const tl = await measure(timeline);
const tr = await measure(trend);
const afterMb = mb();
const childMb = renderer.stats().lastRssMb;
const childPeakMb = renderer.stats().peakRssMb;
const load1 = loadavg()[0] ?? 0;
// The renderer's process exits after 1 s without work (30 s in the bot): what stays is what the bot keeps at rest.
for (let i = 0; i < 100 && renderer.stats().pid !== null; i++) await new Promise((r) => setTimeout(r, 100));
await new Promise((r) => setTimeout(r, 500));
global.gc?.();
const idleMb = mb();
const exited = renderer.stats().pid === null;
process.stdout.write(
  `${JSON.stringify({ restMb, afterMb, idleMb, childMb, childPeakMb, exited, load: [load0, load1], firstMs, timeline: tl, trend: tr })}\n`,
);
