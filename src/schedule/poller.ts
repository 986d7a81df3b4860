/**
 * Polls due sources on a node-cron schedule. A run never overlaps the previous one (a slow feed cannot
 * pile up fetches), and a failing run is logged, never fatal.
 */
import cron from "node-cron";
import type { Logger } from "../core/logger.ts";

export interface Poller {
  /** Runs one poll now (also used at start-up); resolves when it is done. */
  runOnce(): Promise<void>;
  /** Stops the schedule and waits for a poll in progress (so the store is not closed under it). */
  stop(): Promise<void>;
}

export function startPoller(opts: { cron: string; poll: () => Promise<unknown>; logger: Logger }): Poller {
  if (!cron.validate(opts.cron)) throw new Error(`POLL_CRON is not a valid cron expression: ${opts.cron}`);
  let running: Promise<void> | null = null;
  const runOnce = (): Promise<void> => {
    if (running) return running;
    running = (async () => {
      try {
        await opts.poll();
      } catch (err) {
        opts.logger.error("poll failed", { error: err });
      } finally {
        running = null;
      }
    })();
    return running;
  };
  const task = cron.schedule(opts.cron, () => {
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
