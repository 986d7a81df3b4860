/**
 * Charts as commands see them: a pure builder (src/pictures/*-chart.ts) turns query results into a `Chart`, the
 * injected `PictureRenderer` draws it as PNG bytes, and the reply carries the bytes (`Reply.picture`). Adapters
 * only send bytes; the renderer (Vega-Lite → Skia canvas → PNG, one bundled font) lives in src/pictures.
 */
import type { Chart, Picture } from "./reply.ts";

/** A chart ready to draw (declared with the Reply, which may carry one still to draw). */
export type { Chart };

/** Draws charts. Rejects when a chart cannot be drawn; the command then answers in text. */
export interface PictureRenderer {
  render(chart: Chart): Promise<Picture>;
}
