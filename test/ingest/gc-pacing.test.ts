import { describe, expect, it } from "vitest";
import { gcPacer } from "../../src/ingest/gc-pacing.ts";

const MB = 1_048_576;

describe("gcPacer (memory of long imports)", () => {
  it("collects only once the heap has grown by a step since the last collection", () => {
    let heap = 50 * MB;
    let collections = 0;
    const pace = gcPacer({
      stepMb: 16,
      heapUsed: () => heap,
      collect: () => {
        collections++;
        heap = 55 * MB; // what is still alive after the collection
      },
    });
    heap = 60 * MB;
    pace();
    expect(collections).toBe(0); // grew 10 MB: below the step
    heap = 67 * MB;
    pace();
    expect(collections).toBe(1); // grew 17 MB
    heap = 70 * MB;
    pace();
    expect(collections).toBe(1); // measured from what survived (55 MB), not from the start
    heap = 72 * MB;
    pace();
    expect(collections).toBe(2);
  });

  it("takes a larger step for a call that passes one (polls), the default for the others", () => {
    let heap = 40 * MB;
    let collections = 0;
    const pace = gcPacer({
      stepMb: 16,
      heapUsed: () => heap,
      collect: () => {
        collections++;
        heap = 40 * MB;
      },
    });
    heap = 60 * MB;
    pace(32);
    expect(collections).toBe(0); // a poll: 20 MB is below its step
    pace();
    expect(collections).toBe(1); // a big import: over its 16 MB
    heap = 73 * MB;
    pace(32);
    expect(collections).toBe(2); // 33 MB since the last collection
  });

  it("uses the engine's collector when none is given, without --expose-gc", () => {
    const before = process.memoryUsage().heapUsed;
    const pace = gcPacer({ stepMb: 1 });
    // ~40 MB of garbage: the collector must run and bring the heap back down
    let junk: number[][] = [];
    for (let i = 0; i < 400; i++) junk.push(new Array<number>(10_000).fill(i + 0.5));
    junk = [];
    expect(junk).toHaveLength(0);
    const grown = process.memoryUsage().heapUsed;
    expect(grown - before).toBeGreaterThan(10 * MB);
    pace();
    expect(process.memoryUsage().heapUsed).toBeLessThan(grown - 10 * MB);
  });
});
