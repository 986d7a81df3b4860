/**
 * One polling run: claims the due feeds a batch at a time (leases, so several processes share the work)
 * and fetches them with a bounded concurrency and at most `perHost` requests at once to any one host, so
 * a publisher with hundreds of feeds sees a couple of polite connections, not a burst. The run keeps
 * claiming while feeds are due (a feed that fell due during the run is taken in the same run) and ends
 * when none is, or after `maxRunMs` (the next run takes over).
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
  ingestSource: (s: SourceRecord) => Promise<{
    inserted: number;
    duplicates: number;
    failed: number;
    notModified?: boolean;
    fetchFailed?: boolean;
    errors: string[];
  }>;
  concurrency: number;
  perHost: number;
  /** How long a claim keeps other processes off a feed (covers the queue wait and the fetch). */
  leaseMs: number;
  maxRunMs: number;
}

type Claimed = SourceRecord & { dueAt: Date | null };

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
  const inflight = new Map<string, number>();
  const running = new Set<Promise<void>>();
  let queue: Claimed[] = [];
  let exhausted = false;
  let stopped = false;

  const claim = async (): Promise<Claimed[]> => {
    const now = d.clock.now();
    if (d.sources.claimDueSources) return d.sources.claimDueSources(now, d.leaseMs, batch);
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
      inflight.set(host, (inflight.get(host) ?? 1) - 1);
    }
  };

  for (;;) {
    while (!stopped && running.size < d.concurrency) {
      const i = queue.findIndex((s) => (inflight.get(hostKey(s.url)) ?? 0) < d.perHost);
      if (i < 0) {
        // every queued feed waits for its host: claim more only while the queue is short
        if (exhausted || queue.length >= batch * 2 || Date.now() - started > d.maxRunMs) break;
        const more = await claim();
        if (more.length === 0) exhausted = true;
        queue = queue.concat(more);
        continue;
      }
      const [source] = queue.splice(i, 1) as [Claimed];
      const host = hostKey(source.url);
      inflight.set(host, (inflight.get(host) ?? 0) + 1);
      const p: Promise<void> = run(source, host).finally(() => running.delete(p));
      running.add(p);
    }
    if (running.size === 0) break;
    await Promise.race(running);
  }
  return out;
}
