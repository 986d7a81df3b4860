import * as vega from "vega";
import { compile } from "vega-lite";
import { renderAsync, Resvg } from "@resvg/resvg-js";
import { buildTimelineChart } from "../src/pictures/timeline-chart.ts";
import { fontMetrics, fontFiles } from "../src/pictures/font.ts";
import { timelineFixture } from "../test/pictures/fixtures.ts";
const tl = buildTimelineChart({ entries: timelineFixture(50), lang: "en", title: "Timeline", metrics: fontMetrics() });
const f = fontFiles();
for (let i = 0; i < 8; i++) {
  const t0 = performance.now();
  const spec = compile(tl.chart.spec as any, { logger: { level() { return this }, warn() { return this }, info() { return this }, debug() { return this }, error() { return this } } as any }).spec;
  const t1 = performance.now();
  const view = new vega.View(vega.parse(spec), { renderer: "none" });
  const svg = await view.toSVG();
  const t2 = performance.now();
  const img = await renderAsync(svg, { font: { loadSystemFonts: false, fontFiles: [f.regular, f.bold], defaultFontFamily: "DejaVu Sans" }, fitTo: { mode: "zoom", value: 2 }, background: "#fff" });
  const t3 = performance.now();
  const png = img.asPng();
  const t4 = performance.now();
  console.log(Math.round(t1 - t0), Math.round(t2 - t1), Math.round(t3 - t2), Math.round(t4 - t3), png.length, svg.length);
}
