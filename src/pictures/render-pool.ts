/**
 * The renderer's worker thread: started on the first picture, stopped after an idle time, so the memory of
 * Vega, Vega-Lite and resvg is given back when the bot is at rest. The worker loads ./render-worker.ts through
 * tsx's loader (registered inside the worker, as the analysis pool does).
 */
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { Logger } from "../core/logger.ts";
import type { Chart } from "../core/picture.ts";
import type { Picture } from "../core/reply.ts";

const require = createRequire(import.meta.url);
const WORKER_URL = new URL("./render-worker.ts", import.meta.url).href;
const BOOTSTRAP = `
const { workerData } = require("node:worker_threads");
import(workerData.tsxApi).then((api) => { api.register(); return import(workerData.workerUrl); })
  .catch((err) => { console.error(err); process.exit(1); });
`;

function tsxApiPath(): string {
  const cjs = require.resolve("tsx/esm/api");
  const mjs = cjs.replace(/\.cjs$/, ".mjs");
  return existsSync(mjs) ? mjs : cjs;
}

/** A request to the worker and its answer. */
export type RenderRequest = { id: number; chart: Chart; scale: number };
export type RenderReply = { id: number; picture?: Picture; error?: string };

/** Returns a draw function backed by one worker thread (callers draw one chart at a time). */
export function workerDraw(scale: number, idleMs: number, logger: Logger): (chart: Chart) => Promise<Picture> {
  let worker: Worker | null = null;
  let idle: NodeJS.Timeout | null = null;
  let next = 0;
  const waiting = new Map<number, { resolve: (p: Picture) => void; reject: (e: Error) => void }>();
  const failAll = (err: Error) => {
    for (const w of waiting.values()) w.reject(err);
    waiting.clear();
  };
  const start = (): Worker => {
    if (worker) return worker;
    const w = new Worker(BOOTSTRAP, {
      eval: true,
      execArgv: [],
      workerData: { tsxApi: pathToFileURL(tsxApiPath()).href, workerUrl: WORKER_URL },
    });
    w.on("message", (r: RenderReply) => {
      const pending = waiting.get(r.id);
      waiting.delete(r.id);
      if (r.picture) pending?.resolve({ ...r.picture, png: new Uint8Array(r.picture.png) });
      else pending?.reject(new Error(r.error ?? "picture worker gave no picture"));
    });
    w.on("error", (err) => {
      logger.error("picture worker failed", { error: err.message });
      worker = null;
      failAll(err);
    });
    w.on("exit", (code) => {
      if (worker === w) worker = null;
      if (waiting.size > 0) failAll(new Error(`picture worker exited with code ${code}`));
    });
    worker = w;
    return w;
  };
  return (chart) =>
    new Promise<Picture>((resolve, reject) => {
      if (idle) clearTimeout(idle);
      const id = next++;
      waiting.set(id, {
        resolve: (p) => {
          resolve(p);
          armIdle();
        },
        reject: (e) => {
          reject(e);
          armIdle();
        },
      });
      // Referenced while a picture is being drawn (a script waits for it), unreferenced when idle.
      const w = start();
      w.ref();
      w.postMessage({ id, chart, scale } satisfies RenderRequest);
    });

  function armIdle(): void {
    if (idle) clearTimeout(idle);
    if (waiting.size === 0) worker?.unref();
    idle = setTimeout(() => {
      const w = worker;
      worker = null;
      void w?.terminate();
    }, idleMs);
    idle.unref();
  }
}
