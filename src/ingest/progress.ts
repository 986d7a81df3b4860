/**
 * Progress display for long imports. On a terminal: one line rewritten in place (count/total, rate,
 * ETA), at most ~10 times a second. Elsewhere (logs, pipes): a plain line every N items or every few
 * seconds, so logs stay short.
 */
import type { IngestProgress } from "./ingest-items.ts";

/** The part of a stream the reporter needs (process.stderr fits). */
export interface ProgressStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
}

export interface ProgressOptions {
  stream: ProgressStream;
  /** Overrides stream.isTTY. */
  tty?: boolean;
  /** Milliseconds clock (default Date.now), injected in tests. */
  now?: () => number;
  /** Non-TTY: print every this many items (default 100)... */
  everyItems?: number;
  /** ...or when this long passed since the last line (default 5 s). */
  everyMs?: number;
  /** TTY: minimum time between redraws (default 100 ms). */
  minIntervalMs?: number;
  label?: string;
}

export interface ProgressReporter {
  /** Takes the pipeline's onProgress payload. */
  update(p: IngestProgress): void;
  /** Prints the final state (always) and ends the TTY line. */
  done(): void;
}

/** Formats a duration in seconds as "42 s", "3 min 05 s" or "1 h 02 min". */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, "0")} s`;
  return `${Math.floor(s / 3600)} h ${String(Math.floor((s % 3600) / 60)).padStart(2, "0")} min`;
}

/** Creates a reporter writing to the given stream. */
export function createProgressReporter(opts: ProgressOptions): ProgressReporter {
  const now = opts.now ?? Date.now;
  const tty = opts.tty ?? opts.stream.isTTY === true;
  const everyItems = opts.everyItems ?? 100;
  const everyMs = opts.everyMs ?? 5000;
  const minInterval = opts.minIntervalMs ?? 100;
  const started = now();
  let last: IngestProgress | null = null;
  let lastWrite = Number.NEGATIVE_INFINITY;
  let lastDoneWritten = 0;
  let wroteTty = false;
  let lastWritten: IngestProgress | null = null;

  const describe = (p: IngestProgress): string => {
    const elapsed = Math.max((now() - started) / 1000, 0.001);
    const rate = p.done / elapsed;
    const parts = [`${opts.label ? `${opts.label} ` : ""}${p.done}/${p.total}`];
    parts.push(`${rate >= 10 ? Math.round(rate) : rate.toFixed(1)}/s`);
    if (p.done < p.total && rate > 0) parts.push(`ETA ${formatDuration((p.total - p.done) / rate)}`);
    parts.push(`new ${p.inserted}, dup ${p.duplicates}, failed ${p.failed}`);
    if (p.source) parts.push(p.source);
    return parts.join(" · ");
  };

  const write = (p: IngestProgress) => {
    if (tty) {
      opts.stream.write(`\r${describe(p)}\x1b[K`);
      wroteTty = true;
    } else opts.stream.write(`${describe(p)}\n`);
    lastWrite = now();
    lastDoneWritten = p.done;
    lastWritten = p;
  };

  return {
    update(p) {
      last = p;
      const t = now();
      if (tty) {
        if (t - lastWrite >= minInterval || p.done === p.total) write(p);
      } else if (p.done - lastDoneWritten >= everyItems || t - lastWrite >= everyMs) {
        write(p);
      }
    },
    done() {
      if (last && last !== lastWritten) write(last);
      if (tty && wroteTty) opts.stream.write("\n");
    },
  };
}
