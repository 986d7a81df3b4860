import { writeFileSync } from "node:fs";
import { buildTimelineChart } from "/work/h-pictures/src/pictures/timeline-chart.ts";
import { fontMetrics } from "/work/h-pictures/src/pictures/font.ts";
import { createPictureRenderer } from "/work/h-pictures/src/pictures/render.ts";
import { timelineFixture } from "/work/h-pictures/test/pictures/fixtures.ts";
const r = createPictureRenderer({ logger: { debug: console.log, info: console.log, warn: console.log, error: console.log, child() { return this; } } as any });
for (const n of [50, 8]) {
  const tl = buildTimelineChart({ entries: timelineFixture(n), lang: "fr", title: "Chronologie — Énergie", metrics: fontMetrics() });
  const t0 = performance.now();
  const p = await r.render(tl.chart);
  console.log(n, tl.lanes, tl.labelled, tl.unlabelled, p.width, p.height, p.png.length, performance.now() - t0);
  writeFileSync(`/tmp/tl${n}.png`, p.png);
}
const times: number[] = [];
const tl = buildTimelineChart({ entries: timelineFixture(50), lang: "en", title: "Timeline", metrics: fontMetrics() });
for (let i = 0; i < 15; i++) { const t0 = performance.now(); await r.render(tl.chart); times.push(performance.now() - t0); }
console.log(times.map(Math.round).join(" "));
const b0 = performance.now(); for (let i = 0; i < 10; i++) buildTimelineChart({ entries: timelineFixture(50), lang: "en", title: "Timeline", metrics: fontMetrics() }); console.log("build", (performance.now()-b0)/10);
