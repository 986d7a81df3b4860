/**
 * Child process of bench/pictures.ts: renders the 50-event timeline and a year's trend `runs` times each and
 * prints one JSON line (latencies in ms, wall and CPU; RSS before the first picture, after the last, and once the
 * renderer's worker has stopped).
 */
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
    cpu.push((c.user + c.system) / 1000);
    bytes = p.png.byteLength;
  }
  return { wall, cpu, bytes };
}

const t0 = performance.now();
await renderer.render(timeline());
const firstMs = performance.now() - t0;
const tl = await measure(timeline);
const tr = await measure(trend);
const afterMb = mb();
// The worker stops after 1 s without work (30 s in the bot): what stays is what the bot keeps at rest.
await new Promise((r) => setTimeout(r, 3_000));
global.gc?.();
const idleMb = mb();
process.stdout.write(`${JSON.stringify({ restMb, afterMb, idleMb, firstMs, timeline: tl, trend: tr })}\n`);
