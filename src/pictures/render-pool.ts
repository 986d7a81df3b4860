/**
 * The renderer's child process: started on the first picture, it exits after an idle time, so the memory of
 * Vega, Vega-Lite and the Skia canvas (about 170 MB of RSS while drawing) goes back to the system when the bot is at rest.
 * A worker thread did not give it back: its heap was freed, but the process kept about 65 MB of it. The child
 * runs ./render-child.ts through tsx's loader; PNG bytes come back over IPC (advanced serialisation, no base64).
 */
import { type ChildProcess, fork } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Logger } from "../core/logger.ts";
import type { Chart } from "../core/picture.ts";
import type { Picture } from "../core/reply.ts";

const require = createRequire(import.meta.url);
const CHILD = fileURLToPath(new URL("./render-child.ts", import.meta.url));

/** A request to the child and its answer (with what drawing cost in the child). */
export type RenderRequest = { id: number; chart: Chart; scale: number };
export type RenderReply = { id: number; picture?: Picture; error?: string; cpuMs: number; rssMb: number };

/** What the renderer's process did last: for benchmarks and logs. */
export interface RendererStats {
  /** Process id of the child while it runs, else null. */
  pid: number | null;
  /** CPU time (user + system) the child spent on the last picture, ms. */
  lastCpuMs: number;
  /** The child's RSS after the last picture, and the highest seen, MB. */
  lastRssMb: number;
  peakRssMb: number;
  /** Children started so far (one per busy period). */
  starts: number;
}

export interface ChildDrawOptions {
  scale: number;
  /** The child exits after this long without work. */
  idleMs: number;
  /** A picture not drawn within this time fails, and the child is stopped (default 60 s). */
  timeoutMs?: number;
  logger: Logger;
}

/** A draw function backed by one child process (callers draw one chart at a time), and its stats. */
export function childDraw(opts: ChildDrawOptions): {
  draw: (chart: Chart) => Promise<Picture>;
  stats: () => RendererStats;
} {
  const { logger } = opts;
  const timeoutMs = opts.timeoutMs ?? 60_000;
  let child: ChildProcess | null = null;
  let idle: NodeJS.Timeout | null = null;
  let next = 0;
  const stats: RendererStats = { pid: null, lastCpuMs: 0, lastRssMb: 0, peakRssMb: 0, starts: 0 };
  const waiting = new Map<number, { resolve: (p: Picture) => void; reject: (e: Error) => void }>();
  const failAll = (err: Error) => {
    for (const w of waiting.values()) w.reject(err);
    waiting.clear();
  };
  const stop = (c: ChildProcess | null) => {
    if (!c) return;
    if (child === c) {
      child = null;
      stats.pid = null;
    }
    if (c.connected) c.disconnect();
    if (c.exitCode === null && c.signalCode === null) c.kill();
  };

  const start = (): ChildProcess => {
    if (child) return child;
    const c = fork(CHILD, [], {
      execArgv: ["--import", pathToFileURL(require.resolve("tsx")).href],
      serialization: "advanced",
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    stats.starts++;
    stats.pid = c.pid ?? null;
    c.on("message", (r: RenderReply) => {
      stats.lastCpuMs = r.cpuMs;
      stats.lastRssMb = r.rssMb;
      stats.peakRssMb = Math.max(stats.peakRssMb, r.rssMb);
      const pending = waiting.get(r.id);
      waiting.delete(r.id);
      if (r.picture) pending?.resolve({ ...r.picture, png: new Uint8Array(r.picture.png) });
      else pending?.reject(new Error(r.error ?? "picture process gave no picture"));
    });
    c.on("error", (err) => {
      logger.error("picture process failed", { error: err.message });
      stop(c);
      failAll(err);
    });
    c.on("exit", (code, signal) => {
      if (child === c) {
        child = null;
        stats.pid = null;
      }
      if (waiting.size > 0) failAll(new Error(`picture process exited (${signal ?? code})`));
    });
    child = c;
    return c;
  };

  function armIdle(): void {
    if (idle) clearTimeout(idle);
    // Never keeps the bot (or a script) alive by itself once nothing is being drawn.
    if (waiting.size === 0) {
      child?.unref();
      child?.channel?.unref();
    }
    idle = setTimeout(() => stop(child), opts.idleMs);
    idle.unref();
  }

  const draw = (chart: Chart) =>
    new Promise<Picture>((resolve, reject) => {
      if (idle) clearTimeout(idle);
      const id = next++;
      const c = start();
      const timer = setTimeout(() => {
        if (!waiting.has(id)) return;
        logger.error("picture took too long: drawing process stopped", { timeoutMs });
        stop(c);
        failAll(new Error(`picture not drawn within ${timeoutMs} ms`));
      }, timeoutMs);
      const settle = () => {
        clearTimeout(timer);
        armIdle();
      };
      waiting.set(id, {
        resolve: (p) => {
          settle();
          resolve(p);
        },
        reject: (e) => {
          settle();
          reject(e);
        },
      });
      // Referenced while a picture is being drawn (a script waits for it), unreferenced when idle.
      c.ref();
      c.channel?.ref();
      c.send({ id, chart, scale: opts.scale } satisfies RenderRequest);
    });
  return { draw, stats: () => ({ ...stats }) };
}
