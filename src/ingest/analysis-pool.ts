/**
 * A worker_threads pool for document analysis during ingestion, so analysing one batch overlaps with storing
 * the previous one. Workers load ./analysis-worker.ts through tsx's loader (registered inside each worker, so
 * this works under `tsx`, `node --import tsx` and vitest alike). Started lazily on the first big batch and
 * stopped after a short idle time, so a bot that only polls small feeds never pays for the threads' memory.
 */
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { Taxonomy } from "../analysis/taxonomy.ts";
import type { AnalysisInput, DocumentAnalysis } from "../core/analysis-types.ts";
import type { Logger } from "../core/logger.ts";

/** One message to a worker. */
export interface PoolRequest {
  id: number;
  inputs: AnalysisInput[];
}

/** A worker's answer: one result per input, in order. */
export interface PoolReply {
  id: number;
  results: AnalysisResult[];
}

/** The analysis of one input, or why it failed. */
export type AnalysisResult = { ok: DocumentAnalysis } | { error: string };

/** Options of {@link createAnalysisPool}. */
export interface AnalysisPoolOptions {
  /**
   * Worker count; defaults to the available cores minus one (at least 1): the main thread is busy too (feed
   * parse, story grouping, the store's statements). Measured on 2 cores, 5,000 items into SQLite: 1 worker
   * ≈ 630 articles/s, 2 workers ≈ 540/s (three busy threads on two cores), no pool ≈ 460/s.
   */
  size?: number;
  /** Taxonomy the workers classify with (structured-cloned once per worker); the default one when omitted. */
  taxonomy?: Taxonomy;
  /** Workers are terminated after this long without work (default 10 s). */
  idleMs?: number;
  logger?: Logger;
}

/** The pool: analyses many inputs across the workers. */
export interface AnalysisPool {
  readonly size: number;
  /**
   * One result per input (workers start on the first call and take ~0.6 s to load the analysis modules).
   * Analysing in-process meanwhile was measured slower on 2 cores: both threads then load the same modules.
   */
  analyzeMany(inputs: AnalysisInput[]): Promise<AnalysisResult[]>;
  close(): Promise<void>;
}

const require = createRequire(import.meta.url);
const WORKER_URL = new URL("./analysis-worker.ts", import.meta.url).href;
// The worker is a plain script that registers tsx, then imports the TypeScript worker module.
const BOOTSTRAP = `
const { workerData } = require("node:worker_threads");
import(workerData.tsxApi).then((api) => { api.register(); return import(workerData.workerUrl); })
  .catch((err) => { console.error(err); process.exit(1); });
`;

/** tsx's ESM API entry (require.resolve finds the CommonJS one, which cannot register the ESM hooks here). */
function tsxApiPath(): string {
  const cjs = require.resolve("tsx/esm/api");
  const mjs = cjs.replace(/\.cjs$/, ".mjs");
  return existsSync(mjs) ? mjs : cjs;
}

interface Slot {
  worker: Worker;
  busy: number;
}

/** Creates the pool (no thread starts before the first call). */
export function createAnalysisPool(opts: AnalysisPoolOptions = {}): AnalysisPool {
  const size = Math.max(1, Math.floor(opts.size ?? availableParallelism() - 1));
  const idleMs = opts.idleMs ?? 10_000;
  let slots: Slot[] = [];
  let nextId = 1;
  const waiting = new Map<number, { resolve: (r: AnalysisResult[]) => void; reject: (e: Error) => void }>();
  let idleTimer: NodeJS.Timeout | null = null;
  let active = 0;
  // After a worker failure the pool stays down: callers analyse in-process rather than respawn every batch.
  let broken: Error | null = null;

  const failAll = (err: Error) => {
    for (const w of waiting.values()) w.reject(err);
    waiting.clear();
  };

  function start(): Slot[] {
    if (slots.length > 0) return slots;
    const tsxApi = pathToFileURL(tsxApiPath()).href;
    slots = Array.from({ length: size }, () => {
      const worker = new Worker(BOOTSTRAP, {
        eval: true,
        // Not inheriting the parent's flags: tsx is registered by the bootstrap, exactly once.
        execArgv: [],
        // A small young generation, as `npm start` and the newsbot command give the main thread
        // (--max-semi-space-size=2): ~30 MB less resident per worker during a big import.
        resourceLimits: { maxYoungGenerationSizeMb: 6 },
        workerData: { tsxApi, workerUrl: WORKER_URL, taxonomy: opts.taxonomy },
      });
      const slot: Slot = { worker, busy: 0 };
      worker.on("message", (reply: PoolReply) => {
        const w = waiting.get(reply.id);
        waiting.delete(reply.id);
        w?.resolve(reply.results);
      });
      worker.on("error", (err) => {
        opts.logger?.error("analysis worker failed", { error: err.message });
        broken = err;
        void stop();
        failAll(err);
      });
      worker.on("exit", (code) => {
        if (code === 0 || waiting.size === 0) return;
        broken ??= new Error(`analysis worker exited with code ${code}`);
        failAll(broken);
      });
      worker.unref();
      return slot;
    });
    return slots;
  }

  async function stop(): Promise<void> {
    if (idleTimer) clearTimeout(idleTimer);
    idleTimer = null;
    const old = slots;
    slots = [];
    await Promise.all(old.map((s) => s.worker.terminate()));
  }

  function send(slot: Slot, inputs: AnalysisInput[]): Promise<AnalysisResult[]> {
    const id = nextId++;
    // A busy worker keeps the process alive (an awaited analysis must finish); an idle one never does.
    if (slot.busy++ === 0) slot.worker.ref();
    return new Promise<AnalysisResult[]>((resolve, reject) => {
      waiting.set(id, { resolve, reject });
      slot.worker.postMessage({ id, inputs } satisfies PoolRequest);
    }).finally(() => {
      if (--slot.busy === 0) slot.worker.unref();
    });
  }

  return {
    size,
    async analyzeMany(inputs) {
      if (inputs.length === 0) return [];
      if (broken) throw broken;
      if (idleTimer) clearTimeout(idleTimer);
      idleTimer = null;
      active++;
      try {
        const pool = start();
        // Contiguous slices, one per worker, least busy first.
        const order = [...pool].sort((a, b) => a.busy - b.busy);
        const per = Math.ceil(inputs.length / order.length);
        const parts: Array<Promise<AnalysisResult[]>> = [];
        for (let i = 0, k = 0; i < inputs.length; i += per, k++) {
          parts.push(send(order[k] as Slot, inputs.slice(i, i + per)));
        }
        return (await Promise.all(parts)).flat();
      } finally {
        active--;
        if (active === 0 && slots.length > 0) {
          idleTimer = setTimeout(() => void stop(), idleMs);
          idleTimer.unref();
        }
      }
    },
    close: stop,
  };
}
