import { buildTimelineChart } from "../src/pictures/timeline-chart.ts";
import { fontMetrics } from "../src/pictures/font.ts";
import { createPictureRenderer } from "../src/pictures/render.ts";
import { timelineFixture } from "../test/pictures/fixtures.ts";
const tl = buildTimelineChart({ entries: timelineFixture(50), lang: "en", title: "Timeline", metrics: fontMetrics() });
const r = createPictureRenderer();
await r.render(tl.chart);
for (let i = 0; i < 10; i++) {
  const c0 = process.cpuUsage(); const t0 = performance.now();
  await r.render(tl.chart);
  const c = process.cpuUsage(c0);
  console.log("wall", Math.round(performance.now() - t0), "cpu", Math.round((c.user + c.system) / 1000));
}
