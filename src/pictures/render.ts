/**
 * Draws a `Chart`: Vega-Lite → Vega's canvas renderer drawing straight onto a Skia canvas (@napi-rs/canvas, no
 * browser, no SVG step) → PNG. Skia knows only the bundled DejaVu fonts (system fonts are never loaded), so a
 * picture is identical on every machine. The libraries load on the first picture: a bot that never draws does
 * not pay their memory. Pictures are drawn one at a time (PNG encoding runs on libuv's thread pool).
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
  createCanvas: typeof import("@napi-rs/canvas").createCanvas;
};

let libraries: Promise<Libraries> | undefined;

/**
 * Loads Vega, Vega-Lite and the canvas once, gives the canvas the bundled fonts only, and makes Vega measure
 * text with them.
 */
function loadLibraries(): Promise<Libraries> {
  libraries ??= (async () => {
    // Read by @napi-rs/canvas when it loads: without it, it would also scan the machine's font folders.
    process.env.DISABLE_SYSTEM_FONTS_LOAD = "1";
    const [vega, vl, canvas] = await Promise.all([import("vega"), import("vega-lite"), import("@napi-rs/canvas")]);
    const files = fontFiles();
    for (const file of [files.regular, files.bold]) {
      if (!canvas.GlobalFonts.registerFromPath(file, FONT_FAMILY)) throw new Error(`cannot load the font ${file}`);
    }
    const metrics = fontMetrics();
    // Vega lays out titles and legends with estimated text widths unless told how wide text really is.
    const textMetrics = (vega as unknown as { textMetrics: { width: MeasureText } }).textMetrics;
    textMetrics.width = (item, text) =>
      metrics.width(
        String(text ?? ""),
        item.fontSize ?? 11,
        item.fontWeight === "bold" || Number(item.fontWeight) >= 600,
      );
    return { vega, compile: vl.compile, createCanvas: canvas.createCanvas };
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

/**
 * Width and height in design pixels of a view that has run: the plot and its padding, the sum vega-view's own
 * headless renderer makes (Vega has no public getter for the laid-out size).
 */
function laidOutSize(view: import("vega").View): { width: number; height: number } {
  const p = view.padding() as { left: number; right: number; top: number; bottom: number };
  const inner = view as unknown as { _viewWidth: number; _viewHeight: number };
  return {
    width: Math.max(1, inner._viewWidth + p.left + p.right),
    height: Math.max(1, inner._viewHeight + p.top + p.bottom),
  };
}

/** Draws one chart in this thread (the child process calls this; tests may too). */
export async function drawChart(chart: Chart, scale: number = SCALE, logger: Logger = silentLogger): Promise<Picture> {
  const { vega, compile, createCanvas } = await loadLibraries();
  const log = vegaLogger(logger);
  const spec = compile(chart.spec as never, { logger: log as never }).spec;
  const view = new vega.View(vega.parse(spec), { renderer: "none", logger: log as never });
  try {
    await view.runAsync();
    const { width, height } = laidOutSize(view);
    const canvas = createCanvas(Math.ceil(width * scale), Math.ceil(height * scale));
    await view.toCanvas(scale, { externalContext: canvas.getContext("2d") } as never);
    const png = await canvas.encode("png");
    return {
      png: new Uint8Array(png.buffer, png.byteOffset, png.byteLength),
      width: canvas.width,
      height: canvas.height,
      filename: chart.filename,
      alt: chart.alt,
    };
  } finally {
    view.finalize();
  }
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
