/**
 * Two bot processes (two stores with their own connection pools, two ingestors) poll the same feeds on one
 * PostgreSQL at the same moments: each feed is fetched once per window between them, and the feeds a
 * crashed process had claimed are taken over when its lease runs out. Runs only under scripts/test-pg.sh.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { silentLogger, systemClock } from "../../src/core/logger.ts";
import type { Ingestor } from "../../src/ingest/pipeline.ts";
import { createStore, type Store } from "../../src/store/index.ts";
import { freshDatabase, type TestDatabase } from "../store/backends.ts";
import { fakeClock, fakeIngestor, POLLING, startServer, type TestServer } from "./helpers.ts";

const FEEDS = 60;
const MIN = 60_000;

describe.skipIf(!process.env.TEST_PG_URL)("two pollers on one PostgreSQL", () => {
  let tdb: TestDatabase;
  const stores: Store[] = [];
  const ingestors: Ingestor[] = [];
  let server: TestServer;
  const clock = fakeClock("2026-12-01T12:00:00Z");

  beforeAll(async () => {
    tdb = await freshDatabase("postgresql");
    server = await startServer((req, res) => {
      // a little latency so both pollers are busy at the same time
      setTimeout(() => {
        res.writeHead(200, { etag: `"${req.url}"` });
        res.end(
          `<rss version="2.0"><channel><title>F</title><item><title>Nouvelle ${req.url}</title><link>https://outlet.example${req.url}</link></item></channel></rss>`,
        );
      }, 5);
    });
    for (let i = 0; i < 2; i++) {
      const store = await createStore(tdb.url, silentLogger);
      stores.push(store);
      ingestors.push(fakeIngestor({ sources: store, articles: store, clock, ...POLLING }));
    }
    for (let i = 0; i < FEEDS; i++) await (stores[0] as Store).addSource({ url: `${server.url}/feed/${i}` });
  }, 60_000);

  afterAll(async () => {
    await server?.close();
    for (const s of stores) await s.close();
    await tdb?.drop();
  });

  it("fetches each feed once per window between them", async () => {
    for (let window = 0; window < 3; window++) {
      const before = server.requests.length;
      const [a, b] = await Promise.all(ingestors.map((i) => i.pollDue()));
      const paths = server.requests.slice(before).map((r) => r.path);
      expect(paths).toHaveLength(FEEDS);
      expect(new Set(paths).size).toBe(FEEDS);
      // both took a share
      expect(a?.sources).toBeGreaterThan(0);
      expect(b?.sources).toBeGreaterThan(0);
      expect((a?.sources ?? 0) + (b?.sources ?? 0)).toBe(FEEDS);
      clock.advance(10 * MIN);
    }
    // the window after the first is answered with 304s: conditional GET on every feed
    expect(server.requests.slice(-FEEDS).every((r) => r.headers["if-none-match"])).toBe(true);
  });

  it("takes over the feeds a crashed poller had claimed once its lease expires", async () => {
    const dead = stores[0] as Store;
    // the first process claims everything due and dies before fetching
    const claimed = await dead.claimDueSources(clock.now(), 10 * MIN, FEEDS);
    expect(claimed).toHaveLength(FEEDS);
    const before = server.requests.length;
    expect((await (ingestors[1] as Ingestor).pollDue()).sources).toBe(0);
    clock.advance(10 * MIN + 1000);
    const r = await (ingestors[1] as Ingestor).pollDue();
    expect(r.sources).toBe(FEEDS);
    expect(new Set(server.requests.slice(before).map((q) => q.path)).size).toBe(FEEDS);
  });
});

describe.skipIf(!process.env.TEST_PG_URL)("a poll that outlasts its lease, on PostgreSQL", () => {
  let tdb: TestDatabase;
  const stores: Store[] = [];
  let server: TestServer;

  afterAll(async () => {
    await server?.close();
    for (const s of stores) await s.close();
    await tdb?.drop();
  });

  it("keeps its lease while it lasts: the other process never fetches the slow feed a second time", async () => {
    tdb = await freshDatabase("postgresql");
    server = await startServer((req, res) => {
      // the feed takes four times the lease to answer
      setTimeout(() => {
        res
          .writeHead(200)
          .end(
            `<rss version="2.0"><channel><title>Lent</title><item><title>Dépêche lente</title><link>https://outlet.example${req.url}</link></item></channel></rss>`,
          );
      }, 4000);
    });
    const ingestors: Ingestor[] = [];
    for (let i = 0; i < 2; i++) {
      const store = await createStore(tdb.url, silentLogger);
      stores.push(store);
      ingestors.push(
        fakeIngestor({
          sources: store,
          articles: store,
          // real time: the lease must run out on the wall clock
          clock: systemClock,
          fetchOptions: { allowHosts: ["127.0.0.1"], timeoutMs: 10_000 },
          pollIntervalMs: 10 * MIN,
          pollLeaseMs: 1000,
        }),
      );
    }
    const [first, second] = ingestors as [Ingestor, Ingestor];
    await (stores[0] as Store).addSource({ url: `${server.url}/slow` });
    let done = false;
    const slow = first.pollDue().finally(() => {
      done = true;
    });
    // the other process polls every 200 ms while the slow poll lasts, well past the first lease
    let taken = 0;
    let polls = 0;
    while (!done) {
      await new Promise((r) => setTimeout(r, 200));
      taken += (await second.pollDue()).sources;
      polls++;
    }
    expect(taken).toBe(0);
    expect(server.requests.map((r) => r.path)).toEqual(["/slow"]);
    expect((await slow).inserted).toBe(1);
    expect(polls).toBeGreaterThan(10);
    // and the due time the poll recorded stands: a window later, not a renewed lease
    const [source] = await (stores[1] as Store).listSources();
    expect((source?.nextFetchAt?.getTime() ?? 0) - Date.now()).toBeGreaterThan(8 * MIN);
  }, 30_000);
});
