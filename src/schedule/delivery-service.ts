/**
 * One call for the composition root: builds the outbox delivery, the subscription scheduler and the
 * `/digest` previewer over the store and the running adapters, and starts the cron tick.
 *
 * SQLite: run ONE bot process per database file. At start-up the leases a killed predecessor left are
 * dropped so its unfinished posts go out at once; with PostgreSQL leases simply expire (`leaseMs`), so
 * several processes can share the database.
 */
import type { Platform, TopicInfo } from "../core/command.ts";
import type { DeliveryStore, DigestPreviewer } from "../core/delivery.ts";
import type { Clock, Logger } from "../core/logger.ts";
import type { PlatformAdapter, PlatformLimitsTable } from "../core/platform.ts";
import { createDelivery, type DeliveryOptions } from "../outbox/delivery.ts";
import { createDigestScheduler, type DigestScheduler, type DigestSchedulerOptions } from "./digest-scheduler.ts";
import { createDigestPreviewer } from "./preview.ts";

export interface ScheduledDeliveryOptions {
  store: DeliveryStore & { readonly provider: "sqlite" | "postgresql" };
  /** The running adapters by platform id. */
  adapters: Readonly<Record<Platform, PlatformAdapter>>;
  topics: TopicInfo[];
  /** Every platform's limits by id, running or not (posts for a chat whose platform is not running wait). */
  limits: PlatformLimitsTable;
  clock: Clock;
  logger: Logger;
  /** Fan-out and retry settings (concurrency, leaseMs, maxAttempts, backoff). */
  delivery?: Omit<DeliveryOptions, "store" | "adapters" | "clock" | "logger">;
  /** Tick and composition settings (cron, sendEmptyDigest, alertEveryMinutes, batchSize). */
  scheduler?: Omit<DigestSchedulerOptions, "store" | "delivery" | "topics" | "limits" | "clock" | "logger">;
}

export interface ScheduledDelivery {
  scheduler: DigestScheduler;
  /** Pass as `services.digests` so `/digest` works. */
  previewer: DigestPreviewer;
  stop(): Promise<void>;
}

/** Builds and starts scheduled delivery (a first tick runs at once and catches up on downtime). */
export async function startScheduledDelivery(opts: ScheduledDeliveryOptions): Promise<ScheduledDelivery> {
  const logger = opts.logger.child({ component: "delivery" });
  if (opts.store.provider === "sqlite") {
    const released = await opts.store.releaseAllClaims();
    if (released > 0) logger.info("released outbox leases left by a previous run", { released });
  }
  const delivery = createDelivery({
    ...opts.delivery,
    store: opts.store,
    adapters: opts.adapters,
    clock: opts.clock,
    logger,
  });
  const scheduler = createDigestScheduler({
    ...opts.scheduler,
    store: opts.store,
    delivery,
    topics: opts.topics,
    limits: opts.limits,
    clock: opts.clock,
    logger,
  });
  scheduler.start();
  return {
    scheduler,
    previewer: createDigestPreviewer({
      store: opts.store,
      topics: opts.topics,
      limits: opts.limits,
      alertEveryMinutes: opts.scheduler?.alertEveryMinutes,
    }),
    stop: () => scheduler.stop(),
  };
}
