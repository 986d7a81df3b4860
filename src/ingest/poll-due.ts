/**
 * One polling run: claims the due feeds a batch at a time (leases, so several processes share the work)
 * and fetches them with a bounded concurrency and at most `perHost` requests at once to any one host, so
 * a publisher with hundreds of feeds sees a couple of polite connections, not a burst. The run keeps
 * claiming while feeds are due (a feed that fell due during the run is taken in the same run) and ends
 * when none is, or after `maxRunMs` (the next run takes over). Leases of the feeds claimed and not yet
 * done are renewed every third of the lease, so a slow poll is never taken over by another process while
 * this one is alive; a queued feed whose lease was lost anyway (the process stalled) is left to its new owner.
 */
import { messageOf, StorageFullError } from "../core/errors.ts";
import type { Clock, Logger } from "../core/logger.ts";
import type { SourceRecord, SourceStore } from "../core/store.ts";

export interface PollSummary {
  sources: number;
  failedSources: number;
  /** Feeds that answered 304 Not Modified. */
  notModified: number;
  inserted: number;
  duplicates: number;
  failed: number;
  errors: string[];
  /** Per feed, ms between its due time and the start of its fetch (feeds never fetched before are left out). */
  lateMs: number[];
}

export interface PollRunDeps {
  sources: SourceStore;
  clock: Clock;
  logger: Logger;
  /** Polls one feed; `dueAt` is the due time its claim replaced (null for a first fetch). */
  ingestSource: (s: SourceRecord & { dueAt?: Date | null }) => Promise<{
    inserted: number;
    duplicates: number;
    failed: number;
    notModified?: boolean;
    fetchFailed?: boolean;
    errors: string[];
  }>;
  concurrency: number;
  perHost: number;
  /** How long a claim keeps other processes off a feed (renewed while it is queued or fetched). */
  leaseMs: number;
  maxRunMs: number;
}

type Claimed = SourceRecord & { dueAt: Date | null };

/**
 * Claimed feeds waiting for their host at most (their leases are renewed while they wait): enough that a
 * publisher whose feeds are slow, or hang until the timeout, never holds back the feeds of other hosts.
 */
const MAX_QUEUED = 500;

/** Host (with port) of a feed URL: the unit of the per-host limit. */
export function hostKey(url: string): string {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return url;
  }
}

export async function pollDueSources(d: PollRunDeps): Promise<PollSummary> {
  const out: PollSummary = {
    sources: 0,
    failedSources: 0,
    notModified: 0,
    inserted: 0,
    duplicates: 0,
    failed: 0,
    errors: [],
    lateMs: [],
  };
  const started = Date.now();
  const batch = d.concurrency * 2;
  const maxQueued = Math.max(batch * 2, MAX_QUEUED);
  const inflight = new Map<string, number>();
  const running = new Set<Promise<void>>();
  let queue: Array<{ source: Claimed; host: string }> = [];
  let exhausted = false;
  let stopped = false;
  // claimed feeds not done yet -> the lease this process holds on each (their nextFetchAt)
  const held = new Map<number, Date>();

  const claim = async (): Promise<Claimed[]> => {
    const now = d.clock.now();
    if (d.sources.claimDueSources) {
      const got = await d.sources.claimDueSources(now, d.leaseMs, batch);
      for (const s of got) if (s.nextFetchAt) held.set(s.id, s.nextFetchAt);
      return got;
    }
    // a store without claims (single process): everything due, once
    exhausted = true;
    return (await d.sources.dueSources(now)).map((s) => ({ ...s, dueAt: s.nextFetchAt }));
  };

  const run = async (source: Claimed, host: string) => {
    const startedAt = d.clock.now();
    if (source.dueAt) out.lateMs.push(Math.max(0, startedAt.getTime() - source.dueAt.getTime()));
    out.sources++;
    try {
      const r = await d.ingestSource(source);
      out.inserted += r.inserted;
      out.duplicates += r.duplicates;
      out.failed += r.failed;
      if (r.notModified) out.notModified++;
      if (r.fetchFailed) {
        out.failedSources++;
        out.errors.push(`source ${source.id}: ${r.errors[0] ?? "failed"}`);
      }
    } catch (err) {
      if (err instanceof StorageFullError) {
        // every other feed would fail the same way: stop this run (their leases expire, the next run retries)
        if (!stopped) d.logger.error("poll stopped: storage full", { database: err.database });
        out.errors.push(err.message);
        stopped = true;
        return;
      }
      // storage failed while recording: count it and go on with the other feeds
      out.failedSources++;
      out.errors.push(`source ${source.id}: ${messageOf(err)}`);
      d.logger.error("poll source failed", { sourceId: source.id, error: String(err) });
    } finally {
      held.delete(source.id);
      inflight.set(host, (inflight.get(host) ?? 1) - 1);
    }
  };

  let renewing: Promise<void> | null = null;
  const renew = async () => {
    const renewClaims = d.sources.renewSourceClaims?.bind(d.sources);
    if (!renewClaims || held.size === 0) return;
    const leases = [...held].map(([id, at]) => ({ id, held: at }));
    const until = new Date(d.clock.now().getTime() + d.leaseMs);
    try {
      const renewed = new Set(await renewClaims(leases, until));
      for (const { id } of leases) {
        if (!held.has(id)) continue; // done meanwhile: its poll recorded the next due time
        if (renewed.has(id)) {
          held.set(id, until);
          continue;
        }
        held.delete(id);
        const queued = queue.findIndex((q) => q.source.id === id);
        if (queued >= 0) queue.splice(queued, 1);
        d.logger.warn("poll lease lost", { sourceId: id, queued: queued >= 0 });
      }
    } catch (err) {
      d.logger.error("poll lease renewal failed", { error: err });
    }
  };
  const renewTimer = setInterval(
    () => {
      renewing ??= renew().finally(() => {
        renewing = null;
      });
    },
    Math.max(250, Math.floor(d.leaseMs / 3)),
  );
  renewTimer.unref();

  try {
    await loop();
  } finally {
    clearInterval(renewTimer);
    await renewing;
  }
  return out;

  async function loop() {
    for (;;) {
      while (!stopped && running.size < d.concurrency) {
        const i = queue.findIndex((q) => (inflight.get(q.host) ?? 0) < d.perHost);
        if (i < 0) {
          // every queued feed waits for its host (a slow publisher): claim more, so the feeds of the other
          // hosts are not held behind it, up to a bound
          if (exhausted || queue.length >= maxQueued || Date.now() - started > d.maxRunMs) break;
          const more = await claim();
          if (more.length === 0) exhausted = true;
          queue = queue.concat(more.map((source) => ({ source, host: hostKey(source.url) })));
          continue;
        }
        const [{ source, host }] = queue.splice(i, 1) as [{ source: Claimed; host: string }];
        inflight.set(host, (inflight.get(host) ?? 0) + 1);
        const p: Promise<void> = run(source, host).finally(() => running.delete(p));
        running.add(p);
      }
      if (running.size === 0) break;
      await Promise.race(running);
    }
  }
}
