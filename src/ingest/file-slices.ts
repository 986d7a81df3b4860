/**
 * A local file read from disk slice by slice, for `ingest FILE` and `check FILE`: a feed file is never one
 * buffer in memory (a 33 MB feed held 33 MB for the whole import, with everything decoded from it). Reads are
 * synchronous, 64 KiB at a time, because the feed parser pulls its text from a synchronous iterator; each pass
 * opens the file and closes it when it ends or is abandoned. At most `size` bytes are read (the size found when
 * the file was checked against FETCH_MAX_BYTES), so a file that grows meanwhile cannot pass the limit.
 */
import { closeSync, openSync, readSync } from "node:fs";
import type { ByteSample } from "./charset.ts";

export const SLICE_BYTES = 65_536;

/** Up to `length` bytes of the file from `start` (fewer at its end). */
export function readRange(path: string, start: number, length: number): Buffer {
  const fd = openSync(path, "r");
  try {
    const buf = Buffer.alloc(length);
    let got = 0;
    while (got < length) {
      const n = readSync(fd, buf, got, length - got, start + got);
      if (n === 0) break;
      got += n;
    }
    return buf.subarray(0, got);
  } finally {
    closeSync(fd);
  }
}

/**
 * The file's first `size` bytes, in order, in slices. With `reuse`, one buffer serves every slice (for passes
 * that only look at the bytes); without, each slice is its own buffer (for decoders that may keep a reference).
 */
export function* fileSlices(path: string, size: number, opts: { reuse?: boolean } = {}): Generator<Buffer> {
  const fd = openSync(path, "r");
  try {
    const shared = opts.reuse ? Buffer.allocUnsafe(SLICE_BYTES) : null;
    for (let pos = 0; pos < size; ) {
      const buf = shared ?? Buffer.allocUnsafe(Math.min(SLICE_BYTES, size - pos));
      const n = readSync(fd, buf, 0, Math.min(buf.length, size - pos), pos);
      if (n === 0) return;
      yield buf.subarray(0, n);
      pos += n;
    }
  } finally {
    closeSync(fd);
  }
}

/** The file as charset detection reads it (./charset.ts): its head in memory, the rest on demand. */
export function fileSample(path: string, size: number, head: Buffer): ByteSample {
  return {
    head,
    slices: () => fileSlices(path, size, { reuse: true }),
    range: (start, length) => readRange(path, start, Math.max(0, Math.min(length, size - start))),
  };
}
