/**
 * The retention job (ARCHIVE_KEEP_DAYS): the cutoff it asks the store for, what it logs, and that a failing
 * run is logged without stopping the bot.
 */
import { describe, expect, it } from "vitest";
import type { ArchiveRetentionStore } from "../../src/core/store.ts";
import { recordingLogger } from "../../src/logging.ts";
import { startRetention } from "../../src/schedule/retention.ts";

const NOW = new Date("2026-03-01T10:00:00Z");
const clock = { now: () => NOW };

describe("archive retention job", () => {
  it("prunes the bodies older than the kept days and logs how many", async () => {
    const asked: Date[] = [];
    const store: ArchiveRetentionStore = {
      async pruneArticleBodies(before) {
        asked.push(before);
        return { pruned: 1234, before };
      },
    };
    const logger = recordingLogger();
    const r = startRetention({ keepDays: 30, store, clock, logger });
    await r.runOnce();
    await r.stop();
    expect(asked).toEqual([new Date("2026-01-30T10:00:00Z")]);
    const line = logger.entries.find((e) => e.msg.startsWith("archive retention"));
    expect(line?.level).toBe("info");
    expect(line?.fields).toMatchObject({ pruned: 1234, keepDays: 30, before: "2026-01-30T10:00:00.000Z" });
  });

  it("a failing run is logged as an error and the next one runs again", async () => {
    let calls = 0;
    const store: ArchiveRetentionStore = {
      async pruneArticleBodies(before) {
        calls++;
        if (calls === 1) throw new Error("database is locked");
        return { pruned: 0, before };
      },
    };
    const logger = recordingLogger();
    const r = startRetention({ keepDays: 365, store, clock, logger });
    await expect(r.runOnce()).resolves.toBeUndefined();
    const err = logger.entries.find((e) => e.level === "error");
    expect(err?.msg).toBe("archive retention failed");
    expect(String((err?.fields.error as Error | undefined)?.message)).toContain("database is locked");
    await r.runOnce();
    await r.stop();
    expect(calls).toBe(2);
    expect(logger.entries.filter((e) => e.level === "info" && e.fields.pruned === 0)).toHaveLength(1);
  });

  it("runs never overlap: a run asked while one is going joins it", async () => {
    let release: () => void = () => {};
    let calls = 0;
    const store: ArchiveRetentionStore = {
      pruneArticleBodies: (before) =>
        new Promise((resolve) => {
          calls++;
          release = () => resolve({ pruned: 3, before });
        }),
    };
    const r = startRetention({ keepDays: 10, store, clock, logger: recordingLogger() });
    const a = r.runOnce();
    const b = r.runOnce();
    release();
    await Promise.all([a, b]);
    await r.stop();
    expect(calls).toBe(1);
  });

  it("refuses a malformed schedule", () => {
    const store: ArchiveRetentionStore = { pruneArticleBodies: async (before) => ({ pruned: 0, before }) };
    expect(() => startRetention({ keepDays: 1, store, clock, logger: recordingLogger(), cron: "every day" })).toThrow(
      /every day/,
    );
  });
});
