/**
 * Draws a `Chart`: Vega-Lite → Vega → SVG (renderer "none": no canvas, no browser) → PNG with resvg, which
 * loads only the bundled DejaVu fonts (never system fonts), so a picture is identical on every machine.
 * The libraries load on the first picture: a bot that never draws does not pay their memory. Pictures are drawn
 * one at a time (resvg runs on libuv's thread pool and does not block the event loop).
 */
import type { Logger } from "../core/logger.ts";
import { silentLogger } from "../core/logger.ts";
import type { Chart, PictureRenderer } from "../core/picture.ts";
import type { Picture } from "../core/reply.ts";
import { FONT_FAMILY, fontFiles, fontMetrics } from "./font.ts";
import { childDraw, type RendererStats } from "./render-pool.ts";
import { SCALE } from "./style.ts";

/** Options of `createPictureRenderer`. */
export interface PictureRendererOptions {
  logger?: Logger;
  /** Pixels per design pixel (default 2: a 600-pixel design becomes a picture about 1,260 pixels wide). */
  scale?: number;
  /** Draw in a child process that exits when idle (default true); false draws in this thread. */
  isolate?: boolean;
  /** Idle time before the child process exits (default 30,000 ms). */
  idleMs?: number;
  /** A picture not drawn within this time fails (default 60,000 ms; child process only). */
  timeoutMs?: number;
}

type MeasureText = (item: { fontSize?: number; fontWeight?: string | number }, text: unknown) => number;

type Libraries = {
  vega: typeof import("vega");
  compile: typeof import("vega-lite").compile;
  renderAsync: typeof import("@resvg/resvg-js").renderAsync;
};

let libraries: Promise<Libraries> | undefined;

/** Loads Vega, Vega-Lite and resvg once, and makes Vega measure text with the bundled font. */
function loadLibraries(): Promise<Libraries> {
  libraries ??= (async () => {
    const [vega, vl, resvg] = await Promise.all([import("vega"), import("vega-lite"), import("@resvg/resvg-js")]);
    const metrics = fontMetrics();
    // Vega lays out titles and legends with estimated text widths unless told how wide text really is.
    const textMetrics = (vega as unknown as { textMetrics: { width: MeasureText } }).textMetrics;
    textMetrics.width = (item, text) =>
      metrics.width(
        String(text ?? ""),
        item.fontSize ?? 11,
        item.fontWeight === "bold" || Number(item.fontWeight) >= 600,
      );
    return { vega, compile: vl.compile, renderAsync: resvg.renderAsync };
  })();
  return libraries;
}

/** A Vega/Vega-Lite logger that forwards warnings to ours. */
function vegaLogger(logger: Logger) {
  let level = 2;
  const self = {
    level(l?: number) {
      if (l === undefined) return level;
      level = l;
      return self;
    },
    error: (...args: unknown[]) => {
      logger.warn("chart library error", { detail: args.map(String).join(" ").slice(0, 300) });
      return self;
    },
    warn: (...args: unknown[]) => {
      logger.debug("chart library warning", { detail: args.map(String).join(" ").slice(0, 300) });
      return self;
    },
    info: () => self,
    debug: () => self,
  };
  return self;
}

/** Draws one chart in this thread (the child process calls this; tests may too). */
export async function drawChart(chart: Chart, scale: number = SCALE, logger: Logger = silentLogger): Promise<Picture> {
  const { vega, compile, renderAsync } = await loadLibraries();
  const files = fontFiles();
  const log = vegaLogger(logger);
  const spec = compile(chart.spec as never, { logger: log as never }).spec;
  const view = new vega.View(vega.parse(spec), { renderer: "none", logger: log as never });
  let svg: string;
  try {
    svg = await view.toSVG();
  } finally {
    view.finalize();
  }
  const image = await renderAsync(svg, {
    font: {
      loadSystemFonts: false,
      fontFiles: [files.regular, files.bold],
      defaultFontFamily: FONT_FAMILY,
      sansSerifFamily: FONT_FAMILY,
    },
    fitTo: { mode: "zoom", value: scale },
    background: "#ffffff",
    shapeRendering: 2,
    textRendering: 1,
  });
  return {
    png: new Uint8Array(image.asPng()),
    width: image.width,
    height: image.height,
    filename: chart.filename,
    alt: chart.alt,
  };
}

/** The renderer with what its child process did last (benchmarks). */
export interface IsolatedPictureRenderer extends PictureRenderer {
  stats(): RendererStats;
}

/**
 * Creates the renderer the composition root gives to commands as `Services.pictures`. By default pictures are
 * drawn in a child process that exits after `idleMs` without work (default 30 s): the libraries' memory goes back
 * to the system when the bot is at rest. `isolate: false` draws in this thread.
 */
export function createPictureRenderer(opts: PictureRendererOptions = {}): IsolatedPictureRenderer {
  const logger = opts.logger ?? silentLogger;
  const scale = opts.scale ?? SCALE;
  let queue: Promise<unknown> = Promise.resolve();
  const child =
    opts.isolate === false
      ? null
      : childDraw({
          scale,
          idleMs: opts.idleMs ?? 30_000,
          logger,
          ...(opts.timeoutMs ? { timeoutMs: opts.timeoutMs } : {}),
        });
  const draw = child ? child.draw : (chart: Chart) => drawChart(chart, scale, logger);
  const none: RendererStats = { pid: null, lastCpuMs: 0, lastRssMb: 0, peakRssMb: 0, starts: 0 };
  return {
    render(chart) {
      const run = queue.then(() => draw(chart));
      queue = run.catch(() => undefined);
      return run;
    },
    stats: () => child?.stats() ?? none,
  };
}
