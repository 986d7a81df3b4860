/**
 * Claiming due feeds with a lease (src/store/source-claims.ts): a claimed feed is not due for anyone else
 * until the lease runs out (a crashed poller's feeds come back), and the due time it replaced is returned.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { silentLogger } from "../../src/core/logger.ts";
import { createStore, type Store } from "../../src/store/index.ts";
import type { ClaimedSource } from "../../src/store/source-claims.ts";
import { backends, freshDatabase, type TestDatabase } from "./backends.ts";

const MIN = 60_000;

describe.each(backends)("source claims on %s", (backend) => {
  let tdb: TestDatabase;
  let store: Store;
  beforeAll(async () => {
    tdb = await freshDatabase(backend);
    store = await createStore(tdb.url, silentLogger);
  });
  afterAll(async () => {
    await store?.close();
    await tdb?.drop();
  });

  it("claims each due feed once, skips paused, future and file feeds, and frees it when the lease ends", async () => {
    const now = new Date("2026-12-01T12:00:00Z");
    const due = new Date(now.getTime() - 3 * MIN);
    const a = await store.addSource({ url: "https://claims-a.example/rss", nextFetchAt: due });
    const b = await store.addSource({ url: "https://claims-b.example/rss" });
    await store.addSource({ url: "https://claims-later.example/rss", nextFetchAt: new Date(now.getTime() + MIN) });
    const paused = await store.addSource({ url: "https://claims-paused.example/rss" });
    await store.setSourcePaused(paused.id, true);
    await store.addSource({ url: "file:///tmp/claims.xml" });

    const first = await store.claimDueSources(now, 10 * MIN, 10);
    expect(first.map((s) => s.id).sort()).toEqual([a.id, b.id].sort());
    expect(first.find((s) => s.id === a.id)?.dueAt).toEqual(due);
    expect(first.find((s) => s.id === b.id)?.dueAt).toBeNull();
    // another poller at the same moment gets nothing: the feeds are leased
    expect(await store.claimDueSources(now, 10 * MIN, 10)).toEqual([]);
    // the poller died: after the lease the feeds are due again
    const later = new Date(now.getTime() + 11 * MIN);
    const retaken = await store.claimDueSources(later, 10 * MIN, 10);
    expect(retaken.map((s) => s.url).sort()).toEqual([
      "https://claims-a.example/rss",
      "https://claims-b.example/rss",
      "https://claims-later.example/rss",
    ]);
  });

  it("claims at most `limit` feeds, most overdue first", async () => {
    // before the leases of the test above, so only these five are due
    const now = new Date("2026-11-30T12:00:00Z");
    for (let i = 0; i < 5; i++)
      await store.addSource({ url: `https://limit-${i}.example/rss`, nextFetchAt: new Date(now.getTime() - i * MIN) });
    const got = await store.claimDueSources(now, MIN, 2);
    expect(got.map((s) => s.url)).toEqual(["https://limit-4.example/rss", "https://limit-3.example/rss"]);
  });

  it("renews a lease only while this process still holds it", async () => {
    // a day of its own, so the feeds of the tests above are not due
    const now = new Date("2026-11-29T12:00:00Z");
    const ids = [];
    for (let i = 0; i < 3; i++)
      ids.push((await store.addSource({ url: `https://renew-${i}.example/rss`, nextFetchAt: now })).id);
    const claimed = await store.claimDueSources(now, MIN, 10);
    expect(claimed.map((c) => c.id).sort()).toEqual([...ids].sort());
    const [a, b, c] = claimed as [ClaimedSource, ClaimedSource, ClaimedSource];
    // a's poll ended (its next due time recorded); c's lease ran out and another poller took it
    const next = new Date(now.getTime() + 10 * MIN);
    await store.recordFetchSuccess(a.id, { at: now, etag: null, lastModified: null, nextFetchAt: next });
    const later = new Date(now.getTime() + 2 * MIN);
    await store.setSourcePaused(b.id, true);
    const retaken = await store.claimDueSources(later, MIN, 10);
    await store.setSourcePaused(b.id, false);
    expect(retaken.map((s) => s.id)).toEqual([c.id]);

    const until = new Date(later.getTime() + 5 * MIN);
    const renewed = await store.renewSourceClaims(
      claimed.map((s) => ({ id: s.id, held: s.nextFetchAt as Date })),
      until,
    );
    expect(renewed).toEqual([b.id]);
    expect((await store.getSource(a.id))?.nextFetchAt).toEqual(next);
    expect((await store.getSource(b.id))?.nextFetchAt).toEqual(until);
    // the other poller's lease on c is untouched
    expect((await store.getSource(c.id))?.nextFetchAt).toEqual(retaken[0]?.nextFetchAt);
  });
});
