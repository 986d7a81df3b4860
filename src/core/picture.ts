/**
 * Charts as commands see them: a pure builder (src/pictures/*-chart.ts) turns query results into a `Chart`, the
 * injected `PictureRenderer` draws it as PNG bytes, and the reply carries the bytes (`Reply.picture`). Adapters
 * only send bytes; the renderer (Vega-Lite → SVG → resvg, one bundled font) lives in src/pictures.
 */
import type { Picture } from "./reply.ts";

/** A chart ready to draw: a Vega-Lite specification (plain JSON); the renderer reports the picture's size. */
export interface Chart {
  /** Vega-Lite specification with its data inlined; built by src/pictures, opaque to everyone else. */
  spec: Record<string, unknown>;
  /** File name ending in .png. */
  filename: string;
  /** One-sentence description of what the chart shows. */
  alt: string;
}

/** Draws charts. Rejects when a chart cannot be drawn; the command then answers in text. */
export interface PictureRenderer {
  render(chart: Chart): Promise<Picture>;
}
