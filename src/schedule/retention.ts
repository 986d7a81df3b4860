/**
 * Archive retention (ARCHIVE_KEEP_DAYS): at start-up and then daily, empties the bodies of articles older than
 * the kept days, keeping titles, quotes, events, people and topics (src/store/retention.ts). Each run is logged
 * with its count; a failing run is logged, never fatal; runs never overlap. Several processes on one
 * PostgreSQL may run it at once: the store makes them take turns, and each body is emptied once.
 */
import cron from "node-cron";
import type { Clock, Logger } from "../core/logger.ts";
import type { ArchiveRetentionStore } from "../core/store.ts";

/** Daily, at night (the process's time zone), when feeds and readers are quiet. */
export const RETENTION_CRON = "17 4 * * *";

export interface RetentionOptions {
  keepDays: number;
  store: ArchiveRetentionStore;
  clock: Clock;
  logger: Logger;
  /** node-cron expression of the runs after the first (default RETENTION_CRON). */
  cron?: string;
}

export interface Retention {
  /** Prunes now (also run at start-up); resolves when done. */
  runOnce(): Promise<void>;
  /** Stops the schedule and waits for a run in progress. */
  stop(): Promise<void>;
}

export function startRetention(opts: RetentionOptions): Retention {
  const expression = opts.cron ?? RETENTION_CRON;
  if (!cron.validate(expression)) throw new Error(`not a valid cron expression for retention: ${expression}`);
  let running: Promise<void> | null = null;
  const runOnce = (): Promise<void> => {
    if (running) return running;
    running = (async () => {
      const before = new Date(opts.clock.now().getTime() - opts.keepDays * 86_400_000);
      const started = Date.now();
      try {
        const r = await opts.store.pruneArticleBodies(before);
        opts.logger.info("archive retention: old article bodies pruned", {
          pruned: r.pruned,
          keepDays: opts.keepDays,
          before: r.before.toISOString(),
          ms: Date.now() - started,
        });
      } catch (err) {
        opts.logger.error("archive retention failed", { keepDays: opts.keepDays, error: err });
      } finally {
        running = null;
      }
    })();
    return running;
  };
  const task = cron.schedule(expression, () => {
    void runOnce();
  });
  return {
    runOnce,
    async stop() {
      await task.stop();
      await running;
    },
  };
}
