/**
 * Garbage-collection pacing for long imports. V8 sizes its heap for throughput: while a 20,000-item feed is
 * stored, the heap grew to several times what was alive (measured: 60–80 MB alive, 400+ MB resident). A full
 * collection each time the heap has grown by a step keeps the resident size near what is alive, for about
 * one collection per 1,000 articles. Many small polls grow the heap as one import does (a 10,000-feed poller:
 * 293 MB of heap, 447 MB resident without pacing); they pace with a larger step, since each forced collection
 * costs ~0.2 s of CPU there (./ingest-items.ts).
 */
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

let exposed: (() => void) | null | undefined;

/** The engine's full collector: `globalThis.gc` when Node runs with --expose-gc, else exposed at run time. */
function engineCollector(): (() => void) | null {
  if (exposed !== undefined) return exposed;
  const existing = (globalThis as { gc?: () => void }).gc;
  try {
    // Node documents this use of v8.setFlagsFromString; a new context then sees the collector as `gc`.
    if (!existing) setFlagsFromString("--expose-gc");
    exposed = existing ?? (runInNewContext("gc") as () => void);
  } catch {
    exposed = null;
  }
  return exposed;
}

export interface GcPacerOptions {
  /** Heap growth (MiB) that triggers a collection (default 16). */
  stepMb?: number;
  /** Reads the heap in use (default: process.memoryUsage().heapUsed). */
  heapUsed?: () => number;
  /** Runs a full collection (default: the engine's). */
  collect?: () => void;
}

/**
 * A function to call between batches: runs a full collection when the heap grew by a step since the last one.
 * A caller may pass a larger step for its call (polls: a forced collection costs the same whoever calls it).
 */
export function gcPacer(opts: GcPacerOptions = {}): (stepMb?: number) => void {
  const heapUsed = opts.heapUsed ?? (() => process.memoryUsage().heapUsed);
  let floor = heapUsed();
  return (stepMb = opts.stepMb ?? 16) => {
    if (heapUsed() - floor < stepMb * 1_048_576) return;
    (opts.collect ?? engineCollector() ?? (() => {}))();
    floor = heapUsed();
  };
}
